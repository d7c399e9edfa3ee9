package jp.tsunagu.reporting.figures;

import jp.tsunagu.contract.codes.CaseStatus;
import jp.tsunagu.contract.codes.FiscalYear;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class CaseFiguresTest {

    static final FiscalYear R6 = new FiscalYear(2024);

    @Test
    void aCaseReceivedOnMarch31BelongsToTheYearBeforeApril1() {
        var facts = facts(List.of(fact(LocalDate.of(2024, 3, 31), null), fact(LocalDate.of(2024, 4, 1),
                null)), List.of());
        assertEquals(1, CaseFigures.compute(R6, facts).referrals());
        assertEquals(1, CaseFigures.compute(new FiscalYear(2023), facts).referrals());
    }

    @Test
    void concernsCountEachCaseOncePerConcernAndFieldsComeFromTheFirstDecision() {
        var a = new Facts.CaseFact(LocalDate.of(2024, 5, 1), "AGENCY", List.of("DEBT", "POVERTY", "DEBT"),
                "ROUTINE", LocalDate.of(2024, 5, 3), List.of("POVERTY"), null, null);
        var b = new Facts.CaseFact(LocalDate.of(2024, 5, 1), "PHONE", List.of("DEBT"), "URGENT",
                LocalDate.of(2024, 5, 1), List.of(), null, null);
        var year = CaseFigures.compute(R6, facts(List.of(a, b), List.of()));
        assertEquals(Map.of("DEBT", 2, "POVERTY", 1), year.byConcern());
        assertEquals(Map.of("POVERTY", 1, "NONE", 1), year.byField());
        assertEquals(Map.of("AGENCY", 1, "PHONE", 1), year.byChannel());
    }

    @Test
    void mediansCountOnlyTheCasesThatGotThere() {
        List<Facts.CaseFact> cases = List.of(fact(LocalDate.of(2024, 4, 1), LocalDate.of(2024, 4, 2)),
                fact(LocalDate.of(2024, 4, 1), LocalDate.of(2024, 4, 5)),
                fact(LocalDate.of(2024, 4, 1), null));
        var medians = CaseFigures.compute(R6, facts(cases, List.of())).medianDays();
        assertEquals(new CaseFigures.Median(2.5, 2), medians.toRouting());
        assertEquals(new CaseFigures.Median(null, 0), medians.toFirstPlan());
    }

    @Test
    void routingOutcomesByAgencyWithEscalationsUnderCoordination() {
        var year = CaseFigures.compute(R6, facts(List.of(), List.of(
                new Facts.RoutingOutcome("x", "ROUTED", LocalDate.of(2024, 4, 1)),
                new Facts.RoutingOutcome("x", "DECLINED", LocalDate.of(2024, 4, 2)),
                new Facts.RoutingOutcome(null, "ESCALATED", LocalDate.of(2024, 4, 2)),
                new Facts.RoutingOutcome("x", "ROUTED", LocalDate.of(2025, 4, 1)))));
        assertEquals(Map.of("ROUTED", 1, "DECLINED", 1), year.routingByAgency().get("x"));
        assertEquals(Map.of("ESCALATED", 1), year.routingByAgency().get(CaseFigures.COORDINATION));
    }

    @Test
    void everyStageButClosedIsOpen() {
        var stages = CaseFigures.stages(Map.of(CaseStatus.ROUTED, 3, CaseStatus.CLOSED, 5,
                CaseStatus.PLAN_ACTIVE, 2));
        assertEquals(5, stages.open());
        assertEquals(0, stages.byStage().get(CaseStatus.RECEIVED));
    }

    @Test
    void smallCellsAreSuppressedAndOneMoreWhenOnlyOneWouldBe() {
        assertEquals("0", Suppression.cell(0));
        assertEquals("*", Suppression.cell(1));
        assertEquals("*", Suppression.cell(9));
        assertEquals("10", Suppression.cell(10));
        Map<String, Integer> one = new TreeMap<>(Map.of("A", 30, "B", 12, "C", 3, "D", 0));
        assertEquals(Map.of("A", "30", "B", "*", "C", "*", "D", "0"), Suppression.group(one));
        Map<String, Integer> two = new TreeMap<>(Map.of("A", 30, "B", 2, "C", 3));
        assertEquals(Map.of("A", "30", "B", "*", "C", "*"), Suppression.group(two));
        var median = new CaseFigures.Medians(new CaseFigures.Median(3.0, 9), new CaseFigures.Median(4.0, 10),
                new CaseFigures.Median(null, 0));
        var year = new CaseFigures.Year(2024, "R6", "令和6年度", 10, Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), median);
        var table = FiscalYearFigures.compute(R6, R6,
                new FiscalYearFigures.Activity(List.of(), List.of(), List.of())).get(0);
        var published = Suppression.publish(table, year);
        assertNull(published.medianDays().get("toRouting"), "a median of 9 cases is not shown");
        assertEquals(4.0, published.medianDays().get("toFirstMeeting"));
    }

    private static Facts.CaseFact fact(LocalDate received, LocalDate routed) {
        return new Facts.CaseFact(received, "AGENCY", List.of(), "ROUTINE", routed, List.of("ELDERLY"), null, null);
    }

    private static Facts facts(List<Facts.CaseFact> cases, List<Facts.RoutingOutcome> outcomes) {
        return new Facts(List.of(), List.of(), List.of(), cases, outcomes, Map.of());
    }
}
