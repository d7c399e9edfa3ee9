package jp.tsunagu.intake;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jp.tsunagu.contract.Topics;
import jp.tsunagu.contract.codes.Field;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.events.RoutingEvent;
import jp.tsunagu.testing.TamperedCursors;
import jp.tsunagu.testing.TsunaguTestResources;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import static io.restassured.RestAssured.given;
import static jp.tsunagu.intake.ClosedLoopStatusTest.awaitStatus;
import static jp.tsunagu.intake.ClosedLoopStatusTest.publish;
import static jp.tsunagu.intake.IntakeApiTest.post;
import static jp.tsunagu.testing.Tokens.KURUME;
import static jp.tsunagu.testing.Tokens.NAGAREYAMA;
import static jp.tsunagu.testing.Tokens.agency;
import static jp.tsunagu.testing.Tokens.bearer;
import static jp.tsunagu.testing.Tokens.role;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The coordinators' case list and person search, on the real broker and database. */
@QuarkusTest
@QuarkusTestResource(TsunaguTestResources.class)
class CaseListTest {

    @Inject
    DataSource db;

    static final String COORDINATOR = role("coordinator", KURUME);

    @Test
    void theListFiltersAndPagesWithoutSkippingOrRepeating() {
        String referrer = agency("kurume-houkatsu-02", KURUME);
        List<String> made = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            made.add(refer(referrer, "リスト タロウ" + i, null, "2023-06-0" + i, i == 3 ? "URGENT" : "ROUTINE"));
        }
        String range = "receivedFrom=2023-06-01&receivedTo=2023-06-30&referrer=kurume-houkatsu-02";
        ExtractableResponse<Response> page1 = list(range + "&limit=2");
        assertEquals(List.of(made.get(4), made.get(3)), page1.path("items.caseId"));
        assertTrue(page1.header("Link").endsWith("rel=\"next\""));
        refer(referrer, "リスト ハナコ", null, "2023-06-09", "ROUTINE");
        ExtractableResponse<Response> page2 = list(range + "&limit=2&cursor=" + page1.path("next"));
        assertEquals(List.of(made.get(2), made.get(1)), page2.path("items.caseId"));
        ExtractableResponse<Response> page3 = list(range + "&limit=2&cursor=" + page2.path("next"));
        assertEquals(List.of(made.get(0)), page3.path("items.caseId"));

        assertEquals(List.of(made.get(2)), list(range + "&urgency=URGENT").path("items.caseId"));
        assertEquals(6, this.<List<?>>path(list(range + "&fiscalYear=R5&concern=MENTAL_HEALTH&area=荒木"), "items")
                .size(), "the six referrals of this test (R5 = fiscal 2023)");
        assertTrue(list("fiscalYear=R4&" + range).<List<?>>path("items").isEmpty());
        Map<String, Object> item = list(range + "&limit=1").path("items[0]");
        assertEquals("RECEIVED", item.get("status"));
        assertEquals("受付", item.get("statusLabel"));
        assertEquals("荒木", item.get("area"));
        assertNull(item.get("name"));

        String changed = made.get(1);
        publish(Topics.ROUTING, new RoutingEvent.CaseEscalatedV1(changed, KURUME, MeetingType.JUUSOU_SHIEN_KAIGI,
                false, List.of(Field.DISABILITY, Field.POVERTY), List.of(), "rules-1", "dir-1").current());
        awaitStatus(referrer, changed, "ESCALATED");
        assertEquals(changed, list(range + "&sort=changed&limit=1").path("items[0].caseId"));
        assertEquals(List.of(changed), list(range + "&track=JUUSOU_SHIEN_KAIGI&field=POVERTY").path("items.caseId"));

