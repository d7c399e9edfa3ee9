package jp.tsunagu.routing;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jp.tsunagu.contract.codes.BusinessDate;
import jp.tsunagu.contract.codes.Channel;
import jp.tsunagu.contract.codes.Concern;
import jp.tsunagu.contract.codes.Consent;
import jp.tsunagu.contract.codes.EmergencyReview;
import jp.tsunagu.contract.codes.Urgency;
import jp.tsunagu.contract.events.RoutingEvent;
import jp.tsunagu.testing.TsunaguTestResources;
import org.junit.jupiter.api.Test;

import java.util.List;

import static jp.tsunagu.routing.RoutingFlowTest.ARAKI_HOUKATSU;
import static jp.tsunagu.routing.RoutingFlowTest.answer;
import static jp.tsunagu.routing.RoutingFlowTest.awaitRouting;
import static jp.tsunagu.routing.RoutingFlowTest.refer;
import static jp.tsunagu.routing.RoutingFlowTest.routing;
import static jp.tsunagu.testing.Tokens.KURUME;
import static jp.tsunagu.testing.Tokens.agency;
import static jp.tsunagu.testing.Tokens.role;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * On the real broker: case-escalated.v2 carries the referral's urgency, the emergency review and the consent as
 * themselves, so a 至急 case the only site of its area declined reaches coordination as 至急, not as routine.
 */
@QuarkusTest
@QuarkusTestResource(TsunaguTestResources.class)
class UrgencyThroughTheLoopTest {

    @Test
    void aShikyuuCaseDeclinedByTheOnlySiteIsEscalatedAsShikyuu() {
        // given a 至急 referral of 荒木 (one 地域包括支援センター) with the person's consent
        String caseId = refer(KURUME, "荒木", 83, List.of(Concern.DEMENTIA), Channel.AGENCY, Consent.GIVEN,
                BusinessDate.today(), Urgency.URGENT);
        awaitRouting(caseId, RoutingEvent.CaseRouted.class);

        // when the site declines
        answer(agency(ARAKI_HOUKATSU, KURUME), caseId, "{\"accepted\":false,\"reason\":\"定員超過\"}")
                .statusCode(200);

        // then the escalation says 至急, a regular meeting and the consent, on the topic and in the routing
        RoutingEvent.CaseEscalated escalated = awaitRouting(caseId, RoutingEvent.CaseEscalated.class);
        assertEquals(Urgency.URGENT, escalated.urgency());
        assertEquals(EmergencyReview.REGULAR, escalated.review());
        assertEquals(Consent.GIVEN, escalated.consent());
        routing(role("coordinator", KURUME), caseId).statusCode(200).body("state", equalTo("ESCALATED"))
                .body("urgency", equalTo("URGENT")).body("review", equalTo("REGULAR"))
                .body("urgent", equalTo(false));
    }

    @Test
    void anEmergencyWithAbuseIsEscalatedForAnAdHocShienKaigi() {
        String caseId = refer(KURUME, "篠山", 7, List.of(Concern.CHILD_ABUSE), Channel.PHONE, Consent.UNKNOWN,
                BusinessDate.today(), Urgency.EMERGENCY);

        RoutingEvent.CaseEscalated escalated = awaitRouting(caseId, RoutingEvent.CaseEscalated.class);

        assertEquals(Urgency.EMERGENCY, escalated.urgency());
        assertEquals(EmergencyReview.EMERGENCY, escalated.review());
        assertEquals(Consent.UNKNOWN, escalated.consent());
        routing(role("coordinator", KURUME), caseId).statusCode(200).body("urgency", equalTo("EMERGENCY"))
                .body("review", equalTo("EMERGENCY")).body("urgent", equalTo(true));
    }
}
