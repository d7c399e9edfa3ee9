package jp.tsunagu.contract.events;

import jp.tsunagu.contract.codes.PlanType;

import java.time.LocalDate;
import java.util.List;

/** Events of planning-service, on {@link jp.tsunagu.contract.Topics#PLANS}. */
public sealed interface PlanningEvent extends TsunaguEvent {

    String caseId();

    String planId();

    @Override
    default String subject() {
        return caseId();
    }

    /**
     * A plan was made for the case. A household's plan (世帯の支援プラン) covers several members' cases: each of them gets
     * its own {@code plan-created} with the same {@code planId} and {@code householdId}, carrying the roles for that
     * member and those for the whole household, so every case's stream holds its plan; count plans by {@code planId}.
     * Its revisions, review dates and closure come the same way, one event per member case.
     *
     * @param adoptedAtMeetingId the 重層的支援会議 that adopted a 多機関協働プラン, else null
     * @param householdId        the household whose plan this is, when it covers its members (else null)
     */
    @EventType("jp.tsunagu.planning.plan-created.v1")
    record PlanCreated(String planId, String caseId, String municipality, PlanType type, LocalDate madeOn,
                       List<Role> roles, @MayBeNull("no review date set yet") LocalDate reviewOn,
                       @MayBeNull("an outreach or participation plan made without a meeting") String adoptedAtMeetingId,
                       @MayBeNull("a plan of one person's case (and every plan before 2026-12)") String householdId)
            implements PlanningEvent {
        public PlanCreated {
            roles = Role.withoutText(roles);
        }

        /** A plan of one person's case (as every plan before 2026-12 was). */
        public PlanCreated(String planId, String caseId, String municipality, PlanType type, LocalDate madeOn,
                           List<Role> roles, LocalDate reviewOn, String adoptedAtMeetingId) {
            this(planId, caseId, municipality, type, madeOn, roles, reviewOn, adoptedAtMeetingId, null);
        }
    }

    /** 再プラン. */
    @EventType("jp.tsunagu.planning.plan-revised.v1")
    record PlanRevised(String planId, String caseId, String municipality, PlanType type, int version,
                       LocalDate madeOn, @MayBeNull("no review date set") LocalDate reviewOn) implements PlanningEvent {
    }

    /**
     * Details the plan's current version did not have were filled in (the wish, goals, roles, review date, e.g. after
     * the meeting that adopted it): not a 再プラン, so the year's figures count it neither as made nor as re-planned.
     *
     * @param roles    the roles it was given, when it had none (none when no role was completed, nor when only the
     *                 words of roles it already named were given: their agencies are not new)
     * @param reviewOn the review date it was given (null when none was)
     */
    @EventType("jp.tsunagu.planning.plan-details-completed.v1")
    record PlanDetailsCompleted(String planId, String caseId, String municipality, PlanType type, int version,
                                List<Role> roles, @MayBeNull("no review date given") LocalDate reviewOn)
            implements PlanningEvent {
        public PlanDetailsCompleted {
            roles = Role.withoutText(roles);
        }
    }

    /** 終結. */
    @EventType("jp.tsunagu.planning.plan-closed.v1")
    record PlanClosed(String planId, String caseId, String municipality, PlanType type, LocalDate closedOn)
            implements PlanningEvent {
    }

    /** The plan's review date passed without a revision: coordinators follow it up. */
    @EventType("jp.tsunagu.planning.plan-review-due.v1")
    record PlanReviewDue(String planId, String caseId, String municipality, PlanType type, LocalDate reviewOn)
            implements PlanningEvent {
    }

    /** マッチング: a person of a participation plan was placed with a community resource (参加支援事業). */
    @EventType("jp.tsunagu.planning.placement-made.v1")
    record PlacementMade(String placementId, String planId, String caseId, String municipality, String resourceId,
                         LocalDate placedOn) implements PlanningEvent {
    }

    /** 定着支援: a follow-up with the person or with the host after a placement. */
    @EventType("jp.tsunagu.planning.placement-followed-up.v1")
    record PlacementFollowedUp(String placementId, String planId, String caseId, String municipality,
                               FollowUpSide side, LocalDate followedUpOn) implements PlanningEvent {
    }

    /** Whom a follow-up supported. */
    enum FollowUpSide { PERSON, HOST }
}
