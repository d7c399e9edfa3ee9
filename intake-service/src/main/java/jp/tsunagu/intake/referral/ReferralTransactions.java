package jp.tsunagu.intake.referral;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.codes.BusinessDate;
import jp.tsunagu.contract.codes.CaseNumber;
import jp.tsunagu.contract.codes.CaseStatus;
import jp.tsunagu.contract.codes.Consent;
import jp.tsunagu.contract.events.EventIds;
import jp.tsunagu.contract.events.IntakeEvent;
import jp.tsunagu.intake.idempotency.IdempotencyKeys;
import jp.tsunagu.intake.idempotency.IdempotencyLedger.Claim;
import jp.tsunagu.intake.idempotency.IdempotencyLedger.Outcome;
import jp.tsunagu.intake.idempotency.IdempotencyLedger;
import jp.tsunagu.intake.person.PersonalRecords;
import jp.tsunagu.intake.search.HouseholdIndex;
import jp.tsunagu.intake.search.PersonIndex;
import jp.tsunagu.intake.status.CaseStatusProjection;
import jp.tsunagu.intake.status.CaseStatusRecords;
import jp.tsunagu.intake.status.CaseStatusView;
import jp.tsunagu.intake.vault.PersonalDataVault;
import jp.tsunagu.support.db.InTransaction;
import jp.tsunagu.support.problem.ApiProblem;
import jp.tsunagu.support.problem.FieldError;
import jp.tsunagu.support.security.Caller;
import jp.tsunagu.support.security.Roles;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Each command in one database transaction around the Kafka write: the idempotency key is claimed, the event is
 * written, the referrer's view is updated (a referral's while Kafka writes its event), and the transaction commits
 * only once Kafka acknowledged the event.
 */
@ApplicationScoped
public class ReferralTransactions {

    private final IdempotencyLedger ledger;
    private final PersonalDataVault vault;
    private final IntakeEvents events;
    private final CaseStatusProjection projection;
    private final CaseStatusRecords statuses;
    private final PersonIndex persons;
    private final HouseholdIndex households;
    private final PersonalRecords personal;
    private final ReceivedReferrals received;

    public ReferralTransactions(IdempotencyLedger ledger, PersonalDataVault vault, IntakeEvents events,
                                CaseStatusProjection projection, CaseStatusRecords statuses, PersonIndex persons,
                                HouseholdIndex households, PersonalRecords personal, ReceivedReferrals received) {
        this.households = households;
        this.personal = personal;
        this.persons = persons;
        this.ledger = ledger;
        this.vault = vault;
        this.events = events;
        this.projection = projection;
        this.statuses = statuses;
        this.received = received;
    }

    /**
     * A live referral, its 受付番号 and data key drawn before ({@link ReferralService#submit}): its answer is known
     * before anything is written, so it is stored with the claim. A repeat answers the stored response (with the
     * number the first request got; the one the repeat drew stays unused).
     */
    @InTransaction
    public Uni<Outcome<ReferralCreated>> receive(Claim claim, ValidReferral r, CaseNumber number,
                                                 Optional<byte[]> dataKey) {
        String caseId = claim.caseId();
        var created = new ReferralCreated(caseId, number.toString(), CaseStatus.RECEIVED.name(), r.receivedOn());
        return ledger.onceAnswering(claim, created, () -> received.receive(
                new ReceivedReferrals.Received(caseId, number, r, false, causation(claim)), dataKey));
    }

    @InTransaction
    public Uni<Outcome<ConsentRecordedResponse>> recordConsent(Caller caller, Claim claim, Consent consent,
                                                               LocalDate recordedOn, LocalDate today) {
        String caseId = claim.caseId();
        return visibleCase(caller, caseId).invoke(view -> BusinessDate.refusal(recordedOn, view.receivedOn(), today)
                        .ifPresent(m -> {
                            throw ApiProblem.validation(List.of(new FieldError("recordedOn", m)));
                        }))
                .chain(view -> ledger.once(claim, ConsentRecordedResponse.class,
                () -> events.publish(EventIds.consentRecorded(caseId,
                                        IdempotencyKeys.fingerprint(bytes(claim.scope() + "|" + claim.key()))),
                                new IntakeEvent.ConsentRecorded(caseId, view.municipality(), consent, recordedOn),
                                recordedOn, causation(claim))
                        .call(projection::apply)
                        .map(envelope -> new ConsentRecordedResponse(caseId, consent.name(), recordedOn))));
    }

    /**
     * Crypto-shredding: the key goes, then the event says so. Repeating it changes nothing. The person's name, kana
     * and birth date also go from the other referrals that named them as a household member (re-sealed with those
     * cases' keys), with those members' index rows, so no later referral is suggested from them.
     */
    @InTransaction
    public Uni<Void> erase(Caller caller, String caseId, LocalDate today) {
        return visibleCase(caller, caseId)
                .chain(view -> vault.destroy(caseId).call(() -> ledger.forgetCase(caseId))
                        .call(() -> persons.remove(caseId))
                        // before the case's own rows go: they say which members of other referrals were this person
                        .call(() -> households.namingThePerson(caseId)
                                .call(personal::forgetMembers).call(households::removeMembers))
                        .call(() -> households.remove(caseId))
                        .chain(hadKey -> !hadKey ? Uni.createFrom().voidItem()
                        : events.publish(EventIds.personErased(caseId),
                                        new IntakeEvent.PersonErased(caseId, view.municipality(), today), today,
                                        "request/erase/" + caseId)
                                .call(projection::apply)
                                .replaceWithVoid()));
    }

    /**
     * The case as this caller may see it: coordinators see their municipality; agencies the cases they referred and
     * those in their caseload (responsible for it, or a role in one of its plans: {@link
     * jp.tsunagu.contract.status.CaseProgress#statusVisibleTo}). Anything else is "not found", so ids of other
     * cities' or agencies' cases reveal nothing.
     */
    @InTransaction
    public Uni<CaseStatusView> visibleCase(Caller caller, String caseId) {
        return statuses.progress(caseId).map(found -> found
                        .filter(c -> c.municipality().equals(caller.municipality()))
                        .filter(c -> caller.is(Roles.COORDINATOR)
                                || (caller.is(Roles.AGENCY) && c.statusVisibleTo(caller.agencyId())))
                        .orElseThrow(() -> ApiProblem.notFound("case " + caseId)))
                .chain(visible -> statuses.find(caseId)).map(found -> found
                        .map(view -> view.forReader(caller.is(Roles.COORDINATOR)
                                || caller.isAgency(view.referringAgencyId())))
                        .orElseThrow(() -> ApiProblem.notFound("case " + caseId)));
    }

    private static String causation(Claim claim) {
        return "request/" + IdempotencyKeys.fingerprint(bytes(claim.scope() + "|" + claim.key())).substring(0, 32);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
