package jp.tsunagu.intake.referral;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** The answer to {@code POST /referrals} (201 first time, 200 with the same body for an idempotent repeat). */
@Schema(name = "ReferralCreated")
public record ReferralCreated(String caseId, String status, LocalDate receivedOn) {
}
