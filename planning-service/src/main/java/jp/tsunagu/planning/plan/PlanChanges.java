package jp.tsunagu.planning.plan;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.events.EventIds;
import jp.tsunagu.contract.events.PlanningEvent;

import java.time.LocalDate;

/**
 * The three changes a plan undergoes (made, revised as a 再プラン, closed), each written and announced on the plans
 * topic in the caller's transaction: the same whether a coordinator's request or a meeting's outcome caused it.
 */
@ApplicationScoped
public class PlanChanges {

    private final PlanRecords records;
    private final PlanEvents events;

    public PlanChanges(PlanRecords records, PlanEvents events) {
        this.records = records;
        this.events = events;
    }

    Uni<Void> create(Plan plan, String createdByAgency, String idempotencyKey, String cause) {
        Plan.Version v = plan.current();
        return records.insertPlan(plan, createdByAgency, idempotencyKey).chain(isNew -> !isNew
                ? Uni.createFrom().voidItem()
                : events.publish(EventIds.planCreated(plan.planId()), new PlanningEvent.PlanCreated(plan.planId(),
                        plan.caseId(), plan.municipality(), plan.type(), v.madeOn(), v.roles(), v.reviewOn(),
                        plan.adoptedAtMeetingId()), v.madeOn(), cause).replaceWithVoid());
    }

    Uni<Integer> revise(Plan plan, PlanLifecycle.Revision revision, String idempotencyKey, String cause) {
        Plan.Version next = PlanLifecycle.nextVersion(plan, revision);
        LocalDate madeOn = revision.madeOn();
        return records.insertVersion(plan.planId(), next, idempotencyKey)
                .chain(() -> events.publish(EventIds.planRevised(plan.planId(), next.version()),
                        new PlanningEvent.PlanRevised(plan.planId(), plan.caseId(), plan.municipality(), plan.type(),
                                next.version(), madeOn, next.reviewOn()), madeOn, cause))
                .replaceWith(next.version());
    }

    Uni<Void> close(Plan plan, LocalDate closedOn, String reason, String cause) {
        return records.close(plan.planId(), closedOn, reason)
                .chain(() -> events.publish(EventIds.planClosed(plan.planId()), new PlanningEvent.PlanClosed(
                        plan.planId(), plan.caseId(), plan.municipality(), plan.type(), closedOn), closedOn, cause))
                .replaceWithVoid();
    }
}
