package jp.tsunagu.support.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * An RFC 9457 problem document, with Tsunagu's {@code errors} extension for validation. At most
 * {@link #MAX_ERRORS} fields are listed; {@code moreErrors} counts the invalid fields left out, so that an answer
 * never grows with the request (30,000 bad codes in a 60 KB body are 20 errors and a count, not megabytes).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors,
                      Integer moreErrors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    /** The most fields a problem document lists. */
    public static final int MAX_ERRORS = 20;

    public Problem {
        if (errors != null && errors.size() > MAX_ERRORS) {
            moreErrors = (moreErrors == null ? 0 : moreErrors) + errors.size() - MAX_ERRORS;
            errors = List.copyOf(errors.subList(0, MAX_ERRORS));
        }
        if (moreErrors != null && moreErrors <= 0) {
            moreErrors = null;
        }
    }

    public Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {
        this(type, title, status, detail, instance, errors, null);
    }
}
