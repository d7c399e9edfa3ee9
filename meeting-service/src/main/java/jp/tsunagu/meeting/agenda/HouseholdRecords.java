package jp.tsunagu.meeting.agenda;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.support.db.Database;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * meeting-service's households (V12__households.sql): the current members of each (from intake's household-linked
 * and household-unlinked) and the household each case was put on an agenda with. Statements run in the caller's
 * transaction when one is open.
 */
@ApplicationScoped
public class HouseholdRecords {

    private final Database database;

    public HouseholdRecords(Database database) {
        this.database = database;
    }

    /** The case joined the household (a redelivery writes the same row again). */
    public Uni<Void> link(String caseId, String householdId, String municipality, String caseNumber, LocalDate on) {
        return database.update("""
                        insert into household_member(case_id, household_id, municipality, case_number, linked_on)
                        values ($1, $2, $3, $4, $5)
                        on conflict (case_id) do update set household_id = excluded.household_id,
                            municipality = excluded.municipality,
                            case_number = coalesce(excluded.case_number, household_member.case_number),
                            linked_on = excluded.linked_on""",
                caseId, householdId, municipality, caseNumber, on).replaceWithVoid();
    }

    /** The case left the household (a row of another household it joined since stays). */
    public Uni<Void> unlink(String caseId, String householdId) {
        return database.update("delete from household_member where case_id = $1 and household_id = $2",
                caseId, householdId).replaceWithVoid();
    }

    /** The household's current members (none: unknown here). */
    public Uni<List<HouseholdAgenda.Member>> members(String householdId) {
        return database.list("""
                        select h.case_id, h.household_id, h.municipality, coalesce(h.case_number, p.case_number) n
                          from household_member h left join case_pack p on p.case_id = h.case_id
                         where h.household_id = $1 order by h.case_id""",
                r -> new HouseholdAgenda.Member(r.getString("case_id"), r.getString("household_id"),
                        r.getString("municipality").trim(), r.getString("n")), householdId);
    }

    /** Every current member of the households of the given cases, by household id. */
    public Uni<Map<String, List<HouseholdAgenda.Member>>> householdsOf(Collection<String> caseIds) {
        if (caseIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return database.list("""
                        select h.case_id, h.household_id, h.municipality, coalesce(h.case_number, p.case_number) n
                          from household_member h left join case_pack p on p.case_id = h.case_id
                         where h.household_id in (select household_id from household_member where case_id = any($1))
                         order by h.case_id""",
                        r -> new HouseholdAgenda.Member(r.getString("case_id"), r.getString("household_id"),
                                r.getString("municipality").trim(), r.getString("n")),
                        (Object) caseIds.toArray(String[]::new))
                .map(rows -> rows.stream().collect(Collectors.groupingBy(HouseholdAgenda.Member::householdId)));
    }

    /** The cases put on the meeting's agenda with their household, and that household, by case id. */
    public Uni<Map<String, String>> putWith(String meetingId) {
        return database.list("select case_id, household_id from agenda_household where meeting_id = $1",
                        r -> Map.entry(r.getString("case_id"), r.getString("household_id")), meetingId)
                .map(rows -> rows.stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    /** The cases are on the meeting's agenda as the household's item. */
    public Uni<Void> putOnAgenda(String meetingId, String householdId, List<String> caseIds) {
        if (caseIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return database.updateEach("""
                        insert into agenda_household(case_id, meeting_id, household_id) values ($1, $2, $3)
                        on conflict (case_id) do update set meeting_id = excluded.meeting_id,
                            household_id = excluded.household_id""",
                caseIds.stream().map(c -> Tuple.tuple(Arrays.asList(c, meetingId, householdId))).toList());
    }

    /**
     * The household items of a meeting's agenda ({@link HouseholdAgenda#items}): each case in one, with its household's
     * current members.
     */
    public Uni<Items> items(String meetingId, List<String> agenda) {
        return householdsOf(agenda).chain(households -> putWith(meetingId).map(put -> {
            Map<String, String> householdOf = households.values().stream().flatMap(List::stream)
                    .collect(Collectors.toMap(HouseholdAgenda.Member::caseId, HouseholdAgenda.Member::householdId));
            return new Items(HouseholdAgenda.items(agenda, householdOf, put), households);
        }));
    }

    /**
     * @param itemOf     the household item of each case in one, by case id
     * @param households the current members of those households, by household id
     */
    public record Items(Map<String, String> itemOf, Map<String, List<HouseholdAgenda.Member>> households) {

        /** The item's label: its cases on this meeting only ({@link HouseholdAgenda#itemLabel}). */
        public String labelOf(String householdId) {
            List<HouseholdAgenda.Member> members = households.get(householdId);
            return members == null ? null : HouseholdAgenda.itemLabel(householdId, itemOf, members);
        }
    }
}
