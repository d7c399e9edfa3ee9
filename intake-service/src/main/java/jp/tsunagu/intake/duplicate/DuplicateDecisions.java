package jp.tsunagu.intake.duplicate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.EventIds;
import jp.tsunagu.contract.events.IntakeEvent;
import jp.tsunagu.contract.status.CaseProgress;
import jp.tsunagu.intake.cases.DuplicateDecision;
import jp.tsunagu.intake.idempotency.IdempotencyKeys;
import jp.tsunagu.intake.idempotency.IdempotencyLedger;
import jp.tsunagu.intake.idempotency.IdempotencyLedger.Claim;
import jp.tsunagu.intake.idempotency.IdempotencyLedger.Outcome;
import jp.tsunagu.intake.referral.IntakeEvents;
import jp.tsunagu.intake.status.CaseStatusProjection;
import jp.tsunagu.intake.status.CaseStatusRecords;
import jp.tsunagu.intake.vault.PersonalDataVault;
import jp.tsunagu.support.clock.BusinessClock;
import jp.tsunagu.support.db.Database;
import jp.tsunagu.support.problem.ApiProblem;
import jp.tsunagu.support.problem.FieldError;
import jp.tsunagu.support.security.Caller;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import static jp.tsunagu.support.db.SqlValues.json;

/**
 * A coordinator confirms or dismisses a possible duplicate: in one transaction the Idempotency-Key is claimed, the
 * event (ids and 受付番号 only) is written and acknowledged by Kafka, the status view applies it (a confirmed case is
 * closed, the case it joins gets a line), and the decision is kept with its reason sealed under the case's data key.
 */
@ApplicationScoped
public class DuplicateDecisions {

    private final IdempotencyLedger ledger;
    private final PersonalDataVault vault;
    private final IntakeEvents events;
    private final CaseStatusProjection projection;
    private final CaseStatusRecords statuses;
    private final Database database;
    private final ObjectMapper json;
    private final BusinessClock clock;

    public DuplicateDecisions(IdempotencyLedger ledger, PersonalDataVault vault, IntakeEvents events,
                              CaseStatusProjection projection, CaseStatusRecords statuses, Database database,
                              ObjectMapper json, BusinessClock clock) {
        this.clock = clock;
        this.ledger = ledger;
        this.vault = vault;
        this.events = events;
        this.projection = projection;
        this.statuses = statuses;
        this.database = database;
        this.json = json;
    }

    public Uni<Outcome<DuplicateDecided>> decide(Caller caller, String caseId, String idempotencyKey,
                                                 DuplicateRequest request) {
        String key = idempotencyKey == null ? UUID.randomUUID().toString() : IdempotencyKeys.require(idempotencyKey);
        if (request == null) {
            throw ApiProblem.badRequest("body-missing", "a JSON body is required");
        }
        DuplicateRules.errors(caseId, request).ifPresent(errors -> {
            throw ApiProblem.validation(errors);
        });
        DuplicateRules.Valid valid = DuplicateRules.valid(request);
        String scope = "duplicate|" + caseId + "|" + IdempotencyKeys.scope(caller);
        Claim claim = new Claim(scope, key, IdempotencyKeys.fingerprint(bytes(canonical(request))), caseId);
        Decision decision = new Decision(caller, claim, valid, clock.today());
        return database.inTransaction(() -> ledger.once(claim, DuplicateDecided.class, () -> decided(decision)));
    }

    /** A coordinator's decision as it is checked and recorded: who, under which request, what, on which day. */
    private record Decision(Caller caller, Claim claim, DuplicateRules.Valid valid, LocalDate today) {
    }

