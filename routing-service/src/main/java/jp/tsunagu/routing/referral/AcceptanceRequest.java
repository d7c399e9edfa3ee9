package jp.tsunagu.routing.referral;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /cases/{caseId}/acceptance} by the agency the case is routed to. */
@Schema(name = "AcceptanceRequest")
public record AcceptanceRequest(
        @Schema(required = true) Boolean accepted,
        @Schema(description = "Required when declining, at most 300 characters: why this agency cannot take the "
                + "case (no personal details; it is shared with the referrer and coordinators)") String reason) {
}
