package jp.tsunagu.planning.plan;

import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.codes.Consent;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.PlanType;
import jp.tsunagu.contract.codes.ReviewOutcome;
import jp.tsunagu.contract.events.Role;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static jp.tsunagu.support.db.SqlValues.fromJson;
import static jp.tsunagu.support.db.SqlValues.json;
import static jp.tsunagu.support.db.SqlValues.list;
import static jp.tsunagu.support.db.SqlValues.localDate;

/** planning-service's tables (V2__planning.sql). Every method needs an open session; writes a transaction. */
@ApplicationScoped
public class PlanRecords {

    /** What planning knows of a case. */
    public record CaseRef(String caseId, String municipality, String referringAgencyId, String area, Consent consent) {
    }

    /** A plan's bookkeeping beyond the {@link Plan}: who made it. */
    public record Stored(Plan plan, String createdByAgency) {
    }

    /** What an erased free text reads as. */
    public static final String ERASED = "（本人の情報は消去されました）";

    /**
     * The person's data was erased (DELETE /persons): the wish, its tags, goals, revision and closure reasons of the
     * case's plans and the notes of its follow-ups are written over, since they describe the person. Types, dates,
     * versions and roles stay (they are the counts and the division of work).
     */
    public Uni<Void> eraseCase(String caseId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        update plan_version set wish = case when wish is null then null else :erased end,
                                                wish_tags = '', goals_json = '[]',
                                                reason = case when reason is null then null else :erased end
                         where plan_id in (select plan_id from plan where case_id = :id)""")
                .setParameter("erased", ERASED).setParameter("id", caseId).executeUpdate()
                .chain(() -> s.createNativeQuery("""
                                update plan set close_reason = case when close_reason is null then null else :erased end
                                 where case_id = :id""")
                        .setParameter("erased", ERASED).setParameter("id", caseId).executeUpdate())
                .chain(() -> s.createNativeQuery("""
                                update follow_up set note = null
                                 where placement_id in (select placement_id from placement where case_id = :id)""")
                        .setParameter("id", caseId).executeUpdate()))
                .replaceWithVoid();
    }

    /** The agency was handed the case or given a role for it. */
    public Uni<Void> addCaseAgency(String caseId, String agencyId) {
        if (agencyId == null) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into case_agency(case_id, agency_id) values (:id, :agency) on conflict do nothing""")
                .setParameter("id", caseId).setParameter("agency", agencyId).executeUpdate()).replaceWithVoid();
    }

    public Uni<Boolean> isCaseAgency(String caseId, String agencyId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "select count(*) from case_agency where case_id = :id and agency_id = :agency", Long.class)
                .setParameter("id", caseId).setParameter("agency", agencyId).getSingleResult()).map(n -> n > 0);
    }

    public Uni<Void> saveCase(CaseRef c) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into case_ref(case_id, municipality, referring_agency_id, area, consent)
                        values (:id, :m, :ref, :area, :consent) on conflict (case_id) do update
                        set consent = excluded.consent""")
                .setParameter("id", c.caseId())
                .setParameter("m", c.municipality())
                .setParameter("ref", c.referringAgencyId())
                .setParameter("area", c.area())
                .setParameter("consent", c.consent().name())
                .executeUpdate()).replaceWithVoid();
    }

    public Uni<Optional<CaseRef>> caseRef(String caseId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "select case_id, municipality, referring_agency_id, area, consent from case_ref where case_id = :id",
                        Object[].class)
                .setParameter("id", caseId)
                .getResultList()
                .map(rows -> rows.stream().findFirst().map(r -> new CaseRef((String) r[0], ((String) r[1]).trim(),
                        (String) r[2], (String) r[3], Consent.valueOf((String) r[4])))));
    }

    public Uni<Void> saveMeetingReview(String caseId, LocalDate heldOn, PlanLifecycle.MeetingReview r) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into meeting_review(meeting_id, case_id, meeting_type, outcome, plan_type, held_on)
                        values (:meeting, :case, :type, :outcome, :planType, :heldOn)
                        on conflict (meeting_id, case_id) do nothing""")
                .setParameter("meeting", r.meetingId())
                .setParameter("case", caseId)
                .setParameter("type", r.meetingType().name())
                .setParameter("outcome", r.outcome().name())
                .setParameter("planType", r.planType() == null ? null : r.planType().name())
                .setParameter("heldOn", heldOn)
                .executeUpdate()).replaceWithVoid();
    }

    public Uni<Optional<PlanLifecycle.MeetingReview>> meetingReview(String meetingId, String caseId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        select meeting_id, meeting_type, outcome, plan_type from meeting_review
                         where meeting_id = :meeting and case_id = :case""", Object[].class)
                .setParameter("meeting", meetingId)
                .setParameter("case", caseId)
                .getResultList()
                .map(rows -> rows.stream().findFirst().map(r -> new PlanLifecycle.MeetingReview((String) r[0],
                        MeetingType.valueOf((String) r[1]), ReviewOutcome.valueOf((String) r[2]),
                        r[3] == null ? null : PlanType.valueOf((String) r[3])))));
    }

    /** True when the plan is new. */
    public Uni<Boolean> insertPlan(Plan p, String createdByAgency, String idempotencyKey) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into plan(plan_id, case_id, municipality, type, adopted_at_meeting, created_by_agency)
                        values (:id, :case, :m, :type, :meeting, :agency) on conflict (plan_id) do nothing""")
                .setParameter("id", p.planId())
                .setParameter("case", p.caseId())
                .setParameter("m", p.municipality())
                .setParameter("type", p.type().name())
                .setParameter("meeting", p.adoptedAtMeetingId())
                .setParameter("agency", createdByAgency)
                .executeUpdate()
                .chain(rows -> rows == 0 ? Uni.createFrom().item(false)
                        : insertVersion(p.planId(), p.current(), idempotencyKey).replaceWith(true)));
    }

    public Uni<Void> insertVersion(String planId, Plan.Version v, String idempotencyKey) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into plan_version(plan_id, version, made_on, reason, wish, wish_tags, goals_json,
                                                 roles_json, review_on, idem_key)
                        values (:id, :version, :madeOn, :reason, :wish, :tags, :goals, :roles, :reviewOn, :key)""")
                .setParameter("id", planId)
                .setParameter("version", v.version())
                .setParameter("madeOn", v.madeOn())
                .setParameter("reason", v.reason())
                .setParameter("wish", v.wish())
                .setParameter("tags", String.join(",", v.wishTags()))
                .setParameter("goals", json(v.goals()))
                .setParameter("roles", json(v.roles()))
                .setParameter("reviewOn", v.reviewOn())
                .setParameter("key", idempotencyKey)
                .executeUpdate()).replaceWithVoid();
    }

    public Uni<Optional<Integer>> versionByKey(String planId, String idempotencyKey) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "select version from plan_version where plan_id = :id and idem_key = :key", Integer.class)
                .setParameter("id", planId)
                .setParameter("key", idempotencyKey)
                .getResultList()
                .map(rows -> rows.stream().findFirst()));
    }

    public Uni<Void> close(String planId, LocalDate closedOn, String reason) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "update plan set closed_on = :on, close_reason = :reason where plan_id = :id")
                .setParameter("on", closedOn)
                .setParameter("reason", reason)
                .setParameter("id", planId)
                .executeUpdate()).replaceWithVoid();
    }

    public Uni<Optional<Stored>> plan(String planId) {
        return plans("p.plan_id = :key", planId).map(list -> list.stream().findFirst());
    }

    /** The plan, its rows locked until the transaction ends: concurrent changes to one plan queue up. */
    public Uni<Optional<Stored>> planForUpdate(String planId) {
        return plans("p.plan_id = :key", planId, " for update").map(list -> list.stream().findFirst());
    }

    /** True the first time a plan version is announced as due for review. */
    public Uni<Boolean> markReviewAnnounced(String planId, int version, LocalDate on) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into review_announced(plan_id, version, announced_on) values (:id, :version, :on)
                        on conflict (plan_id, version) do nothing""")
                .setParameter("id", planId)
                .setParameter("version", version)
                .setParameter("on", on)
                .executeUpdate()).map(rows -> rows == 1);
    }

    public Uni<List<Stored>> plansOfCase(String caseId) {
        return plans("p.case_id = :key", caseId);
    }

    public Uni<List<Stored>> activePlans(String municipality) {
        return plans("p.municipality = :key and p.closed_on is null", municipality);
    }

    private Uni<List<Stored>> plans(String where, String key) {
        return plans(where, key, "");
    }

    private Uni<List<Stored>> plans(String where, String key, String lock) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        select p.plan_id, p.case_id, p.municipality, p.type, p.adopted_at_meeting, p.created_by_agency,
                               p.closed_on, p.close_reason, v.version, v.made_on, v.reason, v.wish, v.wish_tags,
                               v.goals_json, v.roles_json, v.review_on
                          from plan p join plan_version v on v.plan_id = p.plan_id""" + " where " + where
                        + " order by p.plan_id, v.version" + lock, Object[].class)
                .setParameter("key", key)
                .getResultList()
                .map(rows -> {
                    Map<String, List<Object[]>> byPlan = rows.stream().collect(Collectors.groupingBy(
                            r -> (String) r[0], LinkedHashMap::new, Collectors.toList()));
                    List<Stored> plans = new ArrayList<>();
                    byPlan.forEach((id, versions) -> {
                        Object[] r = versions.get(0);
                        plans.add(new Stored(new Plan(id, (String) r[1], ((String) r[2]).trim(),
                                PlanType.valueOf((String) r[3]), (String) r[4], versions.stream().map(v ->
                                new Plan.Version(((Number) v[8]).intValue(), localDate(v[9]), (String) v[10],
                                        (String) v[11], list((String) v[12]), fromJson((String) v[13],
                                        new TypeReference<List<String>>() {
                                        }), fromJson((String) v[14], new TypeReference<List<Role>>() {
                                }), localDate(v[15]))).toList(), localDate(r[6]), (String) r[7]), (String) r[5]));
                    });
                    return plans;
                }));
    }

    public Uni<Boolean> insertPlacement(String placementId, Plan plan, String resourceId, LocalDate placedOn) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into placement(placement_id, plan_id, case_id, municipality, resource_id, placed_on)
                        values (:id, :plan, :case, :m, :resource, :on) on conflict (placement_id) do nothing""")
                .setParameter("id", placementId)
                .setParameter("plan", plan.planId())
                .setParameter("case", plan.caseId())
                .setParameter("m", plan.municipality())
                .setParameter("resource", resourceId)
                .setParameter("on", placedOn)
                .executeUpdate()).map(rows -> rows == 1);
    }

    /** A placement: its id, plan id, resource id and date. */
    public record PlacementRow(String placementId, String planId, String caseId, String municipality,
                               String resourceId, LocalDate placedOn) {
    }

    public Uni<Optional<PlacementRow>> placement(String placementId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        select placement_id, plan_id, case_id, municipality, resource_id, placed_on from placement
                         where placement_id = :id""", Object[].class)
                .setParameter("id", placementId)
                .getResultList()
                .map(rows -> rows.stream().findFirst().map(r -> new PlacementRow((String) r[0], (String) r[1],
                        (String) r[2], ((String) r[3]).trim(), (String) r[4], localDate(r[5])))));
    }

    /** People placed at each resource of a municipality whose plan is still active. */
    public Uni<Map<String, Long>> placedByResource(String municipality) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        select pl.resource_id, count(*) from placement pl join plan p on p.plan_id = pl.plan_id
                         where pl.municipality = :m and p.closed_on is null group by pl.resource_id""", Object[].class)
                .setParameter("m", municipality)
                .getResultList()
                .map(rows -> rows.stream().collect(Collectors.toMap(r -> (String) r[0],
                        r -> ((Number) r[1]).longValue()))));
    }

    public Uni<Boolean> insertFollowUp(String followUpId, String placementId, String side, LocalDate on, String note) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into follow_up(follow_up_id, placement_id, side, on_date, note)
                        values (:id, :placement, :side, :on, :note) on conflict (follow_up_id) do nothing""")
                .setParameter("id", followUpId)
                .setParameter("placement", placementId)
                .setParameter("side", side)
                .setParameter("on", on)
                .setParameter("note", note)
                .executeUpdate()).map(rows -> rows == 1);
    }
}
