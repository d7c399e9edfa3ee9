package jp.tsunagu.meeting;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jp.tsunagu.contract.Topics;
import jp.tsunagu.contract.codes.Consent;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.events.MeetingEvent;
import jp.tsunagu.testing.TopicProbe;
import jp.tsunagu.testing.TsunaguTestResources;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static jp.tsunagu.meeting.MeetingFlowTest.awaitMeetingEvent;
import static jp.tsunagu.meeting.MeetingFlowTest.meetingOfBoth;
import static jp.tsunagu.meeting.MeetingFlowTest.referAndEscalate;
import static jp.tsunagu.testing.Tokens.KURUME;
import static jp.tsunagu.testing.Tokens.bearer;
import static jp.tsunagu.testing.Tokens.role;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The 議事録 a city files: attendees as people with their agencies, each 訂正 with who made it and what it changed,
 * before and after, cases by 受付番号, and a correction that names no attendee keeps them.
 */
@QuarkusTest
@QuarkusTestResource(TsunaguTestResources.class)
class MinutesRecordTest {

    /** A coordinator's token as the identity provider issues it for a person: with her family and given names. */
    static String coordinator(String family, String given) {
        Instant now = Instant.now();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", "https://tsunagu.local/dev-issuer");
        claims.put("sub", "coordinator-" + UUID.randomUUID());
        claims.put("groups", List.of("coordinator"));
        claims.put("municipality", KURUME);
        claims.put("aud", "tsunagu");
        claims.put("azp", "tsunagu-console");
        claims.put("preferred_username", "yamada");
        claims.put("family_name", family);
        claims.put("given_name", given);
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plusSeconds(1800).getEpochSecond());
        return jp.tsunagu.testing.Tokens.signed(claims);
    }

    @Test
    void theMinutesNamePeopleAndEachCorrectionSaysWhoChangedWhat() {
        LocalDate received = LocalDate.of(2025, 11, 3);
        String planned = referAndEscalate(KURUME, Consent.GIVEN, MeetingType.JUUSOU_SHIEN_KAIGI, received, false,
                "R7-000301");
        String continued = referAndEscalate(KURUME, Consent.GIVEN, MeetingType.JUUSOU_SHIEN_KAIGI, received, false,
                "R7-000302");
        String meetingId = meetingOfBoth(planned, continued);
        assertEquals("402036-JUUSOU_SHIEN_KAIGI-2025-11-26", meetingId);
        String yamada = coordinator("山田", "花子");

        // held as scheduled (the calendar's time and place); people named with their agency or organisation
        given().header("Authorization", bearer(yamada)).contentType("application/json").body("""
                {"heldOn":"2025-11-26","attendees":[{"name":"鈴木 一郎","agencyId":"kurume-houkatsu-01"},
                  {"name":"佐藤 次郎","organisation":"久留米市 地域福祉課"},"kurume-jiritsu-01"],
                 "reviews":[{"caseId":"%s","outcome":"PLAN","planType":"MULTI_AGENCY",
                   "roles":[{"agencyId":"kurume-jiritsu-01","responsibility":"家計の立て直し"}],
                   "wish":"母と家で暮らし続けたい","goals":["週1回の外出"],"reviewOn":"2026-02-25"},
                  {"caseId":"%s","outcome":"CONTINUE","note":"次回も検討"}]}""".formatted(planned, continued))
                .post("/meetings/" + meetingId + "/minutes").then().statusCode(201)
                .body("held.startTime", equalTo("14:00:00")).body("held.place", equalTo("久留米市役所 会議室（仮）"))
                .body("attendees.display", equalTo(List.of("鈴木 一郎（地域包括支援センター（サンプル第1））",
                        "佐藤 次郎（久留米市 地域福祉課）", "生活自立支援センター（サンプル第1）")))
                .body("reviews[0].caseNumber", equalTo("R7-000301"))
                .body("reviews[0].outcomeLabel", equalTo("プラン作成"))
                .body("reviews[0].planTypeLabel", equalTo("多機関協働プラン"))
                .body("reviews[0].roles[0].agencyName", equalTo("生活自立支援センター（サンプル第1）"))
                .body("reviews[0].wish", equalTo("母と家で暮らし続けたい"))
                .body("reviews[0].goals", equalTo(List.of("週1回の外出")))
                .body("reviews[0].reviewOn", equalTo("2026-02-25"));
        // the event carries the attending agencies, never a staff member's name
        var recorded = TopicProbe.await(Topics.MEETINGS, r -> meetingId.equals(r.key())
                && TopicProbe.decode(r).data() instanceof MeetingEvent.MinutesRecorded, Duration.ofSeconds(30));
        assertEquals(List.of("kurume-houkatsu-01", "kurume-jiritsu-01"),
                ((MeetingEvent.MinutesRecorded) TopicProbe.decode(recorded).data()).attendees());
        assertFalse(new String(recorded.value(), java.nio.charset.StandardCharsets.UTF_8).contains("鈴木"));

        // a correction that names no attendee (an empty list, as a form sends it) keeps them
        given().header("Authorization", bearer(yamada)).contentType("application/json").body("""
                {"reason":"結果の誤記（継続ではなく参加支援プラン）","attendees":[],
                 "reviews":[{"caseId":"%s","outcome":"PLAN","planType":"PARTICIPATION","note":"本人の同意を確認"}]}"""
                        .formatted(continued)).post("/meetings/" + meetingId + "/minutes/amendments").then()
                .statusCode(201)
                .body("attendees.name", equalTo(java.util.Arrays.asList("鈴木 一郎", "佐藤 次郎", null)))
                .body("corrections[0].recordedByName", equalTo("山田 花子"))
                .body("corrections[0].changes.field", equalTo(List.of("outcome", "planType", "note")))
                .body("corrections[0].changes[0].caseNumber", equalTo("R7-000302"))
                .body("corrections[0].changes[0].before", equalTo("継続"))
                .body("corrections[0].changes[0].after", equalTo("プラン作成"));

        given().header("Authorization", bearer(role("coordinator", KURUME)))
                .get("/meetings/" + meetingId + "/minutes/versions").then().statusCode(200)
                .body("recordedByName", equalTo(List.of("山田 花子", "山田 花子")))
                .body("[0].changes", equalTo(List.of()))
                .body("[1].changes.label", hasItem("結果"))
                .body("[1].attendees.display", hasItem("佐藤 次郎（久留米市 地域福祉課）"));

        String html = given().header("Authorization", bearer(role("coordinator", KURUME))).accept("text/html")
                .get("/meetings/" + meetingId).then().statusCode(200).extract().asString();
        for (String expected : List.of("鈴木 一郎（地域包括支援センター（サンプル第1））", "佐藤 次郎（久留米市 地域福祉課）",
                "令和7年11月26日", "14:00〜15:30", "訂正履歴", "第2版", "山田 花子", "結果の誤記", "ケース R7-000302 結果",
                "継続", "プラン作成", "参加支援プラン", "本人の同意を確認", "母と家で暮らし続けたい")) {
            assertTrue(html.contains(expected), expected + " in the printed minutes");
        }
        assertFalse(html.contains("（記録なし）"), "the attendees stay");
        assertFalse(html.contains(planned) || html.contains(continued), "cases by their 受付番号");
        assertFalse(html.contains("社会福祉法第106条の6"), "a 重層的支援会議 is not a 支援会議");
    }
}
