package jp.tsunagu.planning.plan;

import jp.tsunagu.contract.events.EventIds;
import jp.tsunagu.contract.events.PlanningEvent;
import jp.tsunagu.contract.events.Role;

import java.time.LocalDate;
import java.util.List;

/**
 * What {@link PlanDecider} decides happened to a plan: the facts {@link PlanDecider#evolve} folds and PlanChanges
 * writes, each announced on the plans topic as the contract's {@link PlanningEvent} ({@link #announced}). They are
 * planning's own because a plan holds words (the wish, goals, the roles' responsibilities, reasons) that never go on
 * the log ({@link Role#withoutText}): a state rebuilt from the contract's events alone could not hold them.
 */
public sealed interface PlanEvent {

    Plan.Ref plan();

    /** The event on the plans topic, without the plan's words. */
    PlanningEvent announced();

    /** The announced event's id: a redelivered or repeated decision announces nothing twice. */
    String eventId();

    /** The business date the announcement carries. */
    LocalDate businessDate();

    /** A plan was made (version 1), by a request or a 重層的支援会議's review. */
    record Made(Plan made, String createdByAgency) implements PlanEvent {
        @Override
        public Plan.Ref plan() {
            return made.ref();
        }

        @Override
        public PlanningEvent announced() {
            Plan.Version v = made.current();
            return new PlanningEvent.PlanCreated(made.planId(), made.caseId(), made.municipality(), made.type(),
                    v.madeOn(), v.roles(), v.reviewOn(), made.adoptedAtMeetingId());
        }

        @Override
        public String eventId() {
            return EventIds.planCreated(made.planId());
        }

        @Override
        public LocalDate businessDate() {
            return made.current().madeOn();
        }
    }

    /** 再プラン: the plan's next version, with what the revision did not change carried forward. */
    record Revised(Plan.Ref plan, Plan.Version version) implements PlanEvent {
        @Override
        public PlanningEvent announced() {
            return new PlanningEvent.PlanRevised(plan.planId(), plan.caseId(), plan.municipality(), plan.type(),
                    version.version(), version.madeOn(), version.reviewOn());
        }

        @Override
        public String eventId() {
            return EventIds.planRevised(plan.planId(), version.version());
        }

        @Override
        public LocalDate businessDate() {
            return version.madeOn();
        }
    }

    /**
     * Details filled in where the current version had none (the same version, completed).
     *
     * @param details     the details given, by name
     * @param newRoles    the roles announced: those given a version that had none ({@link PlanCompletion#newRoles})
     * @param reviewOn    the review date given (null when none was)
     * @param completedOn the business day it was done on
     */
    record DetailsCompleted(Plan.Ref plan, Plan.Version version, List<String> details, List<Role> newRoles,
                            LocalDate reviewOn, LocalDate completedOn) implements PlanEvent {
        public DetailsCompleted {
            details = List.copyOf(details);
            newRoles = List.copyOf(newRoles);
        }

        @Override
        public PlanningEvent announced() {
            return new PlanningEvent.PlanDetailsCompleted(plan.planId(), plan.caseId(), plan.municipality(),
                    plan.type(), version.version(), newRoles, reviewOn);
        }

        @Override
        public String eventId() {
            return EventIds.planDetailsCompleted(plan.planId(), version.version(), details);
        }

        @Override
        public LocalDate businessDate() {
            return completedOn;
        }
    }

    /** 終結. */
    record Closed(Plan.Ref plan, LocalDate closedOn, String reason) implements PlanEvent {
        @Override
        public PlanningEvent announced() {
            return new PlanningEvent.PlanClosed(plan.planId(), plan.caseId(), plan.municipality(), plan.type(),
                    closedOn);
        }

        @Override
        public String eventId() {
            return EventIds.planClosed(plan.planId());
        }

        @Override
        public LocalDate businessDate() {
            return closedOn;
        }
    }

    /** The version's review date passed without a 再プラン: coordinators follow it up. Changes no plan. */
    record ReviewFellDue(Plan.Ref plan, int version, LocalDate reviewOn, LocalDate announcedOn) implements PlanEvent {
        @Override
        public PlanningEvent announced() {
            return new PlanningEvent.PlanReviewDue(plan.planId(), plan.caseId(), plan.municipality(), plan.type(),
                    reviewOn);
        }

        @Override
        public String eventId() {
            return EventIds.planReviewDue(plan.planId(), version);
        }

        @Override
        public LocalDate businessDate() {
            return announcedOn;
        }
    }
}
