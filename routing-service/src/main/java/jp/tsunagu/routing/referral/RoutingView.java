package jp.tsunagu.routing.referral;

import com.fasterxml.jackson.annotation.JsonInclude;
import jp.tsunagu.contract.codes.Field;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.RoutingDecision;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** {@code GET /cases/{caseId}/routing}: the current decision, why, and every step of the loop. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Routing")
public record RoutingView(
        String caseId,
        @Schema(description = "The case's 受付番号, as people read and say it (unique in the municipality and fiscal "
                + "year); absent for a case received before case numbers were given", example = "R8-000123")
        String caseNumber,
        RoutingDecision decision,
        @Schema(description = "The agency routed to, or sent out for outreach") String agencyId,
        @Schema(description = "AWAITING (the agency must accept or decline), ACCEPTED or ESCALATED") String state,
        @Schema(description = "The meeting an escalated case waits for") MeetingType track,
        boolean urgent,
        List<Field> fields,
        List<ReasonView> reasons,
        String ruleSetVersion,
        String directoryVersion,
        @Schema(description = "Business date of the current decision") LocalDate routedOn,
        @Schema(description = "Business day the routed agency must answer by (office days: no weekends, public "
                + "holidays or 12/29–1/3)") LocalDate dueOn,
        List<String> declinedBy,
        List<Step> history) {

    /**
     * A reason: the rule that fired and why, in Japanese ({@code detailJa}) and English ({@code detailEn}), named as
     * the events and planning-service name them.
     */
    @Schema(name = "RoutingReason")
    public record ReasonView(String rule, String detailJa, String detailEn) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "RoutingStep")
    public record Step(String eventType, String agencyId, LocalDate businessDate, Instant recordedAt,
                       @Schema(description = "What happened, in Japanese (the wording of the case's history "
                               + "everywhere); steps recorded before this version are in English") String detail) {
    }
}
