package jp.tsunagu.reporting.projection;

import io.smallrye.mutiny.Uni;
import jp.tsunagu.contract.codes.CaseStatus;
import jp.tsunagu.contract.status.CaseStage;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import static jp.tsunagu.support.db.SqlValues.instant;
import static jp.tsunagu.support.db.SqlValues.localDate;

/**
 * A {@link CaseFactRow} as {@code case_fact} keeps it: read back as it was written, written as the fold left it (the
 * upsert replaces every column and decides nothing). {@code stage} is the case's status, {@code stage_at} the fold's
 * latest time, {@code duplicate_of} the case it was joined to; {@code latest_stage}, {@code status_time},
 * {@code open_plans} and {@code closed_plans} (V10) are the rest of the fold's state; {@code household_id} (V11)
 * the household the case is in now.
 */
final class CaseFactColumns {

    private static final String READ = """
            case_id, municipality, received_on, channel, concerns, referring_agency, urgency, routed_on, decision,
            routed_agency, fields, first_meeting_on, first_plan_on, stage, stage_at, duplicate_of, latest_stage,
            status_time, open_plans, closed_plans, household_id""";

    private static final String INSERT = "insert into {s}.case_fact(" + READ + """
            ) values (:a, :b, :c, :d, :e, :f, :g, :h, :i, :j, :k, :l, :m, :n, :o, :p, :q, :r, :s, :t, :u)
            """;
    private static final String WRITE = INSERT + """
            on conflict (case_id) do update set municipality = excluded.municipality,
              received_on = excluded.received_on, channel = excluded.channel, concerns = excluded.concerns,
              referring_agency = excluded.referring_agency, urgency = excluded.urgency,
              routed_on = excluded.routed_on, decision = excluded.decision, routed_agency = excluded.routed_agency,
              fields = excluded.fields, first_meeting_on = excluded.first_meeting_on,
              first_plan_on = excluded.first_plan_on, stage = excluded.stage, stage_at = excluded.stage_at,
              duplicate_of = excluded.duplicate_of, latest_stage = excluded.latest_stage,
              status_time = excluded.status_time, open_plans = excluded.open_plans,
              closed_plans = excluded.closed_plans, household_id = excluded.household_id""";

    /** A row nothing can meet ({@link #first}): were one there, it is kept, as the first write of a case would. */
    private static final String FIRST = INSERT + "on conflict do nothing";

    private CaseFactColumns() {
    }

    static Sql write(CaseFactRow r) {
        return write(WRITE, r);
    }

    /**
     * The first row of a case whose writer knows {@code case_fact} has none (a replay's lane, of a case it never
     * wrote out): its own statement, so that COPY takes such rows straight in apart from rows it writes again.
     */
    static Sql first(CaseFactRow r) {
        return write(FIRST, r);
    }

    private static Sql write(String statement, CaseFactRow r) {
        CaseFact.Referral referral = r.referral() != null ? r.referral()
                : new CaseFact.Referral(null, null, null, null, null);
        CaseFact.Routing routing = r.firstRouting() != null ? r.firstRouting()
                : new CaseFact.Routing(null, (String) null, null, null);
        CaseStage s = r.stage();
        return Sql.of(statement, r.caseId(), r.municipality(), referral.receivedOn(), referral.channel(),
                referral.concerns(), referral.referringAgency(), referral.urgency(), routing.on(), routing.decision(),
                routing.agency(), routing.fields(), r.firstMeetingOn(), r.firstPlanOn(), name(s.status()),
                at(s.latestAt()), s.joinedTo(), name(s.latest()), at(s.statusTime()), String.join(",", s.openPlans()),
                String.join(",", s.closedPlans()), r.householdId());
    }

    static CaseFactRow read(Object[] r) {
        CaseFact.Referral referral = r[2] == null && r[3] == null ? null : new CaseFact.Referral(localDate(r[2]),
                (String) r[3], (String) r[4], (String) r[5], (String) r[6]);
        CaseFact.Routing routing = r[7] == null ? null
                : new CaseFact.Routing(localDate(r[7]), (String) r[8], (String) r[9], (String) r[10]);
        CaseStage stage = new CaseStage(r[16] == null ? null : CaseStatus.valueOf((String) r[16]), time(r[14]),
                time(r[17]), ids(r[18]), ids(r[19]), (String) r[15]);
        return new CaseFactRow((String) r[0], ((String) r[1]).trim(), referral, routing, localDate(r[11]),
                localDate(r[12]), stage, (String) r[20]);
    }

    private static String name(CaseStatus status) {
        return status == null ? null : status.name();
    }

    private static OffsetDateTime at(Instant time) {
        return time == null ? null : time.atOffset(ZoneOffset.UTC);
    }

    private static Instant time(Object column) {
        return column == null ? null : instant(column);
    }

    private static Set<String> ids(Object column) {
        return column == null || ((String) column).isEmpty() ? Set.of()
                : new LinkedHashSet<>(Arrays.asList(((String) column).split(",")));
    }

    /** The rows {@code case_fact} has of these cases. */
    static Uni<Map<String, CaseFactRow>> rowsOf(SqlRunner db, Collection<String> caseIds) {
        return db.query(Sql.of("select " + READ + " from {s}.case_fact where case_id = any(:a)",
                new Object[]{caseIds.toArray(String[]::new)})).map(found -> {
                    Map<String, CaseFactRow> rows = new HashMap<>();
                    for (Object[] r : found) {
                        CaseFactRow row = read(r);
                        rows.put(row.caseId(), row);
                    }
                    return rows;
                });
    }
}
