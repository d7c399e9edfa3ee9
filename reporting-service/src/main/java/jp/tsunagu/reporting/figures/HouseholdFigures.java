package jp.tsunagu.reporting.figures;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jp.tsunagu.contract.codes.FiscalYear;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The households (世帯) a fiscal year supported, from the cases it supported and the household each is in now
 * ({@code case_fact.household_id}). Definitions (also in the README and {@link FigureDefinitions#HOUSEHOLD_LABELS}):
 * <ul>
 *   <li>{@code casesSupported} (支援した案件数): the cases, not joined to another as a duplicate, with a step of
 *       support in the year — received, a routing decision or answer, a review in a meeting's minutes, or a plan
 *       made, revised or closed, by business date — or with a plan open during the year;</li>
 *   <li>{@code householdsSupported} (支援世帯数): the distinct households among them, a case in no household counting
 *       as its own;</li>
 *   <li>{@code multiCaseHouseholds} (複数の案件がある世帯): those with two or more of the year's cases;</li>
 *   <li>{@code householdsWithPlan} (プランのある世帯数): those with a plan made in the year or open during it (a
 *       household's plan, one plan for all its members, makes one household);</li>
 *   <li>{@code casesPerHousehold} (1世帯あたりの案件数): casesSupported / householdsSupported to one decimal, null
 *       when no household.</li>
 * </ul>
 * Plain Java: the database only says which cases had a step in the year and which plans each case is a subject of.
 */
public final class HouseholdFigures {

    private HouseholdFigures() {
    }

    /** A case with a step of support in a fiscal year, and the household it is in now (null when none). */
    public record SupportedCase(int fiscalYear, String caseId, String householdId) {
    }

    /**
     * A case a plan covers (a household's plan covers each member's case), the case's household now, and the plan's
     * creation and closure dates as its events gave them (null when not seen).
     */
    public record PlanSubject(String planId, String caseId, String householdId, LocalDate createdOn,
                              LocalDate closedOn) {

        /** Made by the end of the year and not closed before it began. */
        boolean openDuring(FiscalYear year) {
            return createdOn != null && !createdOn.isAfter(year.end())
                    && (closedOn == null || !closedOn.isBefore(year.start()));
        }
    }

    @JsonPropertyOrder({"casesSupported", "householdsSupported", "multiCaseHouseholds", "householdsWithPlan",
            "casesPerHousehold"})
    public record Households(int casesSupported, int householdsSupported, int multiCaseHouseholds,
                             int householdsWithPlan, Double casesPerHousehold) {

        public static final Households NONE = new Households(0, 0, 0, 0, null);
    }

    public static Households compute(FiscalYear year, List<SupportedCase> supported, List<PlanSubject> plans) {
        Map<String, String> households = new LinkedHashMap<>(); // case → its household's key
        supported.stream().filter(c -> c.fiscalYear() == year.year())
                .forEach(c -> households.put(c.caseId(), key(c.caseId(), c.householdId())));
        Set<String> withPlan = new HashSet<>();
        plans.stream().filter(p -> p.openDuring(year)).forEach(p -> {
            String household = key(p.caseId(), p.householdId());
            households.putIfAbsent(p.caseId(), household);
            withPlan.add(household);
        });
        Map<String, Integer> casesOf = new HashMap<>();
        households.values().forEach(h -> casesOf.merge(h, 1, Integer::sum));
        int cases = households.size();
        int count = casesOf.size();
        int multi = (int) casesOf.values().stream().filter(n -> n >= 2).count();
        Double perHousehold = count == 0 ? null
                : BigDecimal.valueOf(cases).divide(BigDecimal.valueOf(count), 1, RoundingMode.HALF_UP).doubleValue();
        return new Households(cases, count, multi, withPlan.size(), perHousehold);
    }

    /** A household's key: its id, or for a case in none the case itself (its own household). */
    private static String key(String caseId, String householdId) {
        return householdId != null ? "household:" + householdId : "case:" + caseId;
    }
}
