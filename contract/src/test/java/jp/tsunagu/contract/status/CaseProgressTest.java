package jp.tsunagu.contract.status;

import jp.tsunagu.contract.codes.CaseStatus;
import jp.tsunagu.contract.codes.CaseloadRelation;
import jp.tsunagu.contract.codes.Channel;
import jp.tsunagu.contract.codes.Consent;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.PlanType;
import jp.tsunagu.contract.codes.ReviewOutcome;
import jp.tsunagu.contract.codes.Urgency;
import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.IntakeEvent;
import jp.tsunagu.contract.events.MeetingEvent;
import jp.tsunagu.contract.events.PlanningEvent;
import jp.tsunagu.contract.events.Role;
import jp.tsunagu.contract.events.RoutingEvent;
import jp.tsunagu.contract.events.TsunaguEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Given these events, in this order, the case is seen so. */
class CaseProgressTest {

    private static final String CASE = "c-1";
    private static final String CITY = "402036";
    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    private int clock;

    @Test
    void aReferralRoutedAndAcceptedNamesItsAgencyAndKeepsItsReferrer() {
        CaseProgress after = given(received(), routed("a1"), new RoutingEvent.RoutingAccepted(CASE, CITY, "a1"));
        assertEquals(CaseStatus.ACCEPTED, after.status());
        assertEquals("a1", after.assignedAgencyId());
        assertEquals("ref-1", after.referringAgencyId());
        assertEquals(DAY, after.receivedOn());
    }

    @Test
    void escalationTakesTheCaseFromItsAgency() {
        CaseProgress after = given(received(), routed("a1"), new RoutingEvent.CaseEscalatedV1(CASE, CITY,
                MeetingType.JUUSOU_SHIEN_KAIGI, false, List.of(), List.of(), "r", "d").current());
        assertEquals(CaseStatus.ESCALATED, after.status());
        assertNull(after.assignedAgencyId());
    }

    @Test
    void aShienKaigiClosingACaseWhosePlanRunsLeavesItPlanActiveUntilThePlanCloses() {
        CaseProgress planned = given(received(), planCreated("p1"), review(MeetingType.SHIEN_KAIGI, ReviewOutcome.CLOSE));
        assertEquals(CaseStatus.PLAN_ACTIVE, planned.status());
        assertEquals(Set.of("p1"), planned.openPlans());
        assertEquals(CaseStatus.CLOSED, then(planned, planClosed("p1")).status());
    }

    @Test
    void closingOnePlanWhileAnotherRunsKeepsTheCasePlanActiveAndTheHistorySaysSo() {
        CaseProgress two = given(received(), planCreated("p1"), planCreated("p2"));
        var step = two.evolve(envelope(planClosed("p1"))).orElseThrow();
        assertEquals(CaseStatus.PLAN_ACTIVE, step.after().status());
        assertEquals(CaseStatus.PLAN_ACTIVE, step.change().status());
        assertEquals(CaseStatus.CLOSED, then(step.after(), planClosed("p2")).status());
    }

    @Test
    void anEventRecordedEarlierThanTheStatusDoesNotReplaceItButItsPlanStillCounts() {
        CaseProgress routed = given(received(), routed("a1"));
        var late = routed.evolve(new EventEnvelope<>("e-late", "/t", Instant.EPOCH, DAY, null, planCreated("p9")))
                .orElseThrow();
        assertEquals(CaseStatus.ROUTED, late.after().status());
        assertEquals(Set.of("p9"), late.after().openPlans());
    }

    @Test
    void aNoteChangesNoStatusAndANoteFirstLeavesTheCaseReceived() {
        CaseProgress consent = given(new IntakeEvent.ConsentRecorded(CASE, CITY, Consent.GIVEN, DAY));
        assertEquals(CaseStatus.RECEIVED, consent.status());
        assertEquals(CaseStatus.ROUTED, then(consent, routed("a1")).status());
    }

    @Test
    void theCaseNumberOfTheReferralStaysWithTheCaseThroughLaterStages() {
        var numbered = new IntakeEvent.ReferralReceived(CASE, "R8-000123", CITY, "ref-1", Channel.AGENCY, DAY, "area",
                null, List.of(), List.of(), Consent.GIVEN, Urgency.ROUTINE, false, null);
        CaseProgress after = given(routed("a1"), numbered, new RoutingEvent.CaseEscalatedV1(CASE, CITY,
                MeetingType.JUUSOU_SHIEN_KAIGI, false, List.of(), List.of(), "r", "d").current());
        assertEquals("R8-000123", after.listing().caseNumber());
        assertNull(given(received()).listing().caseNumber());
    }

