package jp.tsunagu.contract.events;

import jp.tsunagu.contract.codes.AgeBand;
import jp.tsunagu.contract.codes.Channel;
import jp.tsunagu.contract.codes.Concern;
import jp.tsunagu.contract.codes.CaseStatus;
import jp.tsunagu.contract.codes.Consent;
import jp.tsunagu.contract.codes.PlanType;
import jp.tsunagu.contract.codes.Urgency;

import java.time.LocalDate;
import java.util.List;

/** Events of intake-service, on {@link jp.tsunagu.contract.Topics#INTAKE}. */
public sealed interface IntakeEvent extends TsunaguEvent {

    String caseId();

    @Override
    default String subject() {
        return caseId();
    }

    /**
     * A consultation was accepted (いったんはどんな相談でも受け止め). Personal fields travel only inside {@code personal}.
     *
     * @param caseNumber        the 受付番号 people read and say, {@code R8-000123} (see
     *                          {@link jp.tsunagu.contract.codes.CaseNumber}), unique per municipality and fiscal year
     * @param referringAgencyId the agency that referred the case, null for the city's own desk
     * @param hardToReach       the person cannot be reached or will not come (candidate for アウトリーチ)
     */
    @EventType("jp.tsunagu.intake.referral-received.v1")
    record ReferralReceived(String caseId,
                            @MayBeNull("referrals received before case numbers were given") String caseNumber,
                            String municipality,
                            @MayBeNull("city staff referring as the city, not as an agency") String referringAgencyId,
                            Channel channel,
                            LocalDate receivedOn, String area, AgeBand ageBand, List<HouseholdMember> household,
                            List<Concern> concerns, Consent consent, Urgency urgency, boolean hardToReach,
                            SealedData personal) implements IntakeEvent {
        public ReferralReceived {
            household = household == null ? List.of() : List.copyOf(household);
            concerns = concerns == null ? List.of() : List.copyOf(concerns);
        }
    }

    /** Consent obtained or withdrawn after intake; moves a case between 支援会議 and 重層的支援会議. */
    @EventType("jp.tsunagu.intake.consent-recorded.v1")
    record ConsentRecorded(String caseId, String municipality, Consent consent, LocalDate recordedOn)
            implements IntakeEvent {
    }

    /** The person's data key was destroyed: their personal fields are unreadable everywhere from now on. */
    @EventType("jp.tsunagu.intake.person-erased.v1")
    record PersonErased(String caseId, String municipality, LocalDate erasedOn) implements IntakeEvent {
    }

    /**
     * A coordinator confirmed that the person of case {@code caseId} (a later referral, first marked a possible
     * duplicate) is the person of case {@code duplicateOf}: the referral joins that case's history and the case itself
     * is closed as a duplicate. Ids and 受付番号 only; what made her sure stays in intake.
     *
     * @param caseNumber            the joining case's 受付番号
     * @param duplicateOf           the case it joins (the person's first case)
     * @param duplicateOfCaseNumber that case's 受付番号
     */
    @EventType("jp.tsunagu.intake.duplicate-confirmed.v1")
    record DuplicateConfirmed(String caseId,
                              @MayBeNull("referrals received before case numbers were given") String caseNumber,
                              String municipality, String duplicateOf,
                              @MayBeNull("referrals received before case numbers were given")
                              String duplicateOfCaseNumber,
                              LocalDate decidedOn) implements IntakeEvent {
    }

    /**
     * A coordinator found that the person of case {@code caseId} is not the person of case {@code notDuplicateOf},
     * which the kana had matched: both cases go on apart. Her reason is personal text and stays in intake; the event
     * carries ids and 受付番号 only.
     */
    @EventType("jp.tsunagu.intake.duplicate-dismissed.v1")
    record DuplicateDismissed(String caseId,
                              @MayBeNull("referrals received before case numbers were given") String caseNumber,
                              String municipality, String notDuplicateOf,
                              @MayBeNull("referrals received before case numbers were given")
                              String notDuplicateOfCaseNumber,
                              LocalDate decidedOn) implements IntakeEvent {
    }

    /**
     * A coordinator linked the case into a household (世帯): the unit the cities' plans support, so the 8050 parent's
     * case and the son's, referred by two agencies, are met, planned for and counted as one family. One event per case
     * linked; a new household's first two cases each get one. Ids and 受付番号 only: what made her link them stays in
     * intake.
     *
     * @param householdId the household, the same id in every member's event
     * @param caseNumber  the linked case's 受付番号
     */
    @EventType("jp.tsunagu.intake.household-linked.v1")
    record HouseholdLinked(String caseId,
                           @MayBeNull("referrals received before case numbers were given") String caseNumber,
                           String municipality, String householdId, LocalDate linkedOn) implements IntakeEvent {
    }

    /**
     * A coordinator took the case out of its household. Her reason is personal text and stays in intake; the household
     * and its other members' links are unchanged.
     */
    @EventType("jp.tsunagu.intake.household-unlinked.v1")
    record HouseholdUnlinked(String caseId,
                             @MayBeNull("referrals received before case numbers were given") String caseNumber,
                             String municipality, String householdId, LocalDate unlinkedOn) implements IntakeEvent {
    }

    /**
     * The case was brought in from the city's own list (台帳) when it adopted Tsunagu, right after its
     * {@code referral-received} (both written with the import source, {@link EventEnvelope#imported()}, and their past
     * business dates). It says what the list recorded of the case's later stages, checked by
     * {@link jp.tsunagu.contract.importing.ImportedStages}, so routing and planning write the events the live system
     * would have written then, dated as the list says. Ids, codes and dates only: the row's personal cells are sealed
     * in the referral.
     *
     * @param importId     the import (one upload of one file) that brought it in
     * @param status       the status the list gave (状態)
     * @param agencyId     the agency responsible (担当機関), null when the list names none
     * @param routedOn     the day routing's events are dated (the list's つなぎ日, else 受付日)
     * @param acceptedOn   the day the agency accepted (受入日, else the routing day), null when not accepted
     * @param planType     the plan the case has (プラン種別), null for none
     * @param planMadeOn   the plan's 作成日, null for none
     * @param closedOn     the 終結日, null for a case still open
     */
    @EventType("jp.tsunagu.intake.case-imported.v1")
    record CaseImported(String caseId,
                        @MayBeNull("referrals received before case numbers were given") String caseNumber,
                        String municipality, String importId, CaseStatus status,
                        @MayBeNull("the list names no agency (received only, or passed to 多機関協働)") String agencyId,
                        LocalDate routedOn,
                        @MayBeNull("no agency accepted it (yet)") LocalDate acceptedOn,
                        @MayBeNull("the case has no plan") PlanType planType,
                        @MayBeNull("the case has no plan") LocalDate planMadeOn,
                        @MayBeNull("the case is open") LocalDate closedOn) implements IntakeEvent {
    }
}
