package jp.tsunagu.intake.duplicate;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jp.tsunagu.contract.Topics;
import jp.tsunagu.contract.codes.PlanType;
import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.PlanningEvent;
import jp.tsunagu.testing.TopicProbe;
import jp.tsunagu.testing.TsunaguTestResources;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static jp.tsunagu.testing.Tokens.KURUME;
import static jp.tsunagu.testing.Tokens.agency;
import static jp.tsunagu.testing.Tokens.bearer;
import static jp.tsunagu.testing.Tokens.role;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A coordinator confirms or dismisses a possible duplicate, on the real broker and database. */
@QuarkusTest
@QuarkusTestResource(TsunaguTestResources.class)
class DuplicateTest {

    static final String COORDINATOR = role("coordinator", KURUME);
    static final String FIRST_REFERRER = agency("kurume-houkatsu-02", KURUME);
    static final String SECOND_REFERRER = agency("kurume-jiritsu-01", KURUME);
    static final String REASON = "生年月日は同じだが住所と家族構成が異なる別人";

    @Inject
    DataSource db;

    @Test
    void theTwoCasesSideBySideThenDismissedWithAReasonThenConfirmedAndJoined() throws Exception {
        String first = refer(FIRST_REFERRER, "チョウフク イチロウ", "2021-04-05");
        String second = refer(SECOND_REFERRER, "ちょうふく いちろー", "2021-04-20");
        Map<String, Object> item = item(second);
        assertEquals(first, item.get("possibleDuplicateOf"), "イチロウ and いちろー are one name");
        String firstNumber = (String) item(first).get("caseNumber");
        assertEquals(firstNumber, item.get("possibleDuplicateOfCaseNumber"));
        assertNull(item.get("duplicate"));

        ExtractableResponse<Response> pair = given().header("Authorization", bearer(COORDINATOR))
                .get("/cases/" + second + "/duplicate?withNames=true").then().statusCode(200)
                .header("Cache-Control", "no-store").extract();
        assertEquals(first, pair.path("of"));
        assertEquals(List.of(second, first), pair.path("cases.case.caseId"));
        assertEquals(List.of("2021-04-20", "2021-04-05"), pair.path("cases.case.receivedOn"));
        assertEquals(List.of("重複 一郎", "重複 一郎"), pair.path("cases.case.name"));
        assertEquals(List.of("1950-01-01", "1950-01-01"), pair.path("cases.birthDate"));
        assertEquals(2, pair.<List<String>>path("cases.referringAgencyName").size());
        String unnamed = given().header("Authorization", bearer(COORDINATOR)).get("/cases/" + second + "/duplicate")
                .then().statusCode(200).extract().asString();
        assertFalse(unnamed.contains("重複 一郎") || unnamed.contains("1950-01-01"), "names only when asked");

        given().header("Authorization", bearer(COORDINATOR)).header("Accept-Language", "ja")
                .contentType(ContentType.JSON).body("{\"decision\":\"DISMISS\",\"of\":\"" + first + "\"}")
                .post("/cases/" + second + "/duplicate").then().statusCode(400)
                .body("errors[0].field", equalTo("reason")).body("errors[0].message", equalTo("必須です"));
        decide(second, "DISMISS", first, REASON, null).then().statusCode(201)
                .body("decision", equalTo("DISMISS")).body("decisionLabel", equalTo("別人"))
                .body("ofCaseNumber", equalTo(firstNumber)).body("status", equalTo("RECEIVED"));
        assertEquals("DISMISS", duplicateOf(second).get("decision"));
        assertEquals(REASON, given().header("Authorization", bearer(COORDINATOR))
                .get("/cases/" + second + "/duplicate").then().statusCode(200).extract().path("decision.reason"));
        assertTrue(history(SECOND_REFERRER, second).contains("重複の可能性を確認: 案件（受付番号 " + firstNumber
                + "）とは別の人"));
        assertEquals(List.of(), tablesHolding(REASON), "the reason is sealed with the case's data key");

        // she learns more: the same person after all
        String key = UUID.randomUUID().toString();
        ExtractableResponse<Response> confirmed = decide(second, "CONFIRM", first, null, key).then().statusCode(201)
                .body("status", equalTo("CLOSED")).extract();
        assertEquals(confirmed.asString(), decide(second, "CONFIRM", first, null, key).then().statusCode(200)
                .extract().asString(), "the same key and body: the first answer again");
        Map<String, Object> joined = item(second);
        assertEquals("CLOSED", joined.get("status"));
        Map<String, Object> decision = new java.util.HashMap<>(duplicateOf(second));
        assertTrue(decision.remove("decidedAt") != null);
        assertEquals(Map.of("decision", "CONFIRM", "decisionLabel", "同一人物（統合）", "of", first, "ofCaseNumber",
                firstNumber), decision);
        String secondNumber = (String) joined.get("caseNumber");
        assertTrue(history(SECOND_REFERRER, second).contains("同一人物の案件（受付番号 " + firstNumber
                + "）に統合（重複として終結）"));
        assertTrue(history(FIRST_REFERRER, first).contains("同一人物の相談（受付番号 " + secondNumber
                + "）をこの案件に統合"), "the second referral is in the first case's history");
        assertEquals("RECEIVED", item(first).get("status"), "the case it joins goes on");

        decide(second, "DISMISS", first, "やはり別人", null).then().statusCode(409)
                .body("type", equalTo("/problems/duplicate-decided"));
        String third = refer(FIRST_REFERRER, "チョウフク イチロウ", "2021-05-01");
        assertEquals(first, item(third).get("possibleDuplicateOf"), "a new referral points at the open case, "
                + "not at the one joined to it");

        List<Map<String, Object>> audit = given().header("Authorization", bearer(COORDINATOR)).get("/audit")
                .then().statusCode(200).extract().path("findAll { it.action == 'read-duplicate' }");
        assertTrue(audit.stream().anyMatch(e -> ("{\"caseIds\":[\"" + second + "\",\"" + first
                + "\"],\"withNames\":true}").equals(e.get("detail"))), audit.toString());
    }

