package jp.tsunagu.planning.plan;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.support.problem.ApiProblem;

import java.util.List;

/**
 * Persistence of a plan's events: each event {@link PlanDecider} decided is written as it says and announced on the
 * plans topic ({@link PlanEvent#announced}) in the caller's transaction, the same whether a request, a meeting's
 * review or the review check caused it. Nothing is decided here: the SQL stores what the event says.
 */
@ApplicationScoped
public class PlanChanges {

    private final PlanRecords records;
    private final PlanEvents events;
    private final HouseholdPlanRecords households;

    public PlanChanges(PlanRecords records, PlanEvents events, HouseholdPlanRecords households) {
        this.records = records;
        this.events = events;
        this.households = households;
    }

    /**
     * What caused the events: the causation id they are announced with, and the request's Idempotency-Key a new
     * version is remembered by.
     */
    public record Cause(String causationId, String idempotencyKey, boolean imported) {

        /** A request, with its Idempotency-Key when it sent one. */
        public static Cause request(String causationId, String idempotencyKey) {
            return new Cause(causationId, idempotencyKey, false);
        }

        /** An event of another service (a meeting's review) or a schedule: no key, the id is the cause. */
        public static Cause of(String causationId) {
            return new Cause(causationId, null, false);
        }

        /**
         * A case brought in from the city's list (intake's case-imported): the events are announced with the import's
         * source ({@link PlanEvents#publishImported}), so every reader tells them from what happened live.
         */
        public static Cause imported(String causationId) {
            return new Cause(causationId, null, true);
        }
    }

    /**
     * What the events left.
     *
     * @param version   the version the last event left (1 for a new plan, 0 after a closure or when nothing happened)
     * @param announced how many events were written and announced now (not repeats of ones written before)
     */
    public record Applied(int version, int announced) {
    }

    /** Carries out a decision; a refusal is the caller's 409 with its reason. */
    Uni<Applied> apply(PlanDecider.Decision decision, Cause cause) {
        return switch (decision) {
            case PlanDecider.Decision.Refused r -> throw ApiProblem.conflict("plan-refused", r.reason());
            case PlanDecider.Decision.Invalid i -> throw new HouseholdProblem(i.errors());
            case PlanDecider.Decision.MadeAtMeeting m -> throw new HouseholdProblem.MadeAtMeeting(m.planId());
            case PlanDecider.Decision.Decided d -> apply(d.events(), cause);
        };
    }

    private Uni<Applied> apply(List<PlanEvent> decided, Cause cause) {
        return Multi.createFrom().iterable(decided)
                .onItem().transformToUniAndConcatenate(e -> write(e, cause)
                        .chain(isNew -> isNew ? announce(e, cause).replaceWith(true) : Uni.createFrom().item(false)))
                .collect().asList()
                .map(news -> new Applied(decided.isEmpty() ? 0 : versionAfter(decided.getLast()),
                        (int) news.stream().filter(n -> n).count()));
    }

    /** Writes what the event says; false when it was written before (a repeat announces nothing). */
    private Uni<Boolean> write(PlanEvent event, Cause cause) {
        return switch (event) {
            case PlanEvent.Made m -> records.insertPlan(m.made(), m.createdByAgency(), cause.idempotencyKey());
            case PlanEvent.SubjectJoined j -> households.insertSubject(j.joining().planId(),
                    j.joining().current().version(), j.subject());
            case PlanEvent.SubjectCompleted c -> households.updateSubject(c.plan().planId(), c.version().version(),
                    c.subject()).replaceWith(true);
            case PlanEvent.Revised r -> records.insertVersion(r.plan().planId(), r.version(), cause.idempotencyKey())
                    .replaceWith(true);
            case PlanEvent.DetailsCompleted d -> records.updateVersion(d.plan().planId(), d.version()).replaceWith(true);
            case PlanEvent.Closed c -> records.close(c.plan().planId(), c.closedOn(), c.reason()).replaceWith(true);
            // false only when a concurrent check wrote it first: the decider already left out announced versions
            case PlanEvent.ReviewFellDue d -> records.markReviewAnnounced(d.plan().planId(), d.version(),
                    d.announcedOn());
        };
    }

    /** One event per case the plan covers (a household's plan: each member case; else the plan's case). */
    private Uni<Void> announce(PlanEvent event, Cause cause) {
        return Multi.createFrom().iterable(event.announcements())
                .onItem().transformToUniAndConcatenate(a -> cause.imported()
                        ? events.publishImported(a.eventId(), a.event(), event.businessDate(), cause.causationId())
                        : events.publish(a.eventId(), a.event(), event.businessDate(), cause.causationId()))
                .collect().asList().replaceWithVoid();
    }

    private static int versionAfter(PlanEvent event) {
        return switch (event) {
            case PlanEvent.Made m -> 1;
            case PlanEvent.SubjectJoined j -> j.joining().current().version();
            case PlanEvent.Revised r -> r.version().version();
            case PlanEvent.DetailsCompleted d -> d.version().version();
            case PlanEvent.SubjectCompleted c -> c.version().version();
            case PlanEvent.Closed c -> 0;
            case PlanEvent.ReviewFellDue d -> d.version();
        };
    }
}
