package jp.tsunagu.routing.notice;

import jp.tsunagu.contract.codes.EmergencyReview;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * One thing to tell one agency, without personal data. Made with {@link #to} and the {@code with…} steps that say
 * what more it concerns, so no two values of the same type can be swapped by position.
 *
 * @param id         stable: the same cause always gives the same id (a redelivered event adds nothing)
 * @param on         the business date of what happened
 * @param dueOn      the date it concerns: the answer's deadline, the plan's review date, the meeting's date
 * @param reference  the plan or meeting it concerns, if any
 * @param reason     a decline's reason, told only to the agency that referred the case (the declining agency's own
 *                   words; written over when the person is erased)
 * @param toAgencyId the agency the referred case went to (passed on) or that took it (accepted)
 * @param startsAt   a meeting invitation: when the meeting begins (null: not said)
 * @param place      a meeting invitation: where it is held (a room, not personal data; null: not said)
 * @param review     referral-escalated: 危険・緊急 (an ad-hoc 支援会議 now) or a regular meeting; null otherwise
 */
public record Notice(String id, String municipality, String agencyId, NoticeType type, String caseId, LocalDate on,
                     LocalDate dueOn, String reference, String reason, String toAgencyId, LocalTime startsAt,
                     String place, EmergencyReview review) {

    /** A notice to one agency of what happened on a business day, about nothing more yet. */
    public static Notice to(String id, String municipality, String agencyId, NoticeType type, LocalDate on) {
        return new Notice(id, municipality, agencyId, type, null, on, null, null, null, null, null, null, null);
    }

    /** About this case. */
    public Notice withCase(String caseIdOfNotice) {
        return new Notice(id, municipality, agencyId, type, caseIdOfNotice, on, dueOn, reference, reason, toAgencyId,
                startsAt, place, review);
    }

    /** Concerning this date (a deadline, a review date, a meeting's day). */
    public Notice withDueOn(LocalDate date) {
        return new Notice(id, municipality, agencyId, type, caseId, on, date, reference, reason, toAgencyId, startsAt,
                place, review);
    }

    /** Concerning this plan or meeting. */
    public Notice withReference(String planOrMeeting) {
        return new Notice(id, municipality, agencyId, type, caseId, on, dueOn, planOrMeeting, reason, toAgencyId,
                startsAt, place, review);
    }

    /** With a decline's reason (to the referrer only). */
    public Notice withReason(String declineReason) {
        return new Notice(id, municipality, agencyId, type, caseId, on, dueOn, reference, declineReason, toAgencyId,
                startsAt, place, review);
    }

    /** Naming the agency the case went to, or that took it. */
    public Notice withToAgency(String agency) {
        return new Notice(id, municipality, agencyId, type, caseId, on, dueOn, reference, reason, agency, startsAt,
                place, review);
    }

    /** A meeting invitation's time and place (either null: not said). */
    public Notice withMeetingAt(LocalTime time, String room) {
        return new Notice(id, municipality, agencyId, type, caseId, on, dueOn, reference, reason, toAgencyId, time,
                room, review);
    }

    /** An escalation's review: 危険・緊急 or a regular meeting. */
    public Notice withReview(EmergencyReview escalationReview) {
        return new Notice(id, municipality, agencyId, type, caseId, on, dueOn, reference, reason, toAgencyId,
                startsAt, place, escalationReview);
    }
}
