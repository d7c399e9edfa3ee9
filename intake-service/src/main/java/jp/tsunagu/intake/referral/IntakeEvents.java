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
    /** The same writer for cases brought in from a city's own list (source {@code …/import}). */
    private final StagePublisher imported;

    public IntakeEvents(@Channel("intake-events") MutinyEmitter<byte[]> emitter, BusinessClock clock) {
        this.publisher = new StagePublisher(emitter, SOURCE, clock);
        this.imported = publisher.imported();
    }

    public <E extends IntakeEvent> Uni<EventEnvelope<E>> publish(String eventId, E event, LocalDate businessDate,
                                                                 String causationId) {
        return publisher.publish(eventId, event, businessDate, causationId);
    }

    /** An event of a case the city's list brought in (POST /imports), marked as imported on its envelope. */
    public <E extends IntakeEvent> Uni<EventEnvelope<E>> publishImported(String eventId, E event,
                                                                         LocalDate businessDate, String causationId) {
        return imported.publish(eventId, event, businessDate, causationId);
    }

    /** Sent now; the caller awaits Kafka's acknowledgement before its transaction commits. */
    <E extends IntakeEvent> StagePublisher.Sending<E> send(boolean asImported, String eventId, E event,
                                                         LocalDate businessDate, String causationId) {
        return (asImported ? imported : publisher).send(eventId, event, businessDate, causationId);
    }

    <E extends IntakeEvent> Uni<EventEnvelope<E>> publish(boolean asImported, String eventId, E event,
                                                         LocalDate businessDate, String causationId) {
        return asImported ? publishImported(eventId, event, businessDate, causationId)
                : publish(eventId, event, businessDate, causationId);
    }
}
