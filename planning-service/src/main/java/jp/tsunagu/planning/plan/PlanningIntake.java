package jp.tsunagu.planning.plan;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.TsunaguEvent;
import jp.tsunagu.support.events.StageProjection;

import java.util.List;

/** Cases (intake), the agencies given them (routing) and meeting outcomes (meetings) into planning. */
@ApplicationScoped
public class PlanningIntake implements StageProjection {

    private final PlanService service;

    public PlanningIntake(PlanService service) {
        this.service = service;
    }

    @Override
    public String consumer() {
        return "planning";
    }

    @Override
    public boolean changesAnything(TsunaguEvent event) {
        return PlanService.handling(event) != PlanService.Handling.NONE;
    }

    @Override
    public Uni<Void> apply(List<EventEnvelope<TsunaguEvent>> events) {
        return service.onStageEvents(events);
    }
}
