package jp.tsunagu.support.events;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A row of the idempotent-consumer ledger ({@code processed_event}, created by each service's V1 migration).
 * Written through {@link ProcessedEvents}; mapped here so operators' queries and tests can read it.
 */
@Entity
@Table(name = "processed_event")
@IdClass(ProcessedEventRecord.Key.class)
public class ProcessedEventRecord {

    @Id
    public String consumer;

    @Id
    @Column(name = "event_id")
    public String eventId;

    @Column(name = "applied_at")
    public OffsetDateTime appliedAt;

    public static class Key implements Serializable {
        public String consumer;
        public String eventId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(consumer, k.consumer) && Objects.equals(eventId, k.eventId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(consumer, eventId);
        }
    }
}
