package jp.tsunagu.routing.referral;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.routing.topic.RoutingEvents;

import java.time.LocalDate;
import java.util.List;

/**
 * Publishes what {@link RoutingDecider} decided, each event awaited (acknowledged by Kafka) before the next, and
 * gathers into {@link RoutingChanges} the steps and routings the tables then take: for a consumer batch and for a
 * command alike.
 */
@ApplicationScoped
public class OutcomePublisher {

    private final RoutingEvents events;

    public OutcomePublisher(RoutingEvents events) {
        this.events = events;
    }

    /**
     * An outcome to publish: its business date and what caused its first event.
     *
     * @param imported the outcome of a case brought in from a city's list, written with the import source
     */
    public record Publication(RoutingDecider.Outcome outcome, LocalDate on, String causationId, boolean imported) {

        public Publication(RoutingDecider.Outcome outcome, LocalDate on, String causationId) {
            this(outcome, on, causationId, false);
        }
    }

    /**
     * Publishes the outcomes one after the other. Inside a consumer batch each publish completes at once, so the
     * concatenation must not nest one call per outcome: a batch of 250 overflowed the stack that way.
     */
    public Uni<Void> publishAll(List<Publication> publications, RoutingChanges changes) {
        return Multi.createFrom().iterable(publications)
                .onItem().transformToUniAndConcatenate(p ->
                        publish(p.outcome(), p.on(), p.causationId(), p.imported(), changes))
                .collect().last().replaceWithVoid();
    }

    /**
     * Publishes an outcome's events in order, each caused by the one before it, and gathers their steps and the
     * routing after them.
     */
    public Uni<Void> publish(RoutingDecider.Outcome outcome, LocalDate on, String causationId,
                              RoutingChanges changes) {
        return publish(outcome, on, causationId, false, changes);
    }

    private Uni<Void> publish(RoutingDecider.Outcome outcome, LocalDate on, String causationId, boolean imported,
                              RoutingChanges changes) {
        Uni<String> previous = Uni.createFrom().item(causationId);
        for (RoutingDecider.Emitted emitted : outcome.events()) {
            previous = previous.chain(cause -> (imported
                    ? events.publishImported(emitted.eventId(), emitted.event(), on, cause)
                    : events.publish(emitted.eventId(), emitted.event(), on, cause))
                    .invoke(env -> changes.step(env, emitted, outcome.after().referringAgencyId(),
                            outcome.before() != null))
                    .map(EventEnvelope::id));
        }
        return previous.invoke(() -> changes.routing(outcome.before(), outcome.after())).replaceWithVoid();
    }
}
