package jp.tsunagu.planning.plan;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.IntakeEvent;
import jp.tsunagu.contract.events.MeetingEvent;
import jp.tsunagu.contract.events.PlanningEvent;
import jp.tsunagu.contract.events.RoutingEvent;
import jp.tsunagu.contract.events.TsunaguEvent;
import jp.tsunagu.planning.plan.PlanChanges.Cause;
import jp.tsunagu.support.events.StageProjection;

import java.util.ArrayList;
import java.util.List;

/**
 * What planning does with the stage topics: remembers cases (intake) and the agencies given them (routing, meeting
 * roles), and turns a 重層的支援会議's outcome into the plan change itself.
 */
@ApplicationScoped
public class PlanningIntake implements StageProjection {

    private final PlanRecords records;
    private final PlanChanges changes;
    private final HouseholdRecords households;
    private final HouseholdPlanRecords householdPlans;

    public PlanningIntake(PlanRecords records, PlanChanges changes, HouseholdRecords households,
                          HouseholdPlanRecords householdPlans) {
        this.records = records;
        this.changes = changes;
        this.households = households;
        this.householdPlans = householdPlans;
    }

    @Override
    public String consumer() {
        return "planning";
    }

    /** What an event of the stage topics asks of planning. */
    enum Handling {
        /** nothing here */
        NONE,
        /** a fact about the case (its referral, an agency it was given to): written with the others of its run */
        CASE_FACT,
        /** read and decided alone */
        ALONE
    }

    /** Exhaustive, so a new event type does not compile until someone decides what it asks of planning. */
    static Handling handling(TsunaguEvent event) {
        return switch (event) {
            case IntakeEvent.ReferralReceived r -> Handling.CASE_FACT;
            case IntakeEvent.ConsentRecorded c -> Handling.ALONE;
            case IntakeEvent.PersonErased e -> Handling.ALONE;
            // a case brought in from the city's list: its plan as the list tells it (ImportedPlans)
            case IntakeEvent.CaseImported e -> Handling.ALONE;
            // a duplicate joined to another case keeps its plans (none, as a rule: intake refuses to join a case
            // with a plan running); a dismissed one changes nothing
            case IntakeEvent.DuplicateConfirmed e -> Handling.NONE;
            case IntakeEvent.DuplicateDismissed e -> Handling.NONE;
            // which household a case is in: a household's plan is made for its current members
            case IntakeEvent.HouseholdLinked e -> Handling.ALONE;
            case IntakeEvent.HouseholdUnlinked e -> Handling.ALONE;
            case RoutingEvent.CaseRouted e -> Handling.CASE_FACT;
            case RoutingEvent.OutreachRequested e -> Handling.CASE_FACT;
            case RoutingEvent.RoutingAccepted e -> Handling.CASE_FACT;
            case RoutingEvent.RoutingDeclined e -> Handling.NONE;
            case RoutingEvent.AcceptanceOverdue e -> Handling.NONE;
            case RoutingEvent.CaseEscalated e -> Handling.NONE;
            case RoutingEvent.DirectoryChanged e -> Handling.NONE;
            case MeetingEvent.CaseReviewed r -> Handling.ALONE;
            case MeetingEvent.CaseQueued e -> Handling.NONE;
            case MeetingEvent.MeetingScheduled e -> Handling.NONE;
            case MeetingEvent.MembersInvited e -> Handling.NONE;
            case MeetingEvent.MinutesRecorded e -> Handling.NONE;
            case MeetingEvent.CaseReviewAmended r -> Handling.ALONE;
            case MeetingEvent.MinutesAmended e -> Handling.NONE;
            case PlanningEvent e -> Handling.NONE;
        };
    }

    @Override
    public boolean changesAnything(TsunaguEvent event) {
        return handling(event) != Handling.NONE;
    }

