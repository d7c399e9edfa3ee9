package jp.tsunagu.intake.referral;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** The answer to {@code POST /referrals} (201 first time, 200 with the same body for an idempotent repeat). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ReferralCreated")
public record ReferralCreated(String caseId,
                              @Schema(description = "受付番号: the number people read and say, R<令和 year of the "
                                      + "fiscal year>-<running number>, unique in the municipality; absent in the "
                                      + "stored answer to a request made before numbers were given",
                                      example = "R6-000123") String caseNumber,
                              String status, LocalDate receivedOn) {
}
