package jp.tsunagu.intake;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jp.tsunagu.testing.TsunaguTestResources;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static jp.tsunagu.intake.IntakeApiTest.post;
import static jp.tsunagu.testing.Tokens.KURUME;
import static jp.tsunagu.testing.Tokens.agency;
import static jp.tsunagu.testing.Tokens.bearer;
import static jp.tsunagu.testing.Tokens.role;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Names in a coordinator's list only when asked for, and every such read in the audit trail. */
@QuarkusTest
@QuarkusTestResource(TsunaguTestResources.class)
class CaseNamesTest {

    static final String COORDINATOR = role("coordinator", KURUME);
    static final String RANGE = "receivedFrom=2022-11-01&receivedTo=2022-11-30";

    @Test
    void aCoordinatorsListShowsNamesWhenAskedAndEachSuchReadIsAudited() {
        String hanako = refer("名簿 花子", "メイボ ハナコ", "2022-11-02");
        String taro = refer("名簿 太郎", "メイボ タロウ", "2022-11-03");
        String erased = refer("名簿 消子", "メイボ ケシコ", "2022-11-04");
        given().header("Authorization", bearer(COORDINATOR)).delete("/persons/" + erased).then().statusCode(204);

        List<Map<String, Object>> plain = list(RANGE).path("items");
        assertEquals(3, plain.size());
        assertTrue(plain.stream().noneMatch(i -> i.containsKey("name") || i.containsKey("nameKana")),
                "without withNames the list holds no personal field");
        int before = entries("list-cases-with-names").size();

        List<Map<String, Object>> named = list(RANGE + "&withNames=true&urgency=ROUTINE").path("items");
        assertEquals(List.of(erased, taro, hanako), named.stream().map(i -> i.get("caseId")).toList());
        assertEquals("名簿 太郎", named.get(1).get("name"));
        assertEquals("メイボ タロウ", named.get(1).get("nameKana"));
        assertEquals("名簿 花子", named.get(2).get("name"));
        assertNull(named.get(0).get("name"), "the erased person has no name any more");

        List<Map<String, Object>> audit = entries("list-cases-with-names");
        assertEquals(before + 1, audit.size(), "one entry per list read");
        Map<String, Object> entry = audit.getLast();
        assertEquals("ALLOWED", entry.get("outcome"));
        assertEquals("cases/" + KURUME, entry.get("resource"));
        String detail = (String) entry.get("detail");
        assertTrue(detail.contains("\"receivedFrom\":\"2022-11-01\"") && detail.contains("\"urgency\":\"ROUTINE\""),
                detail);
        assertTrue(detail.contains(hanako) && detail.contains(taro) && detail.contains(erased), detail);
        assertFalse(detail.contains("名簿") || detail.contains("メイボ"), "the trail holds no name");

        list(RANGE);
        assertEquals(before + 1, entries("list-cases-with-names").size(), "a list without names is not a name read");

        given().header("Authorization", bearer(agency("kurume-houkatsu-02", KURUME)))
                .get("/cases?withNames=true&" + RANGE).then().statusCode(403)
                .contentType("application/problem+json").body("status", equalTo(403));
    }

    @Test
    void searchResultsCarryNamesForCoordinatorsAndTheSearchIsAuditedWithTheCasesFound() {
        String found = refer("検索名 一郎", "ケンサクメイ イチロウ", "2022-12-01");
        ExtractableResponse<Response> r = given().header("Authorization", bearer(COORDINATOR))
                .contentType(ContentType.JSON).body("{\"nameKana\":\"けんさくめい いちろー\",\"withNames\":true}")
                .post("/cases/search").then().statusCode(200).extract();
        assertEquals(List.of(found), r.path("items.caseId"));
        assertEquals("検索名 一郎", r.path("items[0].name"));
        assertEquals("ケンサクメイ イチロウ", r.path("items[0].nameKana"));
        assertNull(given().header("Authorization", bearer(COORDINATOR)).contentType(ContentType.JSON)
                .body("{\"nameKana\":\"けんさくめい\"}").post("/cases/search").then().statusCode(200).extract()
                .path("items[0].name"));

        List<Map<String, Object>> audit = entries("search-person");
        String withNames = (String) audit.get(audit.size() - 2).get("detail");
        assertEquals("{\"given\":[\"nameKana\"],\"withNames\":true,\"caseIds\":[\"" + found + "\"]}", withNames);
        assertFalse(audit.toString().contains("ケンサクメイ") || audit.toString().contains("けんさくめい"));
    }

    private static List<Map<String, Object>> entries(String action) {
        return given().header("Authorization", bearer(COORDINATOR)).get("/audit").then().statusCode(200).extract()
                .path("findAll { it.action == '" + action + "' }");
    }

    private static ExtractableResponse<Response> list(String query) {
        return given().header("Authorization", bearer(COORDINATOR)).get("/cases?" + query).then().statusCode(200)
                .extract();
    }

    private static String refer(String name, String kana, String receivedOn) {
        String body = """
                {"channel":"AGENCY","receivedOn":"%s",
                 "person":{"name":"%s","nameKana":"%s","age":44,"area":"荒木"},
                 "concerns":["DEBT"],"consent":"GIVEN","urgency":"ROUTINE"}""".formatted(receivedOn, name, kana);
        return post(agency("kurume-houkatsu-02", KURUME), UUID.randomUUID().toString(), body).then().statusCode(201)
                .extract().path("caseId");
    }
}
