package jp.tsunagu.routing.notice;

import java.time.LocalDate;

/**
 * One thing to tell one agency, without personal data.
 *
 * @param id        stable: the same cause always gives the same id (a redelivered event adds nothing)
 * @param on        the business date of what happened
 * @param dueOn     the date it concerns: the answer's deadline, the plan's review date, the meeting's date
 * @param reference the plan or meeting it concerns, if any
 */
public record Notice(String id, String municipality, String agencyId, NoticeType type, String caseId, LocalDate on,
                     LocalDate dueOn, String reference) {
}
