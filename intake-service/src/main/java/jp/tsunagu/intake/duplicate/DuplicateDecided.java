package jp.tsunagu.intake.duplicate;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import jp.tsunagu.intake.cases.DuplicateDecision;

/** The answer of {@code POST /cases/{caseId}/duplicate} (and of its idempotent repeat). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "DuplicateDecided")
public record DuplicateDecided(String caseId,
                               @Schema(description = "受付番号") String caseNumber,
                               DuplicateDecision decision,
                               @Schema(description = "Japanese label of the decision") String decisionLabel,
                               String of,
                               @Schema(description = "The other case's 受付番号") String ofCaseNumber,
                               @Schema(description = "The case's status after the decision (CLOSED when joined)")
                               String status,
                               LocalDate decidedOn, Instant decidedAt) {
}
