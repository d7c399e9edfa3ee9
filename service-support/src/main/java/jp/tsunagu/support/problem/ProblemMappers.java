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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.UUID;

/**
 * Every error leaves as {@code application/problem+json}. Bad input is a 4xx naming the field; anything unexpected
 * is a 500 whose body and log line carry only an error id (the exception class goes to the log, never a value).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response apiProblem(ApiProblem e, UriInfo uri) {
        Response.ResponseBuilder r = respond(e.toProblem(path(uri)));
        if (e.retryAfterSeconds() != null) {
            r.header("Retry-After", e.retryAfterSeconds());
        }
        return r.build();
    }

    @ServerExceptionMapper(priority = 1)
    public Response unrecognized(UnrecognizedPropertyException e, UriInfo uri) {
        String field = path(e);
        return respond(problem(400, "validation", "Invalid request", field + ": unknown field", uri,
                List.of(new FieldError(field, "unknown field; allowed fields are documented in /q/openapi")))).build();
    }

    @ServerExceptionMapper(priority = 1)
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        String field = path(e);
        if (e.getTargetType() == String.class) { // TextSafety: the value is never echoed
            return respond(problem(400, "validation", "Invalid request", field + ": control characters", uri,
                    List.of(new FieldError(field, "control characters are not accepted")))).build();
        }
        String expected = e.getTargetType() == null ? "another type" : e.getTargetType().getSimpleName();
        return respond(problem(400, "validation", "Invalid request", field + ": wrong type", uri,
                List.of(new FieldError(field, "expected " + expected)))).build();
    }

    @ServerExceptionMapper(priority = 1)
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        String field = path(e);
        if (field.isEmpty()) {
            return respond(problem(400, "malformed-json", "Malformed JSON",
                    "the body must be a JSON object", uri, null)).build();
        }
        return respond(problem(400, "validation", "Invalid request", field + ": wrong type", uri,
                List.of(new FieldError(field, "wrong JSON type")))).build();
    }

    @ServerExceptionMapper(priority = 1)
    public Response mapping(JsonMappingException e, UriInfo uri) {
        String field = path(e);
        return respond(problem(400, "validation", "Invalid request", "the body does not fit the schema", uri,
                field.isEmpty() ? null : List.of(new FieldError(field, "cannot be read")))).build();
    }

    @ServerExceptionMapper(priority = 1)
    public Response parse(JsonParseException e, UriInfo uri) {
        long line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
        long column = e.getLocation() == null ? -1 : e.getLocation().getColumnNr();
        return respond(problem(400, "malformed-json", "Malformed JSON",
                "the body is not valid JSON (line " + line + ", column " + column + ")", uri, null)).build();
    }

    @ServerExceptionMapper(priority = 1)
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return respond(problem(401, "unauthorized", "Unauthorized", "a valid bearer token is required", uri, null))
                .header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper(priority = 1)
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return respond(problem(401, "unauthorized", "Unauthorized", "a valid bearer token is required", uri, null))
                .header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper(priority = 1)
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(problem(403, "forbidden", "Forbidden", "your role may not do this", uri, null)).build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        // The JSON body reader wraps Jackson's exceptions: answer them as if they had reached us directly.
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            switch (cause) {
                case JsonParseException p -> {
                    return parse(p, uri);
                }
                case UnrecognizedPropertyException u -> {
                    return unrecognized(u, uri);
                }
                case InvalidFormatException f -> {
                    return invalidFormat(f, uri);
                }
                case MismatchedInputException m -> {
                    return mismatched(m, uri);
                }
                case JsonMappingException m -> {
                    return mapping(m, uri);
                }
                default -> {
                }
            }
        }
        if (status >= 500) {
            return unexpected(e, uri);
        }
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        return respond(problem(status, "http-" + status, title, title, uri, null)).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        String errorId = UUID.randomUUID().toString();
        // The class only: messages of driver or library exceptions can quote SQL or values.
        LOG.errorf("unexpected error %s on %s: %s", errorId, path(uri), e.getClass().getName());
        return respond(problem(500, "internal", "Internal error",
                "an unexpected error occurred; quote error id " + errorId + " to your administrator", uri, null))
                .build();
    }

    private static Problem problem(int status, String slug, String title, String detail, UriInfo uri,
                                   List<FieldError> errors) {
        return new Problem("/problems/" + slug, title, status, detail, path(uri), errors);
    }

    private static Response.ResponseBuilder respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
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
