package jp.tsunagu.routing;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.IntakeEvent;
import jp.tsunagu.contract.events.MeetingEvent;
import jp.tsunagu.contract.events.PlanningEvent;
import jp.tsunagu.contract.events.TsunaguEvent;
import jp.tsunagu.routing.notice.StageNotices;
import jp.tsunagu.routing.referral.ReferralRouting;
import jp.tsunagu.support.events.StageProjection;

import java.util.List;

/**
 * What routing-service does with the stage topics it reads: referrals from the intake topic are routed
 * ({@link ReferralRouting}); plans and meetings tell the agencies they concern ({@link StageNotices}).
 */
@ApplicationScoped
public class RoutingProjection implements StageProjection {

    private final ReferralRouting referrals;
    private final StageNotices notices;

    public RoutingProjection(ReferralRouting referrals, StageNotices plans) {
        this.referrals = referrals;
        this.notices = plans;
    }

    @Override
    public String consumer() {
        return "routing";
    }

    @Override
    public boolean changesAnything(TsunaguEvent event) {
        return event instanceof IntakeEvent || StageNotices.concernsAgencies(event);
    }

    @Override
    public Uni<Void> apply(List<EventEnvelope<TsunaguEvent>> events) {
        List<EventEnvelope<TsunaguEvent>> intake = events.stream().filter(e -> e.data() instanceof IntakeEvent)
                .toList();
        List<EventEnvelope<TsunaguEvent>> planning = events.stream()
                .filter(e -> e.data() instanceof PlanningEvent || e.data() instanceof MeetingEvent).toList();
        return (intake.isEmpty() ? Uni.createFrom().voidItem() : referrals.apply(intake))
                .chain(() -> planning.isEmpty() ? Uni.createFrom().voidItem() : notices.apply(planning));
    }
}
