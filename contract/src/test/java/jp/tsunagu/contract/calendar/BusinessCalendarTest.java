package jp.tsunagu.contract.calendar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BusinessCalendarTest {

    static final BusinessCalendar JAPAN = BusinessCalendar.japan();

    @ParameterizedTest(name = "{0} + {1} business days = {2} ({3})")
    @CsvSource({
            // Golden Week 2026: 4/29 (Wed) 昭和の日, 5/2–5/6 Sat..Wed closed (5/6 振替休日)
            "2026-04-28, 1, 2026-04-30, 昭和の日 skipped",
            "2026-04-30, 1, 2026-05-01, Friday is open",
            "2026-05-01, 1, 2026-05-07, Sat Sun 憲法記念日(Sun) みどりの日 こどもの日 振替休日",
            "2026-04-30, 5, 2026-05-12, 5/1 5/7 5/8 5/11 5/12",
            // Golden Week 2025: 5/3 Sat, 5/4 Sun, 5/5 Mon, 5/6 Tue 振替休日
            "2025-05-02, 1, 2025-05-07, four days closed",
            // year end: 12/29 to 1/3 closed, 2026-01-01 元日 inside it, 1/4 2027 is a Monday
            "2026-12-25, 1, 2026-12-28, Friday to Monday",
            "2026-12-28, 1, 2027-01-04, the year-end closure",
            "2026-12-24, 5, 2027-01-06, across the closure",
            "2025-12-26, 1, 2026-01-05, 2026-01-03 is a Saturday anyway",
            // 成人の日 2027-01-11 (Mon)
            "2027-01-08, 1, 2027-01-12, weekend and 成人の日",
            // 9/21–9/23 2026: 敬老の日, 国民の休日, 秋分の日
            "2026-09-18, 1, 2026-09-24, シルバーウィーク",
            // zero: the day itself when open, else the next open day
            "2026-05-01, 0, 2026-05-01, open",
            "2026-05-02, 0, 2026-05-07, closed",
    })
    void countsOnlyTheDaysTheOfficeIsOpen(LocalDate from, int days, LocalDate expected, String why) {
        assertEquals(expected, JAPAN.plusBusinessDays(from, days), why);
    }

    @Test
    void namesWhyADayIsClosed() {
        assertEquals(Optional.of("こどもの日"), JAPAN.closedFor(LocalDate.of(2026, 5, 5)));
        assertEquals(Optional.of("年末年始"), JAPAN.closedFor(LocalDate.of(2026, 12, 30)));
        assertEquals(Optional.of("元日"), JAPAN.closedFor(LocalDate.of(2027, 1, 1)));
        assertEquals(Optional.empty(), JAPAN.closedFor(LocalDate.of(2026, 12, 5)), "a Saturday has no name");
        assertFalse(JAPAN.isBusinessDay(LocalDate.of(2026, 12, 5)));
        assertTrue(JAPAN.isBusinessDay(LocalDate.of(2026, 12, 28)), "仕事納め is open");
    }

    @Test
    void theDayBeforeADeadlineIsTheBusinessDayBeforeIt() {
        assertEquals(LocalDate.of(2026, 4, 30), JAPAN.previousBusinessDay(LocalDate.of(2026, 5, 1)));
        assertEquals(LocalDate.of(2026, 5, 1), JAPAN.previousBusinessDay(LocalDate.of(2026, 5, 7)));
        assertEquals(LocalDate.of(2026, 12, 28), JAPAN.previousBusinessDay(LocalDate.of(2027, 1, 4)));
    }

    @Test
    void aCitysOwnListReplacesTheShippedOne() {
        BusinessCalendar city = new BusinessCalendar(BusinessCalendar.parse("""
                # 市独自の休日
                2026-12-01,開庁しない日
                """, "test"));
        assertFalse(city.isBusinessDay(LocalDate.of(2026, 12, 1)));
        assertTrue(city.isBusinessDay(LocalDate.of(2026, 5, 5)), "the city's list is the whole list");
        assertTrue(city.covers(LocalDate.of(2026, 3, 1)));
        assertFalse(city.covers(LocalDate.of(2027, 3, 1)));
        assertTrue(JAPAN.covers(LocalDate.of(2027, 12, 31)));
        assertEquals(Map.of(), BusinessCalendar.parse("# nothing\n\n", "test"));
    }

    @Test
    void aMalformedLineNamesItsLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BusinessCalendar.parse("2026-01-01,元日\n2026/02/11,建国記念の日\n", "holidays.csv"));
        assertEquals("holidays.csv line 2: not a date: 2026/02/11", e.getMessage());
    }
}
