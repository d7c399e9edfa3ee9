package jp.tsunagu.meeting.agenda;

import jp.tsunagu.contract.codes.AgeBand;
import jp.tsunagu.contract.codes.Concern;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.events.HouseholdMember;
import jp.tsunagu.contract.events.IntakeEvent;
import jp.tsunagu.contract.events.Reason;

import java.time.LocalDate;
import java.util.List;

/**
 * What meeting-service keeps of a case for its meeting pack: nothing that identifies the person (no name, address or
 * birth date), only what the referral and the escalation say of the situation, and the 受付番号 the case is called by.
 *
 * @param caseNumber the 受付番号 intake gave it (null for a referral received before case numbers were given)
 */
public record CasePack(String caseId, String caseNumber, String municipality, String referringAgencyId,
                       LocalDate receivedOn,
                       AgeBand ageBand, String area, List<Concern> concerns, List<HouseholdMember> household,
                       List<Reason> reasons) {

    public CasePack {
        concerns = concerns == null ? List.of() : List.copyOf(concerns);
        household = household == null ? List.of() : List.copyOf(household);
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    public static CasePack of(IntakeEvent.ReferralReceived r) {
        return new CasePack(r.caseId(), r.caseNumber(), r.municipality(), r.referringAgencyId(), r.receivedOn(),
                r.ageBand(), r.area(), r.concerns(), r.household(), List.of());
    }

    /** An earlier review of the case, as the pack lists it. */
    public record EarlierReview(String meetingId, MeetingType type, LocalDate heldOn,
                                String outcome) {
    }
}
