package jp.tsunagu.intake.search;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jp.tsunagu.intake.person.PersonalFields;
import jp.tsunagu.intake.person.PersonalRecords;
import jp.tsunagu.support.db.Database;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;

/**
 * Rewrites the blind-index rows keyed under an older {@link KanaName#VERSION} from the persons in the vault, so an
 * upgrade that changes the normalisation still finds everyone: at startup, in the background, a page of cases at a
 * time in case-id order. Idempotent (a row already at the current version is not read again; two replicas starting
 * together write the same keys). A row whose person was erased meanwhile is deleted. A row an older replica writes
 * during a rolling upgrade is rewritten at the next start.
 */
@ApplicationScoped
public class PersonReindex {

    private static final Logger LOG = Logger.getLogger(PersonReindex.class);
    private static final int PAGE = 200;

    private final Database database;
    private final PersonalRecords persons;
    private final SearchKeys keys;
    private final PersonIndex index;
    private final HouseholdIndex households;

    public PersonReindex(Database database, PersonalRecords persons, SearchKeys keys, PersonIndex index,
                         HouseholdIndex households) {
        this.households = households;
        this.database = database;
        this.persons = persons;
        this.keys = keys;
        this.index = index;
    }

    void atStartup(@Observes StartupEvent start) {
        run().subscribe().with(n -> {
            if (n > 0) {
                LOG.infof("person index: %d row(s) re-keyed to version %d", n, KanaName.VERSION);
            }
        }, e -> LOG.warnf("person index re-key failed (%s); it runs again at the next start", e.getClass().getName()));
    }

    /**
     * Re-keys every row of an older version; answers how many it rewrote or removed. Then the household index
     * (V13) of every indexed case that has none at its {@link HouseholdIndex#VERSION}: cases referred before
     * households existed are found by later referrals too (their own suggestions are not made afresh).
     */
    public Uni<Integer> run() {
        return page("", 0).chain(n -> householdPage("", n));
    }

    private Uni<Integer> householdPage(String after, int done) {
        return database.list("""
                        select p.case_id, p.municipality from person_index p
                         where p.case_id > $2 and not exists (select 1 from household_index h
                                where h.case_id = p.case_id and h.side = 'PERSON' and h.index_version >= $1)
                         order by p.case_id limit $3""",
                        row -> new Stale(row.getString("case_id"), row.getString("municipality").trim()),
                        HouseholdIndex.VERSION, after, PAGE)
                .chain(stale -> stale.isEmpty() ? Uni.createFrom().item(done)
                        : persons.of(stale.stream().map(Stale::caseId).toList())
                        .chain(fields -> {
                            Uni<Void> all = Uni.createFrom().voidItem();
                            for (Stale s : stale) {
                                PersonalFields p = fields.get(s.caseId());
                                all = all.chain(() -> p == null ? households.remove(s.caseId())
                                        : households.write(s.caseId(), s.municipality(), p));
                            }
                            return all;
                        })
                        .chain(() -> householdPage(stale.getLast().caseId(), done + stale.size())));
    }

    private record Stale(String caseId, String municipality) {
    }

    private Uni<Integer> page(String after, int done) {
        return database.list("""
                        select case_id, municipality from person_index
                         where index_version < $1 and case_id > $2 order by case_id limit $3""",
                        row -> new Stale(row.getString("case_id"), row.getString("municipality").trim()),
                        KanaName.VERSION, after, PAGE)
                .chain(stale -> stale.isEmpty() ? Uni.createFrom().item(done)
                        : persons.of(stale.stream().map(Stale::caseId).toList())
                        .chain(fields -> rekey(stale, fields))
                        .chain(() -> page(stale.getLast().caseId(), done + stale.size())));
    }

    private Uni<Void> rekey(List<Stale> stale, Map<String, PersonalFields> fields) {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (Stale s : stale) {
            PersonalFields p = fields.get(s.caseId());
            all = all.chain(() -> p == null ? index.remove(s.caseId())
                    : keys.entries(s.municipality(), p.nameKana(), SearchKeys.birthDate(p.birthDate())).chain(entries -> entries == null
                    ? index.remove(s.caseId()) : index.write(s.caseId(), s.municipality(), entries)
                    .call(() -> households.write(s.caseId(), s.municipality(), p))));
        }
        return all;
    }
}
