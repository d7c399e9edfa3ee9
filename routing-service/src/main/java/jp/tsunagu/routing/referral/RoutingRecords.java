package jp.tsunagu.routing.referral;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.routing.notice.NoticeRecords;
import jp.tsunagu.routing.rules.CaseFacts;
import jp.tsunagu.routing.rules.Decision;
import jp.tsunagu.support.db.Database;
import jp.tsunagu.support.erasure.ErasedCases;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static jp.tsunagu.support.db.SqlValues.fromJson;
import static jp.tsunagu.support.db.SqlValues.instant;
import static jp.tsunagu.support.db.SqlValues.json;
import static jp.tsunagu.support.db.SqlValues.list;

/** Routing's tables (see V2__routing.sql); writes run in the caller's transaction. */
@ApplicationScoped
public class RoutingRecords {

    private static final String ROUTING_COLUMNS = """
            case_id, municipality, referring_agency_id, decision_json, state, routed_on, due_on, declined_by, seq
            """;

    private final Database database;
    private final NoticeRecords notices;
    private final ErasedCases erased;

    public RoutingRecords(Database database, NoticeRecords notices, ErasedCases erased) {
        this.database = database;
        this.notices = notices;
        this.erased = erased;
    }

    public Uni<Optional<CaseFacts>> facts(String caseId) {
        return facts(List.of(caseId)).map(found -> Optional.ofNullable(found.get(caseId)));
    }

    /** The facts of every case given that routing holds, by case id. */
    public Uni<Map<String, CaseFacts>> facts(Collection<String> caseIds) {
        return database.list("select facts_json from case_facts where case_id = any($1)",
                        row -> fromJson(row.getString(0), CaseFacts.class), (Object) caseIds.toArray(String[]::new))
                .map(rows -> rows.stream().collect(Collectors.toMap(CaseFacts::caseId, f -> f)));
    }

    /** The routing of every case given that has one, by case id. */
    public Uni<Map<String, CaseRouting>> routings(Collection<String> caseIds) {
        return database.list("select " + ROUTING_COLUMNS + " from case_routing where case_id = any($1)",
                        RoutingRecords::routingOf, (Object) caseIds.toArray(String[]::new))
                .map(rows -> rows.stream().collect(Collectors.toMap(CaseRouting::caseId, r -> r)));
    }

    /** The case's 受付番号; empty for a case received before case numbers were given. */
    public Uni<Optional<String>> caseNumber(String caseId) {
        return database.first("select case_number from case_facts where case_id = $1",
                row -> Optional.ofNullable(row.getString(0)), caseId).map(found -> found.flatMap(n -> n));
    }

    public Uni<Optional<CaseRouting>> routing(String caseId) {
        return database.first("select " + ROUTING_COLUMNS + " from case_routing where case_id = $1",
                RoutingRecords::routingOf, caseId);
    }

    /** The routing, locked until the transaction ends: two answers (or an answer and the overdue check) queue up. */
    public Uni<Optional<CaseRouting>> routingForUpdate(String caseId) {
        return database.first("select " + ROUTING_COLUMNS + " from case_routing where case_id = $1 for update",
                RoutingRecords::routingOf, caseId);
    }

