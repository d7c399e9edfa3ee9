package jp.tsunagu.reporting.figures;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.IntakeEvent;
import jp.tsunagu.contract.events.MeetingEvent;
import jp.tsunagu.contract.events.PlanningEvent;
import jp.tsunagu.contract.events.RoutingEvent;
import jp.tsunagu.contract.events.TsunaguEvent;
import jp.tsunagu.reporting.history.CaseEventSummary;

import java.time.ZoneOffset;

/**
 * Every stage's events into reporting's tables: the case history, meetings held, reviews and plan changes.
 * Idempotent by event id (the inbox's ledger, and each insert ignores a row it already has).
 */
@ApplicationScoped
public class ReportingProjection {

    public Uni<Void> apply(EventEnvelope<TsunaguEvent> envelope) {
        Uni<Void> history = CaseEventSummary.of(envelope.data())
                .map(summary -> insert("""
                        insert into case_event(event_id, case_id, municipality, event_type, source, business_date,
                                               recorded_at, causation_id, summary)
                        values (:a, :b, :c, :d, :e, :f, :g, :h, :i) on conflict do nothing""",
                        envelope.id(), envelope.subject(), envelope.municipality(), envelope.type(), envelope.source(),
                        envelope.businessDate(), envelope.time().atOffset(ZoneOffset.UTC), envelope.causationId(),
                        summary.length() > 300 ? summary.substring(0, 300) : summary))
                .orElse(Uni.createFrom().voidItem());
        return history.chain(() -> facts(envelope));
    }

    private Uni<Void> facts(EventEnvelope<TsunaguEvent> envelope) {
        return switch (envelope.data()) {
            case MeetingEvent.MinutesRecorded e -> insert("""
                    insert into meeting_held(meeting_id, municipality, type, held_on) values (:a, :b, :c, :d)
                    on conflict do nothing""", e.meetingId(), e.municipality(), e.type().name(), e.heldOn());
            case MeetingEvent.CaseReviewed e -> insert("""
                    insert into case_review(meeting_id, case_id, municipality, meeting_type, held_on, outcome)
                    values (:a, :b, :c, :d, :e, :f) on conflict do nothing""", e.meetingId(), e.caseId(),
                    e.municipality(), e.meetingType().name(), e.heldOn(), e.outcome().name());
            case PlanningEvent.PlanCreated e -> planChange(envelope, e.planId(), e.type().name(), "CREATED");
            case PlanningEvent.PlanRevised e -> planChange(envelope, e.planId(), e.type().name(), "REVISED");
            case PlanningEvent.PlanClosed e -> planChange(envelope, e.planId(), e.type().name(), "CLOSED");
            case PlanningEvent.PlanReviewDue e -> Uni.createFrom().voidItem();
            case PlanningEvent.PlacementMade e -> Uni.createFrom().voidItem();
            case PlanningEvent.PlacementFollowedUp e -> Uni.createFrom().voidItem();
            case MeetingEvent.MeetingScheduled e -> Uni.createFrom().voidItem();
            case MeetingEvent.CaseQueued e -> Uni.createFrom().voidItem();
            case IntakeEvent e -> Uni.createFrom().voidItem();
            case RoutingEvent e -> Uni.createFrom().voidItem();
        };
    }

    private Uni<Void> planChange(EventEnvelope<TsunaguEvent> envelope, String planId, String type, String kind) {
        return insert("""
                insert into plan_change(event_id, plan_id, municipality, plan_type, kind, business_date)
                values (:a, :b, :c, :d, :e, :f) on conflict do nothing""", envelope.id(), planId,
                envelope.municipality(), type, kind, envelope.businessDate());
    }

    private static Uni<Void> insert(String sql, Object... values) {
        return Panache.getSession().chain(s -> {
            var q = s.createNativeQuery(sql);
            for (int i = 0; i < values.length; i++) {
                q.setParameter(String.valueOf((char) ('a' + i)), values[i]);
            }
            return q.executeUpdate();
        }).replaceWithVoid();
    }
}
