package jp.tsunagu.intake.cases;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The query of {@code GET /cases} as sent ({@code @BeanParam}): one named value each, so no two can be swapped by
 * position. Checked by {@link CaseList#page}, which names each invalid one in the problem's errors.
 */
public record CaseQuery(
        @Parameter(description = "RECEIVED, ROUTED, ACCEPTED, DECLINED, ESCALATED, IN_OUTREACH, IN_MEETING, "
                + "PLAN_ACTIVE or CLOSED") @QueryParam("status") String status,
        @Parameter(description = "JUUSOU_SHIEN_KAIGI or SHIEN_KAIGI") @QueryParam("track") String track,
        @Parameter(description = "A field routing found (ELDERLY, DISABILITY, CHILD, POVERTY)")
        @QueryParam("field") String field,
        @Parameter(description = "A concern code") @QueryParam("concern") String concern,
        @Parameter(description = "An area of the municipality") @QueryParam("area") String area,
        @Parameter(description = "The referring agency's id") @QueryParam("referrer") String referrer,
        @Parameter(description = "The agency now responsible") @QueryParam("agency") String agency,
        @Parameter(description = "ROUTINE, URGENT or EMERGENCY") @QueryParam("urgency") String urgency,
        @Parameter(description = "true: only cases whose awaited answer is past its deadline")
        @QueryParam("overdue") Boolean overdue,
        @Parameter(description = "Received on or after (YYYY-MM-DD)") @QueryParam("receivedFrom") String receivedFrom,
        @Parameter(description = "Received on or before (YYYY-MM-DD)") @QueryParam("receivedTo") String receivedTo,
        @Parameter(description = "Received in this fiscal year (2026, R8 or 令和8年度)") @QueryParam("fiscalYear")
        String fiscalYear,
        @Parameter(description = "received (default) or changed") @QueryParam("sort") String sort,
        @Parameter(description = "1 to 200, default 50") @QueryParam("limit") Integer limit,
        @Parameter(description = "From the previous page's `next`") @QueryParam("cursor") String cursor,
        @Parameter(description = "The case with this 受付番号 (R8-000123; full-width digits are read too)",
                example = "R8-000123") @QueryParam("caseNumber") String caseNumber,
        @Parameter(description = "true: each item with the person's name and nameKana (audited)")
        @QueryParam("withNames") Boolean withNames) {

    /** The filters given, by name, as the audit trail records a list read with names (no cursor value). */
    public Map<String, Object> given() {
        Map<String, Object> given = new LinkedHashMap<>();
        put(given, "status", status);
        put(given, "track", track);
        put(given, "field", field);
        put(given, "concern", concern);
        put(given, "area", area);
        put(given, "referrer", referrer);
        put(given, "agency", agency);
        put(given, "urgency", urgency);
        put(given, "overdue", overdue);
        put(given, "receivedFrom", receivedFrom);
        put(given, "receivedTo", receivedTo);
        put(given, "fiscalYear", fiscalYear);
        put(given, "sort", sort);
        put(given, "limit", limit);
        put(given, "cursor", cursor == null ? null : "(a later page)");
        put(given, "caseNumber", caseNumber);
        return given;
    }

    private static void put(Map<String, Object> given, String name, Object value) {
        if (value != null) {
            given.put(name, value);
        }
    }
}
