package jp.tsunagu.meeting.agenda;

import jp.tsunagu.contract.codes.Consent;
import jp.tsunagu.contract.codes.EmergencyReview;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.Urgency;

import java.time.LocalDate;

/**
 * A case's place in coordination. Changed only through the transitions below, each named for what happened; nobody
 * outside fills it with nulls.
 *
 * @param track     the meeting type it waits for, null before escalation
 * @param meetingId the meeting whose agenda it is on, null while no meeting of its track is scheduled
 * @param queued    waiting for a review; false once reviewed
 * @param urgency   the referral's 緊急度 as routing passed it on (通常 / 至急 / 緊急; kept through declines)
 * @param review    危険・緊急 (an ad-hoc 支援会議 now) or the track's regular meetings; back to regular once reviewed
 * @param joined    joined to the same person's earlier case (duplicate-confirmed): waits for nothing, reviewed by no one
 */
public record CaseTrack(String caseId, String municipality, Consent consent, MeetingType track, String meetingId,
                        boolean queued, Urgency urgency, EmergencyReview review, LocalDate queuedOn, boolean joined) {

    public CaseTrack {
        urgency = urgency == null ? Urgency.ROUTINE : urgency;
        review = review == null ? EmergencyReview.REGULAR : review;
    }

    /** A referral known here, not (yet) escalated. */
    public static CaseTrack referred(String caseId, String municipality, Consent consent) {
        return new CaseTrack(caseId, municipality, consent, null, null, false, Urgency.ROUTINE,
                EmergencyReview.REGULAR, null, false);
    }

    /**
     * Escalated: waits on the placement's track for {@code meetingId} (null: no meeting of the track scheduled yet).
     */
    public static CaseTrack escalated(String caseId, String municipality, AgendaDecider.Placement placement,
                                      String meetingId, LocalDate on) {
        return new CaseTrack(caseId, municipality, placement.consent(), placement.track(), meetingId, true,
                placement.urgency(), placement.review(), on, false);
    }

    /** Whether it waits for an ad-hoc 支援会議 now (危険・緊急): what {@code urgent} meant in the API before. */
    public boolean emergency() {
        return review.adHocNow();
    }

    public CaseTrack withConsent(Consent newConsent) {
        return new CaseTrack(caseId, municipality, newConsent, track, meetingId, queued, urgency, review, queuedOn,
                joined);
    }

    /** Queued anew on another track (consent obtained or withdrawn while it waited). */
    public CaseTrack movedTo(MeetingType newTrack, String newMeetingId, LocalDate on) {
        return new CaseTrack(caseId, municipality, consent, newTrack, newMeetingId, true, urgency, review, on, joined);
    }

    /** Still waiting on its track, now on the agenda of {@code newMeetingId} (null: none scheduled yet). */
    public CaseTrack onAgendaOf(String newMeetingId) {
        return new CaseTrack(caseId, municipality, consent, track, newMeetingId, true, urgency, review, queuedOn,
                joined);
    }

    /** On the agenda of the meeting a coordinator chose, on that meeting's track; it keeps the day it began to wait. */
    public CaseTrack chosenFor(Meeting m) {
        return new CaseTrack(caseId, municipality, consent, m.type(), m.meetingId(), true, urgency, review, queuedOn,
                false);
    }

    /** Reviewed by the meeting it was on: no longer waiting; its emergency was reviewed, its urgency stays. */
    public CaseTrack reviewed() {
        return new CaseTrack(caseId, municipality, consent, track, meetingId, false, urgency,
                EmergencyReview.REGULAR, queuedOn, joined);
    }

    /**
     * Joined to the same person's earlier case: off the waiting list and the agenda of any meeting not yet held (its
     * track and meeting stay as they were, for the record).
     */
    public CaseTrack asJoined() {
        return new CaseTrack(caseId, municipality, consent, track, meetingId, false, urgency,
                EmergencyReview.REGULAR, queuedOn, true);
    }
}
