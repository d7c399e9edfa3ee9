package jp.tsunagu.planning.plan;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.support.db.Database;

import java.time.LocalDate;
import java.util.List;

/**
 * Which household (世帯) each case is in now, as intake announces it (household-linked / household-unlinked;
 * V6__households.sql): a household's plan is made for current members only.
 */
@ApplicationScoped
public class HouseholdRecords {

    private final Database database;

    public HouseholdRecords(Database database) {
        this.database = database;
    }

    /** A current member case of a household. */
    public record HouseholdMember(String caseId, String householdId, String municipality) {
    }

    public Uni<Void> linkHousehold(String caseId, String householdId, String municipality, LocalDate on) {
        return database.update("""
                        insert into household_member(case_id, household_id, municipality, linked_on)
                        values ($1, $2, $3, $4) on conflict (case_id) do update
                        set household_id = excluded.household_id, municipality = excluded.municipality,
                            linked_on = excluded.linked_on""", caseId, householdId, municipality, on)
                .replaceWithVoid();
    }

    /** The case left the household (a link to another household since is kept). */
    public Uni<Void> unlinkHousehold(String caseId, String householdId) {
        return database.update("delete from household_member where case_id = $1 and household_id = $2",
                caseId, householdId).replaceWithVoid();
    }

    public Uni<List<HouseholdMember>> householdMembers(String householdId) {
        return database.list("""
                        select case_id, household_id, municipality from household_member where household_id = $1
                         order by linked_on, case_id""",
                row -> new HouseholdMember(row.getString("case_id"), row.getString("household_id"),
                        row.getString("municipality").trim()), householdId);
    }

    /** Serializes the decisions on one household's plan (members' reviews may arrive on different partitions). */
    public Uni<Void> lockHousehold(String householdId) {
        return database.list("select pg_advisory_xact_lock(hashtext($1))", row -> 0, "household/" + householdId)
                .replaceWithVoid();
    }
}
