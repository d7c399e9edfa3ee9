package jp.tsunagu.intake.importing.check;

import jp.tsunagu.contract.codes.FiscalYear;
import jp.tsunagu.contract.importing.ImportedStages;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What importing the good rows would create, as the dry run shows it: cases, how each left intake, acceptances, plans,
 * and per 年度 (by the business date of each event: 受付日, 作成日, 終結日, as the year table counts them).
 */
public record WouldCreate(int cases, int routedByRules, int routed, int accepted, int escalated, int outreach,
                          int plans, int closed, List<YearCount> byFiscalYear) {

    /** @param fiscalYear R8; @param label 令和8年度 */
    public record YearCount(String fiscalYear, String label, int cases, int plansMade, int plansClosed) {
    }

    public static WouldCreate of(List<ImportRow> rows) {
        int[] n = new int[8];
        Map<FiscalYear, int[]> years = new TreeMap<>();
        for (ImportRow r : rows) {
            ImportedStages s = r.stages();
            n[0]++;
            switch (s.hand()) {
                case BY_RULES -> n[1]++;
                case ROUTED -> n[2]++;
                case ESCALATED -> n[4]++;
                case OUTREACH -> n[5]++;
            }
            n[3] += s.accepted() ? 1 : 0;
            n[6] += s.planned() ? 1 : 0;
            n[7] += s.closed() ? 1 : 0;
            count(years, r.referral().receivedOn(), 0);
            if (s.planned()) {
                count(years, r.planMadeOn(), 1);
            }
            if (s.closed()) {
                count(years, r.closedOn(), 2);
            }
        }
        List<YearCount> byYear = new ArrayList<>();
        years.forEach((y, c) -> byYear.add(new YearCount(y.label(), y.japaneseLabel(), c[0], c[1], c[2])));
        return new WouldCreate(n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7], List.copyOf(byYear));
    }

    private static void count(Map<FiscalYear, int[]> years, LocalDate day, int which) {
        if (day != null) {
            years.computeIfAbsent(FiscalYear.of(day), y -> new int[3])[which]++;
        }
    }
}
