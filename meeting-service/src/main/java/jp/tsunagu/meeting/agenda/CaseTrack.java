package jp.tsunagu.meeting.agenda;

import jp.tsunagu.contract.codes.Consent;
import jp.tsunagu.contract.codes.MeetingType;

import java.time.LocalDate;

/**
 * A case's place in coordination.
 *
 * @param track     the meeting type it waits for, null before escalation
 * @param meetingId the meeting whose agenda it is on, null while no meeting of its track is scheduled
 * @param queued    waiting for a review; false once reviewed
 */
public record CaseTrack(String caseId, String municipality, Consent consent, MeetingType track, String meetingId,
                        boolean queued, boolean urgent, LocalDate queuedOn) {

    /** 重層的支援会議 needs the person's consent; without it the case goes to 支援会議. */
    public static MeetingType trackFor(Consent consent) {
        return consent == Consent.GIVEN ? MeetingType.JUUSOU_SHIEN_KAIGI : MeetingType.SHIEN_KAIGI;
    }
}
