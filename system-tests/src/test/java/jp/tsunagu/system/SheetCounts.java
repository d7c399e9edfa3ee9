package jp.tsunagu.system;

import jp.tsunagu.contract.codes.FiscalYear;
import jp.tsunagu.contract.codes.PlanType;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What importing a sheet's good rows must create, counted from the rows' own kinds: the dry run's {@code wouldCreate}
 * and the year's figures in reporting (every date of a sheet lies in its one fiscal year).
 *
 * @param routed    cases handed to the agency the row names (つなぎ先決定, 受入, 参加支援プラン)
 * @param accepted  cases an agency accepted (受入, アウトリーチ中, アウトリーチプラン, 参加支援プラン)
 * @param escalated cases passed to 多機関協働 (多機関協働へ, 会議で検討中, 多機関協働プラン)
 * @param outreach  cases sent out for アウトリーチ (アウトリーチ中, アウトリーチプラン)
 * @param plansMade plans made in the year, per type; plansClosed: closed in the year, per type
 */
record SheetCounts(FiscalYear year, int cases, int routedByRules, int routed, int accepted, int escalated,
                   int outreach, int plans, int closed, Map<PlanType, Integer> plansMade,
                   Map<PlanType, Integer> plansClosed) {

    static SheetCounts of(FiscalYear year, List<RowKind> kinds) {
        Map<PlanType, Integer> made = new EnumMap<>(PlanType.class);
        Map<PlanType, Integer> closed = new EnumMap<>(PlanType.class);
        for (PlanType t : PlanType.values()) {
            made.put(t, 0);
            closed.put(t, 0);
        }
        int byRules = 0;
        int routed = 0;
        int accepted = 0;
        int escalated = 0;
        int outreach = 0;
        for (RowKind k : kinds) {
            switch (k.hand) {
                case BY_RULES -> byRules++;
                case ROUTED -> routed++;
                case ESCALATED -> escalated++;
                case OUTREACH -> outreach++;
            }
            accepted += k.accepted ? 1 : 0;
            if (k.planned) {
                made.merge(k.planType, 1, Integer::sum);
            }
            if (k.closed) {
                closed.merge(k.planType, 1, Integer::sum);
            }
        }
        return new SheetCounts(year, kinds.size(), byRules, routed, accepted, escalated, outreach,
                made.values().stream().mapToInt(Integer::intValue).sum(),
                closed.values().stream().mapToInt(Integer::intValue).sum(), Map.copyOf(made), Map.copyOf(closed));
    }

    /** The dry run's {@code wouldCreate} as the spec shapes it (byFiscalYear: this sheet's one year). */
    Map<String, Object> wouldCreate() {
        Map<String, Object> w = new java.util.LinkedHashMap<>();
        w.put("cases", cases);
        w.put("routedByRules", routedByRules);
        w.put("routed", routed);
        w.put("accepted", accepted);
        w.put("escalated", escalated);
        w.put("outreach", outreach);
        w.put("plans", plans);
        w.put("closed", closed);
        w.put("byFiscalYear", List.of(Map.of("fiscalYear", year.label(), "cases", cases, "plansMade", plans,
                "plansClosed", closed)));
        return w;
    }

    /** The change the year's figures must show (keys as {@link ImportCalls#figures} names them). */
    Map<String, Integer> figureChange() {
        Map<String, Integer> change = new java.util.LinkedHashMap<>();
        change.put("referrals", cases);
        change.put("casesSupported", cases);
        for (PlanType t : PlanType.values()) {
            change.put(t.name() + ".made", plansMade.get(t));
            change.put(t.name() + ".closed", plansClosed.get(t));
        }
        return change;
    }
}
