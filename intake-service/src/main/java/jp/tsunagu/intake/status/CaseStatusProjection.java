package jp.tsunagu.intake.status;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.codes.CaseStatus;
import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.IntakeEvent;
import jp.tsunagu.contract.events.PlanningEvent;
import jp.tsunagu.contract.events.TsunaguEvent;
import jp.tsunagu.contract.status.CaseStatusRules;
import jp.tsunagu.contract.status.StatusChange;
import jp.tsunagu.support.events.ProcessedEvents;
import jp.tsunagu.support.events.StageProjection;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Writes the referrer's status view from events, idempotently: the API applies its own event right after Kafka
 * acknowledged it (so a GET straight after the POST sees it), and the consumer of every stage topic applies the
 * rest; whichever comes second finds the event already applied. Cross-topic events may arrive out of order, so a
 * status only replaces one recorded earlier.
 */
@ApplicationScoped
public class CaseStatusProjection implements StageProjection {

    static final String CONSUMER = "case-status";

    @Override
    public String consumer() {
        return CONSUMER;
    }

    /** Events that are not about one case (a meeting scheduled, a directory change) change nothing here. */
    @Override
    public boolean changesAnything(TsunaguEvent event) {
        return CaseStatusRules.of(event).isPresent();
    }

    /** The consumer's path: events of every stage topic not applied before, inside the batch's transaction. */
    @Override
    public Uni<Void> apply(List<EventEnvelope<TsunaguEvent>> events) {
        return StageProjection.oneByOne(events, this::write);
    }

    /** The API's path for its own events: must run inside the command's transaction. */
    public Uni<Void> apply(EventEnvelope<? extends TsunaguEvent> envelope) {
        return Panache.getSession().chain(session -> ProcessedEvents.firstTime(session, CONSUMER, envelope.id())
                .chain(first -> first ? write(envelope) : Uni.createFrom().voidItem()));
    }

    /** The change itself, for an event not applied before; inside a transaction. */
    private Uni<Void> write(EventEnvelope<? extends TsunaguEvent> envelope) {
        return Panache.getSession().chain(session -> write(session, envelope));
    }

    private Uni<Void> write(Mutiny.Session session, EventEnvelope<? extends TsunaguEvent> envelope) {
        var change = CaseStatusRules.of(envelope.data());
        if (change.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return switch (envelope.data()) {
            case PlanningEvent.PlanCreated p -> openPlans(session, p.caseId(), p.planId(), true)
                    .chain(open -> write(session, envelope, change.get()));
            // closing one plan while another of the case runs keeps the case PLAN_ACTIVE
            case PlanningEvent.PlanClosed p -> openPlans(session, p.caseId(), p.planId(), false)
                    .chain(open -> write(session, envelope, open.isEmpty() ? change.get()
                            : StatusChange.to(CaseStatus.PLAN_ACTIVE, null, change.get().detail())));
            default -> write(session, envelope, change.get());
        };
    }

    /** Adds or removes a plan from the case's open plans; returns those left open. */
    private Uni<String> openPlans(Mutiny.Session session, String caseId, String planId, boolean open) {
        String update = open
                ? "update case_status set open_plans = trim(both ',' from open_plans || ',' || :plan) where case_id = :id"
                        + " and position(',' || :plan || ',' in ',' || open_plans || ',') = 0"
                : "update case_status set open_plans = trim(both ',' from replace(',' || open_plans || ',',"
                        + " ',' || :plan || ',', ',')) where case_id = :id";
        return session.createNativeQuery(update).setParameter("plan", planId).setParameter("id", caseId)
                .executeUpdate()
                .chain(() -> session.createNativeQuery("select open_plans from case_status where case_id = :id",
                        String.class).setParameter("id", caseId).getResultList())
                .map(rows -> rows.isEmpty() || rows.get(0) == null ? "" : rows.get(0));
    }

    private Uni<Void> write(Mutiny.Session session, EventEnvelope<? extends TsunaguEvent> envelope, StatusChange c) {
        OffsetDateTime at = envelope.time().atOffset(ZoneOffset.UTC);
        String referringAgency = envelope.data() instanceof IntakeEvent.ReferralReceived r ? r.referringAgencyId() : null;
        CaseStatus initial = c.status() != null ? c.status() : CaseStatus.RECEIVED;
        Uni<Integer> ensureRow = session.createNativeQuery("""
                        insert into case_status(case_id, municipality, referring_agency_id, assigned_agency_id, status,
                                                status_time, received_on)
                        values (:caseId, :municipality, :referrer, :agency, :status, :at, :receivedOn)
                        on conflict (case_id) do update
                           set referring_agency_id = coalesce(case_status.referring_agency_id, excluded.referring_agency_id),
                               received_on = coalesce(case_status.received_on, excluded.received_on)""")
                .setParameter("caseId", envelope.subject())
                .setParameter("municipality", envelope.municipality())
                .setParameter("referrer", referringAgency)
                .setParameter("agency", c.agencyId())
                .setParameter("status", initial.name())
                .setParameter("at", at)
                .setParameter("receivedOn", envelope.data() instanceof IntakeEvent.ReferralReceived r ? r.receivedOn() : null)
                .executeUpdate();
        Uni<Integer> updateStatus = c.status() == null ? Uni.createFrom().item(0) : session.createNativeQuery("""
                        update case_status
                           set status = :status, status_time = :at, updated_at = now(),
                               assigned_agency_id = case when :clears then null
                                                         else coalesce(:agency, assigned_agency_id) end
                         where case_id = :caseId and status_time <= :at""")
                .setParameter("status", c.status().name())
                .setParameter("at", at)
                .setParameter("clears", c.clearsAgency())
                .setParameter("agency", c.agencyId())
                .setParameter("caseId", envelope.subject())
                .executeUpdate();
        Uni<Integer> history = session.createNativeQuery("""
                        insert into case_status_history(event_id, case_id, event_type, status, agency_id, business_date,
                                                        recorded_at, detail)
                        values (:eventId, :caseId, :type, :status, :agency, :businessDate, :at, :detail)
                        on conflict (event_id) do nothing""")
                .setParameter("eventId", envelope.id())
                .setParameter("caseId", envelope.subject())
                .setParameter("type", envelope.type())
                .setParameter("status", c.status() == null ? null : c.status().name())
                .setParameter("agency", c.agencyId())
                .setParameter("businessDate", envelope.businessDate())
                .setParameter("at", at)
                .setParameter("detail", c.detail())
                .executeUpdate();
        return ensureRow.chain(() -> updateStatus).chain(() -> history).replaceWithVoid();
    }
}
