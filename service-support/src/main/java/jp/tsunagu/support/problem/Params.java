package jp.tsunagu.support.problem;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Query parameters read the same way everywhere: a bad one is a 400 naming it. */
public final class Params {

    private Params() {
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
