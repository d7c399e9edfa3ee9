package jp.tsunagu.intake.status;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.IntakeEvent;
import jp.tsunagu.contract.events.TsunaguEvent;
import jp.tsunagu.contract.status.CaseListing;
import jp.tsunagu.contract.status.CaseProgress;
import jp.tsunagu.contract.status.CaseStage;
import jp.tsunagu.contract.status.CaseStatusRules;
import jp.tsunagu.support.db.Database;
import jp.tsunagu.support.events.ProcessedEvents;
import jp.tsunagu.support.events.StageProjection;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes the referrer's status view from events, idempotently: the API applies its own event in the transaction
 * that commits once Kafka acknowledged it (so a GET straight after the POST sees it), and the consumer of every stage
 * topic applies the rest, a batch at a time; whichever comes second finds the event already applied. What an event
 * does to a case is {@link CaseProgress#evolve} (its status: contract's {@link CaseStage}, the one fold reporting
 * runs too): a batch locks and reads its cases' rows once, evolves them in memory in partition order, then writes the
 * rows, as the fold left them, and the history lines with one pipelined statement each.
 */
@ApplicationScoped
public class CaseStatusProjection implements StageProjection {

    static final String CONSUMER = "case-status";

    private final Database database;

    public CaseStatusProjection(Database database) {
        this.database = database;
    }

    @Override
    public String consumer() {
        return CONSUMER;
    }

    /** Events that are not about one case (a meeting scheduled, a directory change) change nothing here. */
    @Override
    public boolean changesAnything(TsunaguEvent event) {
        return CaseStatusRules.of(event).isPresent();
    }

    /**
     * The consumer's path: events of every stage topic not applied before, inside the batch's transaction
     * ({@code StageEventsConsumer} has claimed them in the ledger already).
     */
    @Override
    public Uni<Void> apply(List<EventEnvelope<TsunaguEvent>> events) {
        return read(events).chain(cases -> write(events, cases));
    }

    /**
     * The API's path for its own events: must run inside the command's transaction. The claim here is the only one
     * on this path, and what makes the consumer skip the event when Kafka delivers it later; it and the read of the
     * case are sent together.
     */
    public Uni<Void> apply(EventEnvelope<? extends TsunaguEvent> envelope) {
        return Uni.combine().all().unis(ProcessedEvents.claim(database, CONSUMER, List.of(envelope.id())),
                        read(List.of(envelope)))
                .asTuple()
                .chain(both -> both.getItem1().contains(envelope.id()) ? write(List.of(envelope), both.getItem2())
                        : Uni.createFrom().voidItem());
    }

    /**
     * A caseload import's path: the ids of the events a transaction is about to write, claimed before they are sent,
     * so the consumer, reading them back before the transaction commits, waits for it rather than holding claims the
     * transaction then waits for. Answers the ids claimed now (an id claimed before, by a run that wrote the event
     * but did not commit, was applied from the log already); the transaction applies those with {@link #apply(List)}.
     */
    public Uni<Set<String>> claimAhead(List<String> eventIds) {
        return ProcessedEvents.claim(database, CONSUMER, eventIds);
    }

    /**
     * The rows of the events' cases, as {@link CaseProgress#evolve} left them. Each case is locked first, in case
     * order, until the transaction ends (a transaction-scoped advisory lock on its id, which exists before its row
     * does), and only then read, so the API's transaction and a consumer batch never both evolve the same case from
     * what it was: a new case's referral may still be uncommitted when routing has answered it.
     */
    private Uni<Map<String, CaseProgress>> read(List<? extends EventEnvelope<? extends TsunaguEvent>> events) {
        Set<String> caseIds = new TreeSet<>();
        events.forEach(e -> caseIds.add(e.subject()));
        Object ids = caseIds.toArray(String[]::new);
        return database.list("""
                        select pg_advisory_xact_lock(hashtextextended(id, 0)) is null
                          from (select id from unnest($1::text[]) id order by id) ids""", row -> true, ids)
                .chain(() -> database.list("select " + CaseStatusRow.PROGRESS_COLUMNS
                        + " from case_status where case_id = any($1)", CaseStatusRow::progress, ids))
                .map(found -> {
                    Map<String, CaseProgress> cases = new LinkedHashMap<>();
                    found.forEach(c -> cases.put(c.caseId(), c));
                    return cases;
                });
    }

