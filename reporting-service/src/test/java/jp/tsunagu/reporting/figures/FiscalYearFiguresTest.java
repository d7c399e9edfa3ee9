package jp.tsunagu.reporting.figures;

import jp.tsunagu.contract.codes.FiscalYear;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.PlanType;
import jp.tsunagu.reporting.figures.FiscalYearFigures.Activity;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static jp.tsunagu.reporting.figures.FiscalYearFigures.Kind.CLOSED;
import static jp.tsunagu.reporting.figures.FiscalYearFigures.Kind.CREATED;
import static jp.tsunagu.reporting.figures.FiscalYearFigures.Kind.REVISED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FiscalYearFiguresTest {

    static final LocalDate MARCH_31 = LocalDate.of(2024, 3, 31);
    static final LocalDate APRIL_1 = LocalDate.of(2024, 4, 1);

    @Test
    void theBusinessDateDecidesTheFiscalYearMarch31AgainstApril1() {
        var years = FiscalYearFigures.compute(new FiscalYear(2023), new FiscalYear(2024), new Activity(
                List.of(new FiscalYearFigures.MeetingHeld("m1", MeetingType.JUUSOU_SHIEN_KAIGI, MARCH_31),
                        new FiscalYearFigures.MeetingHeld("m2", MeetingType.JUUSOU_SHIEN_KAIGI, APRIL_1)),
                List.of(new FiscalYearFigures.Review("m1", "c1", MeetingType.JUUSOU_SHIEN_KAIGI, MARCH_31),
                        new FiscalYearFigures.Review("m2", "c1", MeetingType.JUUSOU_SHIEN_KAIGI, APRIL_1),
                        new FiscalYearFigures.Review("m2", "c2", MeetingType.JUUSOU_SHIEN_KAIGI, APRIL_1)),
                List.of(new FiscalYearFigures.PlanChange("p1", PlanType.OUTREACH, CREATED, MARCH_31),
                        new FiscalYearFigures.PlanChange("p1", PlanType.OUTREACH, REVISED, APRIL_1),
                        new FiscalYearFigures.PlanChange("p1", PlanType.OUTREACH, CLOSED, APRIL_1))));
        assertEquals("R5", years.get(0).code());
        assertEquals("令和5年度", years.get(0).label());
        var r5 = years.get(0);
        var r6 = years.get(1);
        assertEquals(new FiscalYearFigures.MeetingFigures(1, 1, 1), r5.meetings().get(MeetingType.JUUSOU_SHIEN_KAIGI));
        assertEquals(new FiscalYearFigures.MeetingFigures(1, 2, 2), r6.meetings().get(MeetingType.JUUSOU_SHIEN_KAIGI));
        assertEquals(new FiscalYearFigures.PlanFigures(1, 0, 0), r5.plans().get(PlanType.OUTREACH));
        assertEquals(new FiscalYearFigures.PlanFigures(1, 1, 1), r6.plans().get(PlanType.OUTREACH),
                "a re-plan counts as made and as a re-plan");
        assertEquals(new FiscalYearFigures.MeetingFigures(0, 0, 0), r6.meetings().get(MeetingType.SHIEN_KAIGI));
    }

    @Test
    void casesHandledCountsEveryReviewAndDistinctCasesEachCaseOnce() {
        var years = FiscalYearFigures.compute(new FiscalYear(2024), new FiscalYear(2024), new Activity(
                List.of(new FiscalYearFigures.MeetingHeld("m1", MeetingType.SHIEN_KAIGI, APRIL_1),
                        new FiscalYearFigures.MeetingHeld("m2", MeetingType.SHIEN_KAIGI, APRIL_1.plusMonths(1))),
                List.of(new FiscalYearFigures.Review("m1", "c1", MeetingType.SHIEN_KAIGI, APRIL_1),
                        new FiscalYearFigures.Review("m2", "c1", MeetingType.SHIEN_KAIGI, APRIL_1.plusMonths(1))),
                List.of()));
        assertEquals(new FiscalYearFigures.MeetingFigures(2, 2, 1), years.get(0).meetings().get(MeetingType.SHIEN_KAIGI));
    }

    @Test
    void theTableIsLaidOutLikeSeed000() {
        var years = FiscalYearFigures.compute(new FiscalYear(2021), new FiscalYear(2024),
                new Activity(List.of(), List.of(), List.of()));
        String csv = FiscalYearTable.csv(years);
        String[] lines = csv.split("\r\n");
        assertEquals("区分,項目,令和3年度,令和4年度,令和5年度,令和6年度", lines[0]);
        assertEquals("重層的支援会議,開催回数,0,0,0,0", lines[1]);
        assertEquals("多機関協働プラン,（うち、再プラン）,0,0,0,0", lines[6]);
        assertEquals(14, lines.length, "header + 4 meeting rows + 9 plan rows");
        String html = FiscalYearTable.html("久留米市", years);
        assertTrue(html.contains("<th rowspan=\"3\">参加支援プラン</th>"), html);
        assertTrue(html.contains("<th>令和6年度</th>"));
    }

    @Test
    void otherDefinitionsCountDistinctCasesAndNewPlansOnly() {
        var reviews = List.of(new FiscalYearFigures.Review("m1", "c1", MeetingType.SHIEN_KAIGI, APRIL_1),
                new FiscalYearFigures.Review("m2", "c1", MeetingType.SHIEN_KAIGI, APRIL_1.plusMonths(1)));
        var changes = List.of(new FiscalYearFigures.PlanChange("p1", PlanType.OUTREACH, CREATED, APRIL_1),
                new FiscalYearFigures.PlanChange("p1", PlanType.OUTREACH, REVISED, APRIL_1.plusDays(3)));
        var year = FiscalYearFigures.compute(new FiscalYear(2024), new FiscalYear(2024),
                new Activity(List.of(), reviews, changes),
                new FigureDefinitions(FigureDefinitions.CasesHandled.DISTINCT_CASES,
                        FigureDefinitions.Made.CREATED_ONLY)).get(0);
        assertEquals(1, year.meetings().get(MeetingType.SHIEN_KAIGI).casesHandled());
        assertEquals(new FiscalYearFigures.PlanFigures(1, 1, 0), year.plans().get(PlanType.OUTREACH));
    }
}
