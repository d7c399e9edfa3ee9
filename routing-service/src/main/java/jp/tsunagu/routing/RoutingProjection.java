package jp.tsunagu.routing;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.IntakeEvent;
import jp.tsunagu.contract.events.PlanningEvent;
import jp.tsunagu.contract.events.TsunaguEvent;
import jp.tsunagu.routing.notice.PlanNotices;
import jp.tsunagu.routing.referral.ReferralRouting;
import jp.tsunagu.support.events.StageProjection;

import java.util.List;

/**
 * What routing-service does with the stage topics it reads: referrals from the intake topic are routed
 * ({@link ReferralRouting}); plans tell the agencies with a role in them ({@link PlanNotices}).
 */
@ApplicationScoped
public class RoutingProjection implements StageProjection {

    private final ReferralRouting referrals;
    private final PlanNotices plans;

    public RoutingProjection(ReferralRouting referrals, PlanNotices plans) {
        this.referrals = referrals;
        this.plans = plans;
    }

    @Override
    public String consumer() {
        return "routing";
    }

    @Override
    public boolean changesAnything(TsunaguEvent event) {
        return event instanceof IntakeEvent || PlanNotices.concernsAgencies(event);
    }

    @Override
    public Uni<Void> apply(List<EventEnvelope<TsunaguEvent>> events) {
        List<EventEnvelope<TsunaguEvent>> intake = events.stream().filter(e -> e.data() instanceof IntakeEvent)
                .toList();
        List<EventEnvelope<TsunaguEvent>> planning = events.stream()
                .filter(e -> e.data() instanceof PlanningEvent).toList();
        return (intake.isEmpty() ? Uni.createFrom().voidItem() : referrals.apply(intake))
                .chain(() -> planning.isEmpty() ? Uni.createFrom().voidItem() : plans.apply(planning));
    }
}
