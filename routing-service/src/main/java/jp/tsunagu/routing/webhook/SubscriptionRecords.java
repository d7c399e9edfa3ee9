package jp.tsunagu.routing.webhook;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.routing.notice.NoticeRecords;
import jp.tsunagu.routing.notice.NoticeType;
import jp.tsunagu.support.db.Database;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static jp.tsunagu.support.db.SqlValues.instant;
import static jp.tsunagu.support.db.SqlValues.list;

/** Webhook subscriptions, their deliveries and attempts (V5__notices_and_webhooks.sql). */
@ApplicationScoped
public class SubscriptionRecords {

    /** A delivery claimed for an attempt, with what it takes to send it. */
    public record Due(long deliveryId, int attempts, Instant createdAt, String subscriptionId, String url,
                      String secret, NoticeRecords.Stored notice) {
    }

    private static final String COLUMNS = """
            id, url, event_types, state, disabled_reason, consecutive_failures, created_at
            """;

    private final Database database;

    public SubscriptionRecords(Database database) {
        this.database = database;
    }

    /** A subscription being made, with its secret. */
    public record New(String id, String municipality, String agencyId, String url, List<String> types,
                      String secret) {
    }

    public Uni<Void> insert(New s) {
        return database.update("""
                        insert into webhook_subscription(id, municipality, agency_id, url, event_types, secret, state)
                        values ($1, $2, $3, $4, $5, $6, 'ACTIVE')""",
                s.id(), s.municipality(), s.agencyId(), s.url(), String.join(",", s.types()), s.secret())
                .replaceWithVoid();
    }

    public Uni<List<Subscription>> of(String municipality, String agencyId) {
        return database.list("select " + COLUMNS + """
                         from webhook_subscription
                         where municipality = $1 and agency_id = $2 and deleted_at is null order by created_at, id""",
                SubscriptionRecords::subscriptionOf, municipality, agencyId);
    }

    public Uni<Optional<Subscription>> find(String municipality, String agencyId, String id) {
        return database.first("select " + COLUMNS + """
                         from webhook_subscription
                         where id = $1 and municipality = $2 and agency_id = $3 and deleted_at is null""",
                SubscriptionRecords::subscriptionOf, id, municipality, agencyId);
    }

    /** Deleted subscriptions stop at once; their deliveries stay readable to no one and are never sent. */
    public Uni<Boolean> delete(String municipality, String agencyId, String id) {
        return database.update("""
                        update webhook_subscription set deleted_at = now(), state = 'DISABLED',
                               disabled_reason = 'deleted by the agency'
                         where id = $1 and municipality = $2 and agency_id = $3 and deleted_at is null""",
                id, municipality, agencyId).map(n -> n > 0);
    }

    /** The newest deliveries of a subscription, each with its attempts. */
    public Uni<List<Delivery>> deliveries(String subscriptionId, int limit) {
        return database.list("""
                        select d.id, n.notice_id, n.type, n.case_id, d.state, d.attempts, d.next_attempt_at,
                               d.delivered_at
                          from webhook_delivery d join notice n on n.seq = d.notice_seq
                         where d.subscription_id = $1 order by d.id desc limit $2""",
                        row -> row, subscriptionId, limit)
                .chain(rows -> database.list("""
                                select delivery_id, attempt, at, status_code, error, duration_ms from webhook_attempt
                                 where delivery_id = any($1) order by delivery_id, attempt""",
                        row -> row, (Object) rows.stream().map(r -> r.getLong("id")).toArray(Long[]::new))
                        .map(attempts -> rows.stream().map(r -> new Delivery(r.getString("notice_id"),
                                NoticeType.ofCode(r.getString("type")).ceType(),
                                r.getString("case_id"), r.getString("state"), r.getInteger("attempts"),
                                "PENDING".equals(r.getString("state")) ? instant(r.getValue("next_attempt_at")) : null,
                                r.getValue("delivered_at") == null ? null : instant(r.getValue("delivered_at")),
                                attempts.stream().filter(a -> a.getLong("delivery_id").equals(r.getLong("id")))
                                        .map(a -> new Delivery.Attempt(a.getInteger("attempt"),
                                                instant(a.getValue("at")), a.getInteger("status_code"),
                                                a.getString("error"), a.getInteger("duration_ms"))).toList()))
                                .toList()));
    }

