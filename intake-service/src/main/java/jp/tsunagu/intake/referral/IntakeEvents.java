package jp.tsunagu.intake.referral;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.IntakeEvent;
import jp.tsunagu.support.clock.BusinessClock;
import jp.tsunagu.support.events.StagePublisher;
import org.eclipse.microprofile.reactive.messaging.Channel;

import java.time.LocalDate;

/** intake-service's writer of {@link jp.tsunagu.contract.Topics#INTAKE}. */
@ApplicationScoped
public class IntakeEvents {

    static final String SOURCE = "/tsunagu/intake-service";

    private final StagePublisher publisher;

    public IntakeEvents(@Channel("intake-events") MutinyEmitter<byte[]> emitter, BusinessClock clock) {
        this.publisher = new StagePublisher(emitter, SOURCE, clock);
    }

    public <E extends IntakeEvent> Uni<EventEnvelope<E>> publish(String eventId, E event, LocalDate businessDate,
                                                                 String causationId) {
        return publisher.publish(eventId, event, businessDate, causationId);
    }
}
