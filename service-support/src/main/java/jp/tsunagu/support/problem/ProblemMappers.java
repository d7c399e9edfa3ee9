package jp.tsunagu.support.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jp.tsunagu.support.json.TextSafety;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.UUID;

/**
 * Every error leaves as {@code application/problem+json}, in Japanese when the request's Accept-Language asks for it
 * (or by the city's default, {@code tsunagu.problems.default-language}; {@link ProblemJapanese}). Bad input is a
 * 4xx naming the field; anything unexpected
 * is a 500 whose body and log line carry only an error id (the exception class goes to the log, never a value).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /** The language of a problem when the request says none ({@code tsunagu.problems.default-language}: en or ja). */
    private static final String DEFAULT_LANGUAGE = ConfigProvider.getConfig()
            .getOptionalValue("tsunagu.problems.default-language", String.class).orElse("en");

    /** The problem in the language the request's Accept-Language asks for (or the city's default). */
    public static boolean inJapanese(String acceptLanguage) {
        return ProblemJapanese.wanted(acceptLanguage, DEFAULT_LANGUAGE);
    }

    /**
     * A problem with one extension member (RFC 9457 section 3.2), e.g. the id of the household a case already belongs
     * to: its detail is given in both languages by the service, since it names things only the service can word.
     */
    public static Response withMember(Problem problem, String detailJa, HttpHeaders headers, String member,
                                      Object value) {
        boolean japanese = inJapanese(headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        Problem shown = japanese ? ProblemJapanese.of(problem) : problem;
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("type", shown.type());
        body.put("title", shown.title());
        body.put("status", shown.status());
        body.put("detail", japanese ? detailJa : problem.detail());
        body.put("instance", shown.instance());
        body.put(member, value);
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(body)
                .header(HttpHeaders.CONTENT_LANGUAGE, japanese ? "ja" : "en")
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE).build();
    }

    @ServerExceptionMapper
    public Response apiProblem(ApiProblem e, UriInfo uri, HttpHeaders headers) {
        Response.ResponseBuilder r = respond(headers, e.toProblem(path(uri)));
        if (e.retryAfterSeconds() != null) {
            r.header("Retry-After", e.retryAfterSeconds());
        }
        return r.build();
    }

    @ServerExceptionMapper(priority = 1)
    public Response unrecognized(UnrecognizedPropertyException e, UriInfo uri, HttpHeaders headers) {
        String field = path(e);
        return respond(headers, problem(new ProblemType(400, "validation", "Invalid request"), field + ": unknown field", uri,
                List.of(new FieldError(field, "unknown field; allowed fields are documented in /q/openapi")))).build();
    }

    @ServerExceptionMapper(priority = 1)
    public Response invalidFormat(InvalidFormatException e, UriInfo uri, HttpHeaders headers) {
        String field = path(e);
        if (e.getTargetType() == String.class) { // TextSafety: the value is never echoed
            String message = e.getMessage() != null && e.getMessage().contains(TextSafety.LONE_SURROGATE)
                    ? TextSafety.LONE_SURROGATE : "control characters are not accepted";
            return respond(headers, problem(new ProblemType(400, "validation", "Invalid request"), field + ": " + message, uri,
                    List.of(new FieldError(field, message)))).build();
        }
        String expected = e.getTargetType() == null ? "another type" : e.getTargetType().getSimpleName();
        return respond(headers, problem(new ProblemType(400, "validation", "Invalid request"), field + ": wrong type", uri,
                List.of(new FieldError(field, "expected " + expected)))).build();
    }

    @ServerExceptionMapper(priority = 1)
    public Response mismatched(MismatchedInputException e, UriInfo uri, HttpHeaders headers) {
        String field = path(e);
        if (e.getMessage() != null && e.getMessage().startsWith("Trailing token")) { // StrictJson
            return respond(headers, problem(new ProblemType(400, "malformed-json", "Malformed JSON"),
                    "something follows the end of the JSON body", uri, null)).build();
        }
        if (field.isEmpty()) {
            return respond(headers, problem(new ProblemType(400, "malformed-json", "Malformed JSON"),
                    "the body must be a JSON object", uri, null)).build();
        }
        return respond(headers, problem(new ProblemType(400, "validation", "Invalid request"), field + ": wrong type", uri,
                List.of(new FieldError(field, "wrong JSON type")))).build();
    }

    @ServerExceptionMapper(priority = 1)
    public Response mapping(JsonMappingException e, UriInfo uri, HttpHeaders headers) {
        if (encodingProblem(e)) {
            return notUtf8(uri, headers);
        }
        String field = path(e);
        return respond(headers, problem(new ProblemType(400, "validation", "Invalid request"), "the body does not fit the schema", uri,
                field.isEmpty() ? null : List.of(new FieldError(field, "cannot be read")))).build();
    }

    /** A body in another encoding than UTF-8 (Shift_JIS from an older system): said plainly, not "malformed". */
    private Response notUtf8(UriInfo uri, HttpHeaders headers) {
        return apiProblem(ApiProblem.notUtf8(), uri, headers);
    }

    private static boolean encodingProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.io.CharConversionException
                    || (t.getMessage() != null && t.getMessage().contains("Invalid UTF-8"))) {
                return true;
            }
        }
        return false;
    }

    @ServerExceptionMapper(priority = 1)
    public Response parse(JsonParseException e, UriInfo uri, HttpHeaders headers) {
        if (encodingProblem(e)) {
            return notUtf8(uri, headers);
        }
        long line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
        long column = e.getLocation() == null ? -1 : e.getLocation().getColumnNr();
        if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")) { // StrictJson
            return respond(headers, problem(new ProblemType(400, "malformed-json", "Malformed JSON"), "a key is given twice in one "
                    + "object (line " + line + ", column " + column + ")", uri, null)).build();
        }
        return respond(headers, problem(new ProblemType(400, "malformed-json", "Malformed JSON"),
                "the body is not valid JSON (line " + line + ", column " + column + ")", uri, null)).build();
    }

    @ServerExceptionMapper(priority = 1)
    public Response unauthorized(UnauthorizedException e, UriInfo uri, HttpHeaders headers) {
        return respond(headers, problem(new ProblemType(401, "unauthorized", "Unauthorized"), "a valid bearer token is required", uri,
                        null)).header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper(priority = 1)
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri, HttpHeaders headers) {
        return respond(headers, problem(new ProblemType(401, "unauthorized", "Unauthorized"), "a valid bearer token is required", uri,
                        null)).header("WWW-Authenticate", "Bearer").build();
    }

    /**
     * The identity provider could not be reached to fetch the keys of a realm this service has not verified a token
     * of yet (a service started while the provider was down). Keys once fetched are kept, so tokens of a realm already
     * seen keep working through an outage; this answer is only for the first.
     */
    @ServerExceptionMapper(priority = 1)
    public Response identityProviderUnreachable(io.quarkus.oidc.OIDCException e, UriInfo uri, HttpHeaders headers) {
        LOG.warnf("token not verified on %s: the identity provider is unreachable", path(uri));
        return respond(headers, problem(new ProblemType(503, "identity-provider-unavailable", "Service Unavailable"),
                "the identity provider cannot be reached to verify this token; try again shortly", uri, null))
                .header("Retry-After", 30).build();
    }

    /** A role's refusal; mapped by {@code audit.Refusals}, which records it first on audited endpoints. */
    public Response forbidden(ForbiddenException e, UriInfo uri, HttpHeaders headers) {
        return respond(headers, problem(new ProblemType(403, "forbidden", "Forbidden"), "your role may not do this", uri, null)).build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof ApiProblem p) { // e.g. a query parameter's converter (QueryParams), wrapped as 404
            return apiProblem(p, uri, headers);
        }
        if (status == 415) { // a Content-Type the resource does not consume: the same answer as none (JsonBodies)
            return apiProblem(ApiProblem.unsupportedMediaType(), uri, headers);
        }
        if (encodingProblem(e.getCause())) {
            return notUtf8(uri, headers);
        }
        // The JSON body reader wraps Jackson's exceptions: answer them as if they had reached us directly.
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            switch (cause) {
                case JsonParseException p -> {
                    return parse(p, uri, headers);
                }
                case UnrecognizedPropertyException u -> {
                    return unrecognized(u, uri, headers);
                }
                case InvalidFormatException f -> {
                    return invalidFormat(f, uri, headers);
                }
                case MismatchedInputException m -> {
                    return mismatched(m, uri, headers);
                }
                case JsonMappingException m -> {
                    return mapping(m, uri, headers);
                }
                default -> {
                }
            }
        }
        if (status >= 500) {
            return unexpected(e, uri, headers);
        }
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        return respond(headers, problem(new ProblemType(status, "http-" + status, title), title, uri, null)).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri, HttpHeaders headers) {
        String errorId = UUID.randomUUID().toString();
        // The class only: messages of driver or library exceptions can quote SQL or values.
        LOG.errorf("unexpected error %s on %s: %s", errorId, path(uri), e.getClass().getName());
        return respond(headers, problem(new ProblemType(500, "internal", "Internal error"),
                "an unexpected error occurred; quote error id " + errorId + " to your administrator", uri, null))
                .build();
    }

    private static Problem problem(ProblemType type, String detail, UriInfo uri, List<FieldError> errors) {
        return new Problem("/problems/" + type.slug(), type.title(), type.status(), detail, path(uri), errors);
    }

    private Response.ResponseBuilder respond(HttpHeaders headers, Problem problem) {
        boolean japanese = inJapanese(headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE)
                .entity(japanese ? ProblemJapanese.of(problem) : problem)
                .header(HttpHeaders.CONTENT_LANGUAGE, japanese ? "ja" : "en")
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }

    /** {@code person.area}, {@code household[0].relation}: the JSON path of the offending field. */
    static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }
}
