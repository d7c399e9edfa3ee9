package jp.tsunagu.intake.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.support.db.Database;
import jp.tsunagu.support.problem.ApiProblem;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs a creating command at most once per (scope, key). The key row is inserted first, in the command's own
 * transaction: a concurrent request with the same key blocks on the primary key until the first commits, then
 * finds the stored response. If the command fails, the transaction rolls back and the key is free for a retry.
 */
@ApplicationScoped
public class IdempotencyLedger {

    private final Database database;
    private final ObjectMapper json;

    public IdempotencyLedger(Database database, ObjectMapper json) {
        this.database = database;
        this.json = json;
    }

    public record Outcome<T>(T response, boolean replayed) {
    }

    /** The key's row as a repeat finds it; {@code responseJson} is null while the first request is running. */
    private record Stored(String fingerprint, String responseJson) {

        static Stored of(Row row) {
            return new Stored(row.getString("fingerprint"), row.getString("response_json"));
        }
    }

    /**
     * A request's claim on its key: the key within its scope (the caller and the kind of request), the hash of what
     * was asked (a repeat that asks something else is refused), and the case it concerns (the one erasure forgets).
     */
    public record Claim(String scope, String key, String fingerprint, String caseId) {
    }

    /** Must run inside the command's transaction ({@code @InTransaction} on the caller). */
    public <T> Uni<Outcome<T>> once(Claim claim, Class<T> responseType, Supplier<Uni<T>> command) {
        return claim(claim, null).chain(inserted -> inserted == 1
                ? command.get().call(response -> database.update(
                                "update idempotency_key set response_json = $1 where scope = $2 and idem_key = $3",
                                write(response), claim.scope(), claim.key()))
                .map(response -> new Outcome<>(response, false))
                : stored(claim, responseType));
    }

    /**
     * {@link #once} for a command whose answer is known before it runs (a referral's: its case id and the 受付番号
     * drawn before the transaction): the answer is stored with the claim, so no second statement writes it, and the
     * command's own answer is not awaited for it. Must run inside the command's transaction.
     */
    public <T> Uni<Outcome<T>> onceAnswering(Claim claim, T response, Supplier<Uni<?>> command) {
        @SuppressWarnings("unchecked")
        Class<T> responseType = (Class<T>) response.getClass();
        return claim(claim, write(response)).chain(inserted -> inserted == 1
                ? command.get().replaceWith(new Outcome<>(response, false))
                : stored(claim, responseType));
    }

    /**
     * The key row inserted in the command's transaction: a concurrent request with the same key blocks on the primary
     * key until this one commits or rolls back. Answers 1 when this request holds the key.
     */
    private Uni<Integer> claim(Claim claim, String responseJson) {
        return database.update("""
                        insert into idempotency_key(scope, idem_key, fingerprint, case_id, response_json)
                        values ($1, $2, $3, $4, $5) on conflict (scope, idem_key) do nothing""",
                claim.scope(), claim.key(), claim.fingerprint(), claim.caseId(), responseJson);
    }

    private <T> Uni<Outcome<T>> stored(Claim claim, Class<T> responseType) {
        return database.first(
                        "select fingerprint, response_json from idempotency_key where scope = $1 and idem_key = $2",
                        Stored::of, claim.scope(), claim.key())
                .map(stored -> replay(stored, claim.fingerprint(), responseType));
    }

    /**
     * The person of the case was erased: the fingerprints of the requests about the case (hashes of bodies that held
     * their name and address) are dropped, and a repeat of such a request is refused instead of answered.
     */
    public Uni<Void> forgetCase(String caseId) {
        return database.update("update idempotency_key set fingerprint = $1 where case_id = $2", ERASED, caseId)
                .replaceWithVoid();
    }

    private static final String ERASED = "erased";

    private <T> Outcome<T> replay(Optional<Stored> found, String fingerprint, Class<T> responseType) {
        if (found.isEmpty() || found.get().responseJson() == null) {
            throw ApiProblem.conflict("idempotency-key-in-use",
                    "a request with this Idempotency-Key is still being processed; retry shortly");
        }
        Stored stored = found.get();
        if (ERASED.equals(String.valueOf(stored.fingerprint()).trim())) {
            throw ApiProblem.conflict("person-erased", "the person's data of the case this request made was erased "
                    + "(DELETE /persons); the request is not repeated");
        }
        if (!fingerprint.equals(String.valueOf(stored.fingerprint()).trim())) {
            throw ApiProblem.unprocessable("idempotency-key-reused",
                    "this Idempotency-Key was already used with a different body; use a new key for a new request");
        }
        try {
            return new Outcome<>(json.readValue(stored.responseJson(), responseType), true);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored idempotent response cannot be read", e);
        }
    }

    private String write(Object response) {
        try {
            return json.writeValueAsString(response);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
