package jp.tsunagu.support.clock;

import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.codes.BusinessDate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;

/**
 * Where every service takes today's business date and the time of what it records. Injected rather than called
 * statically so that a test can set the day (the year-end closure, a fiscal year's last day, Golden Week) with
 * {@code QuarkusMock.installMockForType(BusinessClock.at(...), BusinessClock.class)} instead of waiting for it.
 */
@ApplicationScoped
public class BusinessClock {

    private final Clock clock;

    BusinessClock() {
        this(Clock.systemUTC());
    }

    private BusinessClock(Clock clock) {
        this.clock = clock;
    }

    /** A clock that stands still at the given moment (tests, and tools that date what they write). */
    public static BusinessClock at(Instant instant) {
        return new BusinessClock(Clock.fixed(instant, BusinessDate.ZONE));
    }

    /** A clock standing at the given time of the given day in Japan. */
    public static BusinessClock at(LocalDate day, int hour, int minute) {
        return at(ZonedDateTime.of(day.atTime(hour, minute), BusinessDate.ZONE).toInstant());
    }

    /** A clock standing at noon of the given day in Japan. */
    public static BusinessClock on(LocalDate day) {
        return at(day, 12, 0);
    }

    /** Today in the city's calendar (Japan). */
    public LocalDate today() {
        return BusinessDate.today(clock);
    }

    /** Now, for the time an event or a row is recorded. */
    public Instant now() {
        return clock.instant();
    }

}
