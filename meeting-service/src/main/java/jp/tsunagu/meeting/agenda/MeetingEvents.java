package jp.tsunagu.meeting.agenda;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.MeetingEvent;
import jp.tsunagu.support.clock.BusinessClock;
import jp.tsunagu.support.events.StagePublisher;
import org.eclipse.microprofile.reactive.messaging.Channel;

import java.time.LocalDate;

/** meeting-service's writer of {@link jp.tsunagu.contract.Topics#MEETINGS}. */
@ApplicationScoped
public class MeetingEvents {

    private final StagePublisher publisher;

    /**
     * @param clock the time each event is stamped with, asked at each event (a test that sets the day sets it too);
     *              the business date is the caller's
     */
    public MeetingEvents(@Channel("meeting-events") MutinyEmitter<byte[]> emitter, BusinessClock clock) {
        this.publisher = new StagePublisher(emitter, "/tsunagu/meeting-service", clock);
    }

    public <E extends MeetingEvent> Uni<EventEnvelope<E>> publish(String eventId, E event, LocalDate businessDate,
                                                                  String causationId) {
        return publisher.publish(eventId, event, businessDate, causationId);
    }
}