    /**
     * Claims up to {@code limit} deliveries that are due, moving their next attempt {@code leaseSeconds} ahead: a
     * sender that dies mid-attempt leaves them due again after the lease, so every notice is sent at least once.
     */
    public Uni<List<Due>> claimDue(int limit, long leaseSeconds) {
        return database.list("""
                        with due as (
                            select d.id from webhook_delivery d
                              join webhook_subscription s on s.id = d.subscription_id
                             where d.state = 'PENDING' and d.next_attempt_at <= now() and s.state = 'ACTIVE'
                             order by d.next_attempt_at, d.id limit $1 for update of d skip locked)
                        update webhook_delivery d set next_attempt_at = now() + $2::int * interval '1 second'
                          from due, webhook_subscription s, notice n
                         where d.id = due.id and s.id = d.subscription_id and n.seq = d.notice_seq
                        returning d.id as delivery_id, d.attempts, d.created_at as delivery_created_at,
                                  s.id as subscription_id, s.url, s.secret,
                                  n.seq, n.notice_id, n.municipality, n.agency_id, n.type, n.case_id,
                                  n.business_date, n.due_on, n.reference, n.urgent, n.created_at, n.reason,
                                  n.to_agency_id, n.to_agency_name, n.case_number, n.starts_at, n.place,
                                  n.urgency, n.review""",
                row -> new Due(row.getLong("delivery_id"), row.getInteger("attempts"),
                        instant(row.getValue("delivery_created_at")), row.getString("subscription_id"),
                        row.getString("url"), row.getString("secret"), NoticeRecords.storedOf(row)),
                limit, (int) leaseSeconds);
    }

    /** An attempt's outcome: delivered, or to be tried again at {@code retryAt}, or given up (null). */
    public Uni<Void> attempted(Due due, Delivery.Attempt attempt, boolean delivered, Instant retryAt,
                               String gaveUpReason) {
        String state = delivered ? "DELIVERED" : retryAt == null ? "FAILED" : "PENDING";
        return database.update("""
                        insert into webhook_attempt(delivery_id, attempt, at, status_code, error, duration_ms)
                        values ($1, $2, $3, $4, $5, $6) on conflict do nothing""",
                        due.deliveryId(), attempt.attempt(), attempt.at().atOffset(ZoneOffset.UTC), attempt.status(),
                        attempt.error(), attempt.durationMs())
                .chain(() -> database.update("""
                                update webhook_delivery set state = $2, attempts = $3,
                                       next_attempt_at = coalesce($4::timestamptz, next_attempt_at),
                                       delivered_at = case when $2::varchar = 'DELIVERED' then now() end
                                 where id = $1""", due.deliveryId(), state, attempt.attempt(),
                        retryAt == null ? null : retryAt.atOffset(ZoneOffset.UTC)))
                .chain(() -> database.update(delivered
                                ? "update webhook_subscription set consecutive_failures = 0 where id = $1"
                                : "update webhook_subscription set consecutive_failures = consecutive_failures + 1"
                                + " where id = $1", due.subscriptionId()))
                .chain(() -> gaveUpReason == null ? Uni.createFrom().item(0) : database.update("""
                                update webhook_subscription set state = 'DISABLED', disabled_reason = $2
                                 where id = $1 and state = 'ACTIVE'""", due.subscriptionId(), gaveUpReason))
                .replaceWithVoid();
    }

    private static Subscription subscriptionOf(Row row) {
        return new Subscription(row.getString("id"), row.getString("url"), list(row.getString("event_types")),
                row.getString("state"), row.getString("disabled_reason"), row.getInteger("consecutive_failures"),
                instant(row.getValue("created_at")), null);
    }
}
