package jp.tsunagu.intake.search;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.codes.CaseStatus;
import jp.tsunagu.support.db.Database;

import java.util.List;
import java.util.Optional;

/**
 * The blind index of persons (V6__person_search.sql): written with a referral, in its transaction; read by the
 * coordinators' search and by the duplicate check of a new referral; emptied of a case by its erasure.
 */
@ApplicationScoped
public class PersonIndex {

    private final SearchKeys keys;
    private final Database database;

    public PersonIndex(SearchKeys keys, Database database) {
        this.keys = keys;
        this.database = database;
    }

    /** A case the index matched, with its status as the status view has it. */
    public record Match(String caseId, CaseStatus status) {
    }

    /**
     * Indexes a new referral's person and marks the case a possible duplicate of the latest open case of the
     * municipality with the same person (same kana; and same birth date when both have one).
     */
    public Uni<Void> add(String caseId, String municipality, String kana, String birthDate) {
        return keys.entries(municipality, kana, birthDate).chain(entries -> entries == null
                ? Uni.createFrom().voidItem()
                : sameKana(municipality, entries).chain(found -> {
                    String duplicateOf = latestOpen(found, caseId).orElse(null);
                    return write(caseId, municipality, entries)
                            .chain(() -> duplicateOf == null ? Uni.createFrom().item(0) : database.update(
                                    "update case_status set possible_duplicate_of = $2 where case_id = $1",
                                    caseId, duplicateOf))
                            .replaceWithVoid();
                }));
    }

    /**
     * The case a new referral of this person would be marked a possible duplicate of ({@link #add}): what a
     * caseload import reports for a row before it writes anything.
     */
    public Uni<Optional<String>> possibleDuplicateOf(String municipality, String kana, String birthDate) {
        return keys.entries(municipality, kana, birthDate).chain(entries -> entries == null
                ? Uni.createFrom().item(Optional.<String>empty())
                : sameKana(municipality, entries).map(found -> latestOpen(found, null)));
    }

    private static Optional<String> latestOpen(List<Match> found, String caseId) {
        return found.stream().filter(m -> !m.caseId().equals(caseId) && m.status() != CaseStatus.CLOSED)
                .map(Match::caseId).findFirst();
    }

    /**
     * The municipality's cases of the person typed: the same full name, or the same family name (ヤマダ finds
     * ヤマダ タロウ); and the same birth date when it is given and the case has one (a case referred without a birth
     * date matches on kana alone).
     */
    public Uni<List<Match>> find(String municipality, String kana, String birthDate) {
        return keys.lookup(municipality, kana, birthDate).chain(q -> q == null
                ? Uni.createFrom().item(List.<Match>of()) : database.list("""
                        select p.case_id, s.status from person_index p join case_status s on s.case_id = p.case_id
                         where p.municipality = $1
                           and ((p.kana_mac = $2
                                 and ($3::varchar is null or p.kana_birth_mac is null or p.kana_birth_mac = $3))
                             or (p.family_mac = $4
                                 and ($5::varchar is null or p.family_birth_mac is null or p.family_birth_mac = $5)))
                         order by s.received_on desc, p.case_id desc""",
                row -> new Match(row.getString(0), CaseStatus.valueOf(row.getString(1))),
                municipality, q.kana(), q.kanaBirth(), q.family(), q.familyBirth()));
    }

    /**
     * Writes (or rewrites) a case's entries under the current {@link KanaName#VERSION}: a new referral's, and a row
     * the re-index makes again from the vault. Writing the same entries twice changes nothing.
     */
    public Uni<Void> write(String caseId, String municipality, SearchKeys.Entries entries) {
        return database.update("""
                        insert into person_index(case_id, municipality, kana_mac, kana_birth_mac, family_mac,
                                                 family_birth_mac, index_version)
                        values ($1, $2, $3, $4, $5, $6, $7)
                        on conflict (case_id) do update
                           set kana_mac = excluded.kana_mac, kana_birth_mac = excluded.kana_birth_mac,
                               family_mac = excluded.family_mac, family_birth_mac = excluded.family_birth_mac,
                               index_version = excluded.index_version
                         where person_index.index_version <= excluded.index_version""",
                caseId, municipality, entries.kana(), entries.kanaBirth(), entries.family(), entries.familyBirth(),
                KanaName.VERSION).replaceWithVoid();
    }

    /** The erased person is no longer found. */
    public Uni<Void> remove(String caseId) {
        return database.update("delete from person_index where case_id = $1", caseId).replaceWithVoid();
    }

    /**
     * Same kana: a case indexed with a birth date matches a name given with another birth date only if one side
     * has none.
     */
    private Uni<List<Match>> sameKana(String municipality, SearchKeys.Entries entries) {
        return database.list("""
                        select p.case_id, s.status from person_index p join case_status s on s.case_id = p.case_id
                         where p.municipality = $1 and p.kana_mac = $2
                           and ($3::varchar is null or p.kana_birth_mac is null or p.kana_birth_mac = $3)
                         order by s.received_on desc, p.case_id desc""",
                row -> new Match(row.getString(0), CaseStatus.valueOf(row.getString(1))),
                municipality, entries.kana(), entries.kanaBirth());
    }
}
