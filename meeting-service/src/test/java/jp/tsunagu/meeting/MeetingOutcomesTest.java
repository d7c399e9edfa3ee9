package jp.tsunagu.meeting;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jp.tsunagu.contract.Topics;
import jp.tsunagu.contract.codes.Consent;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.PlanType;
import jp.tsunagu.contract.codes.ReviewOutcome;
import jp.tsunagu.contract.codes.ReviewRules;
import jp.tsunagu.contract.events.IntakeEvent;
import jp.tsunagu.contract.events.MeetingEvent;
import jp.tsunagu.contract.events.PlanningEvent;
import jp.tsunagu.testing.TsunaguTestResources;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static jp.tsunagu.meeting.MeetingFlowTest.amend;
import static jp.tsunagu.meeting.MeetingFlowTest.awaitMeetingEvent;
import static jp.tsunagu.meeting.MeetingFlowTest.postMinutes;
import static jp.tsunagu.meeting.MeetingFlowTest.publish;
import static jp.tsunagu.meeting.MeetingFlowTest.referAndEscalate;
import static jp.tsunagu.testing.Tokens.KURUME;
import static jp.tsunagu.testing.Tokens.bearer;
import static jp.tsunagu.testing.Tokens.role;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What a meeting may decide for a case, through the API: the minutes and their corrections ask the contract's
 * ReviewRules (meeting type × the person's consent × outcome; a 再プラン needs a running plan of its type).
 */
@QuarkusTest
@QuarkusTestResource(TsunaguTestResources.class)
class MeetingOutcomesTest {

    @Test
    void withoutConsentInformationIsSharedInASupportMeetingNotInAMultiLayeredOne() {
        LocalDate received = LocalDate.of(2025, 2, 3);
        LocalDate held = LocalDate.of(2025, 2, 12);
        String unknown = referAndEscalate(KURUME, Consent.UNKNOWN, MeetingType.SHIEN_KAIGI, received, false);
        String watched = referAndEscalate(KURUME, Consent.UNKNOWN, MeetingType.SHIEN_KAIGI, received, false);
        awaitMeetingEvent(unknown, MeetingEvent.CaseQueued.class, q -> true);
        awaitMeetingEvent(watched, MeetingEvent.CaseQueued.class, q -> true);
        String juusou = adHocMeeting(MeetingType.JUUSOU_SHIEN_KAIGI, held);
        String shien = adHocMeeting(MeetingType.SHIEN_KAIGI, held);
        String sharing = """
                {"heldOn":"%s","attendees":["kurume-houkatsu-01"],
                 "reviews":[{"caseId":"%s","outcome":"SHARE_INFO","reason":"民生委員からの情報提供"}]}""";

        String japanese = "ケース " + unknown + ": " + ReviewRules.refusal(MeetingType.JUUSOU_SHIEN_KAIGI,
                Consent.UNKNOWN, ReviewOutcome.SHARE_INFO).orElseThrow().japanese();
        minutesInJapanese(juusou, sharing.formatted(held, unknown)).statusCode(409)
                .body("type", equalTo("/problems/no-sharing-without-consent"))
                .body("detail", equalTo(japanese));
        postMinutes(juusou, sharing.formatted(held, unknown)).statusCode(409)
                .body("detail", containsString("no consent is recorded (UNKNOWN)"));
        // nothing was recorded: the meeting has no minutes yet
        given().header("Authorization", bearer(role("coordinator", KURUME))).get("/meetings/" + juusou).then()
                .statusCode(200).body("heldOn", equalTo(null));

        postMinutes(shien, """
                {"heldOn":"%s","attendees":["kurume-houkatsu-01"],
                 "reviews":[{"caseId":"%s","outcome":"SHARE_INFO","reason":"民生委員からの情報提供"},
                            {"caseId":"%s","outcome":"WATCH","reason":"見守りの確認"}]}""".formatted(held, unknown, watched))
                .statusCode(201).body("reviews[0].outcome", equalTo("SHARE_INFO"));
        amend(shien, """
                {"reason":"結果の誤記","reviews":[{"caseId":"%s","outcome":"SHARE_INFO"}]}""".formatted(watched))
                .statusCode(201).body("reviews[1].outcome", equalTo("SHARE_INFO"));
    }

    @Test
    void aCorrectionSharesNothingOnceConsentIsNoLongerRecorded() {
        LocalDate held = LocalDate.of(2025, 2, 19);
        String caseId = referAndEscalate(KURUME, Consent.GIVEN, MeetingType.JUUSOU_SHIEN_KAIGI,
                LocalDate.of(2025, 2, 10), false);
        awaitMeetingEvent(caseId, MeetingEvent.CaseQueued.class, q -> true);
        String juusou = adHocMeeting(MeetingType.JUUSOU_SHIEN_KAIGI, held);
        postMinutes(juusou, """
                {"heldOn":"%s","attendees":[],"reviews":[{"caseId":"%s","outcome":"CONTINUE","reason":"臨時"}]}"""
                .formatted(held, caseId)).statusCode(201);
        publish(Topics.INTAKE, new IntakeEvent.ConsentRecorded(caseId, KURUME, Consent.UNKNOWN, held), held);
        // a probe refused either way (no plan to re-plan while consent is given): tells when the consent is known
        String replan = """
                {"reason":"結果の誤記","reviews":[{"caseId":"%s","outcome":"REPLAN","planType":"MULTI_AGENCY"}]}"""
                .formatted(caseId);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "/problems/no-plan-without-consent"
                .equals(amend(juusou, replan).extract().path("type")));

        String japanese = "ケース " + caseId + ": " + ReviewRules.refusal(MeetingType.JUUSOU_SHIEN_KAIGI,
                Consent.UNKNOWN, ReviewOutcome.SHARE_INFO).orElseThrow().japanese();
        amendInJapanese(juusou, """
                {"reason":"結果の誤記","reviews":[{"caseId":"%s","outcome":"SHARE_INFO"}]}""".formatted(caseId))
                .statusCode(409).body("type", equalTo("/problems/no-sharing-without-consent"))
                .body("detail", equalTo(japanese));
    }

    @Test
    void aReplanNeedsAPlanToReviseInTheMinutesAndInTheirCorrections() {
        LocalDate held = LocalDate.of(2025, 2, 26);
        String caseId = referAndEscalate(KURUME, Consent.GIVEN, MeetingType.JUUSOU_SHIEN_KAIGI,
                LocalDate.of(2025, 2, 17), false);
        awaitMeetingEvent(caseId, MeetingEvent.CaseQueued.class, q -> true);
        String juusou = adHocMeeting(MeetingType.JUUSOU_SHIEN_KAIGI, held);
        String replanInMinutes = """
                {"heldOn":"%s","attendees":[],"reviews":[{"caseId":"%s","outcome":"REPLAN","planType":"MULTI_AGENCY",
                 "roles":[{"agencyId":"kurume-jiritsu-01","responsibility":"家計の立て直し"}],"reason":"臨時"}]}"""
                .formatted(held, caseId);
        String japanese = "ケース " + caseId + ": " + ReviewRules.replanRefusal(ReviewOutcome.REPLAN,
                PlanType.MULTI_AGENCY, false).orElseThrow().japanese();
        minutesInJapanese(juusou, replanInMinutes).statusCode(409)
                .body("type", equalTo("/problems/nothing-to-replan"))
                .body("detail", equalTo(japanese));

        postMinutes(juusou, """
                {"heldOn":"%s","attendees":[],"reviews":[{"caseId":"%s","outcome":"CONTINUE","reason":"臨時"}]}"""
                .formatted(held, caseId)).statusCode(201);
        String replan = """
                {"reason":"結果の誤記（再プラン）","reviews":[{"caseId":"%s","outcome":"REPLAN",
                 "planType":"MULTI_AGENCY"}]}""".formatted(caseId);
        amendInJapanese(juusou, replan).statusCode(409).body("type", equalTo("/problems/nothing-to-replan"))
                .body("detail", equalTo(japanese));

        // once planning-service announces the case's 多機関協働プラン, the correction re-plans it
        publish(Topics.PLANS, new PlanningEvent.PlanCreated("p-" + UUID.randomUUID(), caseId, KURUME,
                PlanType.MULTI_AGENCY, LocalDate.of(2025, 2, 20), List.of(), null, "m-earlier"), held);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> amend(juusou, replan).extract()
                .statusCode() == 201);
        MeetingEvent.CaseReviewAmended amended = awaitMeetingEvent(caseId, MeetingEvent.CaseReviewAmended.class,
                a -> true);
        assertEquals(ReviewOutcome.REPLAN, amended.outcome());
        assertEquals(ReviewOutcome.CONTINUE, amended.previousOutcome());
    }

    static String adHocMeeting(MeetingType type, LocalDate on) {
        return given().header("Authorization", bearer(role("coordinator", KURUME)))
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType("application/json")
                .body(MeetingFlowTest.newMeeting(type.name(), on.toString()))
                .post("/meetings").then().statusCode(201).extract().path("meetingId");
    }

    static ValidatableResponse minutesInJapanese(String meetingId, String body) {
        return given().header("Authorization", bearer(role("coordinator", KURUME))).header("Accept-Language", "ja")
                .contentType("application/json").body(body).post("/meetings/" + meetingId + "/minutes").then();
    }

    static ValidatableResponse amendInJapanese(String meetingId, String body) {
        return given().header("Authorization", bearer(role("coordinator", KURUME))).header("Accept-Language", "ja")
                .contentType("application/json").body(body).post("/meetings/" + meetingId + "/minutes/amendments")
                .then();
    }
}
