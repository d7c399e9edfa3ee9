package jp.tsunagu.reporting.figures;

import jp.tsunagu.contract.codes.FiscalYear;
import jp.tsunagu.contract.codes.PlanType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static jp.tsunagu.reporting.figures.FiscalYearFigures.Kind.CLOSED;
import static jp.tsunagu.reporting.figures.FiscalYearFigures.Kind.CREATED;
import static jp.tsunagu.reporting.figures.FiscalYearFigures.Kind.REVISED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The households (世帯) a year supported, and a household's plan counted once. */
class HouseholdFiguresTest {

    static final FiscalYear R6 = new FiscalYear(2024);
    static final LocalDate MAY = LocalDate.of(2024, 5, 10);

    @Test
    void aHouseholdOfTwoCasesWithOneHouseholdPlanIsOneHouseholdWithAPlanAndOnePlanMade() {
        // given the parent's and the son's cases in household h1, and one household plan: a plan-created per member
        var supported = List.of(new HouseholdFigures.SupportedCase(2024, "parent", "h1"),
                new HouseholdFigures.SupportedCase(2024, "son", "h1"));
        var subjects = List.of(new HouseholdFigures.PlanSubject("p1", "parent", "h1", MAY, null),
                new HouseholdFigures.PlanSubject("p1", "son", "h1", MAY, null));
        var changes = List.of(new FiscalYearFigures.PlanChange("p1", PlanType.MULTI_AGENCY, CREATED, MAY),
                new FiscalYearFigures.PlanChange("p1", PlanType.MULTI_AGENCY, CREATED, MAY));

        // when the year is counted
        var year = FiscalYearFigures.compute(R6, R6,
                new FiscalYearFigures.Activity(List.of(), List.of(), changes, supported, subjects)).getFirst();

        // then one household, two cases, one household with a plan, one plan made
        assertEquals(2, year.casesSupported());
        assertEquals(1, year.householdsSupported());
        assertEquals(1, year.multiCaseHouseholds());
        assertEquals(1, year.householdsWithPlan());
        assertEquals(2.0, year.casesPerHousehold());
        assertEquals(new FiscalYearFigures.PlanFigures(1, 0, 0), year.plans().get(PlanType.MULTI_AGENCY));
    }

    @Test
    void aCaseInNoHouseholdIsItsOwnHousehold() {
        // given two cases of h1 and one case in no household (never linked, or unlinked: its household is null)
        var supported = List.of(new HouseholdFigures.SupportedCase(2024, "parent", "h1"),
                new HouseholdFigures.SupportedCase(2024, "son", "h1"),
                new HouseholdFigures.SupportedCase(2024, "alone", null));

        // when counted
        var h = HouseholdFigures.compute(R6, supported, List.of());

        // then two households, one of them with two cases; 3 / 2 = 1.5 cases per household; no plan
        assertEquals(new HouseholdFigures.Households(3, 2, 1, 0, 1.5), h);
    }

    @Test
    void casesPerHouseholdHasOneDecimalAndNoneWithoutHouseholds() {
        var supported = List.of(new HouseholdFigures.SupportedCase(2024, "a", "h1"),
                new HouseholdFigures.SupportedCase(2024, "b", "h1"),
                new HouseholdFigures.SupportedCase(2024, "c", "h2"),
                new HouseholdFigures.SupportedCase(2024, "d", null));
        assertEquals(1.3, HouseholdFigures.compute(R6, supported, List.of()).casesPerHousehold(), "4 / 3");
        assertNull(HouseholdFigures.compute(R6, List.of(), List.of()).casesPerHousehold());
        assertEquals(HouseholdFigures.Households.NONE, HouseholdFigures.compute(new FiscalYear(2023), supported,
                List.of()), "another year's cases are not this year's");
    }

    @Test
    void aPlanOpenDuringTheYearMakesItsCasesSupportedAndTheirHouseholdOneWithAPlan() {
        // given a household plan made the year before and closed in this one, no other step this year
        var subjects = List.of(
                new HouseholdFigures.PlanSubject("p1", "parent", "h1", LocalDate.of(2023, 10, 1), MAY),
                new HouseholdFigures.PlanSubject("p1", "son", "h1", LocalDate.of(2023, 10, 1), MAY),
                new HouseholdFigures.PlanSubject("p0", "other", null, LocalDate.of(2022, 10, 1),
                        LocalDate.of(2024, 3, 31)));

        var h = HouseholdFigures.compute(R6, List.of(), subjects);

        // then its members are this year's cases, one household with a plan; the plan closed on March 31 is not
        assertEquals(new HouseholdFigures.Households(2, 1, 1, 1, 2.0), h);
    }

    @Test
    void aHouseholdPlansRevisionAndClosureCountOnceEachAndTwoRevisionsTwice() {
        // given a household plan of two members, revised twice (version 2 and 3) and closed: one event per member each
        var changes = List.of(
                new FiscalYearFigures.PlanChange("p1", PlanType.MULTI_AGENCY, CREATED, MAY, null),
                new FiscalYearFigures.PlanChange("p1", PlanType.MULTI_AGENCY, CREATED, MAY, null),
                new FiscalYearFigures.PlanChange("p1", PlanType.MULTI_AGENCY, REVISED, MAY.plusMonths(1), 2),
                new FiscalYearFigures.PlanChange("p1", PlanType.MULTI_AGENCY, REVISED, MAY.plusMonths(1), 2),
                new FiscalYearFigures.PlanChange("p1", PlanType.MULTI_AGENCY, REVISED, MAY.plusMonths(2), 3),
                new FiscalYearFigures.PlanChange("p1", PlanType.MULTI_AGENCY, REVISED, MAY.plusMonths(2), 3),
                new FiscalYearFigures.PlanChange("p1", PlanType.MULTI_AGENCY, CLOSED, MAY.plusMonths(3), null),
                new FiscalYearFigures.PlanChange("p1", PlanType.MULTI_AGENCY, CLOSED, MAY.plusMonths(3), null));

        var year = FiscalYearFigures.compute(R6, R6, new FiscalYearFigures.Activity(List.of(), List.of(), changes))
                .getFirst();

        // then made = 1 new + 2 re-plans, 2 re-plans, 1 closed
        assertEquals(new FiscalYearFigures.PlanFigures(3, 2, 1), year.plans().get(PlanType.MULTI_AGENCY));
    }
}
