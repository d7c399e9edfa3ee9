package jp.tsunagu.reporting.figures;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.PlanType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Small-cell suppression for what is published to the portal, so nobody can be singled out: a count of people or
 * cases from 1 to 9 is shown as {@link #MARK}; 0 and 10 or more are shown. Within a group of cells that add up to a
 * published total (a breakdown by channel, an agency's outcomes), a single suppressed cell could be recovered by
 * subtraction, so the next smallest non-zero cell is suppressed with it (secondary suppression). Counts of meetings
 * held are not about people and are shown as they are. A median over fewer than 10 cases is not shown.
 */
public final class Suppression {

    public static final String MARK = "*";
    public static final int THRESHOLD = 10;

    private Suppression() {
    }

    public static String cell(int count) {
        return count > 0 && count < THRESHOLD ? MARK : Integer.toString(count);
    }

    /** A breakdown whose total is published: primary and secondary suppression. */
    public static Map<String, String> group(Map<String, Integer> cells) {
        Map<String, String> shown = new LinkedHashMap<>();
        cells.forEach((k, v) -> shown.put(k, cell(v)));
        long suppressed = shown.values().stream().filter(MARK::equals).count();
        if (suppressed == 1) {
            cells.entrySet().stream()
                    .filter(e -> e.getValue() >= THRESHOLD)
                    .min(Comparator.comparingInt(Map.Entry::getValue))
                    .ifPresent(e -> shown.put(e.getKey(), MARK));
        }
        return shown;
    }

    /**
     * The published year. The households' counts are cells like the others; {@code casesPerHousehold} is shown only
     * when {@code householdsSupported} is shown as a number of 10 or more (with the cases, it would give a suppressed
     * count away).
     */
    @JsonPropertyOrder({"fiscalYear", "label", "meetings", "plans", "referrals", "byChannel", "byUrgency",
            "byConcern", "byField", "routingByAgency", "medianDays", "casesSupported", "householdsSupported",
            "multiCaseHouseholds", "householdsWithPlan", "casesPerHousehold"})
    public record PortalYear(int fiscalYear, String code, String label, Map<MeetingType, Map<String, String>> meetings,
                             Map<PlanType, Map<String, String>> plans, String referrals,
                             Map<String, String> byChannel, Map<String, String> byUrgency,
                             Map<String, String> byConcern, Map<String, String> byField,
                             Map<String, Map<String, String>> routingByAgency, Map<String, Double> medianDays,
                             String casesSupported, String householdsSupported, String multiCaseHouseholds,
                             String householdsWithPlan, Double casesPerHousehold) {
    }

    public static PortalYear publish(FiscalYearFigures.Year table, CaseFigures.Year cases) {
        Map<MeetingType, Map<String, String>> meetings = new LinkedHashMap<>();
        table.meetings().forEach((type, m) -> meetings.put(type, ordered("held", Integer.toString(m.held()),
                "casesHandled", cell(m.casesHandled()), "distinctCases", cell(m.distinctCases()))));
        Map<PlanType, Map<String, String>> plans = new LinkedHashMap<>();
        table.plans().forEach((type, p) -> plans.put(type, ordered("made", cell(p.made()),
                "replans", cell(p.replans()), "closed", cell(p.closed()))));
        Map<String, Map<String, String>> byAgency = new LinkedHashMap<>();
        cases.routingByAgency().forEach((agency, outcomes) -> byAgency.put(agency, group(outcomes)));
        Map<String, Double> medians = new LinkedHashMap<>();
        medians.put("toRouting", shown(cases.medianDays().toRouting()));
        medians.put("toFirstMeeting", shown(cases.medianDays().toFirstMeeting()));
        medians.put("toFirstPlan", shown(cases.medianDays().toFirstPlan()));
        return new PortalYear(table.fiscalYear(), table.code(), table.label(), meetings, plans, cell(cases.referrals()),
                group(cases.byChannel()), group(cases.byUrgency()), group(cases.byConcern()), group(cases.byField()),
                byAgency, medians, cell(cases.casesSupported()), cell(cases.householdsSupported()),
                cell(cases.multiCaseHouseholds()), cell(cases.householdsWithPlan()),
                cases.householdsSupported() < THRESHOLD ? null : cases.casesPerHousehold());
    }

    public static Map<String, String> stages(CaseFigures.Stages stages) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        stages.byStage().forEach((s, n) -> counts.put(s.name(), n));
        Map<String, String> shown = new LinkedHashMap<>();
        shown.put("open", cell(stages.open()));
        shown.putAll(group(counts));
        return shown;
    }

    private static Double shown(CaseFigures.Median median) {
        return median.cases() < THRESHOLD ? null : median.days();
    }

    private static Map<String, String> ordered(String... keysAndValues) {
        List<String> kv = new ArrayList<>(List.of(keysAndValues));
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.size(); i += 2) {
            m.put(kv.get(i), kv.get(i + 1));
        }
        return m;
    }
}
