package jp.tsunagu.contract.events;

import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.PlanType;
import jp.tsunagu.contract.codes.ReviewOutcome;

import java.time.LocalDate;
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

    @EventType("jp.tsunagu.meeting.meeting-scheduled.v1")
    record MeetingScheduled(String meetingId, String municipality, MeetingType type, LocalDate scheduledOn,
                            boolean adHoc) implements MeetingEvent {
        @Override
        public String subject() {
            return meetingId;
        }
    }

    /**
     * Agencies were invited as members of a meeting (構成員として招集): those added since the last invitation, so an
     * agency is told once.
     */
    @EventType("jp.tsunagu.meeting.members-invited.v1")
    record MembersInvited(String meetingId, String municipality, MeetingType type, LocalDate scheduledOn,
                          List<String> agencyIds) implements MeetingEvent {
        public MembersInvited {
            agencyIds = agencyIds == null ? List.of() : List.copyOf(agencyIds);
        }

        @Override
        public String subject() {
            return meetingId;
        }
    }

    /** The case waits on the agenda of the next meeting of its track. */
    @EventType("jp.tsunagu.meeting.case-queued.v1")
    record CaseQueued(String caseId, String municipality, String meetingId, MeetingType track) implements OfCase {
    }

    /** One case's outcome in a meeting's minutes. */
    @EventType("jp.tsunagu.meeting.case-reviewed.v1")
    record CaseReviewed(String caseId, String municipality, String meetingId, MeetingType meetingType,
                        LocalDate heldOn, ReviewOutcome outcome, PlanType planType, List<Role> roles, boolean adHoc)
            implements OfCase {
        public CaseReviewed {
            roles = roles == null ? List.of() : List.copyOf(roles);
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
