package jp.tsunagu.meeting;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jp.tsunagu.contract.codes.Consent;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.events.MeetingEvent;
import jp.tsunagu.support.clock.BusinessClock;
import jp.tsunagu.testing.TsunaguTestResources;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.UUID;

import static jp.tsunagu.meeting.MeetingFlowTest.awaitMeetingEvent;
import static io.restassured.RestAssured.given;
import static jp.tsunagu.meeting.MeetingFlowTest.choose;
import static jp.tsunagu.meeting.MeetingFlowTest.newMeeting;
import static jp.tsunagu.meeting.MeetingFlowTest.referAndEscalate;
import static jp.tsunagu.testing.Tokens.KURUME;
import static jp.tsunagu.testing.Tokens.bearer;
import static jp.tsunagu.testing.Tokens.role;
import static org.hamcrest.Matchers.equalTo;

/**
 * The agenda on the last working day of the year (12/28, before the year-end closure 12/29–1/3), with the day set
 * by the injected clock instead of waited for: which meetings have passed, and how long a case has waited.
 */
@QuarkusTest
@QuarkusTestResource(TsunaguTestResources.class)
class YearEndClockTest {

    static final LocalDate DECEMBER_28 = LocalDate.of(2026, 12, 28);

    @BeforeEach
    void onTheLastWorkingDayOfTheYear() {
        QuarkusMock.installMockForType(BusinessClock.on(DECEMBER_28), BusinessClock.class);
    }

    /**
     * Given a case escalated on 12/21 and two ad-hoc 支援会議, on 12/24 and on 1/6, when the coordinator chooses a
     * meeting for it on 12/28: the one of 12/24 has passed, the one of 1/6 (after the closure) takes it, and the case
     * has waited a week.
     */
    @Test
    void onDecember28AMeetingOfDecember24HasPassedAndOneOfJanuaryTakesTheCase() {
        String coordinator = role("coordinator", KURUME);
        String caseId = referAndEscalate(KURUME, Consent.UNKNOWN, MeetingType.SHIEN_KAIGI, LocalDate.of(2026, 12, 21),
                false);
        awaitMeetingEvent(caseId, MeetingEvent.CaseQueued.class, q -> true);
        String december24 = adHocShienKaigi(coordinator, "2026-12-24");
        String january6 = adHocShienKaigi(coordinator, "2027-01-06");

        choose(coordinator, caseId, december24).statusCode(409).body("type", equalTo("/problems/meeting-past"));
        choose(coordinator, caseId, january6).statusCode(200)
                .body("meetingId", equalTo(january6))
                .body("meetingScheduledOn", equalTo("2027-01-06"))
                .body("queuedOn", equalTo("2026-12-21"))
                .body("daysWaiting", equalTo(7));
    }

    static String adHocShienKaigi(String coordinator, String on) {
        return given().header("Authorization", bearer(coordinator))
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType("application/json")
                .body(newMeeting("SHIEN_KAIGI", on)).post("/meetings").then().statusCode(201)
                .extract().path("meetingId");
    }
}
