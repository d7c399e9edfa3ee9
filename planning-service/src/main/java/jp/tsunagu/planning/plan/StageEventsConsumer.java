package jp.tsunagu.planning.plan;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.support.events.EventInbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Cases (intake) and meeting outcomes (meetings) into planning. */
@ApplicationScoped
public class StageEventsConsumer {

    static final String CONSUMER = "planning";

    private final EventInbox inbox;
    private final PlanService service;

    public StageEventsConsumer(EventInbox inbox, PlanService service) {
        this.inbox = inbox;
        this.service = service;
    }

    @Incoming("stage-events")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        return inbox.consume(record, CONSUMER, service::onStageEvent);
    }
}