    /**
     * Applies events of the stage topics not applied before, in order (inside the consumer's transaction): runs of
     * case facts as a statement per table, the rest one by one.
     */
    @Override
    public Uni<Void> apply(List<EventEnvelope<TsunaguEvent>> events) {
        return StageProjection.inRuns(events, e -> handling(e) == Handling.CASE_FACT, this::caseFacts, this::alone);
    }

    private Uni<Void> caseFacts(List<EventEnvelope<TsunaguEvent>> run) {
        List<PlanRecords.CaseRef> cases = new ArrayList<>();
        List<PlanRecords.CaseAgency> agencies = new ArrayList<>();
        for (EventEnvelope<TsunaguEvent> e : run) {
            switch (e.data()) {
                case IntakeEvent.ReferralReceived r -> cases.add(new PlanRecords.CaseRef(r.caseId(), r.municipality(),
                        r.referringAgencyId(), r.area(), r.consent(), r.receivedOn()));
                case RoutingEvent.CaseRouted r -> agencies.add(new PlanRecords.CaseAgency(r.caseId(), r.agencyId()));
                case RoutingEvent.OutreachRequested r ->
                        agencies.add(new PlanRecords.CaseAgency(r.caseId(), r.agencyId()));
                case RoutingEvent.RoutingAccepted r -> agencies.add(new PlanRecords.CaseAgency(r.caseId(), r.agencyId()));
                default -> throw new IllegalStateException("not a case fact: " + e.type());
            }
        }
        return records.saveCases(cases).chain(() -> records.addCaseAgencies(agencies));
    }

    private Uni<Void> alone(EventEnvelope<TsunaguEvent> envelope) {
        return switch (envelope.data()) {
            case IntakeEvent.ConsentRecorded c -> records.caseRef(c.caseId()).chain(found -> found.isEmpty()
                    ? Uni.createFrom().voidItem()
                    : records.saveCases(List.of(new PlanRecords.CaseRef(c.caseId(), c.municipality(),
                    found.get().referringAgencyId(), found.get().area(), c.consent(), found.get().receivedOn()))));
            case IntakeEvent.PersonErased e -> householdPlans.eraseMember(e.caseId())
                    .chain(() -> records.eraseCase(e.caseId()));
            // the agency the list names was given the case (its role in the plan, as routing's events also say)
            case IntakeEvent.CaseImported i -> records.addCaseAgencies(List.of(new PlanRecords.CaseAgency(i.caseId(),
                    i.agencyId()))).chain(() -> decideOnPlans(i.caseId(), new PlanCommand.TakeImport(i),
                    Cause.imported(envelope.id())));
            case IntakeEvent.HouseholdLinked h -> households.linkHousehold(h.caseId(), h.householdId(), h.municipality(),
                    h.linkedOn());
            case IntakeEvent.HouseholdUnlinked h -> households.unlinkHousehold(h.caseId(), h.householdId());
            case MeetingEvent.CaseReviewed r -> records.addCaseAgencies(r.roles().stream()
                            .map(role -> new PlanRecords.CaseAgency(r.caseId(), role.agencyId())).toList())
                    .chain(() -> records.saveMeetingReview(r.caseId(), r.heldOn(),
                            new PlanCommand.MeetingReview(r.meetingId(), r.meetingType(), r.outcome(), r.planType())))
                    .chain(() -> fromMeeting(envelope, r));
            // a correction that reaches a plan outcome is applied as the review it now is (PlanDecider#fromAmendment)
            case MeetingEvent.CaseReviewAmended a -> records.addCaseAgencies(a.roles().stream()
                            .map(role -> new PlanRecords.CaseAgency(a.caseId(), role.agencyId())).toList())
                    .chain(() -> records.saveMeetingReview(a.caseId(), a.heldOn(),
                            new PlanCommand.MeetingReview(a.meetingId(), a.meetingType(), a.outcome(), a.planType())))
                    .chain(() -> lockHouseholds(a.caseId(), a.householdId()))
                    .chain(() -> householdPlan(a.householdId(), a.meetingId()))
                    .chain(household -> reviewsAtMeeting(a.caseId(), a.meetingId()).chain(atMeeting ->
                            decideOnPlans(a.caseId(), new PlanCommand.TakeAmendment(a, envelope.id(), household,
                                    atMeeting), envelope.id())))
                    .replaceWithVoid();
            default -> Uni.createFrom().voidItem(); // Handling.NONE
        };
    }

