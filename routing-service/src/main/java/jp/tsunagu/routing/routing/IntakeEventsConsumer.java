package jp.tsunagu.routing.routing;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.support.events.EventInbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Routes every referral from the intake topic, once. */
@ApplicationScoped
public class IntakeEventsConsumer {

    static final String CONSUMER = "routing";

    private final EventInbox inbox;
    private final RoutingService service;

    public IntakeEventsConsumer(EventInbox inbox, RoutingService service) {
        this.inbox = inbox;
        this.service = service;
    }

    @Incoming("stage-events")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        return inbox.consume(record, CONSUMER, service::onIntakeEvent);
    }
}
