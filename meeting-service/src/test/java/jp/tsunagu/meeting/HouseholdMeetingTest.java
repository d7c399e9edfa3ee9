package jp.tsunagu.meeting;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jp.tsunagu.contract.Topics;
import jp.tsunagu.contract.codes.AgeBand;
import jp.tsunagu.contract.codes.Channel;
import jp.tsunagu.contract.codes.Concern;
import jp.tsunagu.contract.codes.Consent;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.Urgency;
import jp.tsunagu.contract.events.IntakeEvent;
import jp.tsunagu.contract.events.MeetingEvent;
import jp.tsunagu.contract.events.SealedData;
import jp.tsunagu.testing.TsunaguTestResources;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static jp.tsunagu.meeting.MeetingFlowTest.awaitMeetingEvent;
import static jp.tsunagu.meeting.MeetingFlowTest.meeting;
import static jp.tsunagu.meeting.MeetingFlowTest.newMeeting;
import static jp.tsunagu.meeting.MeetingFlowTest.postMinutes;
import static jp.tsunagu.meeting.MeetingFlowTest.publish;
import static jp.tsunagu.meeting.MeetingFlowTest.referAndEscalate;
import static jp.tsunagu.testing.Tokens.KURUME;
import static jp.tsunagu.testing.Tokens.NAGAREYAMA;
import static jp.tsunagu.testing.Tokens.bearer;
import static jp.tsunagu.testing.Tokens.role;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Households (世帯) at meetings through REST, with intake's household-linked/unlinked on the intake topic: a household
 * put on a meeting's agenda as one item, its members' reviews written with the household, its 議事録 under one heading.
 */
@QuarkusTest
@QuarkusTestResource(TsunaguTestResources.class)
class HouseholdMeetingTest {

    static final String COORDINATOR = role("coordinator", KURUME);

    @Test
    void aHouseholdGoesOnAMeetingAsOneItemAndAMemberUnlinkedLeavesIt() {
        LocalDate on = LocalDate.of(2033, 3, 1);
        String mother = referAndEscalate(KURUME, Consent.GIVEN, MeetingType.JUUSOU_SHIEN_KAIGI, on, false,
                "R14-000501");
        String other = referAndEscalate(KURUME, Consent.GIVEN, MeetingType.JUUSOU_SHIEN_KAIGI, on, false,
                "R14-000502");
        String son = referAndEscalate(KURUME, Consent.GIVEN, MeetingType.JUUSOU_SHIEN_KAIGI, on, false,
                "R14-000507");
        for (String c : List.of(mother, other, son)) {
            awaitMeetingEvent(c, MeetingEvent.CaseQueued.class, q -> true);
        }
        String householdId = "h-" + UUID.randomUUID();
        link(mother, "R14-000501", householdId, on);
        link(son, "R14-000507", householdId, on);
        String adHoc = given().header("Authorization", bearer(COORDINATOR))
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType("application/json")
                .body(newMeeting("JUUSOU_SHIEN_KAIGI", "2033-03-03")).post("/meetings").then().statusCode(201)
                .extract().path("meetingId");
        MeetingFlowTest.choose(COORDINATOR, other, adHoc).statusCode(200); // on its own, first on the agenda

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> putHousehold(householdId, adHoc)
                .statusCode(200));
        putHousehold(householdId, adHoc).statusCode(200)
                .body("placed.caseId", containsInAnyOrder(mother, son))
                .body("placed.meetingId", equalTo(List.of(adHoc, adHoc)))
                .body("notPlaced", equalTo(List.of()));
        awaitMeetingEvent(mother, MeetingEvent.CaseQueued.class, q -> adHoc.equals(q.meetingId()));
        awaitMeetingEvent(son, MeetingEvent.CaseQueued.class, q -> adHoc.equals(q.meetingId()));

