package jp.tsunagu.intake.importing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/**
 * intake's body limit ({@code quarkus.http.limits.max-body-size}) is raised to take a caseload sheet at
 * {@code POST /imports}; every other request keeps the limit all services share
 * ({@code tsunagu.import.other-requests-max-bytes}, 64 KiB): a larger Content-Length is 413, as a problem document,
 * before the body is read. Runs just before service-support's {@code RequestLimits}, which refuses the rest (no
 * length, control characters, over the raised limit).
 */
@ApplicationScoped
public class UploadLimits {

    private static final int BEFORE_REQUEST_LIMITS = -4;

    private final long otherMaxBytes;
    private final ObjectMapper json;

    public UploadLimits(ImportConfig config, ObjectMapper json) {
        this.otherMaxBytes = config.otherRequestsMaxBytes();
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(BEFORE_REQUEST_LIMITS).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        boolean upload = ctx.request().method() == HttpMethod.POST && "/imports".equals(ctx.request().path());
        long bytes;
        try {
            bytes = length == null || upload ? 0 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            bytes = 0; // RequestLimits answers it
        }
        if (bytes <= otherMaxBytes) {
            ctx.next();
            return;
        }
        if (ctx.request().version() != HttpVersion.HTTP_2) {
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
        }
        boolean japanese = ProblemMappers.inJapanese(ctx.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        Problem problem = new Problem("/problems/payload-too-large", "Payload too large", 413, "the body has "
                + bytes + " bytes; at most " + otherMaxBytes + " are accepted", ctx.request().path(), null);
        try {
            ctx.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONTENT_LANGUAGE, japanese ? "ja" : "en")
                    .end(json.writeValueAsString(japanese ? ProblemJapanese.of(problem) : problem));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
