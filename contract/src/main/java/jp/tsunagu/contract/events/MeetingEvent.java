package jp.tsunagu.contract.events;

import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.PlanType;
import jp.tsunagu.contract.codes.ReviewOutcome;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/** Events of meeting-service, on {@link jp.tsunagu.contract.Topics#MEETINGS}. */
public sealed interface MeetingEvent extends TsunaguEvent {

    /** Meeting events about one case. */
    sealed interface OfCase extends MeetingEvent {
        String caseId();

        @Override
        default String subject() {
            return caseId();
        }
    }

    /**
     * A meeting was scheduled: when and where (a place is a room, never personal data), so an invitation can say it.
     *
     * @param startsAt when it begins (Japan time); null in events written before meetings had a time
     * @param endsAt   when it is planned to end
     * @param place    where it is held (会場), e.g. 久留米市役所 401会議室
     */
    @EventType("jp.tsunagu.meeting.meeting-scheduled.v1")
    record MeetingScheduled(String meetingId, String municipality, MeetingType type, LocalDate scheduledOn,
                            boolean adHoc,
                            @MayBeNull("written before meetings had a time (2026-12), or none set") LocalTime startsAt,
                            @MayBeNull("no end time set") LocalTime endsAt,
                            @MayBeNull("written before meetings had a place (2026-12), or none set") String place)
            implements MeetingEvent {

        /** A meeting without a time or place (as events before 2026-12 were written). */
        public MeetingScheduled(String meetingId, String municipality, MeetingType type, LocalDate scheduledOn,
                                boolean adHoc) {
            this(meetingId, municipality, type, scheduledOn, adHoc, null, null, null);
        }

        @Override
        public String subject() {
            return meetingId;
        }
    }

    /**
     * Agencies were invited as members of a meeting (構成員として招集): those added since the last invitation, so an
     * agency is told once, with when and where the meeting is held.
     */
    @EventType("jp.tsunagu.meeting.members-invited.v1")
    record MembersInvited(String meetingId, String municipality, MeetingType type, LocalDate scheduledOn,
                          List<String> agencyIds,
                          @MayBeNull("written before meetings had a time (2026-12), or none set") LocalTime startsAt,
                          @MayBeNull("no end time set") LocalTime endsAt,
                          @MayBeNull("written before meetings had a place (2026-12), or none set") String place)
            implements MeetingEvent {
        public MembersInvited {
            agencyIds = agencyIds == null ? List.of() : List.copyOf(agencyIds);
        }

        /** An invitation without a time or place (as events before 2026-12 were written). */
        public MembersInvited(String meetingId, String municipality, MeetingType type, LocalDate scheduledOn,
                              List<String> agencyIds) {
            this(meetingId, municipality, type, scheduledOn, agencyIds, null, null, null);
        }

        @Override
        public String subject() {
            return meetingId;
        }
    }

    /** The case waits on the agenda of the next meeting of its track. */
    @EventType("jp.tsunagu.meeting.case-queued.v1")
    record CaseQueued(String caseId, String municipality,
                      @MayBeNull("no meeting of the track scheduled yet") String meetingId, MeetingType track)
            implements OfCase {
    }

    /**
     * One case's outcome in a meeting's minutes.
     *
     * @param reviewOn    for PLAN and REPLAN, the day the plan is next reviewed, when the meeting set one (the plan's
     *                    wish and goals are the person's words: they stay in the minutes and the plan, never in the log)
     * @param householdId the household the case was discussed with, as one agenda item (世帯として検討): its members'
     *                    PLAN outcomes in one meeting make one household plan
     */
    @EventType("jp.tsunagu.meeting.case-reviewed.v1")
    record CaseReviewed(String caseId, String municipality, String meetingId, MeetingType meetingType,
                        LocalDate heldOn, ReviewOutcome outcome,
                        @MayBeNull("not named (needed for PLAN and REPLAN)") PlanType planType, List<Role> roles,
                        boolean adHoc, @MayBeNull("not a plan, or no review date set") LocalDate reviewOn,
                        @MayBeNull("discussed on its own (and every review before 2026-12)") String householdId)
            implements OfCase {
        public CaseReviewed {
            roles = Role.withoutText(roles);
        }

        /** A review of the case on its own (as every review before 2026-12 was). */
        public CaseReviewed(String caseId, String municipality, String meetingId, MeetingType meetingType,
                            LocalDate heldOn, ReviewOutcome outcome, PlanType planType, List<Role> roles,
                            boolean adHoc, LocalDate reviewOn) {
            this(caseId, municipality, meetingId, meetingType, heldOn, outcome, planType, roles, adHoc, reviewOn,
                    null);
        }
    }

