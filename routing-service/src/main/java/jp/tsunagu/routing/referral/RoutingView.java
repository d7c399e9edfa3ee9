package jp.tsunagu.routing.referral;

import com.fasterxml.jackson.annotation.JsonInclude;
import jp.tsunagu.contract.codes.EmergencyReview;
import jp.tsunagu.contract.codes.Field;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.RoutingDecision;
import jp.tsunagu.contract.codes.Urgency;
import jp.tsunagu.routing.rules.Decision;
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
        @Schema(description = "The referral's urgency (緊急度) as the referrer gave it: URGENT (至急) shortens the "
                + "acceptance deadline and stays with the case through declines and escalation; absent for a case "
                + "whose facts routing no longer holds") Urgency urgency,
        @Schema(description = "危険・緊急: EMERGENCY when the case needs an ad-hoc 支援会議 now (緊急 with abuse or "
                + "violence), REGULAR otherwise") EmergencyReview review,
        @Deprecated
        @Schema(deprecated = true, description = "Deprecated: the same as review = EMERGENCY (an ad-hoc 支援会議 now), "
                + "not the referral's urgency; read review and urgency") boolean urgent,
        List<Field> fields,
        List<ReasonView> reasons,
        String ruleSetVersion,
        String directoryVersion,
        @Schema(description = "Business date of the current decision") LocalDate routedOn,
        @Schema(description = "Business day the routed agency must answer by (office days: no weekends, public "
                + "holidays or 12/29–1/3)") LocalDate dueOn,
        List<String> declinedBy,
        List<Step> history) {

    /** The routing as it stands, for a reader who may see its history ({@code steps}, or null for none). */
    static RoutingView of(CaseRouting r, String caseNumber, Urgency urgency, List<Step> steps) {
        Decision d = r.decision();
        return new RoutingView(r.caseId(), caseNumber, d.decision(), d.agencyId(), r.state(), d.track(), urgency,
                d.review(), d.review().adHocNow(), d.fields(), d.reasons().stream()
                .map(x -> new ReasonView(x.rule(), x.detailJa(), x.detailEn())).toList(),
                d.ruleSetVersion(), d.directoryVersion(), r.routedOn(), r.dueOn(), List.copyOf(r.declinedBy()), steps);
    }

    /** The same outcome without the next agency's name or the history (for an agency that declined it). */
    RoutingView withoutAgencyOrHistory() {
        return new RoutingView(caseId, caseNumber, decision, null, state, track, urgency, review, urgent, fields,
                reasons, ruleSetVersion, directoryVersion, routedOn, dueOn, declinedBy, null);
    }

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
