package jp.tsunagu.intake.status;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.support.events.EventInbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Applies every stage's events to the referrer's status view. */
@ApplicationScoped
public class StageEventsConsumer {

    private final EventInbox inbox;
    private final CaseStatusProjection projection;

    public StageEventsConsumer(EventInbox inbox, CaseStatusProjection projection) {
        this.inbox = inbox;
        this.projection = projection;
    }

    @Incoming("stage-events")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        return inbox.consume(record, CaseStatusProjection.CONSUMER, projection::write);
    }
}
