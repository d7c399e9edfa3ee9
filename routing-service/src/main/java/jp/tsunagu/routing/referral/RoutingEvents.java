package jp.tsunagu.routing.referral;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.RoutingEvent;
import jp.tsunagu.support.events.StagePublisher;
import org.eclipse.microprofile.reactive.messaging.Channel;

import java.time.Clock;
import java.time.LocalDate;

/** routing-service's writer of {@link jp.tsunagu.contract.Topics#ROUTING}. */
@ApplicationScoped
public class RoutingEvents {

    private final StagePublisher publisher;

    public RoutingEvents(@Channel("routing-events") MutinyEmitter<byte[]> emitter) {
        this.publisher = new StagePublisher(emitter, "/tsunagu/routing-service", Clock.systemUTC());
    }

    public <E extends RoutingEvent> Uni<EventEnvelope<E>> publish(String eventId, E event, LocalDate businessDate,
                                                                  String causationId) {
        return publisher.publish(eventId, event, businessDate, causationId);
    }
}
