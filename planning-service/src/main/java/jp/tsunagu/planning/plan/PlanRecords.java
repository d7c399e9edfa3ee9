package jp.tsunagu.planning.plan;

import com.fasterxml.jackson.core.type.TypeReference;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.codes.Consent;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.PlanType;
import jp.tsunagu.contract.codes.ReviewOutcome;
import jp.tsunagu.contract.events.Role;
import jp.tsunagu.support.db.Database;
import jp.tsunagu.support.erasure.ErasedCases;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static jp.tsunagu.support.db.SqlValues.fromJson;
import static jp.tsunagu.support.db.SqlValues.json;
import static jp.tsunagu.support.db.SqlValues.list;

/** planning-service's tables (V2__planning.sql). Statements run in the caller's transaction; writes need one. */
@ApplicationScoped
public class PlanRecords {

    /** What planning knows of a case. */
    public record CaseRef(String caseId, String municipality, String referringAgencyId, String area, Consent consent,
                          LocalDate receivedOn) {

        /** The day the case was received, when planning knows the case and the day. */
        public static LocalDate receivedOn(Optional<CaseRef> ref) {
            return ref.map(CaseRef::receivedOn).orElse(null);
        }

        static CaseRef of(Row row) {
            return new CaseRef(row.getString("case_id"), row.getString("municipality").trim(),
                    row.getString("referring_agency_id"), row.getString("area"),
                    Consent.valueOf(row.getString("consent")), row.getLocalDate("received_on"));
        }
    }

    /**
     * A plan's bookkeeping beyond the {@link Plan}: who made it, and the versions whose review was announced as due
     * (review_announced: what {@link PlanState#reviewsAnnounced} holds of the plan).
     */
    public record Stored(Plan plan, String createdByAgency, List<Integer> reviewsAnnounced) {
        public Stored {
            reviewsAnnounced = List.copyOf(reviewsAnnounced);
        }
    }

    /** The plans as persistence holds them, with the reviews announced, for the decider. */
    public static PlanState state(List<Stored> stored) {
        return PlanState.of(stored.stream().map(Stored::plan).toList(), stored.stream()
                .flatMap(s -> s.reviewsAnnounced().stream()
                        .map(v -> new PlanState.ReviewAnnounced(s.plan().planId(), v)))
                .toList());
    }

    /** One row of the plan and version join: the plan's columns (repeated per version) and one version. */
    private record PlanRow(String planId, String caseId, String municipality, PlanType type, String adoptedAtMeeting,
                           String createdByAgency, String householdId, LocalDate closedOn, String closeReason,
                           List<Integer> reviewsAnnounced, Plan.Version version) {

        PlanRow withVersion(Plan.Version v) {
            return new PlanRow(planId, caseId, municipality, type, adoptedAtMeeting, createdByAgency, householdId,
                    closedOn, closeReason, reviewsAnnounced, v);
        }

        static PlanRow of(Row row) {
            return new PlanRow(row.getString("plan_id"), row.getString("case_id"),
                    row.getString("municipality").trim(), PlanType.valueOf(row.getString("type")),
                    row.getString("adopted_at_meeting"), row.getString("created_by_agency"),
                    row.getString("household_id"),
                    row.getLocalDate("closed_on"), row.getString("close_reason"),
                    List.of(row.getArrayOfIntegers("reviews_announced")),
                    new Plan.Version(row.getInteger("version"), row.getLocalDate("made_on"), row.getString("reason"),
                            row.getString("wish"), list(row.getString("wish_tags")),
                            fromJson(row.getString("goals_json"), new TypeReference<List<String>>() {
                            }), fromJson(row.getString("roles_json"), new TypeReference<List<Role>>() {
                    }), row.getLocalDate("review_on")));
        }
    }

    /** What an erased free text reads as. */
    public static final String ERASED = ErasedCases.WRITTEN_OVER;

    private final Database database;
    private final ErasedCases erased;
    private final HouseholdPlanRecords households;

    public PlanRecords(Database database, ErasedCases erased, HouseholdPlanRecords households) {
        this.households = households;
        this.database = database;
        this.erased = erased;
    }

    /**
     * The person's data was erased (DELETE /persons): the wish, its tags, goals, revision and closure reasons and the
     * roles' responsibilities of the case's plans and the notes of its follow-ups are written over, since they may
     * describe the person, and the case is remembered as erased (text about it is refused from then on). Types, dates,
     * versions and the agencies of the roles stay (they are the counts and the division of work).
     */
    public Uni<Void> eraseCase(String caseId) {
        return database.update("""
                        update plan_version set wish = case when wish is null then null else $1 end,
                                                wish_tags = '', goals_json = '[]',
                                                reason = case when reason is null then null else $1 end,
                                                roles_json = """ + ErasedCases.rolesWrittenOver("roles_json", "$1") + """
                         where plan_id in (select plan_id from plan where case_id = $2 and household_id is null)""",
                        ERASED, caseId)
                .chain(() -> database.update("""
                                update plan set close_reason = case when close_reason is null then null else $1 end
                                 where case_id = $2 and household_id is null""", ERASED, caseId))
                // a household's plan: HouseholdPlanRecords#eraseMember
                .chain(() -> database.update("""
                                update follow_up set note = null
                                 where placement_id in (select placement_id from placement where case_id = $1)""",
                        caseId))
                .chain(() -> erased.record(caseId));
    }

