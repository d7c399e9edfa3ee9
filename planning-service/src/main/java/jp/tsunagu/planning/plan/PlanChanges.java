package jp.tsunagu.planning.plan;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.codes.BusinessDate;
import jp.tsunagu.contract.events.EventIds;
import jp.tsunagu.contract.events.PlanningEvent;
import jp.tsunagu.support.problem.ApiProblem;

import java.time.LocalDate;
import java.util.List;

/**
 * The changes a plan undergoes (made, completed, revised as a 再プラン, closed), each written and announced on the plans
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

    /**
     * Carries out what the lifecycle decided, in order; a refusal is the caller's 409.
     *
     * @param createdByAgency the agency making a new plan (null for a coordinator or a meeting)
     * @param idempotencyKey  the request's key (null for a meeting's review)
     * @return the version the last change left (1 for a new plan, 0 after a closure)
     */
    Uni<Integer> apply(PlanLifecycle.Decision decision, String createdByAgency, String idempotencyKey,
                       String cause) {
        return switch (decision) {
            case PlanLifecycle.Decision.Refused r -> throw ApiProblem.conflict("plan-refused", r.reason());
            case PlanLifecycle.Decision.Changes c -> apply(c.changes(), createdByAgency, idempotencyKey, cause);
        };
    }

    Uni<Integer> apply(List<PlanLifecycle.Change> all, String createdByAgency, String idempotencyKey,
                       String cause) {
        return Multi.createFrom().iterable(all).onItem().transformToUniAndConcatenate(change -> switch (change) {
                    case PlanLifecycle.Change.Create c -> create(c.plan(), createdByAgency, idempotencyKey, cause)
                            .replaceWith(1);
                    case PlanLifecycle.Change.Revise v -> revise(v.plan(), v.revision(), idempotencyKey, cause);
                    case PlanLifecycle.Change.Close c -> close(c.plan(), c.closedOn(), c.reason(), cause).replaceWith(0);
                    case PlanLifecycle.Change.Complete c -> complete(c.plan(), c.completion(), cause);
                })
                .collect().last().map(last -> last == null ? 0 : last);
    }

    private Uni<Void> create(Plan plan, String createdByAgency, String idempotencyKey, String cause) {
        Plan.Version v = plan.current();
        return records.insertPlan(plan, createdByAgency, idempotencyKey).chain(isNew -> !isNew
                ? Uni.createFrom().voidItem()
                : events.publish(EventIds.planCreated(plan.planId()), new PlanningEvent.PlanCreated(plan.planId(),
                        plan.caseId(), plan.municipality(), plan.type(), v.madeOn(), v.roles(), v.reviewOn(),
                        plan.adoptedAtMeetingId()), v.madeOn(), cause).replaceWithVoid());
    }

    private Uni<Integer> revise(Plan plan, PlanLifecycle.Revision revision, String idempotencyKey, String cause) {
        Plan.Version next = PlanLifecycle.revise(plan, revision).current();
        LocalDate madeOn = revision.madeOn();
        return records.insertVersion(plan.planId(), next, idempotencyKey)
                .chain(() -> events.publish(EventIds.planRevised(plan.planId(), next.version()),
                        new PlanningEvent.PlanRevised(plan.planId(), plan.caseId(), plan.municipality(), plan.type(),
                                next.version(), madeOn, next.reviewOn()), madeOn, cause))
                .replaceWith(next.version());
    }

    private Uni<Integer> complete(Plan plan, PlanCompletion.Completion completion, String cause) {
        Plan.Version done = PlanCompletion.completed(plan.current(), completion);
        LocalDate today = BusinessDate.today();
        return records.updateVersion(plan.planId(), done)
                .chain(() -> events.publish(EventIds.planDetailsCompleted(plan.planId(), done.version(),
                                completion.named()), new PlanningEvent.PlanDetailsCompleted(plan.planId(),
                                plan.caseId(), plan.municipality(), plan.type(), done.version(),
                                PlanCompletion.newRoles(plan.current(), completion), completion.reviewOn()),
                        today, cause))
                .replaceWith(done.version());
    }

    private Uni<Void> close(Plan plan, LocalDate closedOn, String reason, String cause) {
        return records.close(plan.planId(), closedOn, reason)
                .chain(() -> events.publish(EventIds.planClosed(plan.planId()), new PlanningEvent.PlanClosed(
                        plan.planId(), plan.caseId(), plan.municipality(), plan.type(), closedOn), closedOn, cause))
                .replaceWithVoid();
    }
}
