package jp.tsunagu.support.problem;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Query parameters read the same way everywhere: a bad one is a 400 naming it. */
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
}
