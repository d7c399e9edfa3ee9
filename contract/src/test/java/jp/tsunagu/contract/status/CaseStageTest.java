package jp.tsunagu.contract.status;

import jp.tsunagu.contract.codes.CaseStatus;
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
import jp.tsunagu.contract.events.RoutingEvent;
import jp.tsunagu.contract.events.TsunaguEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The one fold of a case's status: given these events (each with its recorded time), in any order, the case is so. */
class CaseStageTest {

    private static final String CASE = "c-1";
    private static final String CITY = "402036";
    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    private static final Instant T = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void everyOrderOfTheTopicsGivesTheSameStage() {
        List<EventEnvelope<TsunaguEvent>> events = List.of(at(1, received()), at(2, routed()), at(3, accepted()),
                at(4, planCreated("own")), at(5, review(ReviewOutcome.CLOSE)), at(6, planCreated("household")),
                at(7, planClosed("own")));
        CaseStage expected = fold(events);
        assertEquals(CaseStatus.PLAN_ACTIVE, expected.status());
        for (List<EventEnvelope<TsunaguEvent>> order : orders(events)) {
            CaseStage stage = fold(order);
            assertEquals(expected.status(), stage.status(), order.toString());
            assertEquals(expected.latestAt(), stage.latestAt());
            assertEquals(expected.openPlans(), stage.openPlans());
        }
    }

    /** A member's case with a plan of its own and a household plan made for it: closing one keeps it in support. */
    @Test
    void aCaseCoveredByItsOwnPlanAndAHouseholdPlanClosesWhenBothHave() {
        CaseStage both = fold(List.of(at(1, received()), at(2, planCreated("own")), at(3, planCreated("household"))));
        CaseStage ownClosed = fold(List.of(at(1, received()), at(2, planCreated("own")),
                at(3, planCreated("household")), at(4, planClosed("own"))));
        assertEquals(CaseStatus.PLAN_ACTIVE, ownClosed.status());
        assertEquals(CaseStatus.PLAN_ACTIVE, then(both, at(4, planClosed("household"))).status());
        assertEquals(CaseStatus.CLOSED, then(ownClosed, at(5, planClosed("household"))).status());
    }

    @Test
    void aPlanCreatedEarlierButArrivingAfterAClosingReviewKeepsTheCaseInSupport() {
        CaseStage closed = fold(List.of(at(1, received()), at(5, review(ReviewOutcome.CLOSE))));
        assertEquals(CaseStatus.CLOSED, closed.status());
        assertEquals(CaseStatus.PLAN_ACTIVE, then(closed, at(3, planCreated("p"))).status());
    }

    /** A referral sent again after a crash is recorded after the routing the first copy caused: it is still first. */
    @Test
    void aReferralRecordedLateNeverTakesTheCaseBackInAnyOrder() {
        List<EventEnvelope<TsunaguEvent>> events = List.of(at(9, received()), at(2, routed()), at(3, accepted()));
        for (List<EventEnvelope<TsunaguEvent>> order : orders(events)) {
            CaseStage stage = fold(order);
            assertEquals(CaseStatus.ACCEPTED, stage.status(), order.toString());
            assertEquals(T.plusSeconds(3), stage.latestAt());
        }
        assertEquals(CaseStatus.RECEIVED, fold(List.of(at(9, received()))).status());
    }

    @Test
    void aLateCopyOfAPlansCreationDoesNotReopenIt() {
        CaseStage closed = fold(List.of(at(1, received()), at(2, planCreated("p")), at(3, planClosed("p"))));
        CaseStage copied = then(closed, at(2, planCreated("p")));
        assertEquals(CaseStatus.CLOSED, copied.status());
        assertEquals(closed, copied);
    }