    /** An agency given a case (routed, outreach, accepted, a role from a meeting). */
    public record CaseAgency(String caseId, String agencyId) {
    }

    /** Agencies given cases, in one pipelined statement; those without an agency (outreach by nobody yet) skipped. */
    public Uni<Void> addCaseAgencies(List<CaseAgency> given) {
        return database.updateEach("""
                        insert into case_agency(case_id, agency_id) values ($1, $2) on conflict do nothing""",
                given.stream().filter(g -> g.agencyId() != null).map(g -> Tuple.of(g.caseId(), g.agencyId()))
                        .toList());
    }

    public Uni<Boolean> isCaseAgency(String caseId, String agencyId) {
        return database.first("select count(*) from case_agency where case_id = $1 and agency_id = $2",
                row -> row.getLong(0), caseId, agencyId).map(n -> n.orElseThrow() > 0);
    }

    /** Cases' references in one pipelined statement; a case already known takes the consent given. */
    public Uni<Void> saveCases(List<CaseRef> cases) {
        return database.updateEach("""
                        insert into case_ref(case_id, municipality, referring_agency_id, area, consent, received_on)
                        values ($1, $2, $3, $4, $5, $6) on conflict (case_id) do update
                        set consent = excluded.consent,
                            received_on = coalesce(excluded.received_on, case_ref.received_on)""",
                cases.stream().map(c -> Tuple.tuple(Arrays.asList(c.caseId(), c.municipality(), c.referringAgencyId(),
                        c.area(), c.consent().name(), c.receivedOn()))).toList());
    }

    public Uni<Optional<CaseRef>> caseRef(String caseId) {
        return database.first(
                "select case_id, municipality, referring_agency_id, area, consent, received_on from case_ref"
                        + " where case_id = $1",
                CaseRef::of, caseId);
    }

    public Uni<Void> saveMeetingReview(String caseId, LocalDate heldOn, PlanCommand.MeetingReview r) {
        return database.update("""
                        insert into meeting_review(meeting_id, case_id, meeting_type, outcome, plan_type, held_on)
                        values ($1, $2, $3, $4, $5, $6)
                        on conflict (meeting_id, case_id) do update set outcome = excluded.outcome,
                          plan_type = excluded.plan_type""",
                r.meetingId(), caseId, r.meetingType().name(), r.outcome().name(),
                r.planType() == null ? null : r.planType().name(), heldOn).replaceWithVoid();
    }

    public Uni<Optional<PlanCommand.MeetingReview>> meetingReview(String meetingId, String caseId) {
        return database.first("""
                        select meeting_id, meeting_type, outcome, plan_type from meeting_review
                         where meeting_id = $1 and case_id = $2""",
                row -> new PlanCommand.MeetingReview(row.getString("meeting_id"),
                        MeetingType.valueOf(row.getString("meeting_type")),
                        ReviewOutcome.valueOf(row.getString("outcome")),
                        row.getString("plan_type") == null ? null : PlanType.valueOf(row.getString("plan_type"))),
                meetingId, caseId);
    }

    /** True when the plan is new. */
    public Uni<Boolean> insertPlan(Plan p, String createdByAgency, String idempotencyKey) {
        return database.update("""
                        insert into plan(plan_id, case_id, municipality, type, adopted_at_meeting, created_by_agency,
                                         household_id)
                        values ($1, $2, $3, $4, $5, $6, $7) on conflict (plan_id) do nothing""",
                        p.planId(), p.caseId(), p.municipality(), p.type().name(), p.adoptedAtMeetingId(),
                        createdByAgency, p.householdId())
                .chain(rows -> rows == 0 ? Uni.createFrom().item(false)
                        : insertVersion(p.planId(), p.current(), idempotencyKey).replaceWith(true));
    }

    public Uni<Void> insertVersion(String planId, Plan.Version v, String idempotencyKey) {
        return database.update("""
                        insert into plan_version(plan_id, version, made_on, reason, wish, wish_tags, goals_json,
                                                 roles_json, review_on, idem_key)
                        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)""",
                planId, v.version(), v.madeOn(), v.reason(), v.wish(), String.join(",", v.wishTags()),
                json(v.goals()), json(v.roles()), v.reviewOn(), idempotencyKey)
                .chain(() -> households.insertSubjects(planId, v));
    }

