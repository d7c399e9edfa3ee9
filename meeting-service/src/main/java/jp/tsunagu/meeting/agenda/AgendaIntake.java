package jp.tsunagu.meeting.agenda;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.EventIds;
import jp.tsunagu.contract.events.IntakeEvent;
import jp.tsunagu.contract.events.MeetingEvent;
import jp.tsunagu.contract.events.PlanningEvent;
import jp.tsunagu.contract.events.RoutingEvent;
import jp.tsunagu.contract.events.TsunaguEvent;
import jp.tsunagu.support.events.StageProjection;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What meeting-service does with the intake, routing and plans topics: knows each case and its consent, queues an
 * escalated case for the next meeting of its track (an emergency, 危険・緊急, and a 至急 case for one within days,
 * {@link AgendaDecider#soonMeeting}: the emergency's on a 支援会議), moves a queued case when
 * consent changes, and knows which plans each case runs ({@link CasePlans}: a 再プラン needs one). The decisions are
 * {@link AgendaDecider}'s.
 */
@ApplicationScoped
public class AgendaIntake implements StageProjection {

    private final MeetingRecords records;
    private final Agenda agenda;
    private final CasePlans plans;
    private final HouseholdRecords households;

    public AgendaIntake(MeetingRecords records, Agenda agenda, CasePlans plans, HouseholdRecords households) {
        this.households = households;
        this.records = records;
        this.agenda = agenda;
        this.plans = plans;
    }

    @Override
    public String consumer() {
        return "meetings";
    }

    /** What an event of the stage topics asks of the agenda. */
    enum Handling {
        /** nothing here */
        NONE,
        /** a new case to know of: written with the other new cases of its run, in one statement */
        NEW_CASE,
        /** read and decided alone */
        ALONE
    }

    /** Exhaustive, so a new event type does not compile until someone decides what it asks of the agenda. */
    static Handling handling(TsunaguEvent event) {
        return switch (event) {
            case IntakeEvent.ReferralReceived r -> Handling.NEW_CASE;
            case IntakeEvent.ConsentRecorded c -> Handling.ALONE;
            case IntakeEvent.PersonErased e -> Handling.ALONE;
            // joined to the same person's earlier case: off the waiting list and the agendas (AgendaDecider.joined)
            case IntakeEvent.DuplicateConfirmed e -> Handling.ALONE;
            case IntakeEvent.DuplicateDismissed e -> Handling.NONE;
            // households (世帯): which cases a meeting may discuss as one item (HouseholdRecords)
            case IntakeEvent.HouseholdLinked e -> Handling.ALONE;
            case IntakeEvent.HouseholdUnlinked e -> Handling.ALONE;
            // an imported case reaches the agenda as any other: by routing's case-escalated
            case IntakeEvent.CaseImported e -> Handling.NONE;
            case RoutingEvent.CaseEscalated e -> Handling.ALONE;
            case RoutingEvent.CaseRouted e -> Handling.NONE;
            case RoutingEvent.OutreachRequested e -> Handling.NONE;
            case RoutingEvent.RoutingAccepted e -> Handling.NONE;
            case RoutingEvent.RoutingDeclined e -> Handling.NONE;
            case RoutingEvent.AcceptanceOverdue e -> Handling.NONE;
            case RoutingEvent.DirectoryChanged e -> Handling.NONE;
            case MeetingEvent e -> Handling.NONE;
            case PlanningEvent e -> CasePlans.changesRunningPlans(e) ? Handling.ALONE : Handling.NONE;
        };
    }

    @Override
    public boolean changesAnything(TsunaguEvent event) {
        return handling(event) != Handling.NONE;
    }

    /**
     * Applies events of the intake and routing topics not applied before, in order (inside the consumer's
     * transaction): runs of new cases as one statement, the rest one by one.
     */
    @Override
    public Uni<Void> apply(List<EventEnvelope<TsunaguEvent>> events) {
        return StageProjection.inRuns(events, e -> handling(e) == Handling.NEW_CASE, this::newCases, this::alone);
    }

    /** A case referred: known from now on, with its consent; one it already knows (escalated first) stays as it is. */
    private Uni<Void> newCases(List<EventEnvelope<TsunaguEvent>> run) {
        List<IntakeEvent.ReferralReceived> referrals = run.stream()
                .map(e -> (IntakeEvent.ReferralReceived) e.data()).toList();
        return records.saveNewTracks(referrals.stream()
                        .map(r -> CaseTrack.referred(r.caseId(), r.municipality(), r.consent())).toList())
                .chain(() -> records.savePacks(referrals.stream().map(CasePack::of).toList()));
    }

    private Uni<Void> alone(EventEnvelope<TsunaguEvent> envelope) {
        return switch (envelope.data()) {
            case IntakeEvent.ConsentRecorded c -> consentChanged(envelope, c);
            case IntakeEvent.PersonErased e -> records.eraseCase(e.caseId());
            case IntakeEvent.DuplicateConfirmed d -> records.track(d.caseId())
                    .chain(found -> records.saveTrack(AgendaDecider.joined(found, d)));
            case IntakeEvent.HouseholdLinked h -> households.link(h.caseId(), h.householdId(), h.municipality(),
                    h.caseNumber(), h.linkedOn());
            case IntakeEvent.HouseholdUnlinked h -> households.unlink(h.caseId(), h.householdId());
            case RoutingEvent.CaseEscalated e -> queueEscalated(envelope, e);
            case PlanningEvent e -> plans.apply(e);
            default -> Uni.createFrom().voidItem(); // Handling.NONE
        };
    }

    private Uni<Void> queueEscalated(EventEnvelope<TsunaguEvent> envelope, RoutingEvent.CaseEscalated e) {
        LocalDate on = envelope.businessDate();
        return records.track(e.caseId()).chain(known -> {
            if (!AgendaDecider.queuesOnEscalation(known)) {
                return Uni.createFrom().voidItem();
            }
            AgendaDecider.Placement p = AgendaDecider.placement(known, e);
            Uni<Optional<Meeting>> meeting = AgendaDecider.discussedSoon(p)
                    ? agenda.soonMeeting(e.municipality(), p, on, envelope.id()).map(Optional::of)
                    : agenda.nextMeeting(e.municipality(), p.track(), on, envelope.id());
            return meeting.chain(m -> {
                CaseTrack track = CaseTrack.escalated(e.caseId(), e.municipality(), p,
                        m.map(Meeting::meetingId).orElse(null), on);
                return records.saveTrack(track)
                        .chain(() -> records.saveReasons(e.caseId(), e.municipality(), e.reasons()))
                        .chain(() -> agenda.publishQueued(EventIds.queued(envelope.id()), track, on, envelope.id()));
            });
        });
    }

    /** Consent obtained later moves a queued case to 重層的支援会議; withdrawn, back to 支援会議. */
    private Uni<Void> consentChanged(EventEnvelope<TsunaguEvent> envelope, IntakeEvent.ConsentRecorded c) {
        LocalDate on = envelope.businessDate();
        return records.track(c.caseId()).chain(found -> {
            CaseTrack t = AgendaDecider.known(found, c).withConsent(c.consent());
            Optional<MeetingType> move = AgendaDecider.moveOnConsent(t, c.consent());
            if (move.isEmpty()) {
                return records.saveTrack(t);
            }
            return agenda.nextMeeting(t.municipality(), move.get(), on, envelope.id()).chain(m -> {
                CaseTrack moved = t.movedTo(move.get(), m.map(Meeting::meetingId).orElse(null), on);
                return records.saveTrack(moved).chain(() -> agenda.publishQueued(EventIds.requeued(envelope.id()), moved, on,
                        envelope.id()));
            });
        });
    }
}
