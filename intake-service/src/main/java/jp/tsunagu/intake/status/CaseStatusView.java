package jp.tsunagu.intake.status;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** {@code GET /referrals/{caseId}}: the closed-loop status, without any personal field. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ReferralStatus")
public record CaseStatusView(
        String caseId,
        @Schema(enumeration = {"RECEIVED", "ROUTED", "ACCEPTED", "DECLINED", "ESCALATED", "IN_OUTREACH", "IN_MEETING",
                "PLAN_ACTIVE", "CLOSED"}) String status,
        @Schema(description = "Japanese label of the status") String statusLabel,
        @Schema(description = "The agency now responsible, when there is one") String agencyId,
        String referringAgencyId,
        LocalDate receivedOn,
        List<Step> history,
        @JsonIgnore String municipality) {

    /** One event of any stage, in the order it was recorded. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ReferralStatusStep")
    public record Step(String eventType, String status, String agencyId, LocalDate businessDate, Instant recordedAt,
                       String detail) {
    }
}
