package jp.tsunagu.routing.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpClient;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.routing.notice.NoticeMessage;
import jp.tsunagu.routing.notice.WebhookConfig;
import jp.tsunagu.support.clock.BusinessClock;
import jp.tsunagu.support.db.Database;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Sends the notices queued for webhooks: claims the due deliveries, POSTs each (signed), and records the attempt; a
 * failure is tried again after a back-off that doubles up to a ceiling, for the retry window, after which the
 * delivery fails and its subscription is disabled with the reason. Deliveries live in the database, so a restart
 * loses none: one claimed but not finished is due again when its lease ends.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final int BATCH = 50;

    private final SubscriptionRecords records;
    private final WebhookUrlPolicy policy;
    private final WebhookConfig config;
    private final Database database;
    private final ObjectMapper json;
    private final HttpClient http;
    private final MeterRegistry metrics;
    private final BusinessClock clock;

    public WebhookDispatcher(SubscriptionRecords records, WebhookUrlPolicy policy, WebhookConfig config,
                             Database database, ObjectMapper json, Vertx vertx, MeterRegistry metrics,
                             BusinessClock clock) {
        this.metrics = metrics;
        this.clock = clock;
        this.records = records;
        this.policy = policy;
        this.config = config;
        this.database = database;
        this.json = json;
        this.http = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.timeout().toMillis())
                .setIdleTimeout((int) config.timeout().toSeconds() + 1));
    }

    /** How failed deliveries are tried again: the first wait, doubled up to the ceiling, within the window. */
    record RetryPolicy(Duration first, Duration max, Duration window) {
    }

    /**
     * When to try again after {@code failures} failed attempts, or null to give up: the retry window (from the
     * delivery's creation) is over.
     */
    static Instant retryAt(int failures, Instant created, Instant now, RetryPolicy policy) {
        Duration first = policy.first();
        Duration max = policy.max();
        Duration window = policy.window();
        long factor = 1L << Math.min(failures - 1, 20);
        Duration wait = first.multipliedBy(factor);
        if (wait.compareTo(max) > 0 || wait.isNegative()) {
            wait = max;
        }
        Instant next = now.plus(wait);
        Instant end = created.plus(window);
        if (!now.isBefore(end)) {
            return null;
        }
        return next.isAfter(end) ? end : next;
    }

    @Scheduled(every = "${tsunagu.webhooks.send-every:2s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        // the message names the failing SQL or connection, never a notice's content
        return sendDue().onFailure().invoke(e -> LOG.warnf("webhook sending failed (%s: %s); it runs again",
                e.getClass().getName(), e.getMessage())).onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Sends what is due now; returns how many attempts were made. */
    public Uni<Integer> sendDue() {
        long lease = config.timeout().toSeconds() * 3 + 30;
        return database.inTransaction(() -> records.claimDue(BATCH, lease))
                .chain(due -> due.isEmpty() ? Uni.createFrom().item(0)
                        : Multi.createFrom().iterable(due)
                        .onItem().transformToUniAndMerge(this::attempt)
                        .collect().asList().map(List::size));
    }

    private Uni<Void> attempt(SubscriptionRecords.Due due) {
        int number = due.attempts() + 1;
        Instant started = clock.now();
        String body = body(due);
        long timestamp = started.getEpochSecond();
        // checked again now (the name may resolve elsewhere since), and connected to the very address checked
        return Uni.createFrom().item(() -> policy.target(due.url()))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(target -> http.request(pinned(target, new RequestOptions().setMethod(HttpMethod.POST)
                                .setAbsoluteURI(target.uri().toString()).setFollowRedirects(false)
                                .addHeader("content-type", "application/cloudevents+json; charset=utf-8")
                                .addHeader("user-agent", "Tsunagu-Webhooks/1")
                                .addHeader("webhook-id", due.notice().id())
                                .addHeader("webhook-timestamp", Long.toString(timestamp))
                                .addHeader("webhook-signature",
                                        WebhookSignature.sign(due.secret(), due.notice().id(), timestamp, body))))
                        .chain(request -> request.send(body))
                        .chain(response -> response.body().map(ignored -> response.statusCode())))
                .ifNoItem().after(config.timeout()).failWith(() -> new java.util.concurrent.TimeoutException(
                        "no answer within " + config.timeout().toSeconds() + " s"))
                .map(status -> new Outcome(status, status >= 200 && status < 300 ? null : "HTTP " + status))
                .onFailure().recoverWithItem(e -> new Outcome(null, reason(e)))
                .chain(outcome -> record(due, number, started, outcome));
    }

    private record Outcome(Integer status, String error) {
    }

    /**
     * The request sent to the address the policy checked, not to whatever the name resolves to by the time the
     * client connects; the URL's host still names the endpoint (Host header, TLS server name).
     */
    private static RequestOptions pinned(WebhookUrlPolicy.Target target, RequestOptions options) {
        if (target.address() == null) {
            return options;
        }
        int port = target.uri().getPort() != -1 ? target.uri().getPort()
                : "https".equalsIgnoreCase(target.uri().getScheme()) ? 443 : 80;
        return options.setServer(SocketAddress.inetSocketAddress(port, target.address().getHostAddress()));
    }

    private Uni<Void> record(SubscriptionRecords.Due due, int number, Instant started, Outcome outcome) {
        Instant now = clock.now();
        Delivery.Attempt attempt = new Delivery.Attempt(number, started, outcome.status(), outcome.error(),
                (int) Duration.between(started, now).toMillis());
        boolean delivered = outcome.error() == null;
        Instant retry = delivered ? null : retryAt(number, due.createdAt(), now,
                new RetryPolicy(config.firstBackOff(), config.maxBackOff(), config.retryFor()));
        String gaveUp = delivered || retry != null ? null
                : "notice " + due.notice().id() + " not delivered within " + span(config.retryFor()) + " ("
                + number + " attempts, last: " + outcome.error() + ")";
        if (gaveUp != null) {
            LOG.warnf("webhook subscription %s disabled: %s", due.subscriptionId(), gaveUp);
        }
        // per outcome: delivered, failed (tried again later) or given up (the subscription disabled)
        metrics.counter("tsunagu.webhooks.attempts", "outcome", delivered ? "delivered"
                : gaveUp != null ? "given-up" : "failed").increment();
        metrics.timer("tsunagu.webhooks.attempt.duration").record(Duration.between(started, now));
        return database.inTransaction(() -> records.attempted(due, attempt, delivered, retry, gaveUp));
    }

    private String body(SubscriptionRecords.Due due) {
        return NoticeMessage.json(json, due.notice(), config.publicUrl());
    }

    private static String span(Duration d) {
        return d.toHours() >= 1 ? d.toHours() + " h" : d.toMinutes() >= 1 ? d.toMinutes() + " min"
                : d.toSeconds() + " s";
    }

    /** A short, safe reason: the exception's kind and message, which here never hold personal data. */
    private static String reason(Throwable e) {
        if (e instanceof jp.tsunagu.support.problem.ApiProblem p) {
            return "URL refused: " + (p.errors() == null || p.errors().isEmpty() ? p.getMessage()
                    : p.errors().get(0).message());
        }
        String message = e.getMessage() == null ? "" : ": " + e.getMessage();
        String text = e.getClass().getSimpleName() + message;
        return text.length() > 300 ? text.substring(0, 300) : text;
    }
}
