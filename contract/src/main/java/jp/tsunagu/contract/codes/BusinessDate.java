package jp.tsunagu.contract.codes;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

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

    /**
     * Why a business date given for something that happened to a case (a consent, a review, a plan, its revision or
     * closure, a placement, a follow-up) is refused, or empty when it is not: it cannot be before the case was
     * received, nor after today in Japan. Endpoints that schedule (a meeting's date, a plan's review date) do not ask.
     */
    public static Optional<String> refusal(LocalDate date, LocalDate receivedOn, LocalDate today) {
        if (date == null) {
            return Optional.empty();
        }
        if (receivedOn != null && date.isBefore(receivedOn)) {
            return Optional.of("must not be before the case was received (" + receivedOn + ")");
        }
        if (date.isAfter(today)) {
            return Optional.of("must not be after today (" + today + ", Japan)");
        }
        return Optional.empty();
    }

    /** The business date of an instant. */
    public static LocalDate of(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }
}