    /** The version's details as completed (the same version: a completion is not a revision). */
    public Uni<Void> updateVersion(String planId, Plan.Version v) {
        return database.update("""
                        update plan_version set wish = $3, wish_tags = $4, goals_json = $5, roles_json = $6,
                               review_on = $7
                         where plan_id = $1 and version = $2""",
                planId, v.version(), v.wish(), String.join(",", v.wishTags()), json(v.goals()), json(v.roles()),
                v.reviewOn()).replaceWithVoid();
    }

    public Uni<Optional<Integer>> versionByKey(String planId, String idempotencyKey) {
        return database.first("select version from plan_version where plan_id = $1 and idem_key = $2",
                row -> row.getInteger("version"), planId, idempotencyKey);
    }

    public Uni<Void> close(String planId, LocalDate closedOn, String reason) {
        return database.update("update plan set closed_on = $1, close_reason = $2 where plan_id = $3",
                closedOn, reason, planId).replaceWithVoid();
    }

    public Uni<Optional<Stored>> plan(String planId) {
        return plans("p.plan_id = $1", planId).map(list -> list.stream().findFirst());
    }

    /** The plan, its rows locked until the transaction ends: concurrent changes to one plan queue up. */
    public Uni<Optional<Stored>> planForUpdate(String planId) {
        return plans("p.plan_id = $1", planId, " for update").map(list -> list.stream().findFirst());
    }

    /**
     * Writes that the version's review was announced, as the decider decided; true when written now. The decider
     * decides "once per version" from the state; the idempotent insert only keeps a concurrent run of the check (the
     * schedule and POST /plans/review-check at once, both deciding on the same state) from announcing it twice.
     */
    public Uni<Boolean> markReviewAnnounced(String planId, int version, LocalDate on) {
        return database.update("""
                        insert into review_announced(plan_id, version, announced_on) values ($1, $2, $3)
                        on conflict (plan_id, version) do nothing""", planId, version, on)
                .map(rows -> rows == 1);
    }

    /**
     * The plans covering the case: its own and the household's plans it is a subject of. Found by the ids of each
     * kind, each through its own index: "case_id = $1 or plan_id in (…)" read every plan and every version instead
     * (22 ms a call with 15,000 plans, against 1 ms; measured 2026-12-06).
     */
    public Uni<List<Stored>> plansOfCase(String caseId) {
        return plansOfCases(List.of(caseId));
    }

    /** The plans covering any of the cases (a household's members), found as {@link #plansOfCase} finds them. */
    public Uni<List<Stored>> plansOfCases(List<String> caseIds) {
        return plans("""
                p.plan_id in (select plan_id from plan where case_id = any($1)
                              union select plan_id from plan_subject where case_id = any($1))""",
                caseIds.toArray(String[]::new));
    }

    /** The household's plans. */
    public Uni<List<Stored>> plansOfHousehold(String householdId) {
        return plans("p.household_id = $1", householdId);
    }

    public Uni<List<Stored>> activePlans(String municipality) {
        return plans("p.municipality = $1 and p.closed_on is null", municipality);
    }

    private Uni<List<Stored>> plans(String where, Object key) {
        return plans(where, key, "");
    }

    private Uni<List<Stored>> plans(String where, Object key, String lock) {
        return database.list("""
                        select p.plan_id, p.case_id, p.municipality, p.type, p.adopted_at_meeting, p.created_by_agency,
                               p.household_id, p.closed_on, p.close_reason, v.version, v.made_on, v.reason, v.wish, v.wish_tags,
                               v.goals_json, v.roles_json, v.review_on,
                               array(select r.version from review_announced r where r.plan_id = p.plan_id
                                      order by r.version) as reviews_announced
                          from plan p join plan_version v on v.plan_id = p.plan_id""" + " where " + where
                        + " order by p.plan_id, v.version" + lock, PlanRow::of, key)
                .chain(rows -> households.subjects(rows.stream().filter(r -> r.householdId() != null)
                        .map(PlanRow::planId).distinct().toList()).map(subjects -> rows.stream().map(r -> r.withVersion(
                        r.version().withSubjects(subjects.getOrDefault(r.planId() + "/" + r.version().version(),
                                List.of())))).toList()))
                .map(rows -> {
                    Map<String, List<PlanRow>> byPlan = rows.stream().collect(Collectors.groupingBy(
                            PlanRow::planId, LinkedHashMap::new, Collectors.toList()));
                    List<Stored> plans = new ArrayList<>();
                    byPlan.forEach((id, versions) -> {
                        PlanRow r = versions.get(0);
                        plans.add(new Stored(new Plan(id, r.caseId(), r.municipality(), r.type(),
                                r.adoptedAtMeeting(), versions.stream().map(PlanRow::version).toList(), r.closedOn(),
                                r.closeReason(), r.householdId()), r.createdByAgency(), r.reviewsAnnounced()));
                    });
                    return plans;
                });
    }
}
