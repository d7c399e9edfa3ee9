package jp.tsunagu.intake.search;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.intake.person.PersonalFields;
import jp.tsunagu.support.db.Database;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The household blind index (V13__households.sql) and the "same household?" suggestions it finds: written with a
 * referral, in its transaction (like the duplicate check of {@link PersonIndex}); emptied of a case by its erasure,
 * its suggestions with it. A suggestion is stored for both cases and only offered; linking is a coordinator's act.
 */
@ApplicationScoped
public class HouseholdIndex {

    /**
     * What the index keys were made with: {@link KanaName#VERSION}, {@link AddressKey}'s first form, and (2) the keys of
     * the ages near ({@link HouseholdMatch#agesNear}, V14).
     */
    public static final int VERSION = KanaName.VERSION * 100 + 2;

    static final String PERSON = "PERSON";
    static final String MEMBER = "MEMBER";

    private final SearchKeys keys;
    private final Database database;

    public HouseholdIndex(SearchKeys keys, Database database) {
        this.keys = keys;
        this.database = database;
    }

    /**
     * Indexes a new referral's person and named members, then stores the suggestions they give. The case is new in
     * this transaction (an earlier attempt at it rolled back with its rows), so there are no rows of it to remove.
     */
    public Uni<Void> add(String caseId, String municipality, PersonalFields personal) {
        return insert(caseId, municipality, personal).chain(() -> suggest(caseId, municipality));
    }

    /** Rewrites a case's rows from its personal fields: the re-index's path. */
    public Uni<Void> write(String caseId, String municipality, PersonalFields p) {
        return remove(caseId, false).chain(() -> insert(caseId, municipality, p));
    }

    private Uni<Void> insert(String caseId, String municipality, PersonalFields p) {
        Uni<List<Tuple>> rows = keys.household(municipality, p.nameKana(), p.birthDate(), p.age(), p.address())
                .map(e -> new ArrayList<>(List.of(row(caseId, PERSON, 0, municipality, e))));
        for (int i = 0; i < p.household().size(); i++) {
            rows = member(rows, caseId, municipality, i, p.household().get(i));
        }
        return rows.chain(list -> database.updateEach("""
                insert into household_index(case_id, side, member_no, municipality, kana_birth_mac, kana_age_mac,
                                            address_mac, index_version, kana_age_near)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9)""", list));
    }

    /** A named member's row (member_no: its place in the referral's household[]), when it can be keyed. */
    private Uni<List<Tuple>> member(Uni<List<Tuple>> rows, String caseId, String municipality, int no,
                                    PersonalFields.MemberFields m) {
        return rows.chain(list -> m == null ? Uni.createFrom().item(list)
                : keys.household(municipality, m.nameKana(), m.birthDate(), m.age(), null).map(e -> {
                    if (e.kanaBirth() != null || e.kanaAge() != null) {
                        list.add(row(caseId, MEMBER, no, municipality, e));
                    }
                    return list;
                }));
    }

    private static Tuple row(String caseId, String side, int no, String municipality, SearchKeys.HouseholdEntries e) {
        return Tuple.tuple(Arrays.asList(caseId, side, no, municipality, e.kanaBirth(), e.kanaAge(), e.address(),
                VERSION, e.kanaAgeNear() == null ? null : e.kanaAgeNear().toArray(String[]::new)));
    }

    /**
     * Open cases of the municipality that the case's rows match ({@link HouseholdMatch}; or the same address), stored for both cases with the basis as each sees it.
     * The rule's two ways of matching are asked apart (a union): each then reads an index, where their "or" read
     * the whole of the city's index for every referral.
     */
    private Uni<Void> suggest(String caseId, String municipality) {
        return database.update("""
                with mine as (select * from household_index where case_id = $1),
                found as (
                    select o.case_id other,
                           case when m.side = 'MEMBER' then 'MEMBER_IS_PERSON' else 'PERSON_IS_MEMBER' end basis
                      from mine m join household_index o
                        on o.municipality = m.municipality and o.case_id <> m.case_id and o.side <> m.side
                       and """ + HouseholdMatch.BY_BIRTH + """

                    union
                    select o.case_id other,
                           case when m.side = 'MEMBER' then 'MEMBER_IS_PERSON' else 'PERSON_IS_MEMBER' end basis
                      from mine m join household_index o
                        on o.municipality = m.municipality and o.case_id <> m.case_id and o.side <> m.side
                       and """ + HouseholdMatch.BY_AGE + """

                    union
                    select o.case_id, 'SAME_ADDRESS'
                      from mine m join household_index o
                        on o.municipality = m.municipality and o.case_id <> m.case_id
                       and m.side = 'PERSON' and o.side = 'PERSON' and m.address_mac = o.address_mac),
                open as (select f.* from found f join case_status s on s.case_id = f.other
                          where s.municipality = $2 and s.status <> 'CLOSED')
                insert into household_suggestion(case_id, other_case_id, basis, municipality)
                select $1, other, basis, $2 from open
                union all
                select other, $1, case basis when 'MEMBER_IS_PERSON' then 'PERSON_IS_MEMBER'
                                             when 'PERSON_IS_MEMBER' then 'MEMBER_IS_PERSON' else basis end, $2
                  from open
                on conflict do nothing""", caseId, municipality).replaceWithVoid();
    }

    /** The erased person (and the members their referral named) is no longer found, nor offered. */
    public Uni<Void> remove(String caseId) {
        return remove(caseId, true);
    }

    /**
     * The household members other cases' referrals named who are this case's person ({@link HouseholdMatch}): by
     * case id, their places in that referral's household[]. Asked by an erasure before the case's rows go.
     */
    public Uni<Map<String, Set<Integer>>> namingThePerson(String caseId) {
        return database.list("""
                        select distinct o.case_id, o.member_no
                          from household_index m join household_index o
                            on o.municipality = m.municipality and o.case_id <> m.case_id
                           and m.side = 'PERSON' and o.side = 'MEMBER'
                           and """ + HouseholdMatch.SQL + """

                         where m.case_id = $1""", row -> Map.entry(row.getString(0), row.getInteger(1)), caseId)
                .map(rows -> {
                    Map<String, Set<Integer>> named = new TreeMap<>();
                    rows.forEach(r -> named.computeIfAbsent(r.getKey(), k -> new TreeSet<>()).add(r.getValue()));
                    return named;
                });
    }

    /** The named members' rows go: an erased person is found through no other case's referral either. */
    public Uni<Void> removeMembers(Map<String, Set<Integer>> named) {
        List<Tuple> rows = new ArrayList<>();
        named.forEach((caseId, members) -> members.forEach(no -> rows.add(Tuple.of(caseId, no))));
        return database.updateEach(
                "delete from household_index where case_id = $1 and side = 'MEMBER' and member_no = $2", rows);
    }

    private Uni<Void> remove(String caseId, boolean suggestions) {
        Uni<Integer> rows = database.update("delete from household_index where case_id = $1", caseId);
        return (suggestions ? rows.chain(() -> database.update(
                "delete from household_suggestion where case_id = $1 or other_case_id = $1", caseId)) : rows)
                .replaceWithVoid();
    }
}
