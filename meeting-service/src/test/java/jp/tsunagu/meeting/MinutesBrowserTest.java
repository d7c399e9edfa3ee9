package jp.tsunagu.meeting;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jp.tsunagu.contract.codes.Consent;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.events.MeetingEvent;
import jp.tsunagu.testing.Chromium;
import jp.tsunagu.testing.TsunaguTestResources;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static jp.tsunagu.meeting.MeetingFlowTest.awaitMeetingEvent;
import static jp.tsunagu.meeting.MeetingFlowTest.postMinutes;
import static jp.tsunagu.meeting.MeetingFlowTest.referAndEscalate;
import static jp.tsunagu.testing.Tokens.KURUME;
import static jp.tsunagu.testing.Tokens.bearer;
import static jp.tsunagu.testing.Tokens.role;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The printed 議事録 in a real headless browser: the page a coordinator prints (fetched with their token, as the
 * browser would), rendered to a screenshot and an A4 PDF kept under {@code target/} like the dashboard's.
 */
@QuarkusTest
@QuarkusTestResource(TsunaguTestResources.class)
class MinutesBrowserTest {

    @Test
    void theMinutesRenderForPrint() throws Exception {
        String caseId = referAndEscalate(KURUME, Consent.GIVEN, MeetingType.JUUSOU_SHIEN_KAIGI,
                LocalDate.of(2025, 2, 3), false, "R6-000226");
        String meetingId = awaitMeetingEvent(caseId, MeetingEvent.CaseQueued.class, q -> true).meetingId();
        postMinutes(meetingId, """
                {"heldOn":"2025-02-26","startTime":"10:00","endTime":"11:30","place":"久留米市役所 会議室",
                 "chair":"地域福祉課","attendees":[{"name":"鈴木 一郎","agencyId":"kurume-kikan-01"},
                  {"name":"高橋 花子","agencyId":"kurume-houkatsu-06"},{"name":"佐藤 次郎","organisation":"久留米市 地域福祉課"}],
                 "reviews":[{"caseId":"%s","outcome":"PLAN","planType":"MULTI_AGENCY",
                   "roles":[{"agencyId":"kurume-houkatsu-06","responsibility":"母の介護保険の申請支援"}],
                   "wish":"母と家で暮らし続けたい","goals":["母の介護サービス利用開始","本人の通院再開"],
                   "reviewOn":"2025-05-28","note":"本人の希望を次回までに聞き取る"}]}""".formatted(caseId))
                .statusCode(201);
        MeetingFlowTest.amend(meetingId, """
                {"reason":"記録の誤記を訂正","reviews":[{"caseId":"%s","note":"本人の希望は面談で確認済み"}]}"""
                .formatted(caseId)).statusCode(201);
        String html = given().header("Authorization", bearer(role("coordinator", KURUME))).accept("text/html")
                .get("/meetings/" + meetingId).then().statusCode(200)
                // confidential, and a page that styles itself with its one style block (by its hash) and loads
                // and runs nothing: a console forwards page and policy as they are, without unsafe-inline
                .header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                .header("Content-Security-Policy", not(containsString("script-src")))
                .extract().asString();
        assertFalse(html.contains("<script") || html.contains(" src=") || html.contains("<link")
                        || html.contains(" style="), "the printed page loads nothing its policy would block");
        String policy = given().header("Authorization", bearer(role("coordinator", KURUME))).accept("text/html")
                .get("/meetings/" + meetingId).then().extract().header("Content-Security-Policy");
        java.util.regex.Matcher style = java.util.regex.Pattern.compile("<style>(.*?)</style>",
                java.util.regex.Pattern.DOTALL).matcher(html);
        assertTrue(style.find(), "one style block");
        String css = style.group(1);
        assertFalse(style.find(), "only one style block");
        String hash = java.util.Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("SHA-256")
                .digest(css.getBytes(StandardCharsets.UTF_8)));
        assertTrue(policy.contains("style-src 'sha256-" + hash + "'"), policy + " allows the page's style block");
        given().header("Authorization", bearer(role("coordinator", KURUME))).get("/meetings/" + meetingId).then()
                .statusCode(200).contentType(containsString("application/json"))
                .header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", containsString("default-src 'none'"));

        Path page = Path.of("target", "minutes.html").toAbsolutePath();
        Files.writeString(page, html, StandardCharsets.UTF_8);
        String dom = Chromium.run("--dump-dom", page.toUri().toString());
        assertTrue(dom.contains("重層的支援会議 議事録") && dom.contains("令和7年2月26日")
                && dom.contains("母の介護保険の申請支援"), "the rendered minutes in Japanese");
        Path shot = Path.of("target", "minutes.png").toAbsolutePath();
        Path pdf = Path.of("target", "minutes.pdf").toAbsolutePath();
        Files.deleteIfExists(shot);
        Files.deleteIfExists(pdf);
        Chromium.run("--screenshot=" + shot, "--window-size=900,1270", page.toUri().toString());
        Chromium.run("--print-to-pdf=" + pdf, "--no-pdf-header-footer", page.toUri().toString());
        assertTrue(Files.size(shot) > 10_000, "a screenshot of the printed minutes at " + shot);
        assertTrue(Files.size(pdf) > 10_000, "an A4 PDF of the minutes at " + pdf);
    }

    @Test
    void aRoleRefusedAtTheDoorOfAShienKaigiIsOnRecord() {
        String caseId = referAndEscalate(KURUME, Consent.UNKNOWN, MeetingType.SHIEN_KAIGI, LocalDate.of(2025, 3, 3),
                false);
        String meetingId = awaitMeetingEvent(caseId, MeetingEvent.CaseQueued.class, q -> true).meetingId();
        for (String role : List.of("analyst", "portal")) {
            given().header("Authorization", bearer(role(role, KURUME))).get("/meetings/" + meetingId).then()
                    .statusCode(403).header("Cache-Control", "no-store");
            given().header("Authorization", bearer(role(role, KURUME))).accept("text/html")
                    .get("/meetings/" + meetingId).then().statusCode(403);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            List<Map<String, Object>> entries = given().header("Authorization", bearer(role("coordinator", KURUME)))
                    .get("/audit").then().statusCode(200).extract().path("");
            return entries.stream().filter(e -> ("meeting/" + meetingId).equals(e.get("resource"))
                            && "DENIED".equals(e.get("outcome")))
                    .map(e -> e.get("action") + " " + e.get("roles")).toList()
                    .equals(List.of("read-meeting analyst", "read-meeting analyst", "read-meeting portal",
                            "read-meeting portal"));
        });
    }
}
