package jp.tsunagu.support.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jp.tsunagu.support.problem.Problem;
import jp.tsunagu.support.problem.ProblemJapanese;
import jp.tsunagu.support.problem.ProblemMappers;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Oversized bodies are refused before they are read, as a problem document (RFC 9457) rather than the server's bare
 * 413: a Content-Length above {@code quarkus.http.limits.max-body-size} gets 413; a body of unknown length
 * (chunked) gets 411, since its size could only be found by reading it; an address with a control character (such as
 * an encoded NUL) gets 400. Runs just before Quarkus's own upload limit.
 */
@ApplicationScoped
public class RequestLimits {

    private static final int BEFORE_UPLOAD_LIMIT = -3; // RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT is -2

    private final long maxBytes;
    private final ObjectMapper json;

    public RequestLimits(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize max, ObjectMapper json) {
        this.maxBytes = max.asLongValue();
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(BEFORE_UPLOAD_LIMIT).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        String uri = ctx.request().uri();
        if (uri.contains("%00") || jp.tsunagu.support.json.TextSafety.hasControlCharacters(uri)) {
            refuse(ctx, 400, "bad-request", "Bad request", "control characters are not accepted in the address");
            return;
        }
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        HttpMethod method = ctx.request().method();
        boolean hasBody = method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH;
        if (length != null) {
            long bytes;
            try {
                bytes = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                refuse(ctx, 400, "bad-request", "Bad request", "Content-Length is not a number");
                return;
            }
            if (bytes > maxBytes) {
                refuse(ctx, 413, "payload-too-large", "Payload too large", "the body has " + bytes
                        + " bytes; at most " + maxBytes + " are accepted");
                return;
            }
        } else if (hasBody && "chunked".equalsIgnoreCase(ctx.request().getHeader(HttpHeaders.TRANSFER_ENCODING))) {
            refuse(ctx, 411, "length-required", "Length required", "send the body with a Content-Length "
                    + "(at most " + maxBytes + " bytes)");
            return;
        }
        ctx.next();
    }

    /** The same problem document the JAX-RS mappers write (this runs before JAX-RS, so it writes it itself). */
    private void refuse(RoutingContext ctx, int status, String slug, String title, String detail) {
        if (ctx.request().version() != HttpVersion.HTTP_2) {
            // the unread body would otherwise be taken for the next request (HTTP/2 has no such header: a stream ends)
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
        }
        String body;
        boolean japanese = ProblemMappers.inJapanese(ctx.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        Problem problem = new Problem("/problems/" + slug, title, status, detail, ctx.request().path(), null);
        try {
            body = json.writeValueAsString(japanese ? ProblemJapanese.of(problem) : problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONTENT_LANGUAGE, japanese ? "ja" : "en").end(body);
    }
}
