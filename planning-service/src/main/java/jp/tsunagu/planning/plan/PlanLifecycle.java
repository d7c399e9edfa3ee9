package jp.tsunagu.planning.plan;

import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.PlanType;
import jp.tsunagu.contract.codes.ReviewOutcome;
import jp.tsunagu.contract.codes.ReviewRules;
import jp.tsunagu.contract.events.MeetingEvent;
import jp.tsunagu.contract.events.Role;
import jp.tsunagu.support.events.DerivedIds;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The plan lifecycle, in one place and without Quarkus: a command or a meeting's review and the plans as they stand
 * decide the changes ({@link Decision}: refused with the reason a 409 gives, or the changes in order), and
 * {@link #revise} and {@link #nextVersion} say what a plan becomes after one. The service reads the state, runs
 * these, and writes and announces what they decided (PlanChanges).
 */
public final class PlanLifecycle {

    private PlanLifecycle() {
    }

    /** What planning knows of a meeting's review of a case (from meeting-service's events). */
    public record MeetingReview(String meetingId, MeetingType meetingType, ReviewOutcome outcome, PlanType planType) {
    }

    /**
     * @param caseKnown     the case exists in the caller's municipality
     * @param activeOfType  the case's active plans of the same type
     * @param adoptingReview the review of the meeting the request names, when it names one
     */
    public static Optional<String> refuseCreation(boolean caseKnown, PlanType type, List<Plan> activeOfType,
                                                  String adoptedAtMeetingId, Optional<MeetingReview> adoptingReview) {
        if (!caseKnown) {
            return Optional.of("unknown case: a plan is made for a case referred to Tsunagu");
        }
        if (!activeOfType.isEmpty()) {
            return Optional.of("the case already has an active " + type.label() + " (" + activeOfType.get(0).planId()
                    + "): revise it (再プラン) or close it first");
        }
        if (type == PlanType.MULTI_AGENCY && adoptedAtMeetingId == null) {
            return Optional.of("a 多機関協働プラン is adopted by a 重層的支援会議: name it in adoptedAtMeetingId");
        }
        if (adoptedAtMeetingId != null) {
            if (adoptingReview.isEmpty()) {
                return Optional.of("meeting " + adoptedAtMeetingId + " has not reviewed this case");
            }
            MeetingReview r = adoptingReview.get();
            if (!r.meetingType().mayAdoptPlans()) {
                return Optional.of("a " + r.meetingType().label() + " does not adopt plans (no consent, no plan): "
                        + "meeting " + r.meetingId());
            }
            if (!r.outcome().adoptsPlan()) {
                return Optional.of("meeting " + r.meetingId() + " did not adopt a plan for this case (outcome "
                        + r.outcome() + ")");
            }
            if (r.planType() != null && r.planType() != type) {
                return Optional.of("meeting " + r.meetingId() + " adopted a " + r.planType().label() + ", not a "
                        + type.label());
            }
        }
        return Optional.empty();
    }

    public static Optional<String> refuseRevision(Plan plan, LocalDate madeOn) {
        if (plan.isClosed()) {
            return Optional.of("plan " + plan.planId() + " was closed on " + plan.closedOn()
                    + ": a closed plan is not revised; make a new plan");
        }
        if (madeOn.isBefore(plan.current().madeOn())) {
            return Optional.of("a revision cannot be older than the version it revises (" + plan.current().madeOn()
                    + ")");
        }
        return Optional.empty();
    }

    public static Optional<String> refuseClosure(Plan plan, LocalDate closedOn) {
        if (plan.isClosed()) {
            return Optional.of("plan " + plan.planId() + " is already closed (" + plan.closedOn() + ")");
        }
        if (closedOn.isBefore(plan.versions().get(0).madeOn())) {
            return Optional.of("a plan cannot be closed before it was made (" + plan.versions().get(0).madeOn() + ")");
        }
        return Optional.empty();
    }

    /**
     * What a 再プラン changes; a null part carries the current version's forward.
     *
     * @param reason why the plan is revised (required)
     */
    public record Revision(LocalDate madeOn, String reason, String wish, List<String> wishTags, List<String> goals,
                           List<Role> roles, LocalDate reviewOn) {

        /** A revision a meeting decided: who does what may change, the rest carries forward. */
        public static Revision byMeeting(LocalDate heldOn, String reason, List<Role> roles, LocalDate reviewOn) {
            return new Revision(heldOn, reason, null, null, null, roles.isEmpty() ? null : roles, reviewOn);
        }
    }

    /** The version a revision makes: numbered after the current one, with what it does not change carried forward. */
    public static Plan.Version nextVersion(Plan plan, Revision r) {
        Plan.Version previous = plan.current();
        return new Plan.Version(previous.version() + 1, r.madeOn(), r.reason(),
                r.wish() == null ? previous.wish() : r.wish(),
                r.wishTags() == null ? previous.wishTags() : r.wishTags(),
                r.goals() == null ? previous.goals() : r.goals(),
                r.roles() == null ? previous.roles() : r.roles(),
                r.reviewOn() == null ? previous.reviewOn() : r.reviewOn());
    }

    /** The plan after a revision. */
    public static Plan revise(Plan plan, Revision r) {
        List<Plan.Version> versions = new ArrayList<>(plan.versions());
        versions.add(nextVersion(plan, r));
        return new Plan(plan.planId(), plan.caseId(), plan.municipality(), plan.type(), plan.adoptedAtMeetingId(),
                versions, null, null);
    }

    /** A change to a case's plans: what a command or a meeting's review decides, and what PlanChanges carries out. */
    public sealed interface Change {
        /** A new plan, version 1, adopted at the meeting. */
        record Create(Plan plan) implements Change {
        }

        record Revise(Plan plan, Revision revision) implements Change {
        }

        record Close(Plan plan, LocalDate closedOn, String reason) implements Change {
        }

        /** Details filled in where the current version had none: not a new version. */
        record Complete(Plan plan, PlanCompletion.Completion completion) implements Change {
        }
    }

    /** What a command decides. */
    public sealed interface Decision {
        record Refused(String reason) implements Decision {
        }

        record Changes(List<Change> changes) implements Decision {
        }
    }

    /**
     * A new plan, from a coordinator or the responsible provider.
     *
     * @param caseKnown      the case exists in the caller's municipality
     * @param plansOfCase    every plan of the case, closed ones too
     * @param adoptingReview the review of the meeting the plan names, when it names one
     */
    public static Decision decideCreation(boolean caseKnown, Plan plan, List<Plan> plansOfCase,
                                          Optional<MeetingReview> adoptingReview) {
        List<Plan> activeOfType = plansOfCase.stream().filter(p -> !p.isClosed() && p.type() == plan.type())
                .toList();
        return refuseCreation(caseKnown, plan.type(), activeOfType, plan.adoptedAtMeetingId(), adoptingReview)
                .<Decision>map(Decision.Refused::new)
                .orElseGet(() -> new Decision.Changes(List.of(new Change.Create(plan))));
    }

    /** A 再プラン of the plan. */
    public static Decision decideRevision(Plan plan, Revision revision) {
        return refuseRevision(plan, revision.madeOn()).<Decision>map(Decision.Refused::new)
                .orElseGet(() -> new Decision.Changes(List.of(new Change.Revise(plan, revision))));
    }

    /** The plan's 終結. */
    public static Decision decideClosure(Plan plan, LocalDate closedOn, String reason) {
        return refuseClosure(plan, closedOn).<Decision>map(Decision.Refused::new)
                .orElseGet(() -> new Decision.Changes(List.of(new Change.Close(plan, closedOn, reason))));
    }

    /** Only a 重層的支援会議's review changes plans ({@link MeetingType#mayAdoptPlans()}). */
    public static boolean mayChangePlans(MeetingEvent.CaseReviewed r) {
        return r.meetingType().mayAdoptPlans();
    }

    /**
     * What a 重層的支援会議's review changes in the case's plans (a 支援会議 never makes one): PLAN revises the active
     * plan of the type adopted (多機関協働プラン when none is named) or makes it; REPLAN revises it, and with no active
     * plan of the type changes nothing (a 再プラン of nothing, {@link ReviewRules#replanRefusal}, which meeting-service
     * refuses); CLOSE closes that plan, or every active plan when no type is named.
     *
     * @param plansOfCase every plan of the case, closed ones too
     * @param causeId     the review event's id: the new plan's id follows from it, so a redelivery makes no second plan
     */
    public static List<Change> fromReview(List<Plan> plansOfCase, MeetingEvent.CaseReviewed r, String causeId) {
        if (!mayChangePlans(r)) {
            return List.of();
        }
        PlanType type = r.planType() == null ? PlanType.MULTI_AGENCY : r.planType();
        List<Plan> active = plansOfCase.stream().filter(p -> !p.isClosed()).toList();
        Optional<Plan> ofType = active.stream().filter(p -> p.type() == type).findFirst();
        if (ReviewRules.replanRefusal(r.outcome(), type, ofType.isPresent()).isPresent()) {
            return List.of(); // no plan with no roles nor review date made up from a 再プラン of nothing
        }
        return switch (r.outcome()) {
            case PLAN, REPLAN -> List.of(ofType.<Change>map(p -> new Change.Revise(p, Revision.byMeeting(
                            r.heldOn(), "重層的支援会議（" + r.meetingId() + "）で再プラン", r.roles(), r.reviewOn())))
                    .orElseGet(() -> new Change.Create(new Plan("p-" + DerivedIds.from(causeId), r.caseId(),
                            r.municipality(), type, r.meetingId(), List.of(new Plan.Version(1, r.heldOn(), null, null,
                            List.of(), List.of(), r.roles(), r.reviewOn())), null, null))));
            case CLOSE -> (r.planType() == null ? active : ofType.stream().toList()).stream()
                    .<Change>map(p -> new Change.Close(p, r.heldOn(),
                            "重層的支援会議（" + r.meetingId() + "）で終結"))
                    .toList();
            case CONTINUE, WATCH, SHARE_INFO -> List.of();
        };
    }

    /**
     * What a correction of a review changes in the plans: the review it now is, when the correction changed the
     * outcome of a review that had changed none (meeting-service refuses to change an outcome that made, revised or
     * closed a plan); nothing otherwise.
     */
    public static List<Change> fromAmendment(List<Plan> plansOfCase, MeetingEvent.CaseReviewAmended a,
                                             String causeId) {
        if (!a.outcomeChanged() || a.previousOutcome().changesPlans()) {
            return List.of();
        }
        return fromReview(plansOfCase, a.asReview(false), causeId);
    }

    /** Plans past their review date, for coordinators. */
    public static boolean overdue(Plan plan, LocalDate today) {
        LocalDate reviewOn = plan.current().reviewOn();
        return !plan.isClosed() && reviewOn != null && reviewOn.isBefore(today);
    }
}
