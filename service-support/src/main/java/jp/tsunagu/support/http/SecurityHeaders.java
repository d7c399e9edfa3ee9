package jp.tsunagu.support.http;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The headers every answer of every service carries unless it sets its own: what it says is personal or
 * confidential (a person, 支援会議 material, a plan), so no cache keeps it ({@code Cache-Control: no-store}), no
 * browser guesses another type for it ({@code X-Content-Type-Options: nosniff}), it sends no referrer, and a
 * Content-Security-Policy lets a browser that opens it load nothing and frame it nowhere. The printed pages (the
 * 議事録, the year table) style themselves inline and run no script: HTML gets a policy allowing inline styles only.
 * A page that loads its own files says so itself (the dashboard, in reporting's configuration); the developer pages
 * under {@code /q/} (Swagger UI) keep theirs. Set as the headers are written, so errors written before JAX-RS
 * (413, 411) carry them too.
 */
@ApplicationScoped
public class SecurityHeaders {

    /** For data: nothing to load, run or frame. */
    public static final String DATA_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; "
            + "form-action 'none'";
    /** For the printed pages: their inline style and nothing else. */
    public static final String PRINTED_PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; "
            + "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private static final int FIRST = Integer.MIN_VALUE + 1;

    void install(@Observes Router router) {
        router.route().order(FIRST).handler(this::onHeaders);
    }

    private void onHeaders(RoutingContext ctx) {
        ctx.addHeadersEndHandler(v -> add(ctx.request().path(), ctx.response().headers()));
        ctx.next();
    }

    static void add(String path, MultiMap headers) {
        setIfAbsent(headers, "Cache-Control", "no-store");
        setIfAbsent(headers, "X-Content-Type-Options", "nosniff");
        setIfAbsent(headers, "Referrer-Policy", "no-referrer");
        String type = headers.get(HttpHeaders.CONTENT_TYPE);
        boolean html = type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("text/html");
        if (html && path != null && path.startsWith("/q/")) {
            return; // Swagger UI and the like: pages of the framework, with scripts of their own
        }
        setIfAbsent(headers, "Content-Security-Policy", html ? PRINTED_PAGE_POLICY : DATA_POLICY);
    }

    private static void setIfAbsent(MultiMap headers, String name, String value) {
        if (!headers.contains(name)) {
            headers.set(name, value);
        }
    }
}
