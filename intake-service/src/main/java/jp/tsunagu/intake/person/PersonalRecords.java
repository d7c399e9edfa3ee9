package jp.tsunagu.intake.person;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.events.SealedData;
import jp.tsunagu.intake.vault.PersonalDataVault;
import jp.tsunagu.support.db.Database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static jp.tsunagu.support.db.SqlValues.fromJson;
import static jp.tsunagu.support.db.SqlValues.json;

/**
 * The personal fields of several cases at once, opened from the vault: the names of a coordinator's list page (each
 * such read audited by its caller) and the re-index of the blind index; and an erased person's name forgotten in the
 * other referrals that named them as a household member. Who may read them is the caller's decision.
 */
@ApplicationScoped
public class PersonalRecords {

    private final PersonalDataVault vault;
    private final Database database;
    private final ObjectMapper json;

    public PersonalRecords(PersonalDataVault vault, Database database, ObjectMapper json) {
        this.vault = vault;
        this.database = database;
        this.json = json;
    }

    /** By case id; a case whose person was erased (or has no record) is absent. */
    public Uni<Map<String, PersonalFields>> of(List<String> caseIds) {
        if (caseIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return database.list("select case_id, sealed_json from person_record where case_id = any($1)",
                        row -> Map.entry(row.getString("case_id"),
                                fromJson(row.getString("sealed_json"), SealedData.class)),
                        (Object) caseIds.toArray(String[]::new))
                .chain(rows -> {
                    Map<String, SealedData> sealed = new LinkedHashMap<>();
                    rows.forEach(r -> sealed.put(r.getKey(), r.getValue()));
                    return vault.openAll(sealed);
                })
                .map(plain -> {
                    Map<String, PersonalFields> fields = new LinkedHashMap<>();
                    plain.forEach((caseId, bytes) -> fields.put(caseId, read(bytes)));
                    return fields;
                });
    }

    /**
     * Forgets the named members of each case (by case id: their places in household[]; {@link
     * PersonalFields#forgetting}): each case's fields are opened, rewritten and sealed again with its own data key,
     * in the caller's transaction (an erasure's). A case erased itself has nothing left to rewrite.
     */
    public Uni<Void> forgetMembers(Map<String, Set<Integer>> named) {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (Map.Entry<String, Set<Integer>> e : named.entrySet()) {
            String caseId = e.getKey();
            all = all.chain(() -> database.first(
                            "select sealed_json from person_record where case_id = $1 for update",
                            row -> fromJson(row.getString("sealed_json"), SealedData.class), caseId)
                    .chain(found -> found.isEmpty() ? Uni.createFrom().<Optional<byte[]>>item(Optional.empty())
                            : vault.open(caseId, found.get()))
                    .chain(plain -> plain.isEmpty() ? Uni.createFrom().voidItem()
                            : vault.seal(caseId, write(read(plain.get()).forgetting(e.getValue())))
                            .chain(sealed -> database.update(
                                    "update person_record set sealed_json = $2 where case_id = $1",
                                    caseId, json(sealed)))
                            .replaceWithVoid()));
        }
        return all;
    }

    private byte[] write(PersonalFields fields) {
        try {
            return json.writeValueAsBytes(fields);
        } catch (IOException e) {
            throw new UncheckedIOException("a case's personal fields cannot be written", e);
        }
    }

    private PersonalFields read(byte[] plaintext) {
        try {
            return json.readValue(plaintext, PersonalFields.class);
        } catch (IOException e) {
            throw new UncheckedIOException("a case's sealed fields cannot be read", e);
        }
    }
}
