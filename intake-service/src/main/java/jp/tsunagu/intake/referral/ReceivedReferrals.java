package jp.tsunagu.intake.referral;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.codes.CaseNumber;
import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.EventIds;
import jp.tsunagu.contract.events.IntakeEvent;
import jp.tsunagu.contract.events.SealedData;
import jp.tsunagu.intake.person.PersonalFields;
import jp.tsunagu.intake.search.HouseholdIndex;
import jp.tsunagu.intake.search.PersonIndex;
import jp.tsunagu.intake.search.SearchKeys;
import jp.tsunagu.intake.status.CaseStatusProjection;
import jp.tsunagu.intake.vault.PersonalDataVault;

import java.util.Optional;

/**
 * What every received case goes through, whether a partner referred it now (POST /referrals) or it came in from the
 * city's own list (POST /imports): its 受付番号 (drawn before the transaction), the person sealed with the case's data
 * key, {@code ReferralReceived} written (live or with the import marker), the status view, the person and household
 * indexes. Must run inside the caller's transaction, after {@link PersonalDataVault#ensureKey} made the case's key.
 */
@ApplicationScoped
public class ReceivedReferrals {

    private final PersonalDataVault vault;
    private final IntakeEvents events;
    private final CaseStatusProjection projection;
    private final ObjectMapper json;
    private final PersonIndex persons;
    private final HouseholdIndex households;

    public ReceivedReferrals(PersonalDataVault vault, IntakeEvents events, CaseStatusProjection projection,
                             ObjectMapper json, PersonIndex persons, HouseholdIndex households) {
        this.vault = vault;
        this.events = events;
        this.projection = projection;
        this.json = json;
        this.persons = persons;
        this.households = households;
    }

    /**
     * The whole of it for one live case, in the caller's transaction: sealed with the key the caller has from {@link
     * PersonalDataVault#keyFor} (empty: destroyed, and nothing is written), sent, applied to the status view (a GET
     * straight after sees it) and indexed while Kafka writes it, and answered once Kafka acknowledged it (the caller
     * commits only then). The event's claim is then almost always made before the stage consumer reads the event
     * back, so the consumer waits for this commit rather than the request for the consumer's batch. On a failure the
     * answer waits for Kafka's outcome too, so that a retry never overlaps the first send.
     */
    public Uni<EventEnvelope<IntakeEvent.ReferralReceived>> receive(Received c, Optional<byte[]> dataKey) {
        byte[] personal = personalJson(c.referral().personal());
        return Uni.createFrom().item(() -> vault.seal(c.caseId(), dataKey, personal))
                .chain(sealed -> {
                    ValidReferral r = c.referral();
                    var sending = events.send(c.imported(), EventIds.referralReceived(c.caseId()), received(c, sealed),
                            r.receivedOn(), c.causation());
                    return projection.apply(sending.envelope()).call(() -> index(c.caseId(), r))
                            .onFailure().call(() -> sending.acknowledged().onFailure().recoverWithNull())
                            .call(sending::acknowledged).replaceWith(sending.envelope());
                });
    }

    /**
     * A case to write: its id, its 受付番号 (drawn before its transaction, {@link CaseNumbers#draw}, or from a block an
     * import reserved), the referral, whether it comes from the city's list (written with the import marker,
     * {@code StagePublisher.imported()}: the list says it was received then, not a partner now), and what brought it
     * in (the request or import).
     */
    public record Received(String caseId, CaseNumber number, ValidReferral referral, boolean imported,
                           String causation) {
    }

    /**
     * The person sealed (the case's key read in the transaction) and {@code ReferralReceived} written (answers once
     * Kafka acknowledged it). An import writes a group of cases this way, applies them to the status view together,
     * then indexes them.
     */
    public Uni<EventEnvelope<IntakeEvent.ReferralReceived>> write(Received c) {
        return vault.seal(c.caseId(), personalJson(c.referral().personal())).chain(sealed -> publish(c, sealed));
    }

    private Uni<EventEnvelope<IntakeEvent.ReferralReceived>> publish(Received c, SealedData sealed) {
        return events.publish(c.imported(), EventIds.referralReceived(c.caseId()), received(c, sealed),
                c.referral().receivedOn(), c.causation());
    }

    private static IntakeEvent.ReferralReceived received(Received c, SealedData sealed) {
        ValidReferral r = c.referral();
        return new IntakeEvent.ReferralReceived(c.caseId(), c.number().toString(), r.municipality(),
                r.referringAgencyId(), r.channel(), r.receivedOn(), r.area(), r.ageBand(), r.household(),
                r.concerns(), r.consent(), r.urgency(), r.hardToReach(), sealed);
    }

    /**
     * The person and household indexes (and the possible duplicate, the household suggestions they give), once the
     * case is in the status view: they match only cases that are there.
     */
    public Uni<Void> index(String caseId, ValidReferral r) {
        return persons.add(caseId, r.municipality(), r.personal().nameKana(),
                        SearchKeys.birthDate(r.personal().birthDate()))
                .chain(() -> households.add(caseId, r.municipality(), r.personal()));
    }

    private byte[] personalJson(PersonalFields personal) {
        try {
            return json.writeValueAsBytes(personal);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise personal fields");
        }
    }
}
