package jp.tsunagu.intake.importing.check;

import jp.tsunagu.contract.importing.ImportedStages;
import jp.tsunagu.intake.referral.ReferralRequest;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A row's cells read into what the rules check: the referral as a request of codes (what {@code POST /referrals}
 * would receive), the stage cells, the city's case number, and the problems found while reading (with the columns
 * they speak of, so a rule does not report the same cell again as missing).
 */
record ReadRow(ReferralRequest request, LocalDate receivedOn, ImportedStages.Row stages, String caseNo,
               List<RowProblem> problems, Set<ImportColumn> reported) {
}
