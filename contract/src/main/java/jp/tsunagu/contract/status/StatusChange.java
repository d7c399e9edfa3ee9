package jp.tsunagu.contract.status;

import jp.tsunagu.contract.codes.CaseStatus;

/**
 * What one event means for the referrer's view of a case.
 *
 * @param status       the new status, or null when the event is only a line of history (e.g. consent recorded)
 * @param agencyId     the agency now responsible, when the event names one
 * @param clearsAgency the case left the agency (escalated to coordination)
 * @param detail       a short non-personal note for the history line
 */
public record StatusChange(CaseStatus status, String agencyId, boolean clearsAgency, String detail) {

    public static StatusChange to(CaseStatus status, String agencyId, String detail) {
        return new StatusChange(status, agencyId, false, detail);
    }

    public static StatusChange note(String detail) {
        return new StatusChange(null, null, false, detail);
    }
}