        meeting(COORDINATOR, adHoc).statusCode(200)
                .body("agenda.caseId", containsInAnyOrder(other, mother, son))
                .body("agenda.find { it.caseId == '" + mother + "' }.householdId", equalTo(householdId))
                .body("agenda.find { it.caseId == '" + son + "' }.householdLabel",
                        equalTo("世帯（R14-000501・R14-000507）"))
                .body("agenda.find { it.caseId == '" + other + "' }.householdId", equalTo(null));
        List<String> order = agendaOrder(adHoc);
        assertEquals(1, Math.abs(order.indexOf(mother) - order.indexOf(son)), "a household's members stand together: "
                + order);

        publish(Topics.INTAKE, new IntakeEvent.HouseholdUnlinked(son, "R14-000507", KURUME, householdId, on), on);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> meeting(COORDINATOR, adHoc)
                .body("agenda.find { it.caseId == '" + son + "' }.householdId", equalTo(null))
                .body("agenda.find { it.caseId == '" + mother + "' }.householdLabel", equalTo("世帯（R14-000501）")));
    }

    @Test
    void theMotherIsPlacedAndHerSonWithoutConsentIsNotAndTheItemNamesOnlyHer() {
        // the typical 8050 household: the mother consents; her son does not, so he waits for a 支援会議
        LocalDate on = LocalDate.of(2033, 5, 1);
        String mother = referAndEscalate(KURUME, Consent.GIVEN, MeetingType.JUUSOU_SHIEN_KAIGI, on, false,
                "R15-000801");
        String son = referAndEscalate(KURUME, Consent.NOT_GIVEN, MeetingType.SHIEN_KAIGI, on, false, "R15-000807");
        awaitMeetingEvent(mother, MeetingEvent.CaseQueued.class, q -> true);
        awaitMeetingEvent(son, MeetingEvent.CaseQueued.class, q -> true);
        String householdId = "h-" + UUID.randomUUID();
        link(mother, "R15-000801", householdId, on);
        link(son, "R15-000807", householdId, on);
        String adHoc = given().header("Authorization", bearer(COORDINATOR))
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType("application/json")
                .body(newMeeting("JUUSOU_SHIEN_KAIGI", "2033-05-09")).post("/meetings").then().statusCode(201)
                .extract().path("meetingId");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> putHousehold(householdId, adHoc)
                .statusCode(200).body("notPlaced.caseId", equalTo(List.of(son))));
        putHousehold(householdId, adHoc).statusCode(200)
                .body("placed.caseId", equalTo(List.of(mother)))
                .body("placed[0].meetingId", equalTo(adHoc))
                .body("notPlaced", equalTo(List.of(java.util.Map.of("caseId", son, "caseNumber", "R15-000807",
                        "problem", "wrong-track", "detail", "ケース R15-000807: 重層的支援会議では検討できません。"
                                + "本人同意は「同意なし」で、支援会議を待っているケースです"))));
        awaitMeetingEvent(mother, MeetingEvent.CaseQueued.class, q -> adHoc.equals(q.meetingId()));

        meeting(COORDINATOR, adHoc).statusCode(200)
                .body("agenda.caseId", equalTo(List.of(mother)))
                .body("agenda[0].householdId", equalTo(householdId))
                .body("agenda[0].householdLabel", equalTo("世帯（R15-000801）"));
        given().header("Authorization", bearer(COORDINATOR)).get("/agenda/waiting").then().statusCode(200)
                .body("find { it.caseId == '" + son + "' }.meetingId", org.hamcrest.Matchers.not(equalTo(adHoc)));
    }

    @Test
    void aHouseholdNoneOfWhoseWaitingMembersTheMeetingMayTakeIsRefusedWithTheFirstMembersRefusal() {
        LocalDate on = LocalDate.of(2033, 6, 1);
        String a = referAndEscalate(KURUME, Consent.NOT_GIVEN, MeetingType.SHIEN_KAIGI, on, false, "R15-000901");
        String b = referAndEscalate(KURUME, Consent.NOT_GIVEN, MeetingType.SHIEN_KAIGI, on, false, "R15-000902");
        awaitMeetingEvent(a, MeetingEvent.CaseQueued.class, q -> true);
        awaitMeetingEvent(b, MeetingEvent.CaseQueued.class, q -> true);
        String householdId = "h-" + UUID.randomUUID();
        link(a, "R15-000901", householdId, on);
        link(b, "R15-000902", householdId, on);
        String adHoc = given().header("Authorization", bearer(COORDINATOR))
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType("application/json")
                .body(newMeeting("JUUSOU_SHIEN_KAIGI", "2033-06-09")).post("/meetings").then().statusCode(201)
                .extract().path("meetingId");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> putHousehold(householdId, adHoc)
                .statusCode(409).body("type", equalTo("/problems/wrong-track")));
        String first = a.compareTo(b) < 0 ? a : b;
        putHousehold(householdId, adHoc).statusCode(409)
                .body("detail", org.hamcrest.Matchers.startsWith("case " + first + ": "));
        meeting(COORDINATOR, adHoc).statusCode(200).body("agenda", equalTo(List.of()));
    }

    @Test
    void aHouseholdNobodyOfWhichWaitsOrAnUnknownOneIsRefusedAndNothingChanges() {
        LocalDate on = LocalDate.of(2033, 4, 1);
        String a = referOnly("R14-000601", on);
        String b = referOnly("R14-000602", on);
        String householdId = "h-" + UUID.randomUUID();
        link(a, "R14-000601", householdId, on);
        link(b, "R14-000602", householdId, on);
        String adHoc = given().header("Authorization", bearer(COORDINATOR))
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType("application/json")
                .body(newMeeting("JUUSOU_SHIEN_KAIGI", "2033-04-04")).post("/meetings").then().statusCode(201)
                .extract().path("meetingId");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> putHousehold(householdId, adHoc)
                .statusCode(409));
        given().header("Authorization", bearer(COORDINATOR)).header("Accept-Language", "ja")
                .contentType("application/json").body("{\"meetingId\":\"" + adHoc + "\"}")
                .put("/households/" + householdId + "/agenda").then().statusCode(409)
                .body("type", equalTo("/problems/household-nothing-waiting"))
                .body("detail", equalTo("世帯 " + householdId + " には会議を待っている案件がありません（多機関協働事業"
                        + "に移り、まだ検討していない案件だけを議題に追加できます）"));
        meeting(COORDINATOR, adHoc).statusCode(200).body("agenda", equalTo(List.of()));

        given().header("Authorization", bearer(COORDINATOR)).header("Accept-Language", "ja")
                .contentType("application/json").body("{\"meetingId\":\"" + adHoc + "\"}")
                .put("/households/h-nobody/agenda").then().statusCode(404)
                .body("detail", equalTo("世帯 h-nobody は見つかりません"));
        putHousehold(householdId, "no-such-meeting").statusCode(404);
        given().header("Authorization", bearer(role("coordinator", NAGAREYAMA))).contentType("application/json")
                .body("{\"meetingId\":\"" + adHoc + "\"}").put("/households/" + householdId + "/agenda").then()
                .statusCode(404);
        given().header("Authorization", bearer(COORDINATOR)).contentType("application/json").body("{}")
                .put("/households/" + householdId + "/agenda").then().statusCode(400)
                .body("errors.field", hasItem("meetingId"));
    }

    @Test
    void householdMembersQueuedOnOneMeetingAreReviewedAsOneItemAndPrintedUnderOneHeading() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        LocalDate on = today.minusDays(7);
        String mother = referAndEscalate(KURUME, Consent.GIVEN, MeetingType.JUUSOU_SHIEN_KAIGI, on, false,
                "R7-000701");
        String son = referAndEscalate(KURUME, Consent.GIVEN, MeetingType.JUUSOU_SHIEN_KAIGI, on, false,
                "R7-000707");
        awaitMeetingEvent(mother, MeetingEvent.CaseQueued.class, q -> true);
        awaitMeetingEvent(son, MeetingEvent.CaseQueued.class, q -> true);
        String householdId = "h-" + UUID.randomUUID();
        link(mother, "R7-000701", householdId, on);
        link(son, "R7-000707", householdId, on);
        // both named for today's meeting one by one: members of one household on one agenda are one item anyway
        String meetingId = given().header("Authorization", bearer(COORDINATOR))
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType("application/json")
                .body("""
                        {"type":"JUUSOU_SHIEN_KAIGI","scheduledOn":"%s","startsAt":"14:00","place":"市役所 401会議室",
                         "cases":["%s","%s"]}"""
                        .formatted(today, mother, son))
                .post("/meetings").then().statusCode(201).extract().path("meetingId");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> meeting(COORDINATOR, meetingId)
                .body("agenda.find { it.caseId == '" + mother + "' }.householdId", equalTo(householdId))
                .body("agenda.find { it.caseId == '" + son + "' }.householdId", equalTo(householdId)));
        String heldOn = today.toString();

        postMinutes(meetingId, """
                {"heldOn":"%s","attendees":["kurume-houkatsu-01","kurume-jiritsu-01"],
                 "households":[{"householdId":"h-other","note":"x"}],
                 "reviews":[{"caseId":"%s","outcome":"CONTINUE"}]}""".formatted(heldOn, mother)).statusCode(400)
                .body("errors.field", hasItem("households[0].householdId"));
        postMinutes(meetingId, """
                {"heldOn":"%s","attendees":["kurume-houkatsu-01","kurume-jiritsu-01"],
                 "households":[{"householdId":"%s","note":"母の介護と息子の就労を世帯として検討"}],
                 "reviews":[{"caseId":"%s","outcome":"PLAN","planType":"MULTI_AGENCY",
                             "roles":[{"agencyId":"kurume-houkatsu-01","responsibility":"介護サービスの調整"}]},
                            {"caseId":"%s","outcome":"CONTINUE"}]}"""
                .formatted(heldOn, householdId, mother, son)).log().ifValidationFails().statusCode(201)
                .body("reviews.householdId", equalTo(List.of(householdId, householdId)))
                .body("households[0].householdLabel", equalTo("世帯（R7-000701・R7-000707）"))
                .body("households[0].note", equalTo("母の介護と息子の就労を世帯として検討"));

        for (String c : List.of(mother, son)) {
            assertEquals(householdId, awaitMeetingEvent(c, MeetingEvent.CaseReviewed.class, r -> true).householdId());
        }
        String html = given().header("Authorization", bearer(COORDINATOR)).accept("text/html")
                .get("/meetings/" + meetingId).then().statusCode(200).extract().asString();
        String heading = "世帯（R7-000701・R7-000707）";
        assertEquals(html.indexOf(heading), html.lastIndexOf(heading), "one household heading: " + html);
        int note = html.indexOf("母の介護と息子の就労を世帯として検討");
        int motherRow = html.indexOf("<td class=\"note\">R7-000701</td>");
        int sonRow = html.indexOf("<td class=\"note\">R7-000707</td>");
        assertTrue(html.indexOf(heading) > 0 && html.indexOf(heading) < note && note < motherRow
                && motherRow < sonRow, "heading, note, then each member: " + html);
        assertTrue(html.contains("介護サービスの調整") && html.contains("継続"), "each member's outcome and roles");

        amend(meetingId, """
                {"reason":"役割の記載漏れ","reviews":[{"caseId":"%s","outcome":"WATCH"}]}""".formatted(son));
        assertEquals(householdId, awaitMeetingEvent(son, MeetingEvent.CaseReviewAmended.class, r -> true)
                .householdId(), "a correction keeps the household it was discussed with");

        // the household's note is corrected like the minutes' own words: checked, kept with the new version
        MeetingFlowTest.amend(meetingId, """
                {"reason":"世帯の記録の訂正","households":[{"householdId":"h-other","note":"x"}]}""")
                .statusCode(400).body("errors.field", equalTo(List.of("households[0].householdId")));
        MeetingFlowTest.amend(meetingId, """
                {"reason":"世帯の記録の訂正","households":[{"householdId":"%s","note":"%s"}]}"""
                .formatted(householdId, "あ".repeat(2001))).statusCode(400)
                .body("errors.field", equalTo(List.of("households[0].note")));
        amend(meetingId, """
                {"reason":"世帯の記録の訂正","households":[{"householdId":"%s","note":"母の介護と息子の就労、家計も検討"}]}"""
                .formatted(householdId));
        meeting(COORDINATOR, meetingId).statusCode(200)
                .body("minutesVersion", equalTo(3))
                .body("households[0].note", equalTo("母の介護と息子の就労、家計も検討"))
                .body("households[0].householdLabel", equalTo(heading))
                .body("corrections[1].changes", equalTo(List.of(java.util.Map.of("field", "householdNote",
                        "label", "世帯としての検討内容", "before", "母の介護と息子の就労を世帯として検討",
                        "after", "母の介護と息子の就労、家計も検討", "householdId", householdId,
                        "householdLabel", heading))));
        given().header("Authorization", bearer(COORDINATOR)).get("/meetings/" + meetingId + "/minutes/versions")
                .then().statusCode(200)
                .body("households.note", equalTo(List.of(List.of("母の介護と息子の就労を世帯として検討"),
                        List.of("母の介護と息子の就労を世帯として検討"), List.of("母の介護と息子の就労、家計も検討"))));
        String corrected = given().header("Authorization", bearer(COORDINATOR)).accept("text/html")
                .get("/meetings/" + meetingId).then().statusCode(200).extract().asString();
        assertTrue(corrected.contains("母の介護と息子の就労、家計も検討")
                && corrected.contains(heading + " 世帯としての検討内容"), "the print shows the correction: " + corrected);
        MeetingFlowTest.amend(meetingId, """
                {"reason":"同じ内容","households":[{"householdId":"%s","note":"母の介護と息子の就労、家計も検討"}]}"""
                .formatted(householdId)).statusCode(400).body("errors.field", equalTo(List.of("reviews")));
    }

    private static void amend(String meetingId, String body) {
        MeetingFlowTest.amend(meetingId, body).statusCode(201);
    }

    private static List<String> agendaOrder(String meetingId) {
        return meeting(COORDINATOR, meetingId).extract().path("agenda.caseId");
    }

    private static ValidatableResponse putHousehold(String householdId, String meetingId) {
        return given().header("Authorization", bearer(COORDINATOR)).contentType("application/json")
                .body("{\"meetingId\":\"" + meetingId + "\"}").put("/households/" + householdId + "/agenda").then();
    }

    /** As intake writes it: one household-linked per case. */
    private static void link(String caseId, String caseNumber, String householdId, LocalDate on) {
        publish(Topics.INTAKE, new IntakeEvent.HouseholdLinked(caseId, caseNumber, KURUME, householdId, on), on);
    }

    /** A case referred and never escalated: it waits for no meeting. */
    private static String referOnly(String caseNumber, LocalDate on) {
        String caseId = UUID.randomUUID().toString();
        publish(Topics.INTAKE, new IntakeEvent.ReferralReceived(caseId, caseNumber, KURUME, "referrer-1",
                Channel.AGENCY, on, "荒木", AgeBand.AGE_40_49, List.of(), List.of(Concern.HIKIKOMORI),
                Consent.GIVEN, Urgency.ROUTINE, false,
                new SealedData("A256GCM", "case/" + caseId + "/1", "bm9uY2U=", "Y2lwaGVy")), on);
        return caseId;
    }
}
