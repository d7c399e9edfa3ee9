package jp.tsunagu.planning.plan;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.PlanningEvent;
import jp.tsunagu.support.events.StagePublisher;
import org.eclipse.microprofile.reactive.messaging.Channel;

import java.time.Clock;
import java.time.LocalDate;

/** planning-service's writer of {@link jp.tsunagu.contract.Topics#PLANS}. */
@ApplicationScoped
public class PlanEvents {

    private final StagePublisher publisher;

    public PlanEvents(@Channel("plan-events") MutinyEmitter<byte[]> emitter) {
        this.publisher = new StagePublisher(emitter, "/tsunagu/planning-service", Clock.systemUTC());
    }

    public <E extends PlanningEvent> Uni<EventEnvelope<E>> publish(String eventId, E event, LocalDate businessDate,
                                                                   String causationId) {
        return publisher.publish(eventId, event, businessDate, causationId);
    }
}