    /**
     * A review in held minutes was corrected (議事録の訂正): the review as it now stands, replacing the one recorded.
     * Only a review that changed no plan may change its outcome, so a plan outcome reached by a correction is applied
     * like a review's, and nothing a plan was built on is taken back.
     *
     * @param version         the minutes' version this correction made (the first recording is version 1)
     * @param previousOutcome the outcome it replaces
     */
    @EventType("jp.tsunagu.meeting.case-review-amended.v1")
    record CaseReviewAmended(String caseId, String municipality, String meetingId, MeetingType meetingType,
                             LocalDate heldOn, int version, ReviewOutcome previousOutcome, ReviewOutcome outcome,
                             @MayBeNull("not named") PlanType planType, List<Role> roles,
                             @MayBeNull("not a plan, or no review date set") LocalDate reviewOn,
                             @MayBeNull("discussed on its own (and every correction before 2026-12)")
                             String householdId) implements OfCase {
        public CaseReviewAmended {
            roles = Role.withoutText(roles);
        }

        /** A correction of a review of the case on its own (as every correction before 2026-12 was). */
        public CaseReviewAmended(String caseId, String municipality, String meetingId, MeetingType meetingType,
                                 LocalDate heldOn, int version, ReviewOutcome previousOutcome, ReviewOutcome outcome,
                                 PlanType planType, List<Role> roles, LocalDate reviewOn) {
            this(caseId, municipality, meetingId, meetingType, heldOn, version, previousOutcome, outcome, planType,
                    roles, reviewOn, null);
        }

        /** The review as it now stands. */
        public CaseReviewed asReview(boolean adHoc) {
            return new CaseReviewed(caseId, municipality, meetingId, meetingType, heldOn, outcome, planType, roles,
                    adHoc, reviewOn, householdId);
        }

        /** Whether the correction changed the outcome (a correction may change only roles, the note or details). */
        public boolean outcomeChanged() {
            return previousOutcome != outcome;
        }
    }

    /**
     * A meeting's minutes were corrected (議事録の訂正); every version is kept by meeting-service. The reason and the
     * changed text are confidential like the minutes and stay there.
     *
     * @param version        the version this correction made (the first recording is version 1)
     * @param amendedCaseIds the cases whose review it changed, each with its own {@link CaseReviewAmended}
     */
    @EventType("jp.tsunagu.meeting.minutes-amended.v1")
    record MinutesAmended(String meetingId, String municipality, MeetingType type, LocalDate heldOn, int version,
                          List<String> attendees, List<String> amendedCaseIds) implements MeetingEvent {
        public MinutesAmended {
            attendees = attendees == null ? List.of() : List.copyOf(attendees);
            amendedCaseIds = amendedCaseIds == null ? List.of() : List.copyOf(amendedCaseIds);
        }

        @Override
        public String subject() {
            return meetingId;
        }
    }

    /** A meeting was held: its minutes were recorded. */
    @EventType("jp.tsunagu.meeting.minutes-recorded.v1")
    record MinutesRecorded(String meetingId, String municipality, MeetingType type, LocalDate heldOn,
                           List<String> attendees, int reviews) implements MeetingEvent {
        public MinutesRecorded {
            attendees = List.copyOf(attendees);
        }

        @Override
        public String subject() {
            return meetingId;
        }
    }
}
