package jp.tsunagu.contract.events;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The time attributes of a record ({@code ce_time}, {@code ce_businessdate}) read back as exactly
 * {@link Instant#parse} and {@link LocalDate#parse} read them, with the shape the codec writes read digit by digit:
 * the JDK's general formatter took a sixth of a replay lane's samples (JFR, 2026-12-07), and every consumer reads
 * both attributes of every record. Any other text (another offset, a lower-case letter, a year past four digits, an
 * hour 24, a leap second, an invalid date) goes to the JDK's parser, which accepts or refuses it as before.
 */
final class AttributeTimes {

    private static final long SECONDS_PER_DAY = 86_400;

    private AttributeTimes() {
    }

    /** {@code 2025-05-12T01:02:03Z}, with 1 to 9 digits of a second after a point if any. */
    static Instant instant(String text) {
        int n = text.length();
        if (n < 20 || n > 30 || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':'
                || text.charAt(n - 1) != 'Z') {
            return Instant.parse(text);
        }
        int hour = number(text, 11, 2);
        int minute = number(text, 14, 2);
        int second = number(text, 17, 2);
        int nanos = 0;
        if (n > 20) {
            int digits = n - 21; // between the point and the Z
            int fraction = text.charAt(19) == '.' && digits >= 1 ? number(text, 20, digits) : -1;
            if (fraction < 0) {
                return Instant.parse(text);
            }
            nanos = fraction;
            for (int i = digits; i < 9; i++) {
                nanos *= 10;
            }
        }
        LocalDate day = date(text);
        if (day == null || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return Instant.parse(text);
        }
        return Instant.ofEpochSecond(day.toEpochDay() * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second, nanos);
    }

    /** {@code 2025-05-12}. */
    static LocalDate localDate(String text) {
        LocalDate day = text.length() == 10 ? date(text) : null;
        return day != null ? day : LocalDate.parse(text);
    }

    /** The date in the text's first ten characters, or null when they are not one. */
    private static LocalDate date(String text) {
        if (text.charAt(4) != '-' || text.charAt(7) != '-') {
            return null;
        }
        int year = number(text, 0, 4);
        int month = number(text, 5, 2);
        int day = number(text, 8, 2);
        if (year < 0 || month < 0 || day < 0) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null; // the 30th of February and the like: the JDK's parser says why
        }
    }

    /** The ASCII digits at {@code from}, or -1 when one of them is not one. */
    private static int number(String text, int from, int digits) {
        int value = 0;
        for (int i = from; i < from + digits; i++) {
            int d = text.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            value = value * 10 + d;
        }
        return value;
    }
}
