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

    /** One event on the plans topic and its id. */
    record Announcement(String eventId, PlanningEvent event) {
    }

    /**
     * What is announced: a person's plan, {@link #announced} once; a household's plan, one event per member case it
     * covers (the same planId, each case's id in its own), so every case's status fold sees its plan. Their ids
     * add the case to the contract's id of the plan's event, so that consumers, which take an id once, take each.
     */
    default List<Announcement> announcements() {
        if (plan().householdId() == null) {
            return List.of(new Announcement(eventId(), announced()));
        }
        return plan().caseIds().stream().map(c -> new Announcement(eventId() + "/case/" + c, forCase(c))).toList();
    }

    /** The announced event for one member case of a household's plan. */
    PlanningEvent forCase(String caseId);

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
        public PlanningEvent forCase(String caseId) {
            Plan.Version v = made.current();
            return new PlanningEvent.PlanCreated(made.planId(), caseId, made.municipality(), made.type(),
                    v.madeOn(), Plan.rolesFor(v, caseId), v.reviewOn(), made.adoptedAtMeetingId(), made.householdId());
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

    /**
     * A member case joined a household's plan that a meeting made from another member's review (the household
     * discussed as one item): announced as that case's plan-created, the same planId, its roles and the household's.
     *
     * @param joining  the plan before the member joined
     * @param joinedOn the day (the meeting's)
     */
    record SubjectJoined(Plan joining, Plan.Subject subject, LocalDate joinedOn) implements PlanEvent {
        @Override
        public Plan.Ref plan() {
            Plan.Ref r = joining.ref();
            return new Plan.Ref(r.planId(), r.caseId(), r.municipality(), r.type(), r.householdId(),
                    List.of(subject.caseId()));
        }

        @Override
        public PlanningEvent announced() {
            return forCase(subject.caseId());
        }

        @Override
        public PlanningEvent forCase(String caseId) {
            Plan.Version v = joining.joinedBy(subject).current();
            return new PlanningEvent.PlanCreated(joining.planId(), caseId, joining.municipality(), joining.type(),
                    joinedOn, Plan.rolesFor(v, caseId), v.reviewOn(), joining.adoptedAtMeetingId(),
                    joining.householdId());
        }

        @Override
        public String eventId() {
            return EventIds.planCreated(joining.planId());
        }

        @Override
        public LocalDate businessDate() {
            return joinedOn;
        }
    }

    /** 再プラン: the plan's next version, with what the revision did not change carried forward. */
    record Revised(Plan.Ref plan, Plan.Version version) implements PlanEvent {
        @Override
        public PlanningEvent announced() {
            return forCase(plan.caseId());
        }

        @Override
        public PlanningEvent forCase(String caseId) {
            return new PlanningEvent.PlanRevised(plan.planId(), caseId, plan.municipality(), plan.type(),
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
            return forCase(plan.caseId());
        }

        @Override
        public PlanningEvent forCase(String caseId) {
            return new PlanningEvent.PlanDetailsCompleted(plan.planId(), caseId, plan.municipality(),
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

    /**
     * One subject of a household's plan completed in its current version (the member's own wish, tags or roles filled
     * in where there were none, or a later member's roles of the meeting that made the version): the same version.
     * Announced as plan-details-completed in that member's case only, and only when it gives the member agencies it
     * did not have ({@code newRoles}); words never go on the log.
     *
     * @param plan    the plan, its caseIds the member's case alone
     * @param details the details given, by name
     */
    record SubjectCompleted(Plan.Ref plan, Plan.Version version, String caseId, List<String> details,
                            List<Role> newRoles, LocalDate completedOn) implements PlanEvent {
        public SubjectCompleted {
            details = List.copyOf(details);
            newRoles = List.copyOf(newRoles);
        }

        /** The event for the member's case of the plan, from the plan as it was. */
        static SubjectCompleted of(Plan before, Plan.Subject completed, List<String> details, List<Role> newRoles,
                                   LocalDate on) {
            Plan.Ref r = before.ref();
            Plan.Version v = before.current().withSubjects(before.current().subjects().stream()
                    .map(s -> s.caseId().equals(completed.caseId()) ? completed : s).toList());
            return new SubjectCompleted(new Plan.Ref(r.planId(), r.caseId(), r.municipality(), r.type(),
                    r.householdId(), List.of(completed.caseId())), v, completed.caseId(), details, newRoles, on);
        }

        public Plan.Subject subject() {
            return version.subject(caseId).orElseThrow();
        }

        @Override
        public List<Announcement> announcements() {
            return newRoles.isEmpty() ? List.of() : PlanEvent.super.announcements();
        }

        @Override
        public PlanningEvent announced() {
            return forCase(caseId);
        }

        @Override
        public PlanningEvent forCase(String aCaseId) {
            return new PlanningEvent.PlanDetailsCompleted(plan.planId(), aCaseId, plan.municipality(), plan.type(),
                    version.version(), newRoles, null);
        }

        @Override
        public String eventId() {
            return EventIds.planDetailsCompleted(plan.planId(), version.version(),
                    details.stream().map(d -> "subject-" + caseId + "-" + d).toList());
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
            return forCase(plan.caseId());
        }

        @Override
        public PlanningEvent forCase(String caseId) {
            return new PlanningEvent.PlanClosed(plan.planId(), caseId, plan.municipality(), plan.type(), closedOn);
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
            return forCase(plan.caseId());
        }

        @Override
        public PlanningEvent forCase(String caseId) {
            return new PlanningEvent.PlanReviewDue(plan.planId(), caseId, plan.municipality(), plan.type(), reviewOn);
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
