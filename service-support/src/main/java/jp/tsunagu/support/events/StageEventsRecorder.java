package jp.tsunagu.support.events;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * For a service whose projections are not built yet: it consumes its stage topics through the common
 * {@link EventInbox} (validation, dead-letter topic, idempotency ledger, per-type counters) and applies nothing else.
 * Enabled by the build property {@code tsunagu.stage-events.recorder=true}; a service drops that property when its
 * own consumer of {@code stage-events} takes over.
 */
@ApplicationScoped
@IfBuildProperty(name = "tsunagu.stage-events.recorder", stringValue = "true")
public class StageEventsRecorder {

    public static final String CONSUMER = "stage-events-recorder";

    private final EventInbox inbox;

    public StageEventsRecorder(EventInbox inbox) {
        this.inbox = inbox;
    }

    @Incoming("stage-events")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        return inbox.consume(record, CONSUMER, envelope -> Uni.createFrom().voidItem());
    }
}
