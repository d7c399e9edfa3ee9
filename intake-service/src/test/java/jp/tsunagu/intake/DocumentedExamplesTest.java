package jp.tsunagu.intake;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jp.tsunagu.testing.DocumentedExamples;
import jp.tsunagu.testing.DocumentedExamples.Given;
import jp.tsunagu.testing.TsunaguTestResources;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static jp.tsunagu.testing.DocumentedExamples.answered;
import static jp.tsunagu.testing.Tokens.KURUME;
import static jp.tsunagu.testing.Tokens.agency;
import static jp.tsunagu.testing.Tokens.bearer;
import static jp.tsunagu.testing.Tokens.role;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a partner agency's IT copies from the OpenAPI document works as the document says. */
@QuarkusTest
@QuarkusTestResource(TsunaguTestResources.class)
class DocumentedExamplesTest {

    @Test
    void everyDocumentedRequestExampleIsAcceptedAndDoesWhatItSays() {
        String agency = agency("kurume-houkatsu-01", KURUME);
        String coordinator = role("coordinator", KURUME);
        Map<String, Given> operations = new LinkedHashMap<>();
        operations.put("refer", Given.as(agency));
        operations.put("searchCases", Given.as(coordinator));
        // a documented date cannot stay valid: consent is recorded on or after the day the case came in (today)
        operations.put("consent", Given.as(agency).path("caseId", answered("refer", "caseId"))
                .swap("2024-06-03", LocalDate.now(ZoneId.of("Asia/Tokyo")).toString()));
        // the second referral found a duplicate of the first: dismissed, then confirmed
        operations.put("decideDuplicate", Given.as(coordinator).path("caseId", answered("refer", "caseId"))
                .swap("7d1c2a4e-0b6f-4e8a-9c3d-2f5e8a1b4c6d", sent -> sent.getFirst().field("caseId")));

        // households: a mother and her son who names her, a neighbour at the son's address, one more case
        String mother = referral(agency, "ドキュメント ハハ", "1944-05-01", "久留米市荒木町7丁目1番1号", "");
        String son = referral(agency, "ドキュメント ムスコ", "1972-05-01", "久留米市荒木町8-2-2",
                ",\"household\":[{\"relation\":\"PARENT\",\"nameKana\":\"ドキュメント ハハ\",\"birthDate\":\"1944-05-01\"}]");
        String neighbour = referral(agency, "リンジン イチ", "1960-01-01", "久留米市荒木町８－２－２", "");
        String another = referral(agency, "ベツ ケース", "1990-01-01", null, "");
        operations.put("createHousehold", Given.as(coordinator)
                .swap("c0a8e3f2-1111-4e8a-9c3d-2f5e8a1b4c6d", mother).swap("d1b9f4a3-2222-4e8a-9c3d-2f5e8a1b4c6d", son));
        operations.put("addHouseholdMember", Given.as(coordinator)
                .path("householdId", answered("createHousehold", "householdId"))
                .swap("e2c0a5b4-3333-4e8a-9c3d-2f5e8a1b4c6d", another));
        operations.put("unlinkHouseholdMember", Given.as(coordinator)
                .path("householdId", answered("createHousehold", "householdId")).path("caseId", another));
        operations.put("dismissHouseholdSuggestion", Given.as(coordinator).path("caseId", son)
                .path("otherCaseId", neighbour));

        var sent = DocumentedExamples.replay(operations);

        assertEquals(11, sent.size(), "two referrals, two searches, a consent, two decisions and four household "
                + "requests: " + sent);
        String eightyFifty = sent.getFirst().field("caseId");
        String byPhone = sent.get(1).field("caseId");
        // the search in hiragana found the case registered in katakana
        assertTrue(sent.get(2).body().contains(eightyFifty), sent.get(2).body());
        // and the family name alone with the birth date in 和暦
        assertTrue(sent.get(3).body().contains(eightyFifty), sent.get(3).body());
        // the 和暦 birth date and the full-width phone were stored as an ISO date and ASCII digits
        given().header("Authorization", bearer(agency)).get("/referrals/" + byPhone + "/person").then()
                .statusCode(200).body("birthDate", equalTo("1944-04-02")).body("phone", equalTo("090-1234-5678"));
        // and the second case was joined to the first
        assertTrue(sent.get(6).body().contains("\"status\":\"CLOSED\""), sent.get(6).body());
    }

    private static String referral(String token, String kana, String birthDate, String address, String more) {
        String body = """
                {"channel":"AGENCY","person":{"name":"例 示","nameKana":"%s","birthDate":"%s","area":"荒木"%s}%s,
                 "concerns":["ISOLATION"],"consent":"GIVEN","urgency":"ROUTINE"}""".formatted(kana, birthDate,
                address == null ? "" : ",\"address\":\"" + address + "\"", more);
        return given().header("Authorization", bearer(token))
                .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .contentType(io.restassured.http.ContentType.JSON).body(body).post("/referrals").then()
                .statusCode(201).extract().path("caseId");
    }

    @Test
    void codesCarryTheirJapaneseLabels() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("components.schemas.Concern.'x-enumDescriptions'.EIGHTY_FIFTY", equalTo("8050問題"))
                .body("components.schemas.Concern.description", containsString("HIKIKOMORI = ひきこもり"))
                .body("components.schemas.Relation.'x-enumDescriptions'.PARENT", equalTo("親"))
                // and where a request lists the codes in place
                .body("components.schemas.ReferralRequest.properties.urgency.'x-enumDescriptions'.URGENT",
                        equalTo("至急"))
                .body("components.schemas.ReferralRequest.properties.channel.'x-enumDescriptions'.WALK_IN",
                        containsString("来所"));
    }
}
