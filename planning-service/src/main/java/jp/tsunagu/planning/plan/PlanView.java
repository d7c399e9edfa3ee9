package jp.tsunagu.planning.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import jp.tsunagu.contract.codes.PlanType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** {@code GET /plans/{planId}}: the plan with every version (version 1 as made, later ones 再プラン). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Plan")
public record PlanView(String planId, String caseId, PlanType type, String typeLabel,
                       @Schema(enumeration = {"ACTIVE", "CLOSED"}) String status, String adoptedAtMeetingId,
                       int currentVersion, List<Plan.Version> versions, LocalDate closedOn, String closeReason) {

    static PlanView of(Plan p) {
        return new PlanView(p.planId(), p.caseId(), p.type(), p.type().label(), p.isClosed() ? "CLOSED" : "ACTIVE",
                p.adoptedAtMeetingId(), p.current().version(), p.versions(), p.closedOn(), p.closeReason());
    }
}
