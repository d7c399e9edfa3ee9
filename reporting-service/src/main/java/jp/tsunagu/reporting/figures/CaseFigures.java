package jp.tsunagu.reporting.figures;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jp.tsunagu.contract.codes.CaseStatus;
import jp.tsunagu.contract.codes.FiscalYear;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The figures a city reports besides seed 000's table, for one fiscal year. Definitions (also in the README):
 * <ul>
 *   <li>{@code referrals}: cases whose {@code receivedOn} is in the year, except those a coordinator joined to
 *       another case as a duplicate of the same person ({@code duplicate-confirmed}: one person, one 相談); {@code byChannel}, {@code byUrgency}: each
 *       case once; {@code byConcern}: each case once per concern it names (a case with three concerns counts in
 *       three rows, like Nagareyama's survey of 429 cases by difficulty); {@code byField}: each case once per field
 *       (分野) of its first routing decision, {@code NONE} when routing found none;</li>
 *   <li>{@code routingByAgency}: routing events with their business date in the year, per agency and outcome
 *       (ROUTED, OUTREACH, ACCEPTED, DECLINED, OVERDUE; ESCALATED under {@code 多機関協働事業});</li>
 *   <li>{@code medianDays}: for the year's referrals, the median number of days from {@code receivedOn} to the
 *       first routing decision, to the first meeting that reviewed the case, and to its first plan, over the cases
 *       that got there (with their count);</li>
 *   <li>{@code byStage}: all the municipality's cases by their current stage (today, not by year), confirmed
 *       duplicates left out as above; every stage but CLOSED is open;</li>
 *   <li>{@code casesSupported}, {@code householdsSupported} (支援世帯数), {@code multiCaseHouseholds},
 *       {@code householdsWithPlan}, {@code casesPerHousehold}: as in the year table ({@link HouseholdFigures}).</li>
 * </ul>
 */
public final class CaseFigures {

    /** The key under which an escalation to 多機関協働事業 is counted (it names no single agency). */
    public static final String COORDINATION = "多機関協働事業";

    private CaseFigures() {
    }

    @JsonPropertyOrder({"days", "cases"})
    public record Median(Double days, int cases) {
    }

    @JsonPropertyOrder({"toRouting", "toFirstMeeting", "toFirstPlan"})
    public record Medians(Median toRouting, Median toFirstMeeting, Median toFirstPlan) {
    }

    /** The year's figures; {@code casesSupported} and the four after it are {@link HouseholdFigures}'. */
    @JsonPropertyOrder({"fiscalYear", "label", "referrals", "byChannel", "byUrgency", "byConcern", "byField",
            "routingByAgency", "medianDays", "casesSupported", "householdsSupported", "multiCaseHouseholds",
            "householdsWithPlan", "casesPerHousehold"})
    public record Year(int fiscalYear, String code, String label, int referrals, Map<String, Integer> byChannel,
                       Map<String, Integer> byUrgency, Map<String, Integer> byConcern, Map<String, Integer> byField,
                       Map<String, Map<String, Integer>> routingByAgency, Medians medianDays, int casesSupported,
                       int householdsSupported, int multiCaseHouseholds, int householdsWithPlan,
                       Double casesPerHousehold) {

        /** A year with no household figures (no case supported). */
        public Year(int fiscalYear, String code, String label, int referrals, Map<String, Integer> byChannel,
                    Map<String, Integer> byUrgency, Map<String, Integer> byConcern, Map<String, Integer> byField,
                    Map<String, Map<String, Integer>> routingByAgency, Medians medianDays) {
            this(fiscalYear, code, label, referrals, byChannel, byUrgency, byConcern, byField, routingByAgency,
                    medianDays, HouseholdFigures.Households.NONE);
        }

        Year(int fiscalYear, String code, String label, int referrals, Map<String, Integer> byChannel,
             Map<String, Integer> byUrgency, Map<String, Integer> byConcern, Map<String, Integer> byField,
             Map<String, Map<String, Integer>> routingByAgency, Medians medianDays, HouseholdFigures.Households h) {
            this(fiscalYear, code, label, referrals, byChannel, byUrgency, byConcern, byField, routingByAgency,
                    medianDays, h.casesSupported(), h.householdsSupported(), h.multiCaseHouseholds(),
                    h.householdsWithPlan(), h.casesPerHousehold());
        }
    }

    @JsonPropertyOrder({"open", "byStage"})
    public record Stages(int open, Map<CaseStatus, Integer> byStage) {
    }

    public static Year compute(FiscalYear year, Facts facts) {
        List<Facts.CaseFact> cases = facts.cases().stream()
                .filter(c -> c.receivedOn() != null && year.contains(c.receivedOn())).toList();
        Map<String, Map<String, Integer>> byAgency = new TreeMap<>();
        facts.outcomes().stream().filter(o -> year.contains(o.on())).forEach(o -> byAgency
                .computeIfAbsent(o.agencyId() == null ? COORDINATION : o.agencyId(), k -> new TreeMap<>())
                .merge(o.outcome(), 1, Integer::sum));
        return new Year(year.year(), year.label(), year.japaneseLabel(), cases.size(),
                countEach(cases, c -> List.of(orNone(c.channel()))),
                countEach(cases, c -> List.of(orNone(c.urgency()))),
                countEach(cases, Facts.CaseFact::concerns),
                countEach(cases, c -> c.routedOn() == null ? List.of() : c.fields().isEmpty() ? List.of("NONE")
                        : c.fields()),
                byAgency,
                new Medians(median(cases, Facts.CaseFact::routedOn), median(cases, Facts.CaseFact::firstMeetingOn),
                        median(cases, Facts.CaseFact::firstPlanOn)),
                facts.households(year));
    }

    public static Stages stages(Map<CaseStatus, Integer> byStage) {
        int open = byStage.entrySet().stream().filter(e -> e.getKey() != CaseStatus.CLOSED)
                .mapToInt(Map.Entry::getValue).sum();
        Map<CaseStatus, Integer> all = new java.util.EnumMap<>(CaseStatus.class);
        for (CaseStatus s : CaseStatus.values()) {
            all.put(s, byStage.getOrDefault(s, 0));
        }
        return new Stages(open, all);
    }

    static Median median(List<Facts.CaseFact> cases, Function<Facts.CaseFact, LocalDate> reached) {
        List<Long> days = new ArrayList<>();
        for (Facts.CaseFact c : cases) {
            LocalDate at = reached.apply(c);
            if (at != null) {
                days.add(Math.max(0, ChronoUnit.DAYS.between(c.receivedOn(), at)));
            }
        }
        if (days.isEmpty()) {
            return new Median(null, 0);
        }
        days.sort(null);
        int n = days.size();
        double median = n % 2 == 1 ? days.get(n / 2) : (days.get(n / 2 - 1) + days.get(n / 2)) / 2.0;
        return new Median(median, n);
    }

    private static Map<String, Integer> countEach(List<Facts.CaseFact> cases,
                                                  Function<Facts.CaseFact, Collection<String>> keys) {
        Map<String, Integer> counts = new TreeMap<>();
        cases.forEach(c -> keys.apply(c).stream().distinct().forEach(k -> counts.merge(k, 1, Integer::sum)));
        return counts;
    }

    private static String orNone(String code) {
        return code == null ? "NONE" : code;
    }
}