    /**
     * Writes what a command or a consumer batch changed, a statement per table whatever the number of cases: the
     * facts, the routings, the agencies' load moved with them, the steps of the history, then the erasures.
     */
    public Uni<Void> write(RoutingChanges changes) {
        return database.updateEach("""
                        insert into case_facts(case_id, municipality, facts_json, case_number)
                        values ($1, $2, $3, $4)
                        on conflict (case_id) do update set facts_json = excluded.facts_json,
                            case_number = coalesce(excluded.case_number, case_facts.case_number)""",
                        changes.facts().stream().map(f -> Tuple.of(f.caseId(), f.municipality(), json(f),
                                changes.caseNumber(f.caseId()))).toList())
                .chain(() -> database.updateEach("""
                                insert into case_routing(case_id, municipality, referring_agency_id, decision, state,
                                                         agency_id, decision_json, routed_on, due_on, declined_by,
                                                         seq)
                                values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
                                on conflict (case_id) do update set decision = excluded.decision,
                                    state = excluded.state, agency_id = excluded.agency_id,
                                    decision_json = excluded.decision_json, routed_on = excluded.routed_on,
                                    due_on = excluded.due_on,
                                    declined_by = excluded.declined_by, seq = excluded.seq, updated_at = now()""",
                        changes.routings().stream().map(r -> Tuple.tuple(Arrays.asList(r.caseId(), r.municipality(),
                                r.referringAgencyId(), r.decision().decision().name(), r.state(), r.agencyId(),
                                json(r.decision()), r.routedOn(), r.dueOn(), String.join(",", r.declinedBy()), r.seq())))
                                .toList()))
                .chain(() -> database.updateEach("""
                                insert into agency_load(municipality, agency_id, open_cases) values ($1, $2, $3)
                                on conflict (municipality, agency_id)
                                do update set open_cases = agency_load.open_cases + excluded.open_cases""",
                        changes.loadShifts().stream().map(l -> Tuple.of(l.municipality(), l.agencyId(), l.by()))
                                .toList()))
                .chain(() -> database.updateEach("""
                                insert into routing_step(event_id, case_id, event_type, agency_id, business_date,
                                                         recorded_at, detail)
                                values ($1, $2, $3, $4, $5, $6, $7) on conflict (event_id) do nothing""",
                        changes.steps().stream().map(step -> Tuple.tuple(Arrays.asList(step.event().id(),
                                step.event().subject(), step.event().type(), step.agencyId(),
                                step.event().businessDate(), step.event().time().atOffset(ZoneOffset.UTC),
                                clip(step.detail())))).toList()))
                .chain(() -> database.updateEach("""
                                insert into inbox_item(municipality, agency_id, case_id, state, decision, routed_on,
                                                       due_on, reasons_json)
                                values ($1, $2, $3, 'AWAITING', $4, $5, $6, $7)
                                on conflict (agency_id, case_id) do update set state = 'AWAITING',
                                    decision = excluded.decision, routed_on = excluded.routed_on,
                                    due_on = excluded.due_on, answered_on = null, decline_reason = null,
                                    reasons_json = excluded.reasons_json""",
                        changes.arrivals().stream().map(a -> Tuple.tuple(Arrays.asList(a.municipality(),
                                a.agencyId(), a.caseId(), a.decision().name(), a.routedOn(), a.dueOn(),
                                json(a.reasons())))).toList()))
                .chain(() -> database.updateEach("""
                                update inbox_item set state = $3, answered_on = $4, decline_reason = $5
                                 where agency_id = $1 and case_id = $2""",
                        changes.answers().stream().map(a -> Tuple.tuple(Arrays.asList(a.agencyId(), a.caseId(),
                                a.state(), a.on(), a.declineReason()))).toList()))
                // the person's data was erased: the free text of the case's steps (a decline's reason may describe
                // the person) is written over; the steps, agencies and dates stay
                .chain(() -> database.updateEach("""
                                update routing_step set detail = '辞退（理由は本人の情報とともに消去されました）'
                                 where case_id = $1 and event_type = 'jp.tsunagu.routing.routing-declined.v1'""",
                        changes.erasures().stream().map(id -> Tuple.of(id)).toList()))
                .chain(() -> database.updateEach("""
                                update inbox_item set decline_reason = $2
                                 where case_id = $1 and decline_reason is not null""",
                        changes.erasures().stream().map(id -> Tuple.of(id, ErasedCases.WRITTEN_OVER)).toList()))
                .chain(() -> notices.eraseReasons(changes.erasures()))
                .chain(() -> erased.recordAll(changes.erasures()))
                .chain(() -> notices.write(changes.notices()));
    }

    private static String clip(String detail) {
        return detail == null || detail.length() <= 600 ? detail : detail.substring(0, 600);
    }

    /** Agency id → the cases it holds ({@link CaseRouting#holdsAgency()}): "open cases". */
    public Uni<Map<String, Long>> openCases(String municipality) {
        return database.list("""
                        select agency_id, open_cases from agency_load
                         where municipality = $1 and open_cases > 0""",
                        row -> Map.entry(row.getString("agency_id"), row.getLong("open_cases")), municipality)
                .map(rows -> rows.stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    /**
     * Cases still waiting for an answer whose deadline was before {@code today}, locked so that an agency's answer
     * in the meantime waits (and then finds the case no longer waiting).
     */
    public Uni<List<CaseRouting>> awaitingDueBefore(String municipality, LocalDate today) {
        return database.list("select " + ROUTING_COLUMNS + """
                         from case_routing
                         where state = 'AWAITING' and due_on < $1 and ($2::varchar = '' or municipality = $2)
                         order by due_on, case_id for update""",
                RoutingRecords::routingOf, today, municipality == null ? "" : municipality);
    }

    /** Cases waiting for an answer due between the two dates (inclusive), of one municipality or (null) all. */
    public Uni<List<CaseRouting>> awaitingDueBetween(String municipality, LocalDate from, LocalDate to) {
        return database.list("select " + ROUTING_COLUMNS + """
                         from case_routing where state = 'AWAITING' and due_on between $1 and $2
                          and ($3::varchar = '' or municipality = $3)""",
                RoutingRecords::routingOf, from, to, municipality == null ? "" : municipality);
    }

    public Uni<List<RoutingView.Step>> steps(String caseId) {
        return database.list("""
                        select event_type, agency_id, business_date, recorded_at, detail from routing_step
                         where case_id = $1 order by recorded_at, event_id""",
                row -> new RoutingView.Step(row.getString("event_type"), row.getString("agency_id"),
                        row.getLocalDate("business_date"), instant(row.getValue("recorded_at")),
                        row.getString("detail")), caseId);
    }

    private static CaseRouting routingOf(Row row) {
        Set<String> declinedBy = new LinkedHashSet<>(list(row.getString("declined_by")));
        return new CaseRouting(row.getString("case_id"), row.getString("municipality").trim(),
                row.getString("referring_agency_id"), fromJson(row.getString("decision_json"), Decision.class),
                row.getString("state"), row.getLocalDate("routed_on"), row.getLocalDate("due_on"), declinedBy,
                row.getInteger("seq"));
    }
}
