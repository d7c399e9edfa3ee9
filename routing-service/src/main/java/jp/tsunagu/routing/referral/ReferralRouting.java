package jp.tsunagu.routing.routing;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.TsunaguEvent;
import jp.tsunagu.support.events.StageProjection;

import java.util.List;

/** Routes every referral from the intake topic, once, and follows its consent and erasure. */
@ApplicationScoped
public class ReferralRouting implements StageProjection {

    private final RoutingService service;

    public ReferralRouting(RoutingService service) {
        this.service = service;
    }

    @Override
    public String consumer() {
        return "routing";
    }

    @Override
    public Uni<Void> apply(List<EventEnvelope<TsunaguEvent>> events) {
        return service.onIntakeEvents(events);
    }
}
