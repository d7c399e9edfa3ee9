package jp.tsunagu.reporting.figures;

import io.smallrye.mutiny.Uni;
import jp.tsunagu.contract.codes.CaseStatus;
import jp.tsunagu.contract.codes.FiscalYear;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.PlanType;
import jp.tsunagu.reporting.projection.Sql;
import jp.tsunagu.reporting.projection.SqlRunner;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
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

    /**
     * What the figures read of a case's row of facts (the projection's {@code case_fact}); dates null until the step
     * happened. No case id: a year of a large city's cases is held at once, and the figures only count them.
     */
    public record CaseFact(LocalDate receivedOn, String channel, List<String> concerns, String urgency,
                           LocalDate routedOn, List<String> fields, LocalDate firstMeetingOn, LocalDate firstPlanOn) {
    }

    /** ROUTED / ESCALATED / OUTREACH / ACCEPTED / DECLINED / OVERDUE, by the agency it concerns. */
    public record RoutingOutcome(String agencyId, String outcome, LocalDate on) {
    }

    public static Uni<Facts> load(SqlRunner db, String municipality, FiscalYear from, FiscalYear to) {
        LocalDate start = from.start();
        LocalDate end = to.end();
        Shared shared = new Shared();
        Uni<List<FiscalYearFigures.MeetingHeld>> meetings = db.query(Sql.of("""
                        select meeting_id, type, held_on from {s}.meeting_held
                         where municipality = :a and held_on between :b and :c""", municipality, start, end),
                r -> new FiscalYearFigures.MeetingHeld((String) r[0], MeetingType.valueOf((String) r[1]),
                        shared.date(r[2])));
        Uni<List<FiscalYearFigures.Review>> reviews = db.query(Sql.of("""
                        select meeting_id, case_id, meeting_type, held_on from {s}.case_review
                         where municipality = :a and held_on between :b and :c""", municipality, start, end),
                r -> new FiscalYearFigures.Review((String) r[0], (String) r[1], MeetingType.valueOf((String) r[2]),
                        shared.date(r[3])));
        Uni<List<FiscalYearFigures.PlanChange>> changes = db.query(Sql.of("""
                        select plan_id, plan_type, kind, business_date, version from {s}.plan_change
                         where municipality = :a and business_date between :b and :c""", municipality, start, end),
                r -> new FiscalYearFigures.PlanChange((String) r[0], PlanType.valueOf((String) r[1]),
                        FiscalYearFigures.Kind.valueOf((String) r[2]), shared.date(r[3]),
                        r[4] == null ? null : ((Number) r[4]).intValue()));
        Uni<List<CaseFact>> cases = db.query(Sql.of("""
                        select received_on, channel, concerns, urgency, routed_on, fields, first_meeting_on,
                               first_plan_on
                          from {s}.case_fact where municipality = :a and received_on between :b and :c
                           and duplicate_of is null""",
                        municipality, start, end),
                r -> new CaseFact(shared.date(r[0]), shared.code(r[1]), shared.codes(r[2]), shared.code(r[3]),
                        shared.date(r[4]), shared.codes(r[5]), shared.date(r[6]), shared.date(r[7])));
        Uni<List<RoutingOutcome>> outcomes = db.query(Sql.of("""
                        select agency_id, outcome, business_date from {s}.routing_outcome
                         where municipality = :a and business_date between :b and :c""", municipality, start, end),
                r -> new RoutingOutcome(shared.code(r[0]), shared.code(r[1]), shared.date(r[2])));
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
        Uni<List<HouseholdFigures.PlanSubject>> subjects = planSubjects(db, municipality, start, end, shared);
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
                            municipality, y.start(), y.end()),
                    r -> new HouseholdFigures.SupportedCase(y.year(), (String) r[0], (String) r[1]))
                    .map(rows -> {
                        List<HouseholdFigures.SupportedCase> more = new java.util.ArrayList<>(before);
                        more.addAll(rows);
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
                                                                        LocalDate start, LocalDate end,
                                                                        Shared shared) {
        return db.query(Sql.of("""
                        select c.plan_id, c.case_id, f.household_id,
                               min(c.business_date) filter (where c.kind = 'CREATED') as created_on,
                               min(c.business_date) filter (where c.kind = 'CLOSED') as closed_on
                          from {s}.plan_change c join {s}.case_fact f on f.case_id = c.case_id
                         where c.municipality = :a and f.duplicate_of is null
                         group by c.plan_id, c.case_id, f.household_id
                        having min(c.business_date) filter (where c.kind = 'CREATED') <= :c
                           and coalesce(min(c.business_date) filter (where c.kind = 'CLOSED'), :b) >= :b""",
                        municipality, start, end),
                r -> new HouseholdFigures.PlanSubject((String) r[0], (String) r[1], (String) r[2],
                        shared.date(r[3]), shared.date(r[4])));
    }

    /**
     * One instance of each code, list of codes and date a load reads: a year of a large city's cases repeats a few
     * hundred of them, and each row would otherwise hold its own copies (bench/run: 250,000 cases in a year).
     * A load's queries run one after another (chained, never combined), so one map serves them all.
     */
    private static final class Shared {
        private final Map<Object, Object> seen = new HashMap<>();

        String code(Object column) {
            return column == null ? null : (String) seen.computeIfAbsent(column, c -> c);
        }

        LocalDate date(Object column) {
            return column == null ? null : (LocalDate) seen.computeIfAbsent(localDate(column), d -> d);
        }

        @SuppressWarnings("unchecked")
        List<String> codes(Object column) {
            if (column == null || ((String) column).isEmpty()) {
                return List.of();
            }
            // keyed apart from the single codes: "DEBT" alone and the list [DEBT] are different values
            return (List<String>) seen.computeIfAbsent(new CodeList((String) column),
                    k -> List.of(((String) column).split(",")));
        }

        private record CodeList(String text) {
        }
    }
}
