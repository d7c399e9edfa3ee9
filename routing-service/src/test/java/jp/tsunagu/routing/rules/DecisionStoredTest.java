package jp.tsunagu.routing.rules;

import jp.tsunagu.contract.codes.EmergencyReview;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.RoutingDecision;
import jp.tsunagu.contract.events.CloudEventCodec;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A decision as case_routing.decision_json holds it: written with review, read back from rows that said urgent. */
class DecisionStoredTest {

    @Test
    void aRowWrittenBefore202612ReadsItsUrgentAsTheEmergencyReview() throws Exception {
        String old = """
                {"decision":"ESCALATED","agencyId":null,"track":"SHIEN_KAIGI","urgent":true,"fields":["CHILD"],
                 "reasons":[],"ruleSetVersion":"r","directoryVersion":"d"}""";

        Decision read = CloudEventCodec.mapper().readValue(old, Decision.class);

        assertEquals(EmergencyReview.EMERGENCY, read.review());
        assertEquals(MeetingType.SHIEN_KAIGI, read.track());
    }

    @Test
    void aDecisionRoundTripsWithItsReview() throws Exception {
        Decision d = Decision.escalated(MeetingType.JUUSOU_SHIEN_KAIGI, EmergencyReview.REGULAR, List.of(), List.of(),
                "r", "d");

        String json = CloudEventCodec.mapper().writeValueAsString(d);

        assertEquals(d, CloudEventCodec.mapper().readValue(json, Decision.class));
        assertEquals(RoutingDecision.ESCALATED, CloudEventCodec.mapper().readValue(json, Decision.class).decision());
        assertEquals(false, json.contains("urgent"), json);
    }
}
