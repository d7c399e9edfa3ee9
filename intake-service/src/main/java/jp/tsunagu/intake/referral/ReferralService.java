package jp.tsunagu.intake.referral;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.codes.BusinessDate;
import jp.tsunagu.contract.codes.Consent;
import jp.tsunagu.contract.codes.FiscalYear;
import jp.tsunagu.intake.idempotency.IdempotencyKeys;
import jp.tsunagu.intake.idempotency.IdempotencyLedger.Claim;
import jp.tsunagu.intake.idempotency.IdempotencyLedger.Outcome;
import jp.tsunagu.intake.vault.PersonalDataVault;
import jp.tsunagu.support.clock.BusinessClock;
import jp.tsunagu.support.problem.ApiProblem;
import jp.tsunagu.support.problem.FieldError;
import jp.tsunagu.support.problem.Params;
import jp.tsunagu.support.security.Caller;
import jp.tsunagu.support.security.Roles;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The commands of intake: check, then hand to {@link ReferralTransactions}. A failure of the log or the database
 * becomes a 503 the caller can retry with the same Idempotency-Key; nothing half-done stays behind.
 */
@ApplicationScoped
public class ReferralService {

    private static final Logger LOG = Logger.getLogger(ReferralService.class);

    private final ReferralRules rules;
    private final PersonalDataVault vault;
    private final ReferralTransactions transactions;
    private final ObjectMapper json;
    private final BusinessClock clock;
    private final CaseNumbers numbers;

    public ReferralService(ReferralRules rules, PersonalDataVault vault, ReferralTransactions transactions,
                           ObjectMapper json, BusinessClock clock, CaseNumbers numbers) {
        this.clock = clock;
        this.numbers = numbers;
        this.rules = rules;
        this.vault = vault;
        this.transactions = transactions;
        this.json = json;
    }

    public Uni<Outcome<ReferralCreated>> submit(Caller caller, String idempotencyKey, ReferralRequest request) {
        String key = IdempotencyKeys.require(idempotencyKey);
        if (request == null) {
            throw ApiProblem.badRequest("body-missing", "a JSON body is required");
        }
        String callerAgency = caller.is(Roles.AGENCY) ? caller.agencyId() : null;
        ValidReferral referral = switch (rules.check(request, caller.municipality(), callerAgency, today())) {
            case ReferralRules.Result.Valid v -> v.referral();
            case ReferralRules.Result.Invalid i -> throw ApiProblem.validation(i.errors());
        };
        String scope = "referral|" + IdempotencyKeys.scope(caller);
        String caseId = IdempotencyKeys.caseId(scope, key);
        String fingerprint = IdempotencyKeys.fingerprint(canonical(request));
        // both committed on their own before the transaction: the counter's lock is not held through it (CaseNumbers)
        return Uni.combine().all().unis(vault.keyFor(caseId),
                        numbers.forCase(caseId, referral.municipality(), FiscalYear.of(referral.receivedOn()))).asTuple()
                .chain(drawn -> transactions.receive(new Claim(scope, key, fingerprint, caseId), referral,
                        drawn.getItem2(), drawn.getItem1()))
                .onFailure(e -> !(e instanceof ApiProblem)).transform(e -> unavailable("referral", e));
    }

    public Uni<Outcome<ConsentRecordedResponse>> recordConsent(Caller caller, String caseId, String idempotencyKey,
                                                               ConsentRequest request) {
        String key = idempotencyKey == null ? UUID.randomUUID().toString() : IdempotencyKeys.require(idempotencyKey);
        if (request == null) {
            throw ApiProblem.badRequest("body-missing", "a JSON body is required");
        }
        List<FieldError> errors = new ArrayList<>();
        Consent consent = Params.code(Consent.class, request.consent(), "consent", true, errors);
        LocalDate given = Params.date(request.recordedOn(), "recordedOn", false, errors);
        LocalDate recordedOn = given != null ? given : today();
        // not before the case was received: checked with the case, in the transaction
        BusinessDate.refusal(recordedOn, null, today()).ifPresent(m -> errors.add(new FieldError("recordedOn", m)));
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
        String scope = "consent|" + caseId + "|" + IdempotencyKeys.scope(caller);
        String fingerprint = IdempotencyKeys.fingerprint(canonical(request));
        LocalDate on = recordedOn;
        return transactions.recordConsent(caller, new Claim(scope, key, fingerprint, caseId), consent, on, today())
                .onFailure(e -> !(e instanceof ApiProblem)).transform(e -> unavailable("consent", e));
    }

    public Uni<Void> erase(Caller caller, String caseId) {
        return transactions.erase(caller, caseId, today())
                .onFailure(e -> !(e instanceof ApiProblem)).transform(e -> unavailable("erasure", e));
    }

    private LocalDate today() {
        return clock.today();
    }

    private byte[] canonical(Object request) {
        try {
            return json.writeValueAsBytes(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ApiProblem unavailable(String what, Throwable e) {
        String errorId = UUID.randomUUID().toString();
        // Class only: messages of driver exceptions can quote SQL parameters.
        StringBuilder chain = new StringBuilder();
        for (Throwable t = e; t != null && chain.length() < 500; t = t.getCause()) {
            chain.append(chain.isEmpty() ? "" : " <- ").append(t.getClass().getName());
        }
        LOG.errorf("%s not recorded (error %s): %s", what, errorId, chain);
        return ApiProblem.unavailable("the " + what + " could not be recorded durably (error " + errorId
                + "); nothing was kept: retry with the same Idempotency-Key", 5);
    }
}
