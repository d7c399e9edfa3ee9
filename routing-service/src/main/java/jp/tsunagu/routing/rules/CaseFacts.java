package jp.tsunagu.routing.rules;

import jp.tsunagu.contract.codes.AgeBand;
import jp.tsunagu.contract.codes.Channel;
import jp.tsunagu.contract.codes.Concern;
import jp.tsunagu.contract.codes.Consent;
import jp.tsunagu.contract.codes.Urgency;
import jp.tsunagu.contract.events.HouseholdMember;
import jp.tsunagu.contract.events.IntakeEvent;

import java.time.LocalDate;
import java.util.List;

/** The non-identifying facts of a case that routing decides on (never a name, an address or a birth date). */
public record CaseFacts(String caseId, String municipality, String referringAgencyId, Channel channel,
                        LocalDate receivedOn, String area, AgeBand ageBand, List<HouseholdMember> household,
                        List<Concern> concerns, Consent consent, Urgency urgency, boolean hardToReach) {

    public CaseFacts {
        household = household == null ? List.of() : List.copyOf(household);
        concerns = concerns == null ? List.of() : List.copyOf(concerns);
    }

    public static CaseFacts of(IntakeEvent.ReferralReceived r) {
        return new CaseFacts(r.caseId(), r.municipality(), r.referringAgencyId(), r.channel(), r.receivedOn(), r.area(),
                r.ageBand(), r.household(), r.concerns(), r.consent(), r.urgency(), r.hardToReach());
    }

    public CaseFacts withConsent(Consent newConsent) {
        return new CaseFacts(caseId, municipality, referringAgencyId, channel, receivedOn, area, ageBand, household,
                concerns, newConsent, urgency, hardToReach);
    }
}
