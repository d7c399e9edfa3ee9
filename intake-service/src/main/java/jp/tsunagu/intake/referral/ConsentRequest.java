package jp.tsunagu.intake.referral;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /referrals/{caseId}/consent}: consent obtained or withdrawn after intake. */
@Schema(name = "ConsentRequest")
public record ConsentRequest(
        @Schema(required = true, enumeration = {"GIVEN", "NOT_GIVEN", "UNKNOWN"}) String consent,
        @Schema(description = "Business date the consent was given or withdrawn; defaults to today") String recordedOn) {
}
