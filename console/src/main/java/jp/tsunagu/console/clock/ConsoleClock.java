package jp.tsunagu.console.clock;

import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.codes.BusinessDate;
import jp.tsunagu.contract.codes.FiscalYear;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;

/**
 * Where every page of the console takes today's date (a form's default 受付日, this fiscal year, the calendar's
 * month): injected, so that a test can set the day, and read in the city's calendar by the contract's
 * {@link BusinessDate}. The console decides nothing with it; the services judge dates by their own clocks.
 */
@ApplicationScoped
public class ConsoleClock {

    private final Clock clock;

    ConsoleClock() {
        this(Clock.systemUTC());
    }

    private ConsoleClock(Clock clock) {
        this.clock = clock;
    }

    /** A clock standing at the given time of the given day in Japan (tests). */
    public static ConsoleClock at(LocalDate day, int hour, int minute) {
        return new ConsoleClock(Clock.fixed(ZonedDateTime.of(day.atTime(hour, minute), BusinessDate.ZONE).toInstant(),
                BusinessDate.ZONE));
    }

    /** Today in the city's calendar (Japan). */
    public LocalDate today() {
        return BusinessDate.today(clock);
    }

    /** The fiscal year (年度) today is in. */
    public FiscalYear fiscalYear() {
        return FiscalYear.of(today());
    }
}