    /** A 重層的支援会議's PLAN, REPLAN or CLOSE becomes the plan change itself ({@link PlanDecider#fromReview}). */
    private Uni<Void> fromMeeting(EventEnvelope<TsunaguEvent> envelope, MeetingEvent.CaseReviewed r) {
        if (!PlanDecider.mayChangePlans(r)) {
            return Uni.createFrom().voidItem(); // nothing to read either
        }
        return lockHouseholds(r.caseId(), r.householdId())
                .chain(() -> householdPlan(r.householdId(), r.meetingId()))
                .chain(household -> reviewsAtMeeting(r.caseId(), r.meetingId()).chain(atMeeting ->
                        decideOnPlans(r.caseId(), new PlanCommand.TakeReview(r, envelope.id(), household, atMeeting),
                                envelope.id())));
    }

    /**
     * Takes the lock of each household whose running plan covers the case, and of the household it was discussed
     * with, in order: two members' reviews decided at once then make one plan, not two, and the later of two CLOSEs
     * sees the earlier (its review was kept before the lock was taken) and closes the household's plan.
     */
    private Uni<Void> lockHouseholds(String caseId, String householdId) {
        return records.plansOfCase(caseId).chain(plans -> {
            java.util.SortedSet<String> ids = new java.util.TreeSet<>();
            plans.stream().map(PlanRecords.Stored::plan).filter(p -> p.isHousehold() && !p.isClosed())
                    .forEach(p -> ids.add(p.householdId()));
            if (householdId != null) {
                ids.add(householdId);
            }
            return Multi.createFrom().iterable(ids).onItem().transformToUniAndConcatenate(households::lockHousehold)
                    .collect().asList().replaceWithVoid();
        });
    }

    /** The meeting's reviews of the subjects of the running household plans covering the case (read after the lock). */
    private Uni<java.util.Map<String, PlanCommand.MeetingReview>> reviewsAtMeeting(String caseId, String meetingId) {
        return records.plansOfCase(caseId).chain(plans -> {
            List<String> subjects = plans.stream().map(PlanRecords.Stored::plan)
                    .filter(p -> p.isHousehold() && !p.isClosed()).flatMap(p -> p.caseIds().stream()).distinct()
                    .toList();
            return subjects.isEmpty() ? Uni.createFrom().item(java.util.Map.of())
                    : householdPlans.reviewsAt(meetingId, subjects);
        });
    }

    /** For a case discussed with its household: the household's running plan the meeting made (after the lock). */
    private Uni<java.util.Optional<Plan>> householdPlan(String householdId, String meetingId) {
        if (householdId == null) {
            return Uni.createFrom().item(java.util.Optional.empty());
        }
        return records.plansOfHousehold(householdId).map(all -> all.stream().map(PlanRecords.Stored::plan)
                .filter(p -> !p.isClosed() && meetingId.equals(p.adoptedAtMeetingId())).findFirst());
    }

    /** Decides the command against the case's plans and writes its events, caused by the meeting's event. */
    private Uni<Void> decideOnPlans(String caseId, PlanCommand command, String eventId) {
        return decideOnPlans(caseId, command, Cause.of(eventId));
    }

    private Uni<Void> decideOnPlans(String caseId, PlanCommand command, Cause cause) {
        return records.plansOfCase(caseId).chain(plans -> changes.apply(PlanDecider.decide(command,
                        PlanRecords.state(plans)), cause))
                .replaceWithVoid();
    }
}
