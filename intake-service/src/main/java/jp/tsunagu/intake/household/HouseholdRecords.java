package jp.tsunagu.intake.household;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.household.HouseholdLabel;
import jp.tsunagu.support.db.Database;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** The household tables (V13__households.sql): who is linked to which household, since when, until when. */
@ApplicationScoped
public class HouseholdRecords {

    private final Database database;

    public HouseholdRecords(Database database) {
        this.database = database;
    }

    /** One link of a case to the household: current while {@code unlinkedOn} is null. */
    public record MemberRow(String caseId, String caseNumber, LocalDate linkedOn, LocalDate unlinkedOn) {
        boolean current() {
            return unlinkedOn == null;
        }
    }

    /** The household's municipality; empty when there is no such household. */
    public Uni<Optional<String>> municipalityOf(String householdId) {
        return database.first("select municipality from household where household_id = $1",
                row -> row.getString(0).trim(), householdId);
    }

    /** Every link of the household, in the order they were made. */
    public Uni<List<MemberRow>> members(String householdId) {
        return database.list("""
                select m.case_id, s.case_number, m.linked_on, m.unlinked_on
                  from household_member m left join case_status s on s.case_id = m.case_id
                 where m.household_id = $1 order by m.linked_at, m.id""", HouseholdRecords::member, householdId);
    }

    /** The household each of the cases is in now (cases in none are absent). */
    public Uni<Map<String, String>> currentOf(List<String> caseIds) {
        return database.list("""
                        select case_id, household_id from household_member
                         where case_id = any($1) and unlinked_at is null""",
                        row -> Map.entry(row.getString(0), row.getString(1)), (Object) caseIds.toArray(String[]::new))
                .map(rows -> {
                    Map<String, String> found = new LinkedHashMap<>();
                    rows.forEach(e -> found.put(e.getKey(), e.getValue()));
                    return found;
                });
    }

    /** 世帯（受付番号・…） of the household's current members. */
    public Uni<String> label(String householdId) {
        return members(householdId).map(rows -> HouseholdLabel.of(rows.stream().filter(MemberRow::current)
                .map(MemberRow::caseNumber).toList()));
    }

    /**
     * Holds the cases (in id order) until the transaction ends, so two coordinators linking the same case at once
     * are decided one after the other; the unique index on a current link is the last guard.
     */
    public Uni<Void> lock(List<String> caseIds) {
        return database.list("""
                        select pg_advisory_xact_lock(hashtextextended('household/' || id, 0)) is null
                          from (select id from unnest($1::text[]) id order by id) ids""", row -> true,
                (Object) new TreeSet<>(caseIds).toArray(String[]::new)).replaceWithVoid();
    }

    public Uni<Void> create(String householdId, String municipality, String by) {
        return database.update("insert into household(household_id, municipality, created_by) values ($1, $2, $3)",
                householdId, municipality, by).replaceWithVoid();
    }

    public Uni<Void> link(String householdId, String caseId, LocalDate on, String by) {
        return database.update("""
                        insert into household_member(household_id, case_id, linked_on, linked_by)
                        values ($1, $2, $3, $4)""", householdId, caseId, on, by).replaceWithVoid();
    }

    /** Ends the case's current link; the reason is already sealed (null: the person was erased). */
    public Uni<Integer> unlink(String householdId, String caseId, LocalDate on, String by, String reasonSealed) {
        return database.update("""
                        update household_member set unlinked_on = $3, unlinked_at = now(), unlinked_by = $4,
                                                    reason_sealed = $5
                         where household_id = $1 and case_id = $2 and unlinked_at is null""",
                householdId, caseId, on, by, reasonSealed);
    }

    private static MemberRow member(Row row) {
        return new MemberRow(row.getString("case_id"), row.getString("case_number"), row.getLocalDate("linked_on"),
                row.getLocalDate("unlinked_on"));
    }
}
