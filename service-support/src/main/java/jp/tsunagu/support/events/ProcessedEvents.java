package jp.tsunagu.support.events;

import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The idempotent-consumer ledger: each service's migrations create {@code processed_event(consumer, event_id)},
 * and a projection applies an event only when it is recorded here for the first time, in the same transaction as
 * the change. Kafka's at-least-once redelivery then changes nothing.
 */
public final class ProcessedEvents {

    private ProcessedEvents() {
    }

    /** True when this consumer had not seen the event; false for a redelivery. */
    public static Uni<Boolean> firstTime(Mutiny.Session session, String consumer, String eventId) {
        return session.createNativeQuery(
                        "insert into processed_event(consumer, event_id) values (:consumer, :eventId) on conflict do nothing")
                .setParameter("consumer", consumer)
                .setParameter("eventId", eventId)
                .executeUpdate()
                .map(rows -> rows == 1);
    }
}
