package jp.tsunagu.intake.vault;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.events.SealedData;
import jp.tsunagu.support.db.Database;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Per-case data keys in intake's database, wrapped by the master key. Encrypting a person's fields needs the case's
 * key; destroying the key (erasure) leaves every copy of those fields in Kafka, replays and dead letters unreadable.
 */
@ApplicationScoped
public class PersonalDataVault {

    private static final int KEY_VERSION = 1;

    private final MasterKey masterKey;
    private final Database database;

    public PersonalDataVault(CryptoConfig config, Database database) {
        this.masterKey = new MasterKey(config.masterKeyId(), config.masterKey());
        this.database = database;
    }

    /**
     * Creates the case's data key if it has none, in its own committed statement: a retried request that reuses
     * the case id (same Idempotency-Key) then reuses the key, so an event that reached Kafka before a failed commit
     * stays readable. One statement on a connection of its own, committed by itself (no begin/commit round trips).
     */
    public Uni<Void> ensureKey(String caseId) {
        return keyFor(caseId).replaceWithVoid();
    }

    /**
     * {@link #ensureKey}, answering the case's key too, so that sealing needs no second read of it: the key made now,
     * or the one a request with the same case id made before (the update that changes nothing is what makes the
     * statement answer an existing row, locked and as committed, rather than nothing). Empty when the key was
     * destroyed (erasure's tombstone). Must be called outside any transaction.
     */
    public Uni<Optional<byte[]>> keyFor(String caseId) {
        byte[] plain = DataKeyCipher.newDataKey();
        byte[] wrapped = masterKey.wrap(plain, caseId);
        return database.firstAlone("""
                        insert into data_key(case_id, key_version, master_key_id, wrapped_key)
                        values ($1, $2, $3, $4)
                        on conflict (case_id) do update set key_version = data_key.key_version
                        returning wrapped_key""",
                        row -> Optional.ofNullable(row.getBuffer(0)).map(b -> b.getBytes()),
                        caseId, KEY_VERSION, masterKey.id(), Buffer.buffer(wrapped))
                .map(found -> found.flatMap(key -> key)
                        .map(stored -> Arrays.equals(stored, wrapped) ? plain : masterKey.unwrap(stored, caseId)));
    }

    /** Reads the key in the caller's transaction when there is one. */
    public Uni<SealedData> seal(String caseId, byte[] plaintext) {
        return dataKey(caseId).map(key -> seal(caseId, key, plaintext));
    }

    /** Seals with the case's key the caller already has ({@link #keyFor}); empty: the case has none. */
    public SealedData seal(String caseId, Optional<byte[]> key, byte[] plaintext) {
        return DataKeyCipher.seal(key.orElseThrow(() -> new IllegalStateException("no data key for case")),
                "case/" + caseId + "/" + KEY_VERSION, caseId, plaintext);
    }

    /** The plaintext, or empty when the person was erased. */
    public Uni<Optional<byte[]>> open(String caseId, SealedData sealed) {
        return dataKey(caseId).map(key -> key.map(k -> DataKeyCipher.open(k, caseId, sealed)));
    }

    /**
     * The plaintexts of several cases with one read of their keys (a list page, a re-index batch): by case id, erased
     * cases absent.
     */
    public Uni<Map<String, byte[]>> openAll(Map<String, SealedData> sealed) {
        if (sealed.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return database.list("select case_id, wrapped_key from data_key where case_id = any($1) and wrapped_key is not null",
                        row -> Map.entry(row.getString("case_id"), row.getBuffer("wrapped_key").getBytes()),
                        (Object) sealed.keySet().toArray(String[]::new))
                .map(keys -> {
                    Map<String, byte[]> plain = new LinkedHashMap<>();
                    keys.forEach(k -> plain.put(k.getKey(), DataKeyCipher.open(
                            masterKey.unwrap(k.getValue(), k.getKey()), k.getKey(), sealed.get(k.getKey()))));
                    return plain;
                });
    }

    /**
     * Destroys the case's key, keeping a tombstone row so that no later call of {@link #ensureKey} makes a new one.
     * True when there was a key.
     */
    public Uni<Boolean> destroy(String caseId) {
        return database.update("""
                        update data_key set wrapped_key = null, erased_at = now()
                         where case_id = $1 and wrapped_key is not null""", caseId)
                .map(rows -> rows > 0);
    }

    /** The case's key was destroyed (its tombstone is there). */
    public Uni<Boolean> erased(String caseId) {
        return database.first("select erased_at from data_key where case_id = $1",
                row -> row.getValue("erased_at") != null, caseId).map(found -> found.orElse(false));
    }

    /** Empty when there is no row, or only the tombstone of an erased key. */
    private Uni<Optional<byte[]>> dataKey(String caseId) {
        return database.first("select wrapped_key from data_key where case_id = $1",
                        row -> Optional.ofNullable(row.getBuffer("wrapped_key")), caseId)
                .map(found -> found.flatMap(key -> key)
                        .map(wrapped -> masterKey.unwrap(wrapped.getBytes(), caseId)));
    }
}
