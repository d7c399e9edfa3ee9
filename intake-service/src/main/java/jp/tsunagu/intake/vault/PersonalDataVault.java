package jp.tsunagu.intake.vault;

import io.smallrye.mutiny.Uni;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.events.SealedData;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import io.quarkus.hibernate.reactive.panache.Panache;

import java.util.List;
import java.util.Optional;

/**
 * Per-case data keys in intake's database, wrapped by the master key. Encrypting a person's fields needs the case's
 * key; destroying the key (erasure) leaves every copy of those fields in Kafka, replays and dead letters unreadable.
 */
@ApplicationScoped
public class PersonalDataVault {

    private static final int KEY_VERSION = 1;

    private final MasterKey masterKey;

    public PersonalDataVault(@ConfigProperty(name = "tsunagu.crypto.master-key") String masterKeyBase64,
                             @ConfigProperty(name = "tsunagu.crypto.master-key-id") String masterKeyId) {
        this.masterKey = new MasterKey(masterKeyId, masterKeyBase64);
    }

    /**
     * Creates the case's data key if it has none, in its own committed transaction: a retried request that reuses
     * the case id (same Idempotency-Key) then reuses the key, so an event that reached Kafka before a failed commit
     * stays readable.
     */
    @WithTransaction
    public Uni<Void> ensureKey(String caseId) {
        byte[] wrapped = masterKey.wrap(DataKeyCipher.newDataKey(), caseId);
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into data_key(case_id, key_version, master_key_id, wrapped_key)
                        values (:caseId, :version, :masterKeyId, :wrapped) on conflict (case_id) do nothing""")
                .setParameter("caseId", caseId)
                .setParameter("version", KEY_VERSION)
                .setParameter("masterKeyId", masterKey.id())
                .setParameter("wrapped", wrapped)
                .executeUpdate()).replaceWithVoid();
    }

    /** Needs an open session (a service method with {@code @WithSession} or {@code @WithTransaction}). */
    public Uni<SealedData> seal(String caseId, byte[] plaintext) {
        return dataKey(caseId).map(key -> DataKeyCipher.seal(
                key.orElseThrow(() -> new IllegalStateException("no data key for case")),
                "case/" + caseId + "/" + KEY_VERSION, caseId, plaintext));
    }

    /** The plaintext, or empty when the person was erased. */
    public Uni<Optional<byte[]>> open(String caseId, SealedData sealed) {
        return dataKey(caseId).map(key -> key.map(k -> DataKeyCipher.open(k, caseId, sealed)));
    }

    /**
     * Destroys the case's key, keeping a tombstone row so that no later call of {@link #ensureKey} makes a new one.
     * True when there was a key.
     */
    public Uni<Boolean> destroy(String caseId) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        update data_key set wrapped_key = null, erased_at = now()
                         where case_id = :caseId and wrapped_key is not null""")
                .setParameter("caseId", caseId)
                .executeUpdate()).map(rows -> rows > 0);
    }

    private Uni<Optional<byte[]>> dataKey(String caseId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select wrapped_key from data_key where case_id = :caseId", byte[].class)
                .setParameter("caseId", caseId)
                .getResultList())
                .map((List<byte[]> rows) -> rows.isEmpty() || rows.get(0) == null ? Optional.empty()
                        : Optional.of(masterKey.unwrap(rows.get(0), caseId)));
    }
}
