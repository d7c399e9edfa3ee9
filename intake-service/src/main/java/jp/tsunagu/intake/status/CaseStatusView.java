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

    /**
     * The view as {@code reader} may see it: the referrer and coordinators read the declining agencies' reasons,
     * any other agency (the one the case went to next) only that it was declined.
     */
    public CaseStatusView forReader(boolean mayReadReasons) {
        return mayReadReasons ? this : new CaseStatusView(caseId, status, statusLabel, agencyId, referringAgencyId,
                receivedOn, history.stream().map(h -> new Step(h.eventType(), h.status(), h.agencyId(),
                h.businessDate(), h.recordedAt(), h.detail(), null)).toList(), municipality);
    }

    /** One event of any stage, in the order it was recorded. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ReferralStatusStep")
    public record Step(String eventType, String status, String agencyId, LocalDate businessDate, Instant recordedAt,
                       String detail,
                       @Schema(description = "Why the agency declined, in its words: shown to the referrer and "
                               + "coordinators only") String reason) {
    }
}
