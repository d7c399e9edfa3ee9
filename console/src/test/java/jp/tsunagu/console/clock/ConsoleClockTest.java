package jp.tsunagu.console.clock;

import jp.tsunagu.contract.codes.FiscalYear;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The console's today is the day in Japan, and its fiscal year turns at midnight between 3/31 and 4/1 there. */
class ConsoleClockTest {

    @Test
    void theLastMinuteOfMarchIsStillTheOldFiscalYearAndMidnightTheNewOne() {
        ConsoleClock lastMinute = ConsoleClock.at(LocalDate.of(2026, 3, 31), 23, 59);
        assertEquals(LocalDate.of(2026, 3, 31), lastMinute.today());
        assertEquals(new FiscalYear(2025), lastMinute.fiscalYear()); // 令和7年度
        ConsoleClock midnight = ConsoleClock.at(LocalDate.of(2026, 4, 1), 0, 0);
        assertEquals(LocalDate.of(2026, 4, 1), midnight.today());
        assertEquals(new FiscalYear(2026), midnight.fiscalYear()); // 令和8年度
    }

    @Test
    void theDayIsJapansWhateverTheMachinesZone() {
        // 00:30 on 1/1 in Japan is still 12/31 in UTC
        assertEquals(LocalDate.of(2027, 1, 1), ConsoleClock.at(LocalDate.of(2027, 1, 1), 0, 30).today());
    }
}
