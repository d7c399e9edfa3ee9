package jp.tsunagu.planning.plan;

import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.PlanType;
import jp.tsunagu.contract.codes.ReviewOutcome;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which plan changes are allowed, in one place and without Quarkus. Each check returns the reason a change is
 * refused (409), or empty when it may go ahead.
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
            if (r.meetingType() == MeetingType.SHIEN_KAIGI) {
                return Optional.of("a 支援会議 does not adopt plans (no consent, no plan): meeting " + r.meetingId());
            }
            if (r.meetingType() != MeetingType.JUUSOU_SHIEN_KAIGI
                    || (r.outcome() != ReviewOutcome.PLAN && r.outcome() != ReviewOutcome.REPLAN)) {
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

    /** The next version after a revision. */
    public static Plan revise(Plan plan, Plan.Version next) {
        List<Plan.Version> versions = new ArrayList<>(plan.versions());
        versions.add(next);
        return new Plan(plan.planId(), plan.caseId(), plan.municipality(), plan.type(), plan.adoptedAtMeetingId(),
                versions, null, null);
    }

    /** Plans past their review date, for coordinators. */
    public static boolean overdue(Plan plan, LocalDate today) {
        LocalDate reviewOn = plan.current().reviewOn();
        return !plan.isClosed() && reviewOn != null && reviewOn.isBefore(today);
    }
}
