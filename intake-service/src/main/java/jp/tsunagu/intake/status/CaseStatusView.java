package jp.tsunagu.intake.status;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/** {@code GET /referrals/{caseId}}: the closed-loop status, without any personal field. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ReferralStatus")
public record CaseStatusView(
        String caseId,
        @Schema(description = "受付番号, e.g. R6-000123 (absent for a case received before numbers were given)",
                example = "R6-000123") String caseNumber,
        @Schema(enumeration = {"RECEIVED", "ROUTED", "ACCEPTED", "DECLINED", "ESCALATED", "IN_OUTREACH", "IN_MEETING",
                "PLAN_ACTIVE", "CLOSED"}) String status,
        @Schema(description = "Japanese label of the status") String statusLabel,
        @Schema(description = "The agency now responsible, when there is one") String agencyId,
        @Schema(description = "Its name in the directory") String agencyName,
        String referringAgencyId,
        @Schema(description = "The referring agency's name in the directory") String referringAgencyName,
        LocalDate receivedOn,
        List<Step> history,
        @Schema(description = "The household (世帯) the case is linked to now (GET /households/{householdId}); "
                + "absent when none", example = "h-3f2a9c1e-7b4d-4e8a-9c3d-2f5e8a1b4c6d") String householdId,
        @JsonIgnore String municipality) {

    /**
     * The view as {@code reader} may see it: the referrer and coordinators read the declining agencies' reasons,
     * any other agency (the one the case went to next) only that it was declined.
     */
    public CaseStatusView forReader(boolean mayReadReasons) {
        return mayReadReasons ? this : new CaseStatusView(caseId, caseNumber, status, statusLabel, agencyId,
                agencyName, referringAgencyId, referringAgencyName, receivedOn, history.stream().map(h -> new Step(
                h.eventType(), h.status(), h.statusLabel(), h.agencyId(), h.agencyName(), h.businessDate(), h.recordedAt(),
                h.detail(), null)).toList(), householdId, municipality);
    }

    /** The view with the directory's names of the agencies it mentions. */
    public CaseStatusView named(Function<String, String> agencyName) {
        return new CaseStatusView(caseId, caseNumber, status, statusLabel, agencyId, name(agencyId, agencyName),
                referringAgencyId, name(referringAgencyId, agencyName), receivedOn, history.stream().map(h -> new Step(
                h.eventType(), h.status(), h.statusLabel(), h.agencyId(), name(h.agencyId(), agencyName), h.businessDate(),
                h.recordedAt(), h.detail(), h.reason())).toList(), householdId, municipality);
    }

    private static String name(String agencyId, Function<String, String> agencyName) {
        return agencyId == null ? null : agencyName.apply(agencyId);
    }

    /** One event of any stage, in the order it was recorded. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ReferralStatusStep")
    public record Step(String eventType, String status,
                       @Schema(description = "Japanese label of the status") String statusLabel,
                       @Schema(description = "The agency the step is about (given the case, accepting, declining, not "
                               + "answering in time)") String agencyId,
                       @Schema(description = "Its name in the directory") String agencyName,
                       LocalDate businessDate, Instant recordedAt,
                       @Schema(description = "What happened, in Japanese") String detail,
                       @Schema(description = "Why the agency declined, in its words: shown to the referrer and "
                               + "coordinators only, and only for declines recorded before 2026-12; since then the "
                               + "reason stays in routing-service (GET /cases/{caseId}/routing)") String reason) {
    }
}
