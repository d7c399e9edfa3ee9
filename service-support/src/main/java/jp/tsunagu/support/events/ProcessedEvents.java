package jp.tsunagu.support.events;

import io.smallrye.mutiny.Uni;
import jp.tsunagu.support.db.Database;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The idempotent-consumer ledger: {@code processed_event(consumer, event_id)}. A projection applies an event only
 * when it is recorded here for the first time, in the same transaction as the change, so Kafka's at-least-once
 * redelivery changes nothing.
 */
public final class ProcessedEvents {

    private ProcessedEvents() {
    }

    /**
     * Records every id in one statement; returns the ones this consumer had not seen before. The ids are inserted
     * sorted, so two transactions claiming overlapping ids take their row locks in the same order (no deadlock).
     */
    public static Uni<Set<String>> claim(Database database, String consumer, List<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return database.list("""
                        insert into processed_event(consumer, event_id) select $1, unnest($2::varchar[])
                        on conflict do nothing returning event_id""", row -> row.getString(0),
                        consumer, eventIds.stream().sorted().toArray(String[]::new))
                .map(HashSet::new);
    }
}
