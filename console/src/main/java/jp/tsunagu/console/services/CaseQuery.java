package jp.tsunagu.console.services;

import org.jboss.resteasy.reactive.RestQuery;

/**
 * What the console asks intake's {@code GET /cases} ({@code @BeanParam} of {@link IntakeApi#cases}): every value
 * named, made by the factories below or by the case list's filter, so that no two can be swapped by position.
 * Intake checks them; absent ones are not sent. {@code @RestQuery}, not {@code @QueryParam}: it does not carry over to
 * the record's accessors, which the REST client would otherwise take for getters.
 */
public record CaseQuery(@RestQuery("status") String status, @RestQuery("track") String track,
                        @RestQuery("field") String field, @RestQuery("concern") String concern,
                        @RestQuery("area") String area, @RestQuery("agency") String agency,
                        @RestQuery("urgency") String urgency, @RestQuery("overdue") Boolean overdue,
                        @RestQuery("receivedFrom") String receivedFrom, @RestQuery("receivedTo") String receivedTo,
                        @RestQuery("fiscalYear") String fiscalYear, @RestQuery("caseNumber") String caseNumber,
                        @RestQuery("withNames") Boolean withNames, @RestQuery("limit") Integer limit,
                        @RestQuery("cursor") String cursor) {

    /** The case people name by its 受付番号 (one at most). */
    public static CaseQuery byNumber(String caseNumber) {
        return new CaseQuery(null, null, null, null, null, null, null, null, null, null, null, caseNumber, null, 1,
                null);
    }

    /** Cases whose awaited answer is past its deadline, the first {@code limit}. */
    public static CaseQuery overdue(int limit) {
        return new CaseQuery(null, null, null, null, null, null, null, true, null, null, null, null, null, limit,
                null);
    }

    /** A page of the cases in one status (a code of contract's CaseStatus). */
    public static CaseQuery inStatus(String status, int limit, String cursor) {
        return new CaseQuery(status, null, null, null, null, null, null, null, null, null, null, null, null, limit,
                cursor);
    }
}