    /** Given the case's events, when agency {@code who} asks: its caseload relation, and whether it sees the status. */
    @ParameterizedTest(name = "given {0}, agency {1}: relation {2}, sees status {3}")
    @CsvSource(nullValues = "-", textBlock = """
            routed,            a1,    RESPONSIBLE, true
            routed,            ref-1, -,           true
            routed,            x,     -,           false
            accepted,          a1,    RESPONSIBLE, true
            plan with x,       x,     PLAN_ROLE,   true
            plan with x,       a1,    RESPONSIBLE, true
            plan with x,       y,     -,           false
            details with y,    y,     PLAN_ROLE,   true
            escalated,         a1,    -,           false
            plan with a1,      a1,    RESPONSIBLE, true
            plan with x closed, x,    PLAN_ROLE,   true
            """)
    void whoseCaseloadTheCaseIsIn(String given, String who, String relation, boolean seesStatus) {
        List<TsunaguEvent> events = new java.util.ArrayList<>(List.of(received(), routed("a1")));
        switch (given) {
            case "accepted" -> events.add(new RoutingEvent.RoutingAccepted(CASE, CITY, "a1"));
            case "plan with x" -> events.add(planWith("p1", "x"));
            case "plan with a1" -> events.add(planWith("p1", "a1"));
            case "details with y" -> events.add(new PlanningEvent.PlanDetailsCompleted("p1", CASE, CITY,
                    PlanType.PARTICIPATION, 1, List.of(new Role("y", null)), null));
            case "escalated" -> events.add(new RoutingEvent.CaseEscalatedV1(CASE, CITY, MeetingType.JUUSOU_SHIEN_KAIGI,
                    false, List.of(), List.of(), "r", "d").current());
            case "plan with x closed" -> events.addAll(List.of(planWith("p1", "x"), planClosed("p1")));
            default -> {
            }
        }
        CaseProgress after = given(events.toArray(TsunaguEvent[]::new));
        assertEquals(Optional.ofNullable(relation).map(CaseloadRelation::valueOf), after.relationOf(who));
        assertEquals(seesStatus, after.statusVisibleTo(who));
        assertEquals(relation != null, after.caseload().contains(who));
    }

    @Test
    void aJoinedCaseStaysClosedWhatEverItsAgencyOrAMeetingDoesAfterwards() {
        CaseProgress joined = given(received(), routed("a1"), joinedTo("c-0"));
        assertEquals(CaseStatus.CLOSED, joined.status());
        assertEquals("c-0", joined.joinedTo());
        var accepted = joined.evolve(envelope(new RoutingEvent.RoutingAccepted(CASE, CITY, "a1"))).orElseThrow();
        assertEquals(CaseStatus.CLOSED, accepted.after().status());
        assertEquals(CaseStatus.CLOSED, accepted.change().status());
        assertEquals(joined.statusTime(), accepted.after().statusTime());
        assertEquals(CaseStatus.CLOSED, then(accepted.after(), review(MeetingType.JUUSOU_SHIEN_KAIGI,
                ReviewOutcome.CONTINUE)).status());
    }

    @Test
    void aJoinArrivingAfterALaterAcceptanceOfAnotherTopicStillClosesTheCase() {
        CaseProgress routed = given(received(), routed("a1"));
        Instant later = Instant.parse("2026-12-02T00:00:00Z");
        CaseProgress accepted = routed.evolve(new EventEnvelope<>("e-acc", "/t", later, DAY, null,
                new RoutingEvent.RoutingAccepted(CASE, CITY, "a1"))).orElseThrow().after();
        CaseProgress joined = then(accepted, joinedTo("c-0"));
        assertEquals(CaseStatus.CLOSED, joined.status());
        assertEquals(later, joined.statusTime());
    }

    @Test
    void eventsAboutNoOneCaseLeaveNoStep() {
        assertTrue(CaseProgress.none(CASE, CITY).evolve(envelope(new MeetingEvent.MeetingScheduled("m", CITY,
                MeetingType.SHIEN_KAIGI, DAY, false))).isEmpty());
    }

    private CaseProgress given(TsunaguEvent... events) {
        CaseProgress state = CaseProgress.none(CASE, CITY);
        for (TsunaguEvent e : events) {
            state = then(state, e);
        }
        return state;
    }

    private CaseProgress then(CaseProgress state, TsunaguEvent e) {
        return state.evolve(envelope(e)).map(CaseProgress.Step::after).orElse(state);
    }

    private EventEnvelope<TsunaguEvent> envelope(TsunaguEvent e) {
        clock++;
        return new EventEnvelope<>("e-" + clock, "/t", Instant.parse("2026-12-01T00:00:00Z").plusSeconds(clock), DAY,
                null, e);
    }

    private static IntakeEvent.ReferralReceived received() {
        return new IntakeEvent.ReferralReceived(CASE, null, CITY, "ref-1", Channel.AGENCY, DAY, "area", null, List.of(),
                List.of(), Consent.GIVEN, Urgency.ROUTINE, false, null);
    }

    private static IntakeEvent.DuplicateConfirmed joinedTo(String first) {
        return new IntakeEvent.DuplicateConfirmed(CASE, "R8-000002", CITY, first, "R8-000001", DAY);
    }

    private static RoutingEvent.CaseRouted routed(String agency) {
        return new RoutingEvent.CaseRouted(CASE, CITY, agency, List.of(), List.of(), "r", "d");
    }

    private static MeetingEvent.CaseReviewed review(MeetingType type, ReviewOutcome outcome) {
        return new MeetingEvent.CaseReviewed(CASE, CITY, "m", type, DAY, outcome, null, List.of(), false, null);
    }

    private static PlanningEvent.PlanCreated planWith(String plan, String agency) {
        return new PlanningEvent.PlanCreated(plan, CASE, CITY, PlanType.PARTICIPATION, DAY,
                List.of(new Role(agency, null)), null, null);
    }

    private static PlanningEvent.PlanCreated planCreated(String plan) {
        return new PlanningEvent.PlanCreated(plan, CASE, CITY, PlanType.PARTICIPATION, DAY, List.of(), null, null);
    }

    private static PlanningEvent.PlanClosed planClosed(String plan) {
        return new PlanningEvent.PlanClosed(plan, CASE, CITY, PlanType.PARTICIPATION, DAY);
    }
}
