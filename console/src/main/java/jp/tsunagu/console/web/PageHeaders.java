package jp.tsunagu.console.web;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jp.tsunagu.console.ConsoleConfig;
import jp.tsunagu.console.signin.Municipalities;
import jp.tsunagu.contract.identity.Issuers;

import java.net.URI;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Headers on every answer: scripts and styles only from the console itself (no inline code anywhere), forms posted
 * only to the console or the identity provider it sends people to, no framing, and nothing stored by the browser
 * (the pages carry personal data). A POST from another origin is refused before anything reads it.
 */
@ApplicationScoped
public class PageHeaders {

    private final String csp;
    private final boolean secure;

    public PageHeaders(Issuers issuers, ConsoleConfig config, Municipalities municipalities) {
        // every city's provider: a form posted after the session ended is redirected to sign-in there
        Set<String> providers = new TreeSet<>();
        municipalities.all().forEach(d -> issuers.issuerOf(d.municipality()).map(PageHeaders::origin)
                .ifPresent(providers::add));
        this.csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
                + "form-action 'self'" + providers.stream().map(p -> " " + p).collect(Collectors.joining());
        this.secure = config.secureCookies();
    }

    void install(@Observes Router router) {
        // before everything else, sign-in included
        router.route().order(Integer.MIN_VALUE + 1).handler(this::headers);
    }

    void headers(RoutingContext rc) {
        var headers = rc.response().headers();
        headers.set("Content-Security-Policy", csp)
                .set("X-Content-Type-Options", "nosniff")
                .set("Referrer-Policy", "same-origin") // no-referrer would make Chrome send "Origin: null" with our own forms
                .set("X-Frame-Options", "DENY")
                .set("Cross-Origin-Opener-Policy", "same-origin")
                .set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        if (secure) {
            headers.set("Strict-Transport-Security", "max-age=31536000");
        }
        String path = rc.normalizedPath();
        if (!path.startsWith("/assets/") && !path.startsWith("/webjars/")) {
            headers.set("Cache-Control", "no-store");
        }
        if (rc.request().method() == HttpMethod.POST && !sameOrigin(rc)) {
            rc.response().setStatusCode(403).putHeader("Content-Type", "text/plain; charset=UTF-8")
                    .end("別のサイトからの送信は受け付けません。");
            return;
        }
        rc.next();
    }

    private static boolean sameOrigin(RoutingContext rc) {
        String origin = rc.request().getHeader("Origin");
        if (origin == null || origin.equals("null")) {
            return origin == null; // a browser sends Origin with every POST; "null" comes from sandboxes
        }
        String host = rc.request().authority() == null ? null : rc.request().authority().toString();
        return host != null && URI.create(origin).getRawAuthority() != null
                && URI.create(origin).getRawAuthority().equalsIgnoreCase(host);
    }

    private static String origin(String issuer) {
        URI uri = URI.create(issuer);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}