        given().header("Authorization", bearer(COORDINATOR)).get("/cases?status=LOST&receivedFrom=2023-13-01")
                .then().statusCode(400).body("errors.field", hasItem("status"))
                .body("errors.field", hasItem("receivedFrom"));
        given().header("Authorization", bearer(referrer)).get("/cases").then().statusCode(403);
        assertFalse(this.<List<String>>path(given().header("Authorization", bearer(role("coordinator",
                NAGAREYAMA))).get("/cases?limit=200").then().statusCode(200).extract(), "items.caseId")
                .contains(made.get(0)), "another city's cases are not listed");
    }

    @Test
    void aTamperedCursorIsABadRequestNotAnError() {
        for (String sort : List.of("received", "changed")) {
            for (String cursor : TamperedCursors.of(sort, 2)) {
                given().header("Authorization", bearer(COORDINATOR)).queryParam("sort", sort)
                        .queryParam("cursor", cursor).get("/cases").then().statusCode(400)
                        .contentType("application/problem+json").body("type", equalTo("/problems/cursor"));
            }
        }
    }

    @Test
    void aCaseWaitingPastItsDeadlineIsOverdue() {
        String referrer = agency("kurume-houkatsu-02", KURUME);
        String late = refer(referrer, "キゲン スギコ", null, "2023-07-01", "ROUTINE");
        publish(Topics.ROUTING, new RoutingEvent.CaseRouted(late, KURUME, "kurume-kikan-02", List.of(Field.DISABILITY),
                List.of(), "rules-1", "dir-1", LocalDate.of(2023, 7, 7)));
        awaitStatus(referrer, late, "ROUTED");
        ExtractableResponse<Response> overdue = list("overdue=true&receivedFrom=2023-07-01&receivedTo=2023-07-01");
        assertEquals(List.of(late), overdue.path("items.caseId"));
        assertEquals(true, overdue.path("items[0].overdue"));
        assertEquals("2023-07-07", overdue.path("items[0].dueOn"));
        publish(Topics.ROUTING, new RoutingEvent.RoutingAccepted(late, KURUME, "kurume-kikan-02"));
        awaitStatus(referrer, late, "ACCEPTED");
        assertTrue(list("overdue=true&receivedFrom=2023-07-01&receivedTo=2023-07-01").<List<?>>path("items")
                .isEmpty(), "answered: no longer overdue");
    }

    @Test
    void aPersonIsFoundThroughEveryWayOfWritingTheirKanaAndOnlyByCoordinatorsOfTheirCity() throws Exception {
        String first = refer(agency("kurume-houkatsu-02", KURUME), "ヤマダ タロウ", "1960-01-01", "2023-08-01",
                "ROUTINE");
        String again = refer(agency("kurume-jiritsu-01", KURUME), "やまだ　たろう", "1960-01-01", "2023-08-20",
                "ROUTINE");

        for (String written : List.of("やまだたろう", "ﾔﾏﾀﾞ ﾀﾛｳ", "ヤマダ・タロウ", "ヤマダ　タロウ")) {
            assertEquals(List.of(again, first), search(COORDINATOR, written, null).path("items.caseId"), written);
        }
        assertEquals(List.of(again, first), search(COORDINATOR, "ヤマダ タロウ", "1960-01-01").path("items.caseId"));
        assertTrue(search(COORDINATOR, "ヤマダ タロウ", "1961-01-01").<List<?>>path("items").isEmpty());
        assertTrue(search(role("coordinator", NAGAREYAMA), "ヤマダ タロウ", null).<List<?>>path("items").isEmpty());
        given().header("Authorization", bearer(agency("kurume-houkatsu-02", KURUME))).contentType("application/json")
                .body("{\"nameKana\":\"ヤマダ タロウ\"}").post("/cases/search").then().statusCode(403);
        given().header("Authorization", bearer(COORDINATOR)).contentType("application/json")
                .body("{\"nameKana\":\"  \"}").post("/cases/search").then().statusCode(400)
                .body("errors.field", hasItem("nameKana"));

        // the second referral of the same person is marked for coordinators, not for its referrer
        assertEquals(first, list("receivedFrom=2023-08-20&receivedTo=2023-08-20").path("items[0].possibleDuplicateOf"));
        assertFalse(given().header("Authorization", bearer(agency("kurume-jiritsu-01", KURUME)))
                .get("/referrals/" + again).then().statusCode(200).extract().asString().contains(first));

        List<Map<String, Object>> audit = given().header("Authorization", bearer(COORDINATOR)).get("/audit")
                .then().statusCode(200).extract().path("findAll { it.action == 'search-person' }");
        assertTrue(audit.size() >= 6, audit.toString());
        assertFalse(audit.toString().contains("ヤマダ") || audit.toString().contains("やまだ"));

        assertEquals(List.of(), plaintextColumns(List.of("ヤマダ", "やまだ", "ﾔﾏﾀﾞ", "タロウ")),
                "no table of intake holds the kana in plaintext");

        given().header("Authorization", bearer(COORDINATOR)).delete("/persons/" + first).then().statusCode(204);
        assertEquals(List.of(again), search(COORDINATOR, "ヤマダ タロウ", null).path("items.caseId"),
                "the erased person's case is no longer found");
    }

    /** Every text column of intake's tables that holds one of the strings: a dump grepped for them. */
    private List<String> plaintextColumns(List<String> needles) throws Exception {
        List<String> hits = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            List<String[]> columns = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("""
                    select table_name, column_name from information_schema.columns
                     where table_schema = 'intake' and data_type in ('text', 'character varying', 'character')""")) {
                while (rs.next()) {
                    columns.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            for (String[] col : columns) {
                for (String needle : needles) {
                    try (ResultSet rs = s.executeQuery("select count(*) from intake." + col[0] + " where "
                            + col[1] + " like '%" + needle + "%'")) {
                        rs.next();
                        if (rs.getLong(1) > 0) {
                            hits.add(col[0] + "." + col[1] + " holds " + needle);
                        }
                    }
                }
            }
        }
        return hits;
    }

    private static ExtractableResponse<Response> search(String token, String kana, String birthDate) {
        String body = birthDate == null ? "{\"nameKana\":\"" + kana + "\"}"
                : "{\"nameKana\":\"" + kana + "\",\"birthDate\":\"" + birthDate + "\"}";
        return given().header("Authorization", bearer(token)).contentType("application/json").body(body)
                .post("/cases/search").then().statusCode(200).extract();
    }

    private static ExtractableResponse<Response> list(String query) {
        return given().header("Authorization", bearer(COORDINATOR)).get("/cases?" + query).then().statusCode(200)
                .extract();
    }

    private <T> T path(ExtractableResponse<Response> r, String path) {
        return r.path(path);
    }

    private static String refer(String token, String kana, String birthDate, String receivedOn, String urgency) {
        String body = """
                {"channel":"AGENCY","receivedOn":"%s",
                 "person":{"name":"一覧 試験","nameKana":"%s",%s"area":"荒木"},
                 "concerns":["MENTAL_HEALTH"],"consent":"GIVEN","urgency":"%s"}"""
                .formatted(receivedOn, kana, birthDate == null ? "\"age\":70," : "\"birthDate\":\"" + birthDate + "\",",
                        urgency);
        return post(token, UUID.randomUUID().toString(), body).then().statusCode(201).extract().path("caseId");
    }
}
