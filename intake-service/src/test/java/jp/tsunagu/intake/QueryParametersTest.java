package jp.tsunagu.intake;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jp.tsunagu.testing.TsunaguTestResources;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static jp.tsunagu.intake.IntakeApiTest.AGENCY;
import static jp.tsunagu.intake.IntakeApiTest.coordinator;
import static jp.tsunagu.intake.IntakeApiTest.post;
import static jp.tsunagu.intake.IntakeApiTest.referral;
import static jp.tsunagu.testing.Tokens.KURUME;
import static jp.tsunagu.testing.Tokens.agency;
import static jp.tsunagu.testing.Tokens.bearer;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Query parameters: an unknown one is refused (never silently ignored); GET /referrals?changedSince=. */
@QuarkusTest
@QuarkusTestResource(TsunaguTestResources.class)
class QueryParametersTest {

    @Test
    void anUnknownQueryParameterIsABadRequestNamingItButNotItsValue() {
        String token = agency(AGENCY, KURUME);
        given().header("Authorization", bearer(token)).get("/referrals?statuss=ACCEPTED&limit=5&zz=秘密の値")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/validation"))
                .body("errors.field", equalTo(List.of("statuss", "zz")))
                .body("errors.message", equalTo(List.of("unknown query parameter", "unknown query parameter")))
                .body(not(containsString("秘密の値"))).body(not(containsString("ACCEPTED")));
        // an operation that takes no query parameter, and one with a body
        String caseId = post(token, UUID.randomUUID().toString(), referral("照会")).then().statusCode(201)
                .extract().path("caseId");
        given().header("Authorization", bearer(token)).get("/referrals/" + caseId + "?view=full").then()
                .statusCode(400).body("errors[0].field", equalTo("view"));
        given().contentType(ContentType.JSON).header("Authorization", bearer(token))
                .header("Idempotency-Key", UUID.randomUUID().toString()).header("Accept-Language", "ja")
                .body(referral("試し")).post("/referrals?dryRun=true").then().statusCode(400)
                .body("errors[0].field", equalTo("dryRun"))
                .body("errors[0].message", containsString("不明なクエリパラメーター"));
        given().header("Authorization", bearer(coordinator())).get("/cases?status=RECEIVED&sort=changed&limit=1")
                .then().statusCode(200);
    }

    @Test
    void theServicesOwnRoutesKeepTheirParametersAndEveryOperationDocumentsIts400() {
        given().get("/q/health/live?x=1").then().statusCode(200);
        Map<String, Map<String, Object>> paths = given().get("/q/openapi?format=json").then()
                .statusCode(200).extract().path("paths");
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            if (operation instanceof Map<?, ?> op && op.get("responses") instanceof Map<?, ?> responses) {
                assertTrue(responses.containsKey("400"), method + " " + path + " documents no 400");
            }
        }));
        given().get("/q/openapi?format=json").then()
                .body("paths.'/referrals/{caseId}'.get.responses.'400'.description",
                        containsString("query parameter"))
                .body("paths.'/referrals'.get.parameters.name", hasItem("changedSince"));
    }

    @Test
    void changedSinceListsOnlyTheReferralsWhoseStatusChangedAfterThatTime() {
        String token = agency("kurume-kikan-01", KURUME);
        String before = post(token, UUID.randomUUID().toString(), referral("以前")).then().statusCode(201)
                .extract().path("caseId");
        String since = given().header("Authorization", bearer(token)).get("/referrals/" + before).then()
                .extract().path("history[0].recordedAt");
        String after = post(token, UUID.randomUUID().toString(), referral("以後")).then().statusCode(201)
                .extract().path("caseId");
        String inJapan = OffsetDateTime.ofInstant(Instant.parse(since), ZoneId.of("Asia/Tokyo")).toString();
        for (String form : List.of(since, inJapan)) {
            given().header("Authorization", bearer(token)).queryParam("changedSince", form).get("/referrals").then()
                    .statusCode(200)
                    .body("items.caseId", hasItem(after)).body("items.caseId", not(hasItem(before)))
                    .body("items.find { it.caseId == '" + after + "' }.lastChangeAt", notNullValue());
        }
        given().header("Authorization", bearer(token)).get("/referrals?changedSince=2020-01-01T00:00:00Z").then()
                .statusCode(200).body("items.caseId", hasItem(before));
        given().header("Authorization", bearer(token)).get("/referrals?changedSince=yesterday").then()
                .statusCode(400).body("errors[0].field", equalTo("changedSince"))
                .body(not(containsString("yesterday")));
    }
}
