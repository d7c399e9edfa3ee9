package jp.tsunagu.reporting.figures;

import io.smallrye.mutiny.Uni;
import jp.tsunagu.contract.codes.CaseStatus;
import jp.tsunagu.contract.codes.FiscalYear;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.PlanType;
import jp.tsunagu.reporting.projection.Sql;
import jp.tsunagu.reporting.projection.SqlRunner;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static jp.tsunagu.support.db.SqlValues.localDate;

/**
 * The projected facts of one municipality over a range of fiscal years, read the same way from the live schema or
 * from a replay's: everything the figures are computed from.
 *
 * @param stages the cases by their current stage (not limited to the range)
 * Cases joined to another as a duplicate of the same person ({@code case_fact.duplicate_of}) are not read: the
 * person's first case is their one 相談.
 */
public record Facts(List<FiscalYearFigures.MeetingHeld> meetings, List<FiscalYearFigures.Review> reviews,
                    List<FiscalYearFigures.PlanChange> planChanges, List<CaseFact> cases,
                    List<RoutingOutcome> outcomes, Map<CaseStatus, Integer> stages,
                    List<HouseholdFigures.SupportedCase> supported, List<HouseholdFigures.PlanSubject> planSubjects) {

    public Facts(List<FiscalYearFigures.MeetingHeld> meetings, List<FiscalYearFigures.Review> reviews,
                 List<FiscalYearFigures.PlanChange> planChanges, List<CaseFact> cases,
                 List<RoutingOutcome> outcomes, Map<CaseStatus, Integer> stages) {
        this(meetings, reviews, planChanges, cases, outcomes, stages, List.of(), List.of());
    }

    public FiscalYearFigures.Activity activity() {
        return new FiscalYearFigures.Activity(meetings, reviews, planChanges, supported, planSubjects);
    }

    /** The households the year supported ({@link HouseholdFigures}). */
    public HouseholdFigures.Households households(FiscalYear year) {
        return HouseholdFigures.compute(year, supported, planSubjects);
    }

    /** A case's row of facts (the projection's {@code case_fact}); dates null until the step happened. */
    public record CaseFact(String caseId, LocalDate receivedOn, String channel, List<String> concerns, String urgency,
                           LocalDate routedOn, String decision, String routedAgency, List<String> fields,
                           LocalDate firstMeetingOn, LocalDate firstPlanOn) {
    }

    /** ROUTED / ESCALATED / OUTREACH / ACCEPTED / DECLINED / OVERDUE, by the agency it concerns. */
    public record RoutingOutcome(String agencyId, String outcome, LocalDate on) {
    }

    public static Uni<Facts> load(SqlRunner db, String municipality, FiscalYear from, FiscalYear to) {
        LocalDate start = from.start();
        LocalDate end = to.end();
        Uni<List<FiscalYearFigures.MeetingHeld>> meetings = db.query(Sql.of("""
                        select meeting_id, type, held_on from {s}.meeting_held
                         where municipality = :a and held_on between :b and :c""", municipality, start, end))
                .map(rows -> rows.stream().map(r -> new FiscalYearFigures.MeetingHeld((String) r[0],
                        MeetingType.valueOf((String) r[1]), localDate(r[2]))).toList());
        Uni<List<FiscalYearFigures.Review>> reviews = db.query(Sql.of("""
                        select meeting_id, case_id, meeting_type, held_on from {s}.case_review
                         where municipality = :a and held_on between :b and :c""", municipality, start, end))
                .map(rows -> rows.stream().map(r -> new FiscalYearFigures.Review((String) r[0], (String) r[1],
                        MeetingType.valueOf((String) r[2]), localDate(r[3]))).toList());
        Uni<List<FiscalYearFigures.PlanChange>> changes = db.query(Sql.of("""
                        select plan_id, plan_type, kind, business_date, version from {s}.plan_change
                         where municipality = :a and business_date between :b and :c""", municipality, start, end))
                .map(rows -> rows.stream().map(r -> new FiscalYearFigures.PlanChange((String) r[0],
                        PlanType.valueOf((String) r[1]), FiscalYearFigures.Kind.valueOf((String) r[2]),
                        localDate(r[3]), r[4] == null ? null : ((Number) r[4]).intValue())).toList());
        Uni<List<CaseFact>> cases = db.query(Sql.of("""
                        select case_id, received_on, channel, concerns, urgency, routed_on, decision, routed_agency,
                               fields, first_meeting_on, first_plan_on
                          from {s}.case_fact where municipality = :a and received_on between :b and :c
                           and duplicate_of is null""",
                        municipality, start, end))
                .map(rows -> rows.stream().map(r -> new CaseFact((String) r[0], localDate(r[1]), (String) r[2],
                        codes(r[3]), (String) r[4], localDate(r[5]), (String) r[6], (String) r[7], codes(r[8]),
                        localDate(r[9]), localDate(r[10]))).toList());
        Uni<List<RoutingOutcome>> outcomes = db.query(Sql.of("""
                        select agency_id, outcome, business_date from {s}.routing_outcome
                         where municipality = :a and business_date between :b and :c""", municipality, start, end))
                .map(rows -> rows.stream().map(r -> new RoutingOutcome((String) r[0], (String) r[1],
                        localDate(r[2]))).toList());
        // the stage is stored as contract's CaseStage folded it (CaseFactRow): counted here, decided nowhere in SQL
        Uni<Map<CaseStatus, Integer>> stages = db.query(Sql.of("""
                        select stage, count(*) from {s}.case_fact
                         where municipality = :a and stage is not null and duplicate_of is null group by 1""",
                        municipality))
                .map(rows -> {
                    Map<CaseStatus, Integer> byStage = new EnumMap<>(CaseStatus.class);
                    rows.forEach(r -> byStage.merge(CaseStatus.valueOf((String) r[0]), ((Number) r[1]).intValue(),
                            Integer::sum));
                    return byStage;
                });
        Uni<List<HouseholdFigures.PlanSubject>> subjects = planSubjects(db, municipality, start, end);
        return meetings.chain(m -> reviews.chain(r -> changes.chain(c -> cases.chain(k -> outcomes.chain(
                o -> stages.chain(s -> supported(db, municipality, from, to).chain(h -> subjects.map(
                        p -> new Facts(m, r, c, k, o, s, h, p)))))))));
    }

    /**
     * Each year's cases with a step of support in it ({@link HouseholdFigures}: received, routed or answered,
     * reviewed, a plan made, revised or closed), with the household each is in now; a query per year, whose dates
     * {@link FiscalYear} gives.
     */
    private static Uni<List<HouseholdFigures.SupportedCase>> supported(SqlRunner db, String municipality,
                                                                       FiscalYear from, FiscalYear to) {
        Uni<List<HouseholdFigures.SupportedCase>> all = Uni.createFrom().item(List.of());
        for (FiscalYear year = from; year.compareTo(to) <= 0; year = year.next()) {
            FiscalYear y = year;
            all = all.chain(before -> db.query(Sql.of("""
                            select f.case_id, f.household_id from {s}.case_fact f
                             where f.municipality = :a and f.duplicate_of is null and f.case_id in (
                                   select case_id from {s}.case_fact
                                    where municipality = :a and received_on between :b and :c
                                   union select case_id from {s}.routing_outcome
                                    where municipality = :a and business_date between :b and :c
                                   union select case_id from {s}.case_review
                                    where municipality = :a and held_on between :b and :c
                                   union select case_id from {s}.plan_change
                                    where municipality = :a and business_date between :b and :c)""",
                            municipality, y.start(), y.end()))
                    .map(rows -> {
                        List<HouseholdFigures.SupportedCase> more = new java.util.ArrayList<>(before);
                        rows.forEach(r -> more.add(new HouseholdFigures.SupportedCase(y.year(), (String) r[0],
                                (String) r[1])));
                        return more;
                    }));
        }
        return all;
    }

    /**
     * The cases each plan made by the range's end and not closed before its start covers, with their households
     * now: a household's plan has one plan-created per member case, under one planId.
     */
    private static Uni<List<HouseholdFigures.PlanSubject>> planSubjects(SqlRunner db, String municipality,
                                                                        LocalDate start, LocalDate end) {
        return db.query(Sql.of("""
                        select c.plan_id, c.case_id, f.household_id,
                               min(c.business_date) filter (where c.kind = 'CREATED') as created_on,
                               min(c.business_date) filter (where c.kind = 'CLOSED') as closed_on
                          from {s}.plan_change c join {s}.case_fact f on f.case_id = c.case_id
                         where c.municipality = :a and f.duplicate_of is null
                         group by c.plan_id, c.case_id, f.household_id
                        having min(c.business_date) filter (where c.kind = 'CREATED') <= :c
                           and coalesce(min(c.business_date) filter (where c.kind = 'CLOSED'), :b) >= :b""",
                        municipality, start, end))
                .map(rows -> rows.stream().map(r -> new HouseholdFigures.PlanSubject((String) r[0], (String) r[1],
                        (String) r[2], localDate(r[3]), localDate(r[4]))).toList());
    }

    private static List<String> codes(Object column) {
        return column == null || ((String) column).isEmpty() ? List.of()
                : Arrays.asList(((String) column).split(","));
    }
}
