package jp.tsunagu.intake.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.support.problem.ApiProblem;

import java.util.List;
import java.util.function.Supplier;

/**
 * Runs a creating command at most once per (scope, key). The key row is inserted first, in the command's own
 * transaction: a concurrent request with the same key blocks on the primary key until the first commits, then
 * finds the stored response. If the command fails, the transaction rolls back and the key is free for a retry.
 */
@ApplicationScoped
public class IdempotencyLedger {

    private final ObjectMapper json;

    public IdempotencyLedger(ObjectMapper json) {
        this.json = json;
    }

    public record Outcome<T>(T response, boolean replayed) {
    }

    /** Must run inside the command's transaction ({@code @WithTransaction} on the caller). */
    public <T> Uni<Outcome<T>> once(String scope, String key, String fingerprint, String resourceId,
                                   Class<T> responseType, Supplier<Uni<T>> command) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into idempotency_key(scope, idem_key, fingerprint, case_id)
                        values (:scope, :key, :fingerprint, :resourceId) on conflict (scope, idem_key) do nothing""")
                .setParameter("scope", scope)
                .setParameter("key", key)
                .setParameter("fingerprint", fingerprint)
                .setParameter("resourceId", resourceId)
                .executeUpdate()
                .chain(inserted -> inserted == 1
                        ? command.get().call(response -> session.createNativeQuery(
                                        "update idempotency_key set response_json = :response where scope = :scope and idem_key = :key")
                                .setParameter("response", write(response))
                                .setParameter("scope", scope)
                                .setParameter("key", key)
                                .executeUpdate())
                        .map(response -> new Outcome<>(response, false))
                        : session.createNativeQuery(
                                        "select fingerprint, response_json from idempotency_key where scope = :scope and idem_key = :key",
                                        Object[].class)
                                .setParameter("scope", scope)
                                .setParameter("key", key)
                                .getResultList()
                                .map(rows -> replay(rows, fingerprint, responseType))));
    }

    /**
     * The person of the case was erased: the fingerprints of the requests about the case (hashes of bodies that held
     * their name and address) are dropped, and a repeat of such a request is refused instead of answered.
     */
    public Uni<Void> forgetCase(String caseId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "update idempotency_key set fingerprint = :erased where case_id = :caseId")
                .setParameter("erased", ERASED)
                .setParameter("caseId", caseId)
                .executeUpdate()).replaceWithVoid();
    }

    private static final String ERASED = "erased";

    private <T> Outcome<T> replay(List<Object[]> rows, String fingerprint, Class<T> responseType) {
        if (rows.isEmpty() || rows.get(0)[1] == null) {
            throw ApiProblem.conflict("idempotency-key-in-use",
                    "a request with this Idempotency-Key is still being processed; retry shortly");
        }
        if (ERASED.equals(String.valueOf(rows.get(0)[0]).trim())) {
            throw ApiProblem.conflict("person-erased", "the person's data of the case this request made was erased "
                    + "(DELETE /persons); the request is not repeated");
        }
        if (!fingerprint.equals(String.valueOf(rows.get(0)[0]).trim())) {
            throw ApiProblem.unprocessable("idempotency-key-reused",
                    "this Idempotency-Key was already used with a different body; use a new key for a new request");
        }
        try {
            return new Outcome<>(json.readValue((String) rows.get(0)[1], responseType), true);
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
