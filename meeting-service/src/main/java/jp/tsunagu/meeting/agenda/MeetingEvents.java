package jp.tsunagu.meeting.agenda;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.MeetingEvent;
import jp.tsunagu.support.events.StagePublisher;
import org.eclipse.microprofile.reactive.messaging.Channel;

import java.time.Clock;
import java.time.LocalDate;

/** meeting-service's writer of {@link jp.tsunagu.contract.Topics#MEETINGS}. */
@ApplicationScoped
public class MeetingEvents {

    private final StagePublisher publisher;

    public MeetingEvents(@Channel("meeting-events") MutinyEmitter<byte[]> emitter) {
        this.publisher = new StagePublisher(emitter, "/tsunagu/meeting-service", Clock.systemUTC());
    }

    public <E extends MeetingEvent> Uni<EventEnvelope<E>> publish(String eventId, E event, LocalDate businessDate,
                                                                  String causationId) {
        return publisher.publish(eventId, event, businessDate, causationId);
    }
}
