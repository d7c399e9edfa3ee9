package jp.tsunagu.planning.plan;

import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.PlanType;
import jp.tsunagu.contract.codes.ReviewOutcome;
import jp.tsunagu.contract.events.IntakeEvent;
import jp.tsunagu.contract.events.MeetingEvent;
import jp.tsunagu.contract.events.Role;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What may be asked of a case's plans ({@link PlanDecider#decide}): by a coordinator or the responsible provider, by a
 * 重層的支援会議's review, or by the daily review check. Everything a decision needs beyond the plans' own events comes
 * in the command: the business date (from the injected BusinessClock, never taken by the decider), whether the case
 * is known, the review of the meeting a new plan names.
 */
public sealed interface PlanCommand {

    /**
     * Make a plan (version 1).
     *
     * @param createdByAgency the agency making it (null for a coordinator)
     * @param caseKnown       the case exists in the caller's municipality
     * @param adoptingReview  the review of the meeting the plan names, when it names one
     */
    record Make(Plan plan, String createdByAgency, boolean caseKnown, Optional<MeetingReview> adoptingReview)
            implements PlanCommand {
    }

    /**
     * Make a household's plan (世帯の支援プラン, version 1): one plan whose subjects are member cases.
     *
     * @param plan            the plan as asked, its subjects in the order of the request's members
     * @param members         the household's current member cases (the household is known: the caller checked)
     * @param adoptingReviews the review of each subject case by the meeting the plan names, by case id
     */
    record MakeForHousehold(Plan plan, String createdByAgency, java.util.Set<String> members,
                            java.util.Map<String, MeetingReview> adoptingReviews) implements PlanCommand {
        public MakeForHousehold {
            members = java.util.Set.copyOf(members);
            adoptingReviews = java.util.Map.copyOf(adoptingReviews);
        }
    }

    /** 再プラン. */
    record Revise(String planId, Revision revision) implements PlanCommand {
    }

    /** 未記入の補完 on the day: details the current version lacks, not a 再プラン. */
    record Complete(String planId, PlanCompletion.Completion completion, LocalDate on) implements PlanCommand {
    }

    /**
     * 未記入の補完 of one subject of a household's plan (PUT /plans/{planId}/subjects/{caseId}): the member's own wish,
     * wish tags and roles where the current version has none for that member; not a 再プラン.
     */
    record CompleteSubject(String planId, String caseId, PlanCompletion.Completion completion, LocalDate on)
            implements PlanCommand {
    }

    /** 終結. */
    record Close(String planId, LocalDate closedOn, String reason) implements PlanCommand {
    }

    /**
     * A meeting reviewed the case.
     *
     * @param causeId       the review event's id: a new plan's id follows from it, so a redelivery makes no second plan
     * @param householdPlan when the case was discussed with its household: the household's running plan this meeting
     *                      already made from another member's review, which the case then joins
     * @param atMeeting     the same meeting's reviews of the other subjects of the household's plans covering the case,
     *                      by case id (a CLOSE closes a household's plan only once every subject is reviewed CLOSE)
     */
    record TakeReview(MeetingEvent.CaseReviewed review, String causeId, Optional<Plan> householdPlan,
                      java.util.Map<String, MeetingReview> atMeeting) implements PlanCommand {
        public TakeReview {
            atMeeting = java.util.Map.copyOf(atMeeting);
        }

        public TakeReview(MeetingEvent.CaseReviewed review, String causeId) {
            this(review, causeId, Optional.empty());
        }

        public TakeReview(MeetingEvent.CaseReviewed review, String causeId, Optional<Plan> householdPlan) {
            this(review, causeId, householdPlan, java.util.Map.of());
        }
    }

    /** A meeting's review of the case was corrected (議事録の訂正); atMeeting as {@link TakeReview}'s. */
    record TakeAmendment(MeetingEvent.CaseReviewAmended amendment, String causeId, Optional<Plan> householdPlan,
                         java.util.Map<String, MeetingReview> atMeeting) implements PlanCommand {
        public TakeAmendment {
            atMeeting = java.util.Map.copyOf(atMeeting);
        }

        public TakeAmendment(MeetingEvent.CaseReviewAmended amendment, String causeId) {
            this(amendment, causeId, Optional.empty(), java.util.Map.of());
        }
    }

    /**
     * A case brought in from the city's own list (台帳取込): its plan as the list tells it ({@link ImportedPlans}).
     */
    record TakeImport(IntakeEvent.CaseImported imported) implements PlanCommand {
    }

    /** The daily review check, on the day: a plan past its review date is announced as due. */
    record CheckReview(String planId, LocalDate today) implements PlanCommand {
    }

    /** What planning knows of a meeting's review of a case (from meeting-service's events). */
    record MeetingReview(String meetingId, MeetingType meetingType, ReviewOutcome outcome, PlanType planType) {
    }

    /**
     * What a 再プラン changes; a null part carries the current version's forward (use {@link #of} and the withers).
     *
     * @param reason why the plan is revised (required)
     */
    record Revision(LocalDate madeOn, String reason, String wish, List<String> wishTags, List<String> goals,
                    List<Role> roles, LocalDate reviewOn) {

        /** A revision that changes nothing but the date and gives its reason: everything else carries forward. */
        public static Revision of(LocalDate madeOn, String reason) {
            return new Revision(madeOn, reason, null, null, null, null, null);
        }

        /** A revision a meeting decided: who does what may change, the rest carries forward. */
        public static Revision byMeeting(LocalDate heldOn, String reason, List<Role> roles, LocalDate reviewOn) {
            return of(heldOn, reason).withRoles(roles.isEmpty() ? null : roles).withReviewOn(reviewOn);
        }

        public Revision withWish(String wish) {
            return new Revision(madeOn, reason, wish, wishTags, goals, roles, reviewOn);
        }

        public Revision withWishTags(List<String> wishTags) {
            return new Revision(madeOn, reason, wish, wishTags, goals, roles, reviewOn);
        }

        public Revision withGoals(List<String> goals) {
            return new Revision(madeOn, reason, wish, wishTags, goals, roles, reviewOn);
        }

        public Revision withRoles(List<Role> roles) {
            return new Revision(madeOn, reason, wish, wishTags, goals, roles, reviewOn);
        }

        public Revision withReviewOn(LocalDate reviewOn) {
            return new Revision(madeOn, reason, wish, wishTags, goals, roles, reviewOn);
        }
    }
}
