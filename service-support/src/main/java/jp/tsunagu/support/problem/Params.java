package jp.tsunagu.support.problem;

import jp.tsunagu.contract.codes.BusinessDate;
import jp.tsunagu.contract.codes.Coded;
import jp.tsunagu.contract.codes.Wareki;
import jp.tsunagu.support.json.TextSafety;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Request values (query parameters and body fields) read the same way in every service: dates as ISO
 * {@code YYYY-MM-DD}, text lengths in characters as a person counts them (code points, so 山田 is 2 and an emoji
 * 1), control characters by {@link TextSafety}'s one definition. A bad value is a 400 naming its field.
 */
public final class Params {

    private Params() {
    }

    /** A date field of a body: null when absent (an error when required) or malformed, the error added to the list. */
    public static LocalDate date(String value, String field, boolean required, List<FieldError> errors) {
        if (value == null) {
            if (required) {
                errors.add(new FieldError(field, "required (YYYY-MM-DD)"));
            }
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be a date YYYY-MM-DD"));
            return null;
        }
    }

    /**
     * A date as an office writes it: ISO ({@code 1944-04-02}) or 和暦 ({@code 昭和19年4月2日}, {@code S19.4.2},
     * {@code 令和元年5月1日}, full-width digits too; {@link Wareki}). Null when absent (an error when required).
     */
    public static LocalDate japaneseDate(String value, String field, boolean required, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new FieldError(field, "required (YYYY-MM-DD or 和暦 such as 昭和19年4月2日)"));
            }
            return null;
        }
        return Wareki.parse(value).orElseGet(() -> {
            errors.add(new FieldError(field, "a date YYYY-MM-DD or 和暦 such as 昭和19年4月2日 or S19.4.2"));
            return null;
        });
    }

    /**
     * A code field: null when absent (an error naming the codes when required) or unknown; a code in the wrong case
     * ({@code given}) is named as such with the code meant, never taken silently.
     */
    public static <E extends Enum<E> & Coded> E code(Class<E> type, String value, String field, boolean required,
                                                     List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new FieldError(field, "required; one of " + String.join(", ", Coded.codes(type))));
            }
            return null;
        }
        return Coded.parse(type, value).orElseGet(() -> {
            String codes = String.join(", ", Coded.codes(type)); // only for an error: a valid code costs nothing
            Optional<E> meant = Coded.parse(type, value.strip().toUpperCase(Locale.ROOT));
            errors.add(new FieldError(field, meant.map(c -> "codes are written in capitals: " + c.name()
                    + " (one of " + codes + ")").orElse("unknown code; one of " + codes)));
            return null;
        });
    }

    /**
     * A text field, stripped: null when absent or blank (an error when required); too long or holding control
     * characters is an error naming the field.
     */
    public static String text(String value, String field, int max, boolean required, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new FieldError(field, "required"));
            }
            return null;
        }
        String stripped = value.strip();
        if (longerThan(stripped, max)) {
            errors.add(new FieldError(field, "at most " + max + " characters"));
            return null;
        }
        if (TextSafety.hasControlCharacters(stripped)) {
            errors.add(new FieldError(field, "must not contain control characters"));
            return null;
        }
        return stripped;
    }

    /**
     * A person's name (kanji or kana): a {@link #text} that, besides, refuses the invisible formatting characters of
     * {@link TextSafety} (a bidi override or a zero-width space would make one name look like another).
     */
    public static String name(String value, String field, int max, boolean required, List<FieldError> errors) {
        if (value != null && TextSafety.hasInvisibleFormatting(value)) {
            errors.add(new FieldError(field, INVISIBLE));
            return null;
        }
        return text(value, field, max, required, errors);
    }

    static final String INVISIBLE =
            "must not contain invisible formatting characters (bidi controls, zero-width characters, line separators)";

    /** Whether the text has more than {@code max} characters (code points); null has none. */
    public static boolean longerThan(String value, int max) {
        return value != null && value.codePointCount(0, value.length()) > max;
    }

    /**
     * An instant with its offset ({@code 2026-12-04T09:00:00Z}, {@code 2026-12-04T18:00:00+09:00}): null when absent,
     * or malformed with the error added. A {@code +} sent unencoded in a URL arrives as a space and is read as the
     * {@code +} it was.
     */
    public static Instant instant(String value, String field, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            OffsetDateTime at = OffsetDateTime.parse(value.strip().replace(' ', '+'));
            if (at.getYear() >= 1 && at.getYear() <= 9999) { // what the database stores
                return at.toInstant();
            }
        } catch (DateTimeParseException e) {
            // the message below
        }
        errors.add(new FieldError(field,
                "an instant with its offset, e.g. 2026-12-04T09:00:00Z or 2026-12-04T18:00:00+09:00"));
        return null;
    }

    /** A business date {@code YYYY-MM-DD}, or {@code fallback} when absent. */
    public static LocalDate date(String value, String name, LocalDate fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiProblem.validation(List.of(new FieldError(name, "must be a date YYYY-MM-DD")));
        }
    }

    /**
     * A business date of something that happened to a case ({@code BusinessDate.refusal}): not before the case was
     * received (when known), not after {@code today} (the caller's {@code BusinessClock}); otherwise a 400 naming the
     * field and the bound.
     */
    public static void requireCaseDate(String field, LocalDate date, LocalDate receivedOn, LocalDate today) {
        BusinessDate.refusal(date, receivedOn, today).ifPresent(message -> {
            throw ApiProblem.validation(List.of(new FieldError(field, message)));
        });
    }
}