    @Test
    void aCaseWithAPlanRunningIsNotJoinedAndOnlyCoordinatorsDecide() {
        String first = refer(FIRST_REFERRER, "プランアリ ハナコ", "2021-06-01");
        String second = refer(SECOND_REFERRER, "プランアリ ハナコ", "2021-06-02");
        TopicProbe.publish(Topics.PLANS, new EventEnvelope<>(UUID.randomUUID().toString(), "/tsunagu/test",
                Instant.now(), LocalDate.of(2021, 6, 10), null, new PlanningEvent.PlanCreated("plan-" + second,
                second, KURUME, PlanType.OUTREACH, LocalDate.of(2021, 6, 10), List.of(), null, null)));
        await().atMost(Duration.ofSeconds(30)).until(() -> "PLAN_ACTIVE".equals(item(second).get("status")));
        decide(second, "CONFIRM", first, null, null).then().statusCode(409)
                .body("type", equalTo("/problems/plan-running"));

        given().header("Authorization", bearer(SECOND_REFERRER)).contentType(ContentType.JSON)
                .body("{\"decision\":\"CONFIRM\",\"of\":\"" + first + "\"}").post("/cases/" + second + "/duplicate")
                .then().statusCode(403);
        decide(second, "CONFIRM", UUID.randomUUID().toString(), null, null).then().statusCode(400)
                .body("errors.field", hasItem("of"));
        decide(UUID.randomUUID().toString(), "CONFIRM", first, null, null).then().statusCode(404);
        given().header("Authorization", bearer(COORDINATOR)).get("/cases/" + first + "/duplicate").then()
                .statusCode(404);
    }

    private static Response decide(String caseId, String decision, String of, String reason, String key) {
        var request = given().header("Authorization", bearer(COORDINATOR)).contentType(ContentType.JSON)
                .body("{\"decision\":\"" + decision + "\",\"of\":\"" + of + "\""
                        + (reason == null ? "" : ",\"reason\":\"" + reason + "\"") + "}");
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post("/cases/" + caseId + "/duplicate");
    }

    private static Map<String, Object> item(String caseId) {
        return given().header("Authorization", bearer(COORDINATOR))
                .get("/cases?limit=200&receivedFrom=2021-04-01&receivedTo=2021-06-30")
                .then().statusCode(200).extract().<List<Map<String, Object>>>path("items").stream()
                .filter(i -> caseId.equals(i.get("caseId"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> duplicateOf(String caseId) {
        return (Map<String, Object>) item(caseId).get("duplicate");
    }

    private static String history(String token, String caseId) {
        return given().header("Authorization", bearer(token)).get("/referrals/" + caseId).then().statusCode(200)
                .extract().<List<String>>path("history.detail").toString();
    }

    private static String refer(String token, String kana, String receivedOn) {
        String body = """
                {"channel":"AGENCY","receivedOn":"%s",
                 "person":{"name":"重複 一郎","nameKana":"%s","birthDate":"昭和25年1月1日","area":"荒木"},
                 "concerns":["ISOLATION"],"consent":"GIVEN","urgency":"ROUTINE"}""".formatted(receivedOn, kana);
        return given().header("Authorization", bearer(token)).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(body).post("/referrals").then().statusCode(201).extract()
                .path("caseId");
    }

    /** The intake tables with a text column holding the text. */
    private List<String> tablesHolding(String text) throws Exception {
        List<String> hits = new java.util.ArrayList<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            List<String[]> columns = new java.util.ArrayList<>();
            try (ResultSet rs = s.executeQuery("""
                    select table_name, column_name from information_schema.columns
                     where table_schema = 'intake' and data_type in ('text', 'character varying', 'character')""")) {
                while (rs.next()) {
                    columns.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            for (String[] col : columns) {
                try (ResultSet rs = s.executeQuery("select count(*) from intake." + col[0] + " where " + col[1]
                        + " like '%" + text.substring(0, 8) + "%'")) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        hits.add(col[0] + "." + col[1]);
                    }
                }
            }
        }
        return hits;
    }
}
