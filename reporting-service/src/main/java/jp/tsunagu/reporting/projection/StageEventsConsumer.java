package jp.tsunagu.reporting.projection;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.support.events.EventInbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Every stage topic into reporting's projections. */
@ApplicationScoped
public class StageEventsConsumer {

    static final String CONSUMER = "reporting";

    private final EventInbox inbox;
    private final LiveProjection projection;

    public StageEventsConsumer(EventInbox inbox, LiveProjection projection) {
        this.inbox = inbox;
        this.projection = projection;
    }

    @Incoming("stage-events")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        return inbox.consume(record, CONSUMER, projection::apply);
    }
}
