package jp.tsunagu.meeting;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jp.tsunagu.contract.Topics;
import jp.tsunagu.contract.codes.AgeBand;
import jp.tsunagu.contract.codes.Channel;
import jp.tsunagu.contract.codes.Concern;
import jp.tsunagu.contract.codes.Consent;
import jp.tsunagu.contract.codes.EmergencyReview;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.Urgency;
import jp.tsunagu.contract.events.IntakeEvent;
import jp.tsunagu.contract.events.MeetingEvent;
import jp.tsunagu.contract.events.RoutingEvent;
import jp.tsunagu.contract.events.SealedData;
import jp.tsunagu.testing.TopicProbe;
import jp.tsunagu.testing.TsunaguTestResources;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static jp.tsunagu.meeting.MeetingFlowTest.awaitMeetingEvent;
import static jp.tsunagu.meeting.MeetingFlowTest.meeting;
import static jp.tsunagu.meeting.MeetingFlowTest.publish;
import static jp.tsunagu.testing.Tokens.KURUME;
import static jp.tsunagu.testing.Tokens.bearer;
import static jp.tsunagu.testing.Tokens.role;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** case-escalated.v2 as meeting-service reads it: a 至急 case does not wait weeks; the urgency is shown as itself. */
@QuarkusTest
@QuarkusTestResource(TsunaguTestResources.class)
class UrgentEscalationTest {

    /**
     * Given a 至急 case with consent escalated on Tuesday 2024-10-01 (久留米市's next regular 重層的支援会議: 10/23),
     * when meeting-service reads the escalation, then an ad-hoc 重層的支援会議 is set up for the next business day and
     * the waiting list and the meeting pack say 至急.
     */
    @Test
    void aUrgentCaseGetsAnAdHocMeetingOfItsTrackTheNextBusinessDay() {
        LocalDate on = LocalDate.of(2024, 10, 1);
        String caseId = UUID.randomUUID().toString();
        publish(Topics.INTAKE, new IntakeEvent.ReferralReceived(caseId, null, KURUME, "referrer-1", Channel.AGENCY, on,
                "荒木", AgeBand.AGE_40_49, List.of(), List.of(Concern.HIKIKOMORI), Consent.GIVEN, Urgency.URGENT, false,
                new SealedData("A256GCM", "case/" + caseId + "/1", "bm9uY2U=", "Y2lwaGVy")), on);
        publish(Topics.ROUTING, new RoutingEvent.CaseEscalated(caseId, KURUME, MeetingType.JUUSOU_SHIEN_KAIGI,
                Urgency.URGENT, EmergencyReview.REGULAR, Consent.GIVEN, List.of(), List.of(), "rules", "dir"), on);

        MeetingEvent.CaseQueued queued = awaitMeetingEvent(caseId, MeetingEvent.CaseQueued.class, q -> true);
        assertEquals(MeetingType.JUUSOU_SHIEN_KAIGI, queued.track());
        var scheduled = TopicProbe.await(Topics.MEETINGS, r -> queued.meetingId().equals(r.key())
                && TopicProbe.decode(r).data() instanceof MeetingEvent.MeetingScheduled, Duration.ofSeconds(30));
        MeetingEvent.MeetingScheduled m = (MeetingEvent.MeetingScheduled) TopicProbe.decode(scheduled).data();
        assertTrue(m.adHoc());
        assertEquals(MeetingType.JUUSOU_SHIEN_KAIGI, m.type());
        assertEquals(LocalDate.of(2024, 10, 2), m.scheduledOn());

        String coordinator = role("coordinator", KURUME);
        given().header("Authorization", bearer(coordinator)).get("/agenda/waiting").then().statusCode(200)
                .body("find { it.caseId == '" + caseId + "' }.urgency", equalTo("URGENT"))
                .body("find { it.caseId == '" + caseId + "' }.urgencyLabel", equalTo("至急"))
                .body("find { it.caseId == '" + caseId + "' }.review", equalTo("REGULAR"))
                .body("find { it.caseId == '" + caseId + "' }.urgent", equalTo(false))
                .body("find { it.caseId == '" + caseId + "' }.meetingId", equalTo(queued.meetingId()));
        meeting(coordinator, queued.meetingId()).statusCode(200)
                .body("agenda.find { it.caseId == '" + caseId + "' }.urgencyLabel", equalTo("至急"));
    }
}
