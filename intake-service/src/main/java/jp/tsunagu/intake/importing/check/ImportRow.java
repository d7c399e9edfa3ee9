package jp.tsunagu.intake.importing.check;

import jp.tsunagu.contract.codes.CaseStatus;
import jp.tsunagu.contract.codes.PlanType;
import jp.tsunagu.contract.importing.ImportedStages;
import jp.tsunagu.intake.referral.ValidReferral;

import java.time.LocalDate;

/**
 * A row that passed every check: the referral as {@code POST /referrals} would have accepted it, and what became of
 * the case (for {@code case-imported}).
 *
 * @param row        the row number as Excel shows it
 * @param rowKey     {@code no:<管理番号>} when the sheet has that column, else {@code file:<sha256>#<row>}: the case's
 *                   identity across re-runs of the same import
 * @param routedOn   つなぎ日, or 受付日 when none is given (the day routing dates its decision)
 * @param acceptedOn 受入日, or つなぎ日; null when the case was not accepted
 */
public record ImportRow(int row, String rowKey, ValidReferral referral, CaseStatus status, String agencyId,
                        LocalDate routedOn, LocalDate acceptedOn, PlanType planType, LocalDate planMadeOn,
                        LocalDate closedOn, ImportedStages stages) {

    @Override
    public String toString() {
        return "ImportRow[" + row + ", " + status + ", " + referral + "]";
    }
}
