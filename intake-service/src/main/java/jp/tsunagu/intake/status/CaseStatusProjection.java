package jp.tsunagu.intake.status;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.codes.CaseStatus;
import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.IntakeEvent;
import jp.tsunagu.contract.events.PlanningEvent;
import jp.tsunagu.contract.events.TsunaguEvent;
import jp.tsunagu.contract.status.CaseStatusRules;
import jp.tsunagu.contract.status.StatusChange;
import jp.tsunagu.support.db.Database;
import jp.tsunagu.support.events.ProcessedEvents;
import jp.tsunagu.support.events.StageProjection;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * Writes the referrer's status view from events, idempotently: the API applies its own event right after Kafka
 * acknowledged it (so a GET straight after the POST sees it), and the consumer of every stage topic applies the
 * rest; whichever comes second finds the event already applied. Cross-topic events may arrive out of order, so a
 * status only replaces one recorded earlier.
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
        return StageProjection.oneByOne(events, this::write);
    }

    /**
     * The API's path for its own events: must run inside the command's transaction. The claim here is the only one
     * on this path, and what makes the consumer skip the event when Kafka delivers it later.
     */
    public Uni<Void> apply(EventEnvelope<? extends TsunaguEvent> envelope) {
        return ProcessedEvents.claim(database, CONSUMER, List.of(envelope.id()))
                .chain(claimed -> claimed.contains(envelope.id()) ? write(envelope) : Uni.createFrom().voidItem());
    }

    /** The change itself, for an event not applied before; inside a transaction. */
    private Uni<Void> write(EventEnvelope<? extends TsunaguEvent> envelope) {
        var change = CaseStatusRules.of(envelope.data());
        if (change.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return switch (envelope.data()) {
            case PlanningEvent.PlanCreated p -> openPlans(p.caseId(), p.planId(), true)
                    .chain(open -> write(envelope, change.get()));
            // closing one plan while another of the case runs keeps the case PLAN_ACTIVE
            case PlanningEvent.PlanClosed p -> openPlans(p.caseId(), p.planId(), false)
                    .chain(open -> write(envelope, open.isEmpty() ? change.get()
                            : StatusChange.to(CaseStatus.PLAN_ACTIVE, null, change.get().detail())));
            default -> write(envelope, change.get());
        };
    }

    /** Adds or removes a plan from the case's open plans; returns those left open. */
    private Uni<String> openPlans(String caseId, String planId, boolean open) {
        String update = open
                ? "update case_status set open_plans = trim(both ',' from open_plans || ',' || $1) where case_id = $2"
                        + " and position(',' || $1 || ',' in ',' || open_plans || ',') = 0"
                : "update case_status set open_plans = trim(both ',' from replace(',' || open_plans || ',',"
                        + " ',' || $1 || ',', ',')) where case_id = $2";
        return database.update(update, planId, caseId)
                .chain(() -> database.first("select open_plans from case_status where case_id = $1",
                        row -> Objects.requireNonNullElse(row.getString("open_plans"), ""), caseId))
                .map(row -> row.orElse(""));
    }

    /**
     * The three statements are sent together without waiting for each answer: they run in this order on the
     * transaction's connection, so the update finds the row the first one ensured, and the transaction waits for
     * one round trip instead of three. A failure of any fails the transaction.
     */
    private Uni<Void> write(EventEnvelope<? extends TsunaguEvent> envelope, StatusChange c) {
        OffsetDateTime at = envelope.time().atOffset(ZoneOffset.UTC);
        String referringAgency = envelope.data() instanceof IntakeEvent.ReferralReceived r ? r.referringAgencyId() : null;
        CaseStatus initial = c.status() != null ? c.status() : CaseStatus.RECEIVED;
        Uni<Integer> ensureRow = database.update("""
                        insert into case_status(case_id, municipality, referring_agency_id, assigned_agency_id, status,
                                                status_time, received_on)
                        values ($1, $2, $3, $4, $5, $6, $7)
                        on conflict (case_id) do update
                           set referring_agency_id = coalesce(case_status.referring_agency_id, excluded.referring_agency_id),
                               received_on = coalesce(case_status.received_on, excluded.received_on)""",
                envelope.subject(), envelope.municipality(), referringAgency, c.agencyId(), initial.name(), at,
                envelope.data() instanceof IntakeEvent.ReferralReceived r ? r.receivedOn() : null);
        Uni<Integer> updateStatus = c.status() == null ? Uni.createFrom().item(0) : database.update("""
                        update case_status
                           set status = $1, status_time = $2, updated_at = now(),
                               assigned_agency_id = case when $3 then null
                                                         else coalesce($4, assigned_agency_id) end
                         where case_id = $5 and status_time <= $2""",
                c.status().name(), at, c.clearsAgency(), c.agencyId(), envelope.subject());
        Uni<Integer> history = database.update("""
                        insert into case_status_history(event_id, case_id, event_type, status, agency_id, business_date,
                                                        recorded_at, detail)
                        values ($1, $2, $3, $4, $5, $6, $7, $8)
                        on conflict (event_id) do nothing""",
                envelope.id(), envelope.subject(), envelope.type(), c.status() == null ? null : c.status().name(),
                c.agencyId(), envelope.businessDate(), at, c.detail());
        return Uni.combine().all().unis(ensureRow, updateStatus, history).discardItems();
    }
}