    /** Evolves the cases in memory, in the events' order, then writes what changed. */
    private Uni<Void> write(List<? extends EventEnvelope<? extends TsunaguEvent>> events,
                            Map<String, CaseProgress> cases) {
        Map<String, CaseProgress> changed = new LinkedHashMap<>();
        List<Tuple> history = new ArrayList<>();
        PersonRecords persons = new PersonRecords();
        HouseholdFacts facts = new HouseholdFacts();
        for (EventEnvelope<? extends TsunaguEvent> e : events) {
            persons.follow(e.data());
            facts.follow(e.data());
            CaseProgress before = changed.getOrDefault(e.subject(),
                    cases.getOrDefault(e.subject(), CaseProgress.none(e.subject(), e.municipality())));
            before.evolve(e).ifPresent(step -> {
                changed.put(e.subject(), step.after());
                var c = step.change();
                history.add(Tuple.tuple(Arrays.asList(e.id(), e.subject(), e.type(),
                        c.status() == null ? null : c.status().name(), c.about(), e.businessDate(),
                        e.time().atOffset(ZoneOffset.UTC), c.detail(), c.referrerNote())));
            });
            // a confirmed duplicate's referral joins the history of the case it joins (that case's row is unchanged)
            if (e.data() instanceof IntakeEvent.DuplicateConfirmed d) {
                history.add(Tuple.tuple(Arrays.asList(CaseStatusRules.joinedEventId(e.id()), d.duplicateOf(),
                        e.type(), null, null, e.businessDate(), e.time().atOffset(ZoneOffset.UTC),
                        CaseStatusRules.joined(d).detail(), null)));
            }
        }
        // both sent without waiting for the other's answer (the client pipelines them on the connection)
        return Uni.combine().all().unis(history.isEmpty() ? Uni.createFrom().voidItem()
                        : writeRows(changed.values(), history), persons.write(database),
                facts.write(database)).discardItems();
    }

    /**
     * Both statements are sent without waiting for the first's answer. The row is what the fold gave, stored as it
     * is: the case was locked and read in this transaction ({@link #read}), so nothing in SQL decides.
     */
    private Uni<Void> writeRows(Iterable<CaseProgress> cases, List<Tuple> history) {
        List<Tuple> rows = new ArrayList<>();
        for (CaseProgress c : cases) {
            CaseListing l = c.listing();
            CaseStage s = c.stage();
            rows.add(Tuple.tuple(Arrays.asList(c.caseId(), c.municipality(), c.referringAgencyId(),
                    c.assignedAgencyId(), c.status().name(), c.statusTime().atOffset(ZoneOffset.UTC), c.receivedOn(),
                    String.join(",", s.openPlans()), c.consent() == null ? null : c.consent().name(),
                    String.join(",", c.entrusted()), l.area(), name(l.ageBand()), names(l.concerns()),
                    name(l.urgency()), names(l.fields()), name(l.track()), l.dueOn(), c.lateFrom(), l.caseNumber(),
                    String.join(",", c.planRoles()), String.join(",", c.caseload()), s.joinedTo(), name(s.latest()),
                    s.latestAt() == null ? null : s.latestAt().atOffset(ZoneOffset.UTC),
                    String.join(",", s.closedPlans()))));
        }
        Uni<Void> upsert = database.updateEach("""
                insert into case_status(case_id, municipality, referring_agency_id, assigned_agency_id, status,
                                        status_time, received_on, open_plans, consent, entrusted, area,
                                        age_band, concerns, urgency, fields, track, due_on, late_from, case_number,
                                        plan_roles, caseload, joined_to, latest_status, latest_at, closed_plans)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20,
                        $21, $22, $23, $24, $25)
                on conflict (case_id) do update
                   set referring_agency_id = excluded.referring_agency_id,
                       assigned_agency_id = excluded.assigned_agency_id, status = excluded.status,
                       status_time = excluded.status_time, received_on = excluded.received_on,
                       open_plans = excluded.open_plans, consent = excluded.consent, entrusted = excluded.entrusted,
                       area = excluded.area, age_band = excluded.age_band, concerns = excluded.concerns,
                       urgency = excluded.urgency, fields = excluded.fields, track = excluded.track,
                       due_on = excluded.due_on, late_from = excluded.late_from, case_number = excluded.case_number,
                       plan_roles = excluded.plan_roles, caseload = excluded.caseload, joined_to = excluded.joined_to,
                       latest_status = excluded.latest_status, latest_at = excluded.latest_at,
                       closed_plans = excluded.closed_plans, updated_at = now()""", rows);
        Uni<Void> lines = database.updateEach("""
                insert into case_status_history(event_id, case_id, event_type, status, agency_id, business_date,
                                                recorded_at, detail, referrer_note)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                on conflict (event_id) do nothing""", history);
        return Uni.combine().all().unis(upsert, lines).discardItems();
    }

    private static String name(Enum<?> code) {
        return code == null ? null : code.name();
    }

    private static String names(List<? extends Enum<?>> codes) {
        return String.join(",", codes.stream().map(Enum::name).toList());
    }
}
