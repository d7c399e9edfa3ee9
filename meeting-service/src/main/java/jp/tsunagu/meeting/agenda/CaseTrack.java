package jp.tsunagu.meeting.agenda;

import jp.tsunagu.contract.codes.Consent;
import jp.tsunagu.contract.codes.MeetingType;

import java.time.LocalDate;

/**
 * A case's place in coordination. Changed only through the transitions below, each named for what happened.
 *
 * @param track     the meeting type it waits for, null before escalation
 * @param meetingId the meeting whose agenda it is on, null while no meeting of its track is scheduled
 * @param queued    waiting for a review; false once reviewed
 * @param joined    joined to the same person's earlier case (duplicate-confirmed): waits for nothing, reviewed by no one
 */
public record CaseTrack(String caseId, String municipality, Consent consent, MeetingType track, String meetingId,
                        boolean queued, boolean urgent, LocalDate queuedOn, boolean joined) {

    /** A referral known here, not (yet) escalated. */
    public static CaseTrack referred(String caseId, String municipality, Consent consent) {
        return new CaseTrack(caseId, municipality, consent, null, null, false, false, null, false);
    }

    /**
     * Escalated: waits on the placement's track for {@code meetingId} (null: no meeting of the track scheduled yet).
     */
    public static CaseTrack escalated(String caseId, String municipality, AgendaDecider.Placement placement,
                                      String meetingId, LocalDate on) {
        return new CaseTrack(caseId, municipality, placement.consent(), placement.track(), meetingId, true,
                placement.urgency() == Urgency.URGENT, on, false);
    }

    /** Whether an escalated case needs an ad-hoc 支援会議 now. */
    public enum Urgency { ROUTINE, URGENT }

    public CaseTrack withConsent(Consent newConsent) {
        return new CaseTrack(caseId, municipality, newConsent, track, meetingId, queued, urgent, queuedOn, joined);
    }

    /** Queued anew on another track (consent obtained or withdrawn while it waited). */
    public CaseTrack movedTo(MeetingType newTrack, String newMeetingId, LocalDate on) {
        return new CaseTrack(caseId, municipality, consent, newTrack, newMeetingId, true, urgent, on, joined);
    }

    /** Still waiting on its track, now on the agenda of {@code newMeetingId} (null: none scheduled yet). */
    public CaseTrack onAgendaOf(String newMeetingId) {
        return new CaseTrack(caseId, municipality, consent, track, newMeetingId, true, urgent, queuedOn, joined);
    }

    /** Reviewed by the meeting it was on: no longer waiting. */
    public CaseTrack reviewed() {
        return new CaseTrack(caseId, municipality, consent, track, meetingId, false, false, queuedOn, joined);
    }

    /**
     * Joined to the same person's earlier case: off the waiting list and the agenda of any meeting not yet held (its
     * track and meeting stay as they were, for the record).
     */
    public CaseTrack asJoined() {
        return new CaseTrack(caseId, municipality, consent, track, meetingId, false, false, queuedOn, true);
    }
}
