package jp.tsunagu.meeting.agenda;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.support.events.EventInbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Escalations (routing) and consent (intake) put cases on the agendas. */
@ApplicationScoped
public class StageEventsConsumer {

    static final String CONSUMER = "meetings";

    private final EventInbox inbox;
    private final MeetingService service;

    public StageEventsConsumer(EventInbox inbox, MeetingService service) {
        this.inbox = inbox;
        this.service = service;
    }

    @Incoming("stage-events")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        return inbox.consume(record, CONSUMER, service::onStageEvent);
    }
}
