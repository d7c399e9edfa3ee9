package jp.tsunagu.intake.referral;

import jakarta.ws.rs.QueryParam;
import jp.tsunagu.intake.status.ReferralList;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The query of {@code GET /referrals} as sent ({@code @BeanParam}), one named value each; {@link ReferralList}
 * checks them and names each invalid one in the problem's errors.
 */
public record ReferralQuery(
        @Parameter(description = "Only this status (RECEIVED, ROUTED, ACCEPTED, …)") @QueryParam("status")
        String status,
        @Parameter(description = "Received on or after (YYYY-MM-DD)") @QueryParam("receivedFrom") String receivedFrom,
        @Parameter(description = "Received on or before (YYYY-MM-DD)") @QueryParam("receivedTo") String receivedTo,
        @Parameter(description = "1 to 200, default 50") @QueryParam("limit") Integer limit,
        @Parameter(description = "From the previous page's `next`") @QueryParam("cursor") String cursor,
        @Parameter(description = "Only referrals whose status changed after this instant (ISO-8601 with its "
                + "offset: 2026-12-04T09:00:00Z or 2026-12-04T18:00:00+09:00, the + sent as %2B), e.g. the "
                + "lastChangeAt of the newest item seen before", example = "2026-12-04T09:00:00Z")
        @QueryParam("changedSince") String changedSince) {

    /** The list's query (status/ReferralList's own record), field by field by name. */
    ReferralList.Query toList() {
        return new ReferralList.Query(status, receivedFrom, receivedTo, limit, cursor, changedSince);
    }
}