    /** The decision, checked against both cases as they are now (a repeat of the request never gets here). */
    private Uni<DuplicateDecided> decided(Decision decision) {
        Caller caller = decision.caller();
        DuplicateRules.Valid d = decision.valid();
        String caseId = decision.claim().caseId();
        return caseOf(caller, caseId, () -> ApiProblem.notFound("case " + caseId))
                .chain(joining -> caseOf(caller, d.of(), () -> ApiProblem.validation(
                                List.of(new FieldError("of", "no such case in this municipality"))))
                        .chain(other -> state(joining).chain(a -> state(other).map(b -> {
                            DuplicateRules.refusal(d.decision(), a, b).ifPresent(r -> {
                                throw ApiProblem.conflict(r.slug(), r.detail());
                            });
                            return other;
                        })))
                        .chain(other -> sealedReason(caseId, d.reason())
                                .chain(reason -> record(decision, joining, other, reason))));
    }

    private Uni<DuplicateDecided> record(Decision decision, CaseProgress joining, CaseProgress other, String reason) {
        Caller caller = decision.caller();
        Claim claim = decision.claim();
        DuplicateRules.Valid d = decision.valid();
        LocalDate today = decision.today();
        String caseId = joining.caseId();
        String number = joining.listing().caseNumber();
        String otherNumber = other.listing().caseNumber();
        IntakeEvent event = d.decision() == DuplicateDecision.CONFIRM
                ? new IntakeEvent.DuplicateConfirmed(caseId, number, joining.municipality(), other.caseId(),
                otherNumber, today)
                : new IntakeEvent.DuplicateDismissed(caseId, number, joining.municipality(), other.caseId(),
                otherNumber, today);
        String request = IdempotencyKeys.fingerprint(bytes(claim.scope() + "|" + claim.key()));
        return events.publish(EventIds.duplicateDecided(caseId, request), event, today,
                        "request/" + request.substring(0, 32))
                .call(projection::apply)
                .call(envelope -> database.update("""
                                insert into duplicate_decision(event_id, case_id, municipality, other_case_id,
                                                               decision, reason_sealed, decided_by, decided_on,
                                                               decided_at)
                                values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict (event_id) do nothing""",
                        envelope.id(), caseId, joining.municipality(), other.caseId(), d.decision().name(), reason,
                        caller.subject(), today, envelope.time().atOffset(ZoneOffset.UTC)))
                .chain(envelope -> statuses.progress(caseId).map(after -> decided(envelope, d, number,
                        otherNumber, after.map(p -> p.status().name()).orElse(null))));
    }

    private static DuplicateDecided decided(EventEnvelope<?> envelope, DuplicateRules.Valid d, String number,
                                            String otherNumber, String status) {
        return new DuplicateDecided(envelope.subject(), number, d.decision(), d.decision().label(), d.of(),
                otherNumber, status, envelope.businessDate(), envelope.time());
    }

    /** The case of the caller's municipality (coordinators see all of it), else the refusal given. */
    private Uni<CaseProgress> caseOf(Caller caller, String caseId, Supplier<ApiProblem> absent) {
        return statuses.progress(caseId).map(found -> found
                .filter(c -> c.municipality().equals(caller.municipality())).orElseThrow(absent));
    }

    private Uni<DuplicateRules.CaseState> state(CaseProgress c) {
        return database.first("""
                        select other_case_id from duplicate_decision where case_id = $1 and decision = 'CONFIRM'
                         order by decided_at limit 1""", row -> row.getString(0), c.caseId())
                .map(joined -> new DuplicateRules.CaseState(c.caseId(), !c.openPlans().isEmpty(),
                        joined.orElse(null)));
    }

    /** The reason sealed with the case's data key; a person already erased is not written about again (410). */
    private Uni<String> sealedReason(String caseId, String reason) {
        if (reason == null) {
            return Uni.createFrom().nullItem();
        }
        return vault.erased(caseId).chain(erased -> {
            if (erased) {
                throw ApiProblem.gone("the person of case " + caseId
                        + " was erased: nothing more may be written about them (counts and dates stay)");
            }
            return vault.seal(caseId, reason.getBytes(StandardCharsets.UTF_8)).map(sealed -> json(sealed));
        });
    }

    private byte[] canonical(DuplicateRequest request) {
        try {
            return json.writeValueAsBytes(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(Object s) {
        return s instanceof byte[] b ? b : String.valueOf(s).getBytes(StandardCharsets.UTF_8);
    }
}
