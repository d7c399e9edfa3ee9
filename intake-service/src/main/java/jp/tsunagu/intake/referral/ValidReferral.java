package jp.tsunagu.intake.referral;

import jp.tsunagu.contract.codes.AgeBand;
import jp.tsunagu.contract.codes.Channel;
import jp.tsunagu.contract.codes.Concern;
import jp.tsunagu.contract.codes.Consent;
import jp.tsunagu.contract.codes.Urgency;
import jp.tsunagu.contract.events.HouseholdMember;
import jp.tsunagu.intake.person.PersonalFields;

import java.time.LocalDate;
import java.util.List;

/** A referral that passed every check, split into what may travel in clear and what must be sealed. */
public record ValidReferral(String municipality, String referringAgencyId, LocalDate receivedOn, Channel channel,
                            String area, AgeBand ageBand, List<HouseholdMember> household, List<Concern> concerns,
                            Consent consent, Urgency urgency, boolean hardToReach, PersonalFields personal) {

    @Override
    public String toString() {
        return "ValidReferral[" + municipality + ", " + receivedOn + ", " + channel + ", " + area + "]";
    }
}
