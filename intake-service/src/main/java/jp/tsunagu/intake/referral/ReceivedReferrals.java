package jp.tsunagu.intake.referral;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.codes.CaseNumber;
import jp.tsunagu.contract.codes.FiscalYear;
import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.EventIds;
import jp.tsunagu.contract.events.IntakeEvent;
import jp.tsunagu.intake.person.PersonalFields;
import jp.tsunagu.intake.search.HouseholdIndex;
import jp.tsunagu.intake.search.PersonIndex;
import jp.tsunagu.intake.search.SearchKeys;
import jp.tsunagu.intake.status.CaseStatusProjection;
import jp.tsunagu.intake.vault.PersonalDataVault;

/**
 * What every received case goes through, whether a partner referred it now (POST /referrals) or it came in from the
 * city's own list (POST /imports): its 受付番号, the person sealed with the case's data key, {@code ReferralReceived}
 * written (live or with the import marker), the status view, the person and household indexes. Must run inside the
 * caller's transaction, after {@link PersonalDataVault#ensureKey} made the case's key.
 */
@ApplicationScoped
public class ReceivedReferrals {

    private final PersonalDataVault vault;
    private final IntakeEvents events;
    private final CaseStatusProjection projection;
    private final ObjectMapper json;
    private final PersonIndex persons;
    private final CaseNumbers numbers;
    private final HouseholdIndex households;

    public ReceivedReferrals(PersonalDataVault vault, IntakeEvents events, CaseStatusProjection projection,
                             ObjectMapper json, PersonIndex persons, CaseNumbers numbers, HouseholdIndex households) {
        this.vault = vault;
        this.events = events;
        this.projection = projection;
        this.json = json;
        this.persons = persons;
        this.numbers = numbers;
        this.households = households;
    }

    /**
     * @param imported  written with the import marker ({@code StagePublisher.imported()}): the city's list says it
     *                  was received then, not a partner now
     * @param causation the request or import that brought the case in
     */
    public Uni<EventEnvelope<IntakeEvent.ReferralReceived>> receive(String caseId, ValidReferral r, boolean imported,
                                                                    String causation) {
        return numbers.next(r.municipality(), FiscalYear.of(r.receivedOn())).map(CaseNumber::toString)
                .chain(number -> vault.seal(caseId, personalJson(r.personal()))
                        .chain(sealed -> events.publish(imported, EventIds.referralReceived(caseId),
                                new IntakeEvent.ReferralReceived(caseId, number, r.municipality(),
                                        r.referringAgencyId(), r.channel(), r.receivedOn(), r.area(), r.ageBand(),
                                        r.household(), r.concerns(), r.consent(), r.urgency(), r.hardToReach(),
                                        sealed),
                                r.receivedOn(), causation)))
                .call(projection::apply)
                .call(() -> persons.add(caseId, r.municipality(), r.personal().nameKana(),
                        SearchKeys.birthDate(r.personal().birthDate())))
                .call(() -> households.add(caseId, r.municipality(), r.personal()));
    }

    private byte[] personalJson(PersonalFields personal) {
        try {
            return json.writeValueAsBytes(personal);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise personal fields");
        }
    }
}
