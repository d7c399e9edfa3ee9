package jp.tsunagu.reporting.export;

import jp.tsunagu.contract.codes.AgeBand;
import jp.tsunagu.contract.codes.FiscalYear;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Makes an export k-anonymous per case. An analyst who holds two exports (or one export and what they know of a
 * person) joins on everything that is not an id; so the unit is the case's whole released record: its receipt period,
 * area, age band and concerns and the sequence of its lines (event type, the time from receipt, codes, the Japanese
 * line). Every released record is shared, value for value, by at least k cases of the same export; the rest are
 * suppressed (left out whole). The generalisation is one level for the whole export, from a ladder in which each
 * level is a function of the one before (so a coarser level never releases fewer cases): the finest level that
 * releases at least {@link #KEEP_DETAIL_SHARE} as many cases as the coarsest. No ids go in or out but the case's own,
 * which the export pseudonymises; the agency a line is about is not released (its areas would name it). Plain Java.
 */
public final class ExportGeneraliser {

    /** Detail is kept as long as it costs at most 1 in 20 of the cases the coarsest level would release. */
    static final double KEEP_DETAIL_SHARE = 0.95;

    /** One line of a case as the projection has it: exact dates and the referral's codes. */
    public record CaseLine(String caseId, LocalDate receivedOn, String area, String ageBand, String concerns,
                           String eventType, LocalDate businessDate, String fields, String meetingType,
                           String outcome, String planType, String summary) {
    }

    /** A released line: codes, the time from receipt as a band, no date. */
    public record Line(String eventType, String daysFromReceipt, String fields, String meetingType, String outcome,
                       String planType, String summary) {
    }

    /** What is released of a case: the quasi-identifiers, compared whole. */
    public record Record(String received, String area, String ageBand, String concerns, List<Line> lines) {
    }

    public record ReleasedCase(String caseId, Record record) {
    }

    /**
     * @param level the ladder's level used (0 the finest) @param suppressedCases cases left out whole @param k the
     * least number of cases that share each released record (what {@link HouseholdRelease} holds households to)
     */
    public record Release(int level, List<ReleasedCase> cases, int suppressedCases, int k) {
    }

    enum Period { MONTH, QUARTER, FISCAL_YEAR, NONE }

    enum Age { BAND, COARSE, NONE }

    /** How much a level keeps of each quasi-identifier. */
    record Level(Period received, boolean area, Age age, boolean concerns, boolean days) {
    }

    static final List<Level> LADDER = List.of(
            new Level(Period.MONTH, true, Age.BAND, true, true),
            new Level(Period.MONTH, false, Age.BAND, true, true),
            new Level(Period.QUARTER, false, Age.BAND, true, true),
            new Level(Period.QUARTER, false, Age.COARSE, true, true),
            new Level(Period.QUARTER, false, Age.COARSE, true, false),
            new Level(Period.FISCAL_YEAR, false, Age.COARSE, true, false),
            new Level(Period.FISCAL_YEAR, false, Age.NONE, true, false),
            new Level(Period.FISCAL_YEAR, false, Age.NONE, false, false),
            new Level(Period.NONE, false, Age.NONE, false, false));

    private ExportGeneraliser() {
    }

    /**
     * The range of an export widened to whole months: an export of one day would date every line in it to that day,
     * finer than any level releases.
     */
    public static LocalDate[] wholeMonths(LocalDate from, LocalDate to) {
        return new LocalDate[]{from.withDayOfMonth(1), to.withDayOfMonth(to.lengthOfMonth())};
    }

    /**
     * @param lines every line of the export, a case's lines in their order (cases may interleave)
     * @param k     the least number of cases that share each released record
     */
    public static Release release(List<CaseLine> lines, int k) {
        Map<String, List<CaseLine>> byCase = new LinkedHashMap<>();
        lines.forEach(l -> byCase.computeIfAbsent(l.caseId(), id -> new ArrayList<>()).add(l));
        int coarsest = released(byCase, LADDER.getLast(), k).size();
        for (int level = 0; level < LADDER.size(); level++) {
            List<ReleasedCase> cases = released(byCase, LADDER.get(level), k);
            if (cases.size() >= KEEP_DETAIL_SHARE * coarsest) {
                return new Release(level, cases, byCase.size() - cases.size(), k);
            }
        }
        throw new IllegalStateException("the coarsest level releases what it releases");
    }

    private static List<ReleasedCase> released(Map<String, List<CaseLine>> byCase, Level level, int k) {
        List<ReleasedCase> all = new ArrayList<>();
        Map<Record, Integer> counts = new HashMap<>();
        byCase.forEach((id, lines) -> {
            Record r = record(lines, level);
            all.add(new ReleasedCase(id, r));
            counts.merge(r, 1, Integer::sum);
        });
        return all.stream().filter(c -> counts.get(c.record()) >= k).toList();
    }

    static Record record(List<CaseLine> lines, Level level) {
        CaseLine first = lines.getFirst();
        LocalDate received = first.receivedOn();
        List<Line> out = lines.stream().map(l -> new Line(l.eventType(),
                level.days() ? daysBand(received, l.businessDate()) : null, l.fields(), l.meetingType(),
                l.outcome(), l.planType(), l.summary())).toList();
        return new Record(period(received, level.received()), level.area() ? first.area() : null,
                age(first.ageBand(), level.age()), level.concerns() ? sorted(first.concerns()) : null, out);
    }

    /** 2024-05, FY2024-Q1 (April to June), FY2024, or nothing. */
    static String period(LocalDate date, Period period) {
        if (date == null || period == Period.NONE) {
            return null;
        }
        int fiscalYear = FiscalYear.of(date).year();
        return switch (period) {
            case MONTH -> date.toString().substring(0, 7);
            case QUARTER -> "FY" + fiscalYear + "-Q" + ((date.getMonthValue() + 8) % 12 / 3 + 1);
            case FISCAL_YEAR -> "FY" + fiscalYear;
            case NONE -> null;
        };
    }

    /** Calendar days from receipt, in bands an analyst of timeliness reads: the same day, a week, a month, … */
    static String daysBand(LocalDate received, LocalDate on) {
        if (received == null || on == null) {
            return null;
        }
        long days = ChronoUnit.DAYS.between(received, on);
        if (days < 0) {
            return "<0";
        }
        for (long[] band : new long[][]{{0, 0}, {1, 7}, {8, 30}, {31, 90}, {91, 180}, {181, 365}}) {
            if (days <= band[1]) {
                return band[0] == band[1] ? "0" : band[0] + "-" + band[1];
            }
        }
        return "366+";
    }

    /** The age band, or the institutions' coarse groups: children, 18–39, 40–64 (介護保険 第2号), 65 and over. */
    static String age(String band, Age age) {
        if (band == null || age == Age.NONE) {
            return null;
        }
        if (age == Age.BAND) {
            return band;
        }
        AgeBand b = AgeBand.valueOf(band);
        return b.isChild() ? "AGE_0_17" : b.max() < 40 ? "AGE_18_39" : b.max() < 65 ? "AGE_40_64" : "AGE_65_PLUS";
    }

    /** A set of concerns, in one order: the order a referral listed them in is one more thing to tell cases apart. */
    static String sorted(String codes) {
        return codes == null ? null : Arrays.stream(codes.split(",")).sorted().collect(Collectors.joining(","));
    }
}
