package jp.tsunagu.support.events;

import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The idempotent-consumer ledger: {@code processed_event(consumer, event_id)}. A projection applies an event only
 * when it is recorded here for the first time, in the same transaction as the change, so Kafka's at-least-once
 * redelivery changes nothing.
 */
public final class ProcessedEvents {

    private ProcessedEvents() {
    }

    /** True when this consumer had not seen the event; false for a redelivery. */
    public static Uni<Boolean> firstTime(Mutiny.Session session, String consumer, String eventId) {
        return claim(session, consumer, List.of(eventId)).map(claimed -> claimed.contains(eventId));
    }

    /** Records every id in one statement; returns the ones this consumer had not seen before. */
    public static Uni<Set<String>> claim(Mutiny.Session session, String consumer, List<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        String rows = IntStream.range(0, eventIds.size()).mapToObj(i -> "(:c, :e" + i + ")")
                .collect(Collectors.joining(", "));
        var query = session.createNativeQuery("with claimed as (insert into processed_event(consumer, event_id) values "
                + rows + " on conflict do nothing returning event_id) select event_id from claimed", String.class)
                .setParameter("c", consumer);
        for (int i = 0; i < eventIds.size(); i++) {
            query.setParameter("e" + i, eventIds.get(i));
        }
        return query.getResultList().map(HashSet::new);
    }
}