    @Test
    void aJoinedCaseIsClosedForGoodWhileItsLatestTimeStillFollowsItsEvents() {
        CaseStage joined = fold(List.of(at(1, received()), at(2, routed()),
                at(3, new IntakeEvent.DuplicateConfirmed(CASE, "R8-2", CITY, "c-0", "R8-1", DAY)),
                at(4, accepted())));
        assertEquals(CaseStatus.CLOSED, joined.status());
        assertEquals(T.plusSeconds(4), joined.latestAt());
        assertEquals(T.plusSeconds(3), joined.statusTime());
    }

    private static CaseStage fold(List<EventEnvelope<TsunaguEvent>> events) {
        CaseStage stage = CaseStage.NONE;
        for (EventEnvelope<TsunaguEvent> e : events) {
            stage = then(stage, e);
        }
        return stage;
    }

    private static CaseStage then(CaseStage stage, EventEnvelope<TsunaguEvent> e) {
        return stage.evolve(e).map(CaseStage.Step::after).orElse(stage);
    }

    /** Every interleaving of the events' topics, each topic's events kept in their order. */
    private static List<List<EventEnvelope<TsunaguEvent>>> orders(List<EventEnvelope<TsunaguEvent>> events) {
        List<List<EventEnvelope<TsunaguEvent>>> out = new ArrayList<>();
        interleave(events, new ArrayList<>(), out);
        return out;
    }

    private static void interleave(List<EventEnvelope<TsunaguEvent>> rest, List<EventEnvelope<TsunaguEvent>> sofar,
                                   List<List<EventEnvelope<TsunaguEvent>>> out) {
        if (rest.isEmpty()) {
            out.add(List.copyOf(sofar));
            return;
        }
        List<Class<?>> topics = new ArrayList<>();
        for (int i = 0; i < rest.size(); i++) {
            Class<?> topic = topicOf(rest.get(i).data());
            if (topics.contains(topic)) {
                continue; // only the first event of each topic may come next
            }
            topics.add(topic);
            List<EventEnvelope<TsunaguEvent>> next = new ArrayList<>(rest);
            sofar.add(next.remove(i));
            interleave(next, sofar, out);
            sofar.remove(sofar.size() - 1);
        }
    }

    private static Class<?> topicOf(TsunaguEvent event) {
        return switch (event) {
            case IntakeEvent e -> IntakeEvent.class;
            case RoutingEvent e -> RoutingEvent.class;
            case MeetingEvent e -> MeetingEvent.class;
            case PlanningEvent e -> PlanningEvent.class;
        };
    }

    private static EventEnvelope<TsunaguEvent> at(int second, TsunaguEvent e) {
        return new EventEnvelope<>("e-" + second + "-" + e.getClass().getSimpleName(), "/t", T.plusSeconds(second),
                DAY, null, e);
    }

    private static TsunaguEvent received() {
        return new IntakeEvent.ReferralReceived(CASE, null, CITY, "ref-1", Channel.AGENCY, DAY, "area", null,
                List.of(), List.of(), Consent.GIVEN, Urgency.ROUTINE, false, null);
    }

    private static TsunaguEvent routed() {
        return new RoutingEvent.CaseRouted(CASE, CITY, "a1", List.of(), List.of(), "r", "d");
    }

    private static TsunaguEvent accepted() {
        return new RoutingEvent.RoutingAccepted(CASE, CITY, "a1");
    }

    private static TsunaguEvent review(ReviewOutcome outcome) {
        return new MeetingEvent.CaseReviewed(CASE, CITY, "m", MeetingType.SHIEN_KAIGI, DAY, outcome, null, List.of(),
                false, null);
    }

    private static TsunaguEvent planCreated(String plan) {
        return new PlanningEvent.PlanCreated(plan, CASE, CITY, PlanType.MULTI_AGENCY, DAY, List.of(), null, null);
    }

    private static TsunaguEvent planClosed(String plan) {
        return new PlanningEvent.PlanClosed(plan, CASE, CITY, PlanType.MULTI_AGENCY, DAY);
    }
}
