package jp.tsunagu.intake.status;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.IntakeEvent;
import jp.tsunagu.contract.events.TsunaguEvent;
import jp.tsunagu.contract.status.CaseListing;
import jp.tsunagu.contract.status.CaseProgress;
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

/**
 * Writes the referrer's status view from events, idempotently: the API applies its own event right after Kafka
 * acknowledged it (so a GET straight after the POST sees it), and the consumer of every stage topic applies the
 * rest, a batch at a time; whichever comes second finds the event already applied. What an event does to a case is
 * {@link CaseProgress#evolve}: a batch reads its cases' rows once, evolves them in memory in partition order, then
 * writes the rows and the history lines with one pipelined statement each.
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
     * The rows of the events' cases, locked until the transaction ends (in case order), so the API's transaction and
     * a consumer batch never both evolve the same row from what it was.
     */
    private Uni<Map<String, CaseProgress>> read(List<? extends EventEnvelope<? extends TsunaguEvent>> events) {
        Set<String> caseIds = new LinkedHashSet<>();
        events.forEach(e -> caseIds.add(e.subject()));
        return database.list("select " + CaseStatusRow.PROGRESS_COLUMNS
                                + " from case_status where case_id = any($1) order by case_id for update",
                        CaseStatusRow::progress, (Object) caseIds.toArray(String[]::new))
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
        for (EventEnvelope<? extends TsunaguEvent> e : events) {
            persons.follow(e.data());
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
                        : writeRows(changed.values(), history), persons.write(database)).discardItems();
    }

    /**
     * Both statements are sent without waiting for the first's answer. A status replaces only one recorded earlier
     * even here: a new case has no row to lock until the request that made it commits, and routing may have answered
     * the referral by then.
     */
    private Uni<Void> writeRows(Iterable<CaseProgress> cases, List<Tuple> history) {
        List<Tuple> rows = new ArrayList<>();
        for (CaseProgress c : cases) {
            CaseListing l = c.listing();
            rows.add(Tuple.tuple(Arrays.asList(c.caseId(), c.municipality(), c.referringAgencyId(),
                    c.assignedAgencyId(), c.status().name(), c.statusTime().atOffset(ZoneOffset.UTC), c.receivedOn(),
                    String.join(",", c.openPlans()), c.consent() == null ? null : c.consent().name(),
                    String.join(",", c.entrusted()), l.area(), name(l.ageBand()), names(l.concerns()),
                    name(l.urgency()), names(l.fields()), name(l.track()), l.dueOn(), c.lateFrom(), l.caseNumber(),
                    String.join(",", c.planRoles()), String.join(",", c.caseload()), c.joinedTo())));
        }
        Uni<Void> upsert = database.updateEach("""
                insert into case_status(case_id, municipality, referring_agency_id, assigned_agency_id, status,
                                        status_time, received_on, open_plans, consent, entrusted, area,
                                        age_band, concerns, urgency, fields, track, due_on, late_from, case_number,
                                        plan_roles, caseload, joined_to)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20,
                        $21, $22)
                on conflict (case_id) do update
                   set referring_agency_id = coalesce(case_status.referring_agency_id, excluded.referring_agency_id),
                       received_on = coalesce(case_status.received_on, excluded.received_on),
                       open_plans = excluded.open_plans,
                       consent = excluded.consent,
                       entrusted = excluded.entrusted,
                       area = excluded.area, age_band = excluded.age_band, concerns = excluded.concerns,
                       urgency = excluded.urgency, fields = excluded.fields, track = excluded.track,
                       due_on = excluded.due_on,
                       case_number = coalesce(excluded.case_number, case_status.case_number),
                       plan_roles = excluded.plan_roles,
                       joined_to = coalesce(case_status.joined_to, excluded.joined_to),
                       caseload = case when excluded.status_time >= case_status.status_time
                                       then excluded.caseload else case_status.caseload end,
                       late_from = case when excluded.status_time >= case_status.status_time
                                        then excluded.late_from else case_status.late_from end,
                       status = case when excluded.status_time >= case_status.status_time
                                     then excluded.status else case_status.status end,
                       assigned_agency_id = case when excluded.status_time >= case_status.status_time
                                                 then excluded.assigned_agency_id
                                                 else case_status.assigned_agency_id end,
                       status_time = greatest(excluded.status_time, case_status.status_time),
                       updated_at = now()""", rows);
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
