package jp.tsunagu.reporting.projection;

import jp.tsunagu.contract.codes.Coded;
import jp.tsunagu.contract.codes.RoutingDecision;
import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.IntakeEvent;
import jp.tsunagu.contract.events.MeetingEvent;
import jp.tsunagu.contract.events.PlanningEvent;
import jp.tsunagu.contract.events.RoutingEvent;
import jp.tsunagu.contract.events.TsunaguEvent;
import jp.tsunagu.contract.status.CaseStatusRules;
import jp.tsunagu.contract.status.StatusChange;
import jp.tsunagu.reporting.history.CaseEventCodes;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What every event of every stage writes into reporting's tables: the case history, meetings held, reviews, plan
 * changes, routing outcomes and one row of facts per case. A pure function of the event: the live consumer and the
 * replay run the same writes ({@link ProjectionBatch}), the live one in schema {@code reporting}, a replay in a fresh
 * schema. Every insert is idempotent (a row it already has is left alone) and the facts of a case fold by
 * {@link CaseFactRow#after}, so events of different topics arriving in any order, or the log applied twice, give the
 * same tables. No write holds a personal field: the sealed personal block of a referral is never opened here.
 */
public final class ReportingProjection {

    private ReportingProjection() {
    }

    /**
     * The tables whose key is an event's own id (or one derived from it): a copy of an event meets every row it
     * wrote there, so its rows in them are left out once its first copy is known to be written
     * ({@link ProjectionBatch}), and a replay's load builds their keys after it instead of row by row.
     */
    public static final List<String> TABLES_KEYED_BY_EVENT = List.of("case_event", "routing_outcome", "plan_change");

    /**
     * What one event writes.
     *
     * @param ofEvent rows keyed by the event's own id, in {@link #TABLES_KEYED_BY_EVENT}: an earlier copy of the event
     *                wrote the same keys
     * @param others  rows keyed otherwise (a meeting held, a review): inserts that do nothing when the row is there
     * @param facts   what it knows of its case's row of facts, folded into that row in the event's order
     *                ({@link CaseFactRow#after}); every event about one case has {@link CaseFact.Stage} among them
     */
    public record Writes(List<Sql> ofEvent, List<Sql> others, List<CaseFact> facts) {
    }

    /** One thing an event writes: a row of its own, or a fact of its case's row. */
    sealed interface Write permits Sql, CaseFact {
    }

    public static Writes writes(EventEnvelope<? extends TsunaguEvent> envelope) {
        List<Sql> ofEvent = new ArrayList<>();
        List<Sql> others = new ArrayList<>();
        List<CaseFact> facts = new ArrayList<>();
        // what the event means for its case, asked once: its line of history, the agency it is about, its stage
        Optional<StatusChange> change = CaseStatusRules.of(envelope.data());
        change.ifPresent(c -> {
            String summary = c.detail();
            CaseEventCodes codes = CaseEventCodes.of(envelope.data(), c.about());
            ofEvent.add(Sql.of("""
                            insert into {s}.case_event(event_id, case_id, municipality, event_type, source,
                                                       business_date, recorded_at, causation_id, summary, concerns,
                                                       area, age_band, fields, meeting_type, outcome, plan_type,
                                                       agency_id, coded)
                            values (:a, :b, :c, :d, :e, :f, :g, :h, :i, :j, :k, :l, :m, :n, :o, :p, :q, :r)
                            on conflict do nothing""",
                    envelope.id(), envelope.subject(), envelope.municipality(), envelope.type(), envelope.source(),
                    envelope.businessDate(), recordedAt(envelope), envelope.causationId(),
                    summary.length() > 300 ? summary.substring(0, 300) : summary, codes.concerns(), codes.area(),
                    codes.ageBand(), codes.fields(), codes.meetingType(), codes.outcome(), codes.planType(),
                    codes.agencyId(), true));
        });
        for (Write write : facts(envelope)) {
            switch (write) {
                case Sql row -> (keyedByEvent(row) ? ofEvent : others).add(row);
                case CaseFact fact -> facts.add(fact);
            }
        }
        // every event about one case is folded into its stage (CaseStage), a note too: it may be the case's first
        change.ifPresent(c -> facts.add(CaseFact.Stage.FOLDED));
        return new Writes(List.copyOf(ofEvent), List.copyOf(others), List.copyOf(facts));
    }

    /** Whether the row goes into a table keyed by the event's id: the projection's inserts name their table first. */
    private static boolean keyedByEvent(Sql row) {
        String sql = row.sql();
        int table = sql.indexOf("{s}.") + 4;
        for (String keyed : TABLES_KEYED_BY_EVENT) {
            if (sql.startsWith(keyed, table) && sql.charAt(table + keyed.length()) == '(') {
                return true;
            }
        }
        return false;
    }

    /** An event's own rows ({@link Sql}) and facts ({@link CaseFact}), in the order they apply. */
    private static List<Write> facts(EventEnvelope<? extends TsunaguEvent> envelope) {
        LocalDate on = envelope.businessDate();
        return switch (envelope.data()) {
            case IntakeEvent.ReferralReceived e -> List.of(CaseFact.Referral.of(e));
            case IntakeEvent.ConsentRecorded e -> List.of();
            case IntakeEvent.PersonErased e -> List.of();
            // the joining case's own line is its case_event above; the case it joins gets one too
            case IntakeEvent.DuplicateConfirmed e -> List.of(joinedLine(envelope, e));
            case IntakeEvent.DuplicateDismissed e -> List.of();
            // the household (世帯) the case is in now, for the households' figures and the exports' pseudonym
            case IntakeEvent.HouseholdLinked e -> List.of(new CaseFact.Household(e.householdId(), true));
            case IntakeEvent.HouseholdUnlinked e -> List.of(new CaseFact.Household(e.householdId(), false));
            // the stages it lists are counted from routing's and planning's own (imported) events, as live ones are
            case IntakeEvent.CaseImported e -> List.of();
            case RoutingEvent.CaseRouted e -> List.of(outcome(envelope, e.caseId(), e.agencyId(), "ROUTED"),
                    new CaseFact.Routing(on, RoutingDecision.ROUTED, e.agencyId(), codes(e.fields())));
            case RoutingEvent.CaseEscalated e -> List.of(outcome(envelope, e.caseId(), null, "ESCALATED"),
                    new CaseFact.Routing(on, RoutingDecision.ESCALATED, null, codes(e.fields())));
            case RoutingEvent.OutreachRequested e -> List.of(outcome(envelope, e.caseId(), e.agencyId(), "OUTREACH"),
                    new CaseFact.Routing(on, RoutingDecision.OUTREACH, e.agencyId(), codes(e.fields())));
            case RoutingEvent.RoutingAccepted e -> List.of(outcome(envelope, e.caseId(), e.agencyId(), "ACCEPTED"));
            case RoutingEvent.RoutingDeclined e -> List.of(outcome(envelope, e.caseId(), e.agencyId(), "DECLINED"));
            case RoutingEvent.AcceptanceOverdue e -> List.of(outcome(envelope, e.caseId(), e.agencyId(), "OVERDUE"));
            case RoutingEvent.DirectoryChanged e -> List.of();
            case MeetingEvent.MeetingScheduled e -> List.of();
            case MeetingEvent.MembersInvited e -> List.of();
            case MeetingEvent.MinutesRecorded e -> List.of(Sql.of("""
                    insert into {s}.meeting_held(meeting_id, municipality, type, held_on) values (:a, :b, :c, :d)
                    on conflict do nothing""", e.meetingId(), e.municipality(), e.type().name(), e.heldOn()));
            case MeetingEvent.CaseQueued e -> List.of();
            // the meeting's date is not corrected (the first meeting's date is kept as the earliest one seen)
            case MeetingEvent.MinutesAmended e -> List.of();
            case MeetingEvent.CaseReviewAmended e -> List.of(Sql.of("""
                    insert into {s}.case_review_correction(meeting_id, case_id, version, outcome)
                    values (:a, :b, :c, :d) on conflict do nothing""",
                    e.meetingId(), e.caseId(), e.version(), e.outcome().name()));
            case MeetingEvent.CaseReviewed e -> List.of(Sql.of("""
                            insert into {s}.case_review(meeting_id, case_id, municipality, meeting_type, held_on, outcome)
                            values (:a, :b, :c, :d, :e, :f) on conflict do nothing""", e.meetingId(), e.caseId(),
                            e.municipality(), e.meetingType().name(), e.heldOn(), e.outcome().name()),
                    new CaseFact.MetOn(e.heldOn()));
            case PlanningEvent.PlanCreated e -> List.of(
                    planChange(envelope, new PlanOf(e.planId(), e.caseId(), e.type().name()), "CREATED", null),
                    new CaseFact.PlannedOn(on));
            case PlanningEvent.PlanRevised e -> List.of(
                    planChange(envelope, new PlanOf(e.planId(), e.caseId(), e.type().name()), "REVISED",
                            e.version()));
            case PlanningEvent.PlanClosed e -> List.of(
                    planChange(envelope, new PlanOf(e.planId(), e.caseId(), e.type().name()), "CLOSED", null));
            // details filled in are neither a plan made nor a 再プラン: the figures do not count them
            case PlanningEvent.PlanDetailsCompleted e -> List.of();
            case PlanningEvent.PlanReviewDue e -> List.of();
            case PlanningEvent.PlacementMade e -> List.of();
            case PlanningEvent.PlacementFollowedUp e -> List.of();
        };
    }

    /**
     * The line of a confirmed duplicate in the history of the case it joins ({@code CaseStatusRules.joined}, under
     * its own derived id): GET /cases/{duplicateOf}/history shows the second referral.
     */
    private static Sql joinedLine(EventEnvelope<? extends TsunaguEvent> envelope, IntakeEvent.DuplicateConfirmed e) {
        return Sql.of("""
                        insert into {s}.case_event(event_id, case_id, municipality, event_type, source, business_date,
                                                   recorded_at, causation_id, summary, coded)
                        values (:a, :b, :c, :d, :e, :f, :g, :h, :i, :j)
                        on conflict do nothing""",
                CaseStatusRules.joinedEventId(envelope.id()), e.duplicateOf(), envelope.municipality(),
                envelope.type(), envelope.source(), envelope.businessDate(), recordedAt(envelope), envelope.id(),
                CaseStatusRules.joined(e).detail(), true);
    }

    private static Sql outcome(EventEnvelope<? extends TsunaguEvent> envelope, String caseId, String agencyId,
                                 String outcome) {
        return Sql.of("""
                        insert into {s}.routing_outcome(event_id, case_id, municipality, agency_id, outcome, business_date)
                        values (:a, :b, :c, :d, :e, :f) on conflict do nothing""", envelope.id(), caseId,
                envelope.municipality(), agencyId, outcome, envelope.businessDate());
    }

    /** The plan a plan event is about, and the case whose copy of it the event is. */
    private record PlanOf(String planId, String caseId, String type) {
    }

    private static Sql planChange(EventEnvelope<? extends TsunaguEvent> envelope, PlanOf plan, String kind,
                                  Integer version) {
        // a household's plan has one such event per member case: version tells a re-plan's copies from another re-plan
        return Sql.of("""
                        insert into {s}.plan_change(event_id, plan_id, case_id, municipality, plan_type, kind,
                                                    business_date, version)
                        values (:a, :b, :c, :d, :e, :f, :g, :h) on conflict do nothing""", envelope.id(),
                plan.planId(), plan.caseId(), envelope.municipality(), plan.type(), kind, envelope.businessDate(),
                version);
    }

    static String codes(List<? extends Coded> codes) {
        return codes.stream().map(Coded::name).collect(Collectors.joining(","));
    }

    /** Microseconds, as PostgreSQL keeps them: both drivers then store the same value (they round nanos apart). */
    static OffsetDateTime recordedAt(EventEnvelope<?> envelope) {
        return envelope.time().truncatedTo(java.time.temporal.ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }
}
