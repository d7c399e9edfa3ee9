package jp.tsunagu.planning.plan;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.PlanningEvent;
import jp.tsunagu.support.clock.BusinessClock;
import jp.tsunagu.support.events.StagePublisher;
import org.eclipse.microprofile.reactive.messaging.Channel;

import java.time.LocalDate;

/** planning-service's writer of {@link jp.tsunagu.contract.Topics#PLANS}. */
@ApplicationScoped
public class PlanEvents {

    private final StagePublisher publisher;
    /** The same writer for a case brought in from the city's list: source /tsunagu/planning-service/import. */
    private final StagePublisher importPublisher;

    /** @param clock the time each event is recorded at (the envelope's time) */
    public PlanEvents(@Channel("plan-events") MutinyEmitter<byte[]> emitter, BusinessClock clock) {
        this.publisher = new StagePublisher(emitter, "/tsunagu/planning-service", clock);
        this.importPublisher = publisher.imported();
    }

    public <E extends PlanningEvent> Uni<EventEnvelope<E>> publish(String eventId, E event, LocalDate businessDate,
                                                                   String causationId) {
        return publisher.publish(eventId, event, businessDate, causationId);
    }

    /** {@link #publish} for the plan of a case brought in from the city's list (its source ends in /import). */
    public <E extends PlanningEvent> Uni<EventEnvelope<E>> publishImported(String eventId, E event,
                                                                           LocalDate businessDate, String causationId) {
        return importPublisher.publish(eventId, event, businessDate, causationId);
    }
}
