package jp.tsunagu.support.problem;

import java.util.List;

/**
 * Thrown by resources and services to answer with a problem document. The message is the {@code detail}: it must
 * never contain a personal value, SQL or a stack trace.
 */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<FieldError> errors;
    /** Invalid fields beyond the {@link Problem#MAX_ERRORS} listed: counted, not kept. */
    private final int moreErrors;
    private final Integer retryAfterSeconds;

    protected ApiProblem(ProblemType type, String detail, List<FieldError> errors, Integer retryAfterSeconds) {
        super(detail, null, false, false);
        this.status = type.status();
        this.slug = type.slug();
        this.title = type.title();
        int listed = errors == null ? 0 : Math.min(errors.size(), Problem.MAX_ERRORS);
        this.errors = listed == 0 ? null : List.copyOf(errors.subList(0, listed));
        this.moreErrors = (errors == null ? 0 : errors.size() - listed)
                + (errors instanceof FieldErrors collected ? collected.more() : 0);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** A 400 naming the invalid fields: the first {@link Problem#MAX_ERRORS}, and how many more there are. */
    public static ApiProblem validation(List<FieldError> errors) {
        int total = errors.size() + (errors instanceof FieldErrors collected ? collected.more() : 0);
        return new ApiProblem(new ProblemType(400, "validation", "Invalid request"),
                total == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                        : total + " fields are invalid", errors, null);
    }

    public static ApiProblem badRequest(String slug, String detail) {
        return new ApiProblem(new ProblemType(400, slug, "Bad request"), detail, null, null);
    }

    public static ApiProblem notFound(String what) {
        return new ApiProblem(new ProblemType(404, "not-found", "Not found"), what + " was not found", null, null);
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(new ProblemType(403, "forbidden", "Forbidden"), detail, null, null);
    }

    /** The resource existed and was removed for good (a person's data erased). */
    public static ApiProblem gone(String detail) {
        return new ApiProblem(new ProblemType(410, "gone", "Gone"), detail, null, null);
    }

    /** A 410 about a person whose data was erased ({@code person-erased}): nothing more is written about them. */
    public static ApiProblem personErased(String detail) {
        return new ApiProblem(new ProblemType(410, "person-erased", "Gone"), detail, null, null);
    }

    public static ApiProblem conflict(String slug, String detail) {
        return new ApiProblem(new ProblemType(409, slug, "Conflict"), detail, null, null);
    }

    public static ApiProblem unprocessable(String slug, String detail) {
        return new ApiProblem(new ProblemType(422, slug, "Unprocessable request"), detail, null, null);
    }

    /** A body sent without {@code Content-Type: application/json}. */
    public static ApiProblem unsupportedMediaType() {
        return new ApiProblem(new ProblemType(415, "media-type", "Unsupported media type"),
                "send the body as JSON with Content-Type: application/json", null, null);
    }

    /** A body in another encoding than UTF-8 (Shift_JIS from an older system, UTF-16): said plainly. */
    public static ApiProblem notUtf8() {
        return new ApiProblem(new ProblemType(415, "encoding", "Unsupported encoding"),
                "the body is not UTF-8: send JSON encoded as UTF-8 (Shift_JIS and other encodings are not read)",
                null, null);
    }

    public static ApiProblem tooManyRequests(String detail, int retryAfterSeconds) {
        return new ApiProblem(new ProblemType(429, "rate-limited", "Too many requests"), detail, null, retryAfterSeconds);
    }

    public static ApiProblem unavailable(String detail, int retryAfterSeconds) {
        return new ApiProblem(new ProblemType(503, "unavailable", "Service unavailable"), detail, null, retryAfterSeconds);
    }

    /** The fields it names (empty when it names none). */
    public List<FieldError> errors() {
        return errors == null ? List.of() : errors;
    }

    public int status() {
        return status;
    }

    public Problem toProblem(String instance) {
        return new Problem("/problems/" + slug, title, status, getMessage(), instance, errors,
                moreErrors == 0 ? null : moreErrors);
    }

    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
