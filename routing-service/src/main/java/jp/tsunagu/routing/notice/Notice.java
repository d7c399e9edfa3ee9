package jp.tsunagu.routing.notice;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * One thing to tell one agency, without personal data.
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
 */
public record Notice(String id, String municipality, String agencyId, NoticeType type, String caseId, LocalDate on,
                     LocalDate dueOn, String reference, String reason, String toAgencyId, LocalTime startsAt,
                     String place) {

    /** A notice that names no other agency and gives no reason. */
    public Notice(String id, String municipality, String agencyId, NoticeType type, String caseId, LocalDate on,
                  LocalDate dueOn, String reference) {
        this(id, municipality, agencyId, type, caseId, on, dueOn, reference, null, null);
    }

    /** A notice of no meeting (no time, no place). */
    public Notice(String id, String municipality, String agencyId, NoticeType type, String caseId, LocalDate on,
                  LocalDate dueOn, String reference, String reason, String toAgencyId) {
        this(id, municipality, agencyId, type, caseId, on, dueOn, reference, reason, toAgencyId, null, null);
    }
}
