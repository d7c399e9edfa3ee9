package jp.tsunagu.intake.referral;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.IntakeEvent;
import jp.tsunagu.support.clock.BusinessClock;
import jp.tsunagu.support.events.StagePublisher;
import org.eclipse.microprofile.reactive.messaging.Channel;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** intake-service's writer of {@link jp.tsunagu.contract.Topics#INTAKE}. */
@ApplicationScoped
public class IntakeEvents {

    static final String SOURCE = "/tsunagu/intake-service";

    private final StagePublisher publisher;

    public IntakeEvents(@Channel("intake-events") MutinyEmitter<byte[]> emitter, BusinessClock clock) {
        this.publisher = new StagePublisher(emitter, SOURCE, ticking(clock, ZoneOffset.UTC));
    }

    /**
     * The time of each event as the business clock tells it at that moment: read through the bean at every tick, so
     * that a clock a test installs (QuarkusMock) after this bean was built still dates the events.
     */
    private static Clock ticking(BusinessClock clock, ZoneId zone) {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return ticking(clock, other);
            }

            @Override
            public Instant instant() {
                return clock.now();
            }
        };
    }

    public <E extends IntakeEvent> Uni<EventEnvelope<E>> publish(String eventId, E event, LocalDate businessDate,
                                                                 String causationId) {
        return publisher.publish(eventId, event, businessDate, causationId);
    }
}
