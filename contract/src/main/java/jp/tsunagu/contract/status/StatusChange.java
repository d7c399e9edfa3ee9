package jp.tsunagu.contract.status;

import jp.tsunagu.contract.codes.CaseStatus;

/**
 * What one event means for the referrer's view of a case.
 *
 * @param status       the new status, or null when the event is only a line of history (e.g. consent recorded)
 * @param agencyId     the agency now responsible, when the event names one
 * @param clearsAgency the case left the agency (escalated to coordination)
 * @param detail       the history line in Japanese, without an id or a personal value
 * @param referrerNote what only the referrer (and coordinators) may read beside it: an agency's own words, such as
 *                     why it declined (null for most events)
 * @param about        the agency the line is about (the one given the case, accepting, declining or not answering)
 */
public record StatusChange(CaseStatus status, String agencyId, boolean clearsAgency, String detail,
                           String referrerNote, String about) {

    public static StatusChange to(CaseStatus status, String agencyId, String detail) {
        return new StatusChange(status, agencyId, false, detail, null, agencyId);
    }

    public static StatusChange note(String detail) {
        return new StatusChange(null, null, false, detail, null, null);
    }

    /** The same change as a case in the given status sees it. */
    public StatusChange seenAs(CaseStatus seen) {
        return new StatusChange(seen, agencyId, clearsAgency, detail, referrerNote, about);
    }
}
