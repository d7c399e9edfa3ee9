package jp.tsunagu.routing.referral;

import jp.tsunagu.contract.codes.AgeBand;
import jp.tsunagu.contract.codes.Channel;
import jp.tsunagu.contract.codes.Concern;
import jp.tsunagu.contract.codes.Consent;
import jp.tsunagu.contract.codes.EmergencyReview;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.Urgency;
import jp.tsunagu.contract.events.RoutingEvent;
import jp.tsunagu.routing.rules.CaseFacts;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static jp.tsunagu.routing.referral.RoutingDeciderTest.KURUME;
import static jp.tsunagu.routing.referral.RoutingDeciderTest.TODAY;
import static jp.tsunagu.routing.referral.RoutingDeciderTest.context;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * An escalation says the referral's urgency (至急 stays 至急), the emergency review (危険・緊急) and the consent as
 * themselves: a 至急 case an agency declined is not sent to wait as a routine one, and nothing is inferred later.
 */
class EscalationKeepsUrgencyTest {

    static CaseFacts referral(String caseId, Urgency urgency, Consent consent, Concern... concerns) {
        return new CaseFacts(caseId, KURUME, "referrer-1", Channel.AGENCY, TODAY, "荒木", AgeBand.of(83), List.of(),
                List.of(concerns), consent, urgency, false);
    }

    @Test
    void aShikyuuCaseDeclinedAndPassedOnToCoordinationKeepsItsUrgency() {
        // given a 至急 referral routed to the only site of its area
        CaseFacts facts = referral("c1", Urgency.URGENT, Consent.GIVEN, Concern.DEMENTIA);
        CaseRouting awaiting = RoutingDecider.route(facts, context(KURUME, Map.of(), TODAY)).after();
        assertEquals(LocalDate.of(2026, 6, 3), awaiting.dueOn(), "至急: two office days");

        // when the agency declines and no other site is left
        RoutingDecider.Outcome outcome = RoutingDecider.decline(awaiting, facts, "定員超過",
                context(KURUME, Map.of(), TODAY));

        // then it is escalated as 至急, for a regular meeting, with the consent routing knows
        RoutingEvent.CaseEscalated escalated = assertInstanceOf(RoutingEvent.CaseEscalated.class,
                outcome.events().get(1).event());
        assertEquals(Urgency.URGENT, escalated.urgency());
        assertEquals(EmergencyReview.REGULAR, escalated.review());
        assertEquals(Consent.GIVEN, escalated.consent());
        assertEquals(MeetingType.JUUSOU_SHIEN_KAIGI, escalated.track());
    }

    @Test
    void aShikyuuCaseNobodyAnsweredInTimeIsEscalatedAsShikyuu() {
        CaseFacts facts = referral("c1", Urgency.URGENT, Consent.NOT_GIVEN, Concern.DEMENTIA);
        CaseRouting awaiting = RoutingDecider.route(facts, context(KURUME, Map.of(), TODAY)).after();

        RoutingDecider.Outcome outcome = RoutingDecider.overdue(awaiting, facts, LocalDate.of(2026, 6, 4));

        RoutingEvent.CaseEscalated escalated = assertInstanceOf(RoutingEvent.CaseEscalated.class,
                outcome.events().get(1).event());
        assertEquals(Urgency.URGENT, escalated.urgency());
        assertEquals(EmergencyReview.REGULAR, escalated.review());
        assertEquals(Consent.NOT_GIVEN, escalated.consent());
        assertEquals(MeetingType.SHIEN_KAIGI, escalated.track());
    }

    @Test
    void anEmergencyWithAbuseIsEscalatedAsAnEmergencyReview() {
        CaseFacts facts = referral("c2", Urgency.EMERGENCY, Consent.UNKNOWN, Concern.ELDER_ABUSE);

        RoutingDecider.Outcome outcome = RoutingDecider.route(facts, context(KURUME, Map.of(), TODAY));

        RoutingEvent.CaseEscalated escalated = assertInstanceOf(RoutingEvent.CaseEscalated.class,
                outcome.events().get(0).event());
        assertEquals(Urgency.EMERGENCY, escalated.urgency());
        assertEquals(EmergencyReview.EMERGENCY, escalated.review());
        assertEquals(Consent.UNKNOWN, escalated.consent());
        assertEquals(MeetingType.SHIEN_KAIGI, escalated.track());
    }

    @Test
    void aRoutineCaseStaysRoutineAndRegular() {
        CaseFacts facts = referral("c3", Urgency.ROUTINE, Consent.GIVEN, Concern.DEMENTIA);
        CaseRouting awaiting = RoutingDecider.route(facts, context(KURUME, Map.of(), TODAY)).after();

        RoutingEvent.CaseEscalated escalated = assertInstanceOf(RoutingEvent.CaseEscalated.class,
                RoutingDecider.decline(awaiting, facts, "定員超過", context(KURUME, Map.of(), TODAY)).events().get(1)
                        .event());

        assertEquals(Urgency.ROUTINE, escalated.urgency());
        assertEquals(EmergencyReview.REGULAR, escalated.review());
    }
}
