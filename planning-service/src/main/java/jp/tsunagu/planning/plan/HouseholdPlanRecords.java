package jp.tsunagu.planning.plan;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.PlanType;
import jp.tsunagu.contract.codes.ReviewOutcome;
import jp.tsunagu.support.db.Database;
import jp.tsunagu.support.erasure.ErasedCases;

import com.fasterxml.jackson.core.type.TypeReference;
import io.vertx.mutiny.sqlclient.Tuple;
import jp.tsunagu.contract.events.Role;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static jp.tsunagu.support.db.SqlValues.fromJson;
import static jp.tsunagu.support.db.SqlValues.json;
import static jp.tsunagu.support.db.SqlValues.list;

/**
 * The household's plans' own rows (V6__households.sql: {@code plan_subject}, a household plan's household-level texts)
 * beyond what {@link PlanRecords} reads and writes of every plan. Statements run in the caller's transaction.
 */
@ApplicationScoped
public class HouseholdPlanRecords {

    private final Database database;

    public HouseholdPlanRecords(Database database) {
        this.database = database;
    }

    /** The subjects of a version written with it, in their order. */
    Uni<Void> insertSubjects(String planId, Plan.Version v) {
        return database.updateEach("""
                        insert into plan_subject(plan_id, version, position, case_id, wish, wish_tags, roles_json)
                        values ($1, $2, $3, $4, $5, $6, $7)""",
                IntStream.range(0, v.subjects().size()).mapToObj(i -> subjectRow(planId, v.version(), i,
                        v.subjects().get(i))).toList());
    }

    private static Tuple subjectRow(String planId, int version, int position, Plan.Subject s) {
        return Tuple.tuple(Arrays.asList(planId, version, position, s.caseId(), s.wish(),
                String.join(",", s.wishTags()), json(s.roles())));
    }

    /** The subjects of household plans' versions, in their order, by "planId/version". */
    Uni<Map<String, List<Plan.Subject>>> subjects(List<String> planIds) {
        if (planIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return database.list("""
                        select plan_id, version, case_id, wish, wish_tags, roles_json from plan_subject
                         where plan_id = any($1) order by plan_id, version, position""",
                row -> Map.entry(row.getString("plan_id") + "/" + row.getInteger("version"),
                        new Plan.Subject(row.getString("case_id"), row.getString("wish"),
                                list(row.getString("wish_tags")), fromJson(row.getString("roles_json"),
                                new TypeReference<List<Role>>() {
                                }))), (Object) planIds.toArray(String[]::new))
                .map(rows -> rows.stream().collect(Collectors.groupingBy(Map.Entry::getKey, LinkedHashMap::new,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList()))));
    }

    /** A member joined the household's plan's current version; true when new. */
    public Uni<Boolean> insertSubject(String planId, int version, Plan.Subject subject) {
        return database.update("""
                        insert into plan_subject(plan_id, version, position, case_id, wish, wish_tags, roles_json)
                        select $1::varchar, $2::int, coalesce(max(position) + 1, 0), $3, $4, $5, $6
                          from plan_subject where plan_id = $1::varchar and version = $2::int
                        on conflict do nothing""", (Object[]) new Object[]{planId, version, subject.caseId(),
                        subject.wish(), String.join(",", subject.wishTags()), json(subject.roles())})
                .map(rows -> rows == 1);
    }

    /** The subject as completed in the version (the same version: a completion is not a revision). */
    public Uni<Void> updateSubject(String planId, int version, Plan.Subject s) {
        return database.update("""
                        update plan_subject set wish = $4, wish_tags = $5, roles_json = $6
                         where plan_id = $1 and version = $2 and case_id = $3""",
                planId, version, s.caseId(), s.wish(), String.join(",", s.wishTags()), json(s.roles()))
                .replaceWithVoid();
    }

    /** The meeting's reviews of the cases, by case id (a CLOSE of every subject closes a household's plan). */
    public Uni<Map<String, PlanCommand.MeetingReview>> reviewsAt(String meetingId, List<String> caseIds) {
        return database.list("""
                        select case_id, meeting_id, meeting_type, outcome, plan_type from meeting_review
                         where meeting_id = $1 and case_id = any($2)""",
                row -> Map.entry(row.getString("case_id"), new PlanCommand.MeetingReview(row.getString("meeting_id"),
                        MeetingType.valueOf(row.getString("meeting_type")),
                        ReviewOutcome.valueOf(row.getString("outcome")),
                        row.getString("plan_type") == null ? null : PlanType.valueOf(row.getString("plan_type")))),
                meetingId, caseIds.toArray(String[]::new))
                .map(entries -> entries.stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    /**
     * A member's person was erased: the member's own wish, tags and roles' words in every household plan, and the
     * household-level texts of those plans (the household's wish, goals, revision reasons, the household roles'
     * words, the close reason), which may describe every member as a household's notes do. The plans, their dates,
     * types, the roles' agencies and the other members' own words stay.
     */
    public Uni<Void> eraseMember(String caseId) {
        String ofMember = "(select plan_id from plan_subject where case_id = $2)";
        return database.update("""
                        update plan_subject set wish = case when wish is null then null else $1 end, wish_tags = '',
                                                roles_json = """ + ErasedCases.rolesWrittenOver("roles_json", "$1") + """
                         where case_id = $2""", PlanRecords.ERASED, caseId)
                .chain(() -> database.update("""
                        update plan_version set wish = case when wish is null then null else $1 end,
                                                wish_tags = '', goals_json = '[]',
                                                reason = case when reason is null then null else $1 end,
                                                roles_json = """ + ErasedCases.rolesWrittenOver("roles_json", "$1")
                        + " where plan_id in " + ofMember, PlanRecords.ERASED, caseId))
                .chain(() -> database.update("""
                        update plan set close_reason = case when close_reason is null then null else $1 end
                         where household_id is not null and plan_id in """ + ofMember, PlanRecords.ERASED, caseId))
                .replaceWithVoid();
    }
}
