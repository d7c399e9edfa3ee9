package jp.tsunagu.reporting.export;

import jp.tsunagu.reporting.export.ExportGeneraliser.CaseLine;
import jp.tsunagu.reporting.export.ExportGeneraliser.Record;
import jp.tsunagu.reporting.export.ExportGeneraliser.Release;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExportGeneraliserTest {

    private static final String REFERRAL = "jp.tsunagu.intake.referral-received.v1";
    private static final String ROUTED = "jp.tsunagu.routing.case-routed.v1";
    private static final LocalDate MAY = LocalDate.of(2024, 5, 1);

    @ParameterizedTest(name = "{0} as {1}: {2}")
    @CsvSource({
            "2024-05-20, MONTH,       2024-05",
            "2024-04-01, QUARTER,     FY2024-Q1",
            "2024-06-30, QUARTER,     FY2024-Q1",
            "2024-07-01, QUARTER,     FY2024-Q2",
            "2024-12-31, QUARTER,     FY2024-Q3",
            "2025-01-01, QUARTER,     FY2024-Q4",
            "2025-03-31, QUARTER,     FY2024-Q4",
            "2025-03-31, FISCAL_YEAR, FY2024",
            "2025-04-01, FISCAL_YEAR, FY2025",
            "2025-04-01, NONE,        "})
    void receiptPeriods(LocalDate received, ExportGeneraliser.Period period, String shown) {
        assertEquals(shown, ExportGeneraliser.period(received, period));
    }

    @ParameterizedTest(name = "received 2024-05-01, event {0}: {1}")
    @CsvSource({"2024-05-01, 0", "2024-05-02, 1-7", "2024-05-08, 1-7", "2024-05-09, 8-30", "2024-05-31, 8-30",
            "2024-06-01, 31-90", "2024-07-30, 31-90", "2024-07-31, 91-180", "2024-10-28, 91-180",
            "2024-10-29, 181-365", "2025-05-01, 181-365", "2025-05-02, 366+", "2024-04-30, <0"})
    void daysFromReceiptInBands(LocalDate on, String band) {
        assertEquals(band, ExportGeneraliser.daysBand(MAY, on));
    }

    @ParameterizedTest(name = "{0}..{1} exports {2}..{3}")
    @CsvSource({"2024-05-01, 2024-05-02, 2024-05-01, 2024-05-31", "2024-05-17, 2024-05-17, 2024-05-01, 2024-05-31",
            "2024-04-01, 2025-03-31, 2024-04-01, 2025-03-31", "2024-02-29, 2024-02-01, 2024-02-01, 2024-02-29",
            "2023-12-31, 2024-01-01, 2023-12-01, 2024-01-31"})
    void aRangeIsWidenedToWholeMonths(LocalDate from, LocalDate to, LocalDate shownFrom, LocalDate shownTo) {
        assertEquals(List.of(shownFrom, shownTo), List.of(ExportGeneraliser.wholeMonths(from, to)));
    }

    @ParameterizedTest(name = "{0} coarse: {1}")
    @CsvSource({"AGE_0_5, AGE_0_17", "AGE_13_17, AGE_0_17", "AGE_18_29, AGE_18_39", "AGE_30_39, AGE_18_39",
            "AGE_40_49, AGE_40_64", "AGE_50_64, AGE_40_64", "AGE_65_74, AGE_65_PLUS", "AGE_75_PLUS, AGE_65_PLUS"})
    void coarseAgeGroups(String band, String coarse) {
        assertEquals(coarse, ExportGeneraliser.age(band, ExportGeneraliser.Age.COARSE));
        assertEquals(band, ExportGeneraliser.age(band, ExportGeneraliser.Age.BAND));
        assertNull(ExportGeneraliser.age(band, ExportGeneraliser.Age.NONE));
    }

    @Test
    void eachLevelIsAFunctionOfTheOneBeforeSoCoarserNeverReleasesFewer() {
        for (int i = 1; i < ExportGeneraliser.LADDER.size(); i++) {
            var finer = ExportGeneraliser.LADDER.get(i - 1);
            var coarser = ExportGeneraliser.LADDER.get(i);
            assertTrue(coarser.received().compareTo(finer.received()) >= 0, "level " + i);
            assertTrue(finer.area() || !coarser.area(), "level " + i);
            assertTrue(coarser.age().compareTo(finer.age()) >= 0, "level " + i);
            assertTrue(finer.concerns() || !coarser.concerns(), "level " + i);
            assertTrue(finer.days() || !coarser.days(), "level " + i);
        }
    }

    @Test
    void givenTenAlikeAndOneApartWhenReleasedThenTheTenAtTheFinestLevelAndTheOneSuppressed() {
        List<CaseLine> lines = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            lines.addAll(routedCase("c" + i, MAY.plusDays(i), "荒木", "AGE_40_49", "POVERTY,HIKIKOMORI"));
        }
        lines.add(routedCase("odd", MAY, "荒木", "AGE_75_PLUS", "DEBT").getFirst()); // not routed yet
        Release release = ExportGeneraliser.release(lines, 10);

        assertEquals(0, release.level(), "the odd one is suppressed at every level above: detail costs nothing");
        assertEquals(10, release.cases().size());
        assertEquals(1, release.suppressedCases());
        Record r = release.cases().getFirst().record();
        assertEquals("2024-05", r.received());
        assertEquals("荒木", r.area());
        assertEquals("HIKIKOMORI,POVERTY", r.concerns(), "sorted: a referral's order tells cases apart too");
        assertEquals(List.of("0", "1-7"), r.lines().stream().map(ExportGeneraliser.Line::daysFromReceipt).toList());
        assertKAnonymous(release, 10);
    }

    @Test
    void givenCasesTooRareInTheirAreaWhenReleasedThenAreaIsDroppedRatherThanTheCases() {
        List<CaseLine> lines = new ArrayList<>();
        String[] areas = {"荒木", "田主丸", "城島", "北野", "三潴"};
        for (int i = 0; i < 20; i++) {
            lines.addAll(routedCase("c" + i, MAY.plusDays(i % 5), areas[i % 5], "AGE_40_49", "DEBT"));
        }
        Release release = ExportGeneraliser.release(lines, 10);

        assertEquals(1, release.level(), "four per area is under k; without the area all twenty are alike");
        assertEquals(20, release.cases().size());
        release.cases().forEach(c -> assertNull(c.record().area()));
        assertKAnonymous(release, 10);
    }

    @Test
    void givenVarietyWhenReleasedThenEveryRecordIsSharedByKCasesAtWhateverLevel() {
        List<CaseLine> lines = new ArrayList<>();
        String[] ages = {"AGE_18_29", "AGE_30_39", "AGE_40_49", "AGE_50_64", "AGE_65_74"};
        for (int i = 0; i < 60; i++) {
            lines.addAll(routedCase("c" + i, MAY.plusDays(i * 3L), "区" + i % 4, ages[i % 5], i % 2 == 0 ? "DEBT"
                    : "DEBT,POVERTY"));
        }
        for (int k : new int[]{2, 5, 10}) {
            Release release = ExportGeneraliser.release(lines, k);
            assertKAnonymous(release, k);
            assertEquals(60, release.cases().size() + release.suppressedCases());
        }
        assertEquals(0, ExportGeneraliser.release(List.of(), 10).cases().size());
    }

    private static void assertKAnonymous(Release release, int k) {
        Map<Record, Integer> counts = new HashMap<>();
        release.cases().forEach(c -> counts.merge(c.record(), 1, Integer::sum));
        counts.forEach((r, n) -> assertTrue(n >= k, n + " cases share " + r));
    }

    private static List<CaseLine> routedCase(String id, LocalDate received, String area, String age,
                                             String concerns) {
        return List.of(
                new CaseLine(id, received, area, age, concerns, REFERRAL, received, null, null, null, null, "相談受付"),
                new CaseLine(id, received, area, age, concerns, ROUTED, received.plusDays(2), "POVERTY", null, null,
                        null, "支援機関へつなぐ（分野: 生活困窮）"));
    }
}
