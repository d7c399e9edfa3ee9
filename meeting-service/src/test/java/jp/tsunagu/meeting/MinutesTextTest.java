package jp.tsunagu.meeting;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jp.tsunagu.contract.codes.Consent;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.events.MeetingEvent;
import jp.tsunagu.testing.TsunaguTestResources;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static io.restassured.RestAssured.given;
import static jp.tsunagu.meeting.MeetingFlowTest.awaitMeetingEvent;
import static jp.tsunagu.meeting.MeetingFlowTest.postMinutes;
import static jp.tsunagu.meeting.MeetingFlowTest.referAndEscalate;
import static jp.tsunagu.testing.Tokens.KURUME;
import static jp.tsunagu.testing.Tokens.bearer;
import static jp.tsunagu.testing.Tokens.role;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A note is kept as written, but the printed 議事録 shows every invisible formatting character (a bidi override, a
 * zero-width space, a line separator) as [U+…], so that what is printed reads as what was recorded.
 */
@QuarkusTest
@QuarkusTestResource(TsunaguTestResources.class)
class MinutesTextTest {

    @Test
    void invisibleCharactersOfANoteArePrintedVisibly() {
        String caseId = referAndEscalate(KURUME, Consent.GIVEN, MeetingType.JUUSOU_SHIEN_KAIGI,
                LocalDate.of(2025, 2, 3), false);
        String meetingId = awaitMeetingEvent(caseId, MeetingEvent.CaseQueued.class, q -> true).meetingId();
        postMinutes(meetingId, """
                {"heldOn":"2025-02-26","attendees":["kurume-kikan-01"],
                 "reviews":[{"caseId":"%s","outcome":"WATCH",
                   "note":"見守り 週1回\\u202e回3週\\u202c、担当\\u200b交代\\u2028次回確認"}]}""".formatted(caseId))
                .statusCode(201);
        String html = given().header("Authorization", bearer(role("coordinator", KURUME))).accept("text/html")
                .get("/meetings/" + meetingId).then().statusCode(200).extract().asString();
        assertTrue(html.contains("見守り 週1回[U+202E]回3週[U+202C]、担当[U+200B]交代[U+2028]次回確認"), html);
        for (char c : new char[]{'\u202e', '\u202c', '\u200b', '\u2028'}) {
            assertFalse(html.indexOf(c) >= 0, "printed as it is: U+" + Integer.toHexString(c));
        }
    }
}
