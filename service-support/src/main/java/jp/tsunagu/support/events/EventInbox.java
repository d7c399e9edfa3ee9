package jp.tsunagu.support.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.events.CloudEventCodec;
import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.TsunaguEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.util.function.Function;

/**
 * The common path of every stage consumer: read the record as an event (invalid → dead-letter topic), then apply it
 * at most once in one transaction with the ledger entry, retrying database failures with back-off so that no event
 * is skipped and the partition's order is kept. Counts what it applied per event type
 * ({@code tsunagu_events_applied_total}).
 */
@ApplicationScoped
public class EventInbox {

    private final MeterRegistry metrics;

    public EventInbox(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    /**
     * @param consumer the projection's name in the ledger
     * @param apply    the projection's change for a first-time event, inside the transaction
     */
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record, String consumer,
                             Function<EventEnvelope<TsunaguEvent>, Uni<Void>> apply) {
        return Uni.createFrom().item(() -> IncomingEvents.read(record))
                .chain(envelope -> Panache.withTransaction(() -> Panache.getSession()
                                .chain(session -> ProcessedEvents.firstTime(session, consumer, envelope.id()))
                                .chain(first -> first ? apply.apply(envelope).invoke(() -> metrics.counter(
                                        "tsunagu.events.applied", "consumer", consumer, "type", envelope.type())
                                        .increment()) : Uni.createFrom().voidItem()))
                        .onFailure(e -> !(e instanceof CloudEventCodec.MalformedEventException))
                        .retry().withBackOff(Duration.ofMillis(500), Duration.ofSeconds(30)).atMost(30));
    }
}
