package jp.tsunagu.console.signin;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jp.tsunagu.console.services.Service;
import jp.tsunagu.contract.identity.Issuers;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Someone who must sign in while her city's identity provider does not answer gets a Japanese page saying so (the
 * sign-in mechanism itself could only answer an empty 401). Asked only of requests without a session: a person
 * already signed in keeps working while her tokens last (up to their renewal, about five minutes). An answer, or its
 * absence, is kept a few seconds.
 */
@ApplicationScoped
public class ProviderCheck {

    private static final long KEEP_MILLIS = 5_000;
    /** A provider that takes the connection but does not answer counts as down after this long. */
    private static final long ANSWER_MILLIS = 3_000;

    private final Municipalities municipalities;
    private final Issuers issuers;
    private final Template error;
    private final HttpClient http;
    /** By discovery URL: when it last answered, when it last did not. */
    private final Map<String, long[]> lastSeen = new ConcurrentHashMap<>();

    public ProviderCheck(Municipalities municipalities, Issuers issuers, Vertx vertx,
                         @Location("error.html") Template error) {
        this.municipalities = municipalities;
        this.issuers = issuers;
        this.error = error;
        this.http = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(2_000));
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 2).handler(this::check);
    }

    private void check(RoutingContext rc) {
        Optional<String> municipality = municipalities.ofPath(rc.normalizedPath());
        if (municipality.isEmpty() || signedIn(rc, municipality.get())) {
            rc.next();
            return;
        }
        String discovery = issuers.issuerOf(municipality.get()).orElse("") + "/.well-known/openid-configuration";
        long[] seen = lastSeen.computeIfAbsent(discovery, k -> new long[2]);
        long now = System.currentTimeMillis();
        if (now - seen[0] < KEEP_MILLIS) {
            rc.next();
            return;
        }
        Future<Boolean> check = now - seen[1] < KEEP_MILLIS ? Future.succeededFuture(false) : answers(discovery);
        check.onComplete(up -> {
            if (up.succeeded() && up.result()) {
                seen[0] = System.currentTimeMillis();
                rc.next();
            } else {
                seen[1] = System.currentTimeMillis();
                rc.response().setStatusCode(503).putHeader("Content-Type", "text/html; charset=UTF-8")
                        .putHeader("Retry-After", "30")
                        .end(error.data("title", "サインインできません").data("status", 503)
                                .data("what", Service.IDENTITY.labelJa() + "に接続できません。")
                                .data("next", "しばらくしてから、もう一度お試しください。サインイン済みの方は、そのまま"
                                        + "お使いいただけます。").render());
            }
        });
    }

    private Future<Boolean> answers(String url) {
        return http.request(new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(url)
                        .setIdleTimeout(ANSWER_MILLIS))
                .compose(HttpClientRequest::send)
                .map(res -> res.statusCode() == 200)
                .otherwise(false);
    }

    private static boolean signedIn(RoutingContext rc, String municipality) {
        String prefix = "q_session_municipality-" + municipality;
        return rc.request().cookies().stream().anyMatch(c -> c.getName().startsWith(prefix));
    }
}
