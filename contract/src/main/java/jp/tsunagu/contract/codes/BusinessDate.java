package jp.tsunagu.contract.codes;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The city's calendar: business dates (the day something happened, what fiscal years follow) are days in Japan,
 * whatever zone the machine runs in. The one place that names the zone.
 */
public final class BusinessDate {

    /** Japan Standard Time. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");

    private BusinessDate() {
    }

    /** Today in the city's calendar. */
    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    /** Today in the city's calendar by the given clock (tests move it). */
    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    /** The business date of an instant. */
    public static LocalDate of(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }
}
