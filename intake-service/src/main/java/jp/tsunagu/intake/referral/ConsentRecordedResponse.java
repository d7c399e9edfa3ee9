package jp.tsunagu.intake.referral;

import java.time.LocalDate;

public record ConsentRecordedResponse(String caseId, String consent, LocalDate recordedOn) {
}
