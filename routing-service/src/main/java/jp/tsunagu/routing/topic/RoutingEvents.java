package jp.tsunagu.routing.topic;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.RoutingEvent;
import jp.tsunagu.support.clock.BusinessClock;
import jp.tsunagu.support.events.StagePublisher;
import org.eclipse.microprofile.reactive.messaging.Channel;

import java.time.LocalDate;

/** routing-service's one writer (referrals' outcomes and directory editions alike) of {@link jp.tsunagu.contract.Topics#ROUTING}. */
@ApplicationScoped
public class RoutingEvents {

    private final StagePublisher publisher;
    /** The same writer for a case brought in from a city's list: source {@code /tsunagu/routing-service/import}. */
    private final StagePublisher imported;

    public RoutingEvents(@Channel("routing-events") MutinyEmitter<byte[]> emitter, BusinessClock clock) {
        this.publisher = new StagePublisher(emitter, "/tsunagu/routing-service", clock);
        this.imported = publisher.imported();
    }

    public <E extends RoutingEvent> Uni<EventEnvelope<E>> publish(String eventId, E event, LocalDate businessDate,
                                                                  String causationId) {
        return publisher.publish(eventId, event, businessDate, causationId);
    }

    /** An event of a case brought in from a city's list (台帳取込), dated as the list says. */
    public <E extends RoutingEvent> Uni<EventEnvelope<E>> publishImported(String eventId, E event,
                                                                          LocalDate businessDate, String causationId) {
        return imported.publish(eventId, event, businessDate, causationId);
    }
}
