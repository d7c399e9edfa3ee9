package jp.tsunagu.reporting;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jp.tsunagu.contract.Topics;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.PlanType;
import jp.tsunagu.contract.codes.ReviewOutcome;
import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.MeetingEvent;
import jp.tsunagu.contract.events.PlanningEvent;
import jp.tsunagu.contract.events.TsunaguEvent;
import jp.tsunagu.testing.Chromium;
import jp.tsunagu.testing.TopicProbe;
import jp.tsunagu.testing.TsunaguTestResources;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static jp.tsunagu.testing.Tokens.KURUME;
import static jp.tsunagu.testing.Tokens.bearer;
import static jp.tsunagu.testing.Tokens.role;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The coordinator's dashboard in a real headless browser (Debian's chromium): the page signs in with a token from
 * its URL fragment, reads the figures API and draws the year table, the trend charts and the cases by stage. The
 * rendered DOM is checked, and a screenshot is left at {@code target/dashboard.png}.
 */
@QuarkusTest
@QuarkusTestResource(TsunaguTestResources.class)
class DashboardBrowserTest {

    @TestHTTPResource("/dashboard/index.html")
    URL page;

    @Test
    void theDashboardDrawsTheFiguresInABrowser() throws Exception {
        // R3 (FY2021) of Kurume: three 重層的支援会議 reviews and an outreach plan
        LocalDate held = LocalDate.of(2021, 7, 28);
        String meetingId = "m-" + UUID.randomUUID();
        publish(Topics.MEETINGS, new MeetingEvent.MinutesRecorded(meetingId, KURUME, MeetingType.JUUSOU_SHIEN_KAIGI,
                held, List.of(), 3), held);
        for (int i = 0; i < 3; i++) {
            publish(Topics.MEETINGS, new MeetingEvent.CaseReviewed("case-d" + i, KURUME, meetingId,
                    MeetingType.JUUSOU_SHIEN_KAIGI, held, ReviewOutcome.CONTINUE, null, List.of(), false, null), held);
        }
        publish(Topics.PLANS, new PlanningEvent.PlanCreated("p-d", "case-d0", KURUME, PlanType.OUTREACH, held,
                List.of(), null, null), held);
        await().atMost(Duration.ofSeconds(30)).until(() -> given()
                .header("Authorization", bearer(role("coordinator", KURUME)))
                .get("/reports/fiscal-years?from=R3&to=R3").<Integer>path("years[0].plans.OUTREACH.made") == 1);

        // the page itself is public and holds no figures; it is served with a strict content security policy
        given().get("/dashboard/index.html").then().statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .body(containsString("重層的支援体制整備事業ダッシュボード"));

        String token = role("coordinator", KURUME);
        String url = page + "#token=" + token;
        String dom = chromium("--dump-dom", url);
        assertTrue(dom.contains("data-ready=\"true\""), "the page finished drawing:\n" + excerpt(dom));
        assertTrue(dom.contains("久留米市 重層的支援体制整備事業ダッシュボード") || dom.contains(">久留米市<"),
                "the city's name");
        assertTrue(dom.contains("重層的支援会議") && dom.contains("アウトリーチプラン") && dom.contains("取扱件数"),
                "the year table in Japanese");
        assertTrue(dom.contains("<th>令和3年度</th>"), "a column per fiscal year from R3");
        assertTrue(dom.contains("<polyline"), "the trend charts are drawn");
        assertTrue(dom.contains("支援中の事例"), "cases by stage");
        assertTrue(dom.contains("支援世帯数") && dom.contains("1世帯あたりの案件数"), "the households' rows");
        assertTrue(!dom.contains(token), "the token is taken off the address");

        Path shot = Path.of("target", "dashboard.png").toAbsolutePath();
        Files.deleteIfExists(shot);
        chromium("--screenshot=" + shot, "--window-size=1280,2200", url);
        assertTrue(Files.size(shot) > 20_000, "a screenshot of the drawn page at " + shot);

        // without a token the page asks for one, says how to get one, and shows no figures
        String signedOut = chromium("--dump-dom", page.toString());
        assertTrue(signedOut.contains("アクセストークン") && !signedOut.contains("data-ready"), excerpt(signedOut));
        assertTrue(signedOut.contains("トークンの入手方法") && signedOut.contains("./tsunagu token coordinator"),
                "how to get a token: " + excerpt(signedOut));
    }

    private static String chromium(String... args) throws IOException, InterruptedException {
        return Chromium.run(args);
    }

    private static String excerpt(String dom) {
        return dom.length() > 3000 ? dom.substring(0, 3000) : dom;
    }

    private static void publish(String topic, TsunaguEvent event, LocalDate on) {
        TopicProbe.publish(topic, new EventEnvelope<>(UUID.randomUUID().toString(), "/tsunagu/test", Instant.now(), on,
                null, event));
    }
}
