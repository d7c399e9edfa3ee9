package jp.tsunagu.intake;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jp.tsunagu.infra.DevKeys;
import jp.tsunagu.testing.Tokens;
import jp.tsunagu.testing.TsunaguTestResources;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static jp.tsunagu.intake.IntakeApiTest.AGENCY;
import static jp.tsunagu.intake.IntakeApiTest.post;
import static jp.tsunagu.intake.IntakeApiTest.referral;
import static jp.tsunagu.testing.Tokens.KURUME;
import static jp.tsunagu.testing.Tokens.NAGAREYAMA;
import static jp.tsunagu.testing.Tokens.agency;
import static jp.tsunagu.testing.Tokens.bearer;
import static jp.tsunagu.testing.Tokens.role;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Authentication and object-level authorization of intake's endpoints. */
@QuarkusTest
@QuarkusTestResource(TsunaguTestResources.class)
class AuthTest {

    @Test
    void noTokenIs401AsAProblem() {
        post(null, UUID.randomUUID().toString(), referral("x")).then().statusCode(401)
                .contentType("application/problem+json");
        given().get("/referrals/anything").then().statusCode(401);
    }

    @Test
    void forgedExpiredAndMalformedTokensAre401() throws Exception {
        String forged = DevKeys.in(Files.createTempDirectory("other-idp"))
                .token("x", "agency", AGENCY, KURUME, Duration.ofMinutes(5));
        post(forged, UUID.randomUUID().toString(), referral("x")).then().statusCode(401);

        long now = Instant.now().getEpochSecond();
        String expired = Tokens.signed(Map.of("iss", DevKeys.ISSUER, "sub", "x", "groups", List.of("agency"),
                "agency", AGENCY, "municipality", KURUME, "iat", now - 7200, "exp", now - 3600));
        post(expired, UUID.randomUUID().toString(), referral("x")).then().statusCode(401);

        post("not.a.token", UUID.randomUUID().toString(), referral("x")).then().statusCode(401);
    }

    @Test
    void aTokenForAnotherClientOrAudienceIsRefused() {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> genuine = Map.of("iss", DevKeys.ISSUER, "sub", "x", "groups", List.of("agency"),
                "agency", AGENCY, "municipality", KURUME, "aud", "tsunagu", "azp", "agency-" + AGENCY,
                "iat", now, "exp", now + 600);
        post(Tokens.signed(genuine), UUID.randomUUID().toString(), referral("x")).then().statusCode(201);
        // issued to some other application of the same provider
        post(Tokens.signed(with(genuine, "azp", "mail-archive")), UUID.randomUUID().toString(), referral("x"))
                .then().statusCode(401);
        // another agency's system speaking for this agency
        post(Tokens.signed(with(genuine, "azp", "agency-kurume-jiritsu-02")), UUID.randomUUID().toString(),
                referral("x")).then().statusCode(401);
        // meant for another resource server
        post(Tokens.signed(with(genuine, "aud", "payroll")), UUID.randomUUID().toString(), referral("x"))
                .then().statusCode(401);
    }

    private static Map<String, Object> with(Map<String, Object> claims, String name, Object value) {
        Map<String, Object> changed = new java.util.HashMap<>(claims);
        changed.put(name, value);
        return changed;
    }

    @Test
    void aTokenWithoutMunicipalityIsRefused() {
        long now = Instant.now().getEpochSecond();
        String noTenant = Tokens.signed(Map.of("iss", DevKeys.ISSUER, "sub", "x", "groups", List.of("coordinator"),
                "iat", now, "exp", now + 600));
        post(noTenant, UUID.randomUUID().toString(), referral("x")).then().statusCode(401);
    }

    @Test
    void aWrongRoleIs403() {
        post(role("analyst", KURUME), UUID.randomUUID().toString(), referral("x")).then().statusCode(403)
                .contentType("application/problem+json");
        post(role("portal", KURUME), UUID.randomUUID().toString(), referral("x")).then().statusCode(403);
        given().header("Authorization", bearer(role("meeting-member", KURUME))).get("/referrals/x").then()
                .statusCode(403);
    }

    @Test
    void onlyTheReferrerTheirCityAndTheAssignedAgencyReadACase() {
        String caseId = post(agency(AGENCY, KURUME), UUID.randomUUID().toString(), referral("閲覧"))
                .then().statusCode(201).extract().path("caseId");
        read(agency(AGENCY, KURUME), caseId).then().statusCode(200).body("caseId", equalTo(caseId));
        read(role("coordinator", KURUME), caseId).then().statusCode(200);
        read(agency("kurume-jiritsu-02", KURUME), caseId).then().statusCode(404);
        read(agency("kurume-other-agency", KURUME), caseId).then().statusCode(403); // in no directory
        read(role("coordinator", NAGAREYAMA), caseId).then().statusCode(404);
        read(agency("nagareyama-houkatsu-01", NAGAREYAMA), caseId).then().statusCode(404);
        read(agency(AGENCY, NAGAREYAMA), caseId).then().statusCode(403); // not in that city's directory
    }

    @Test
    void erasureIsForCoordinatorsOnly() {
        String caseId = post(agency(AGENCY, KURUME), UUID.randomUUID().toString(), referral("消去権限"))
                .then().statusCode(201).extract().path("caseId");
        given().header("Authorization", bearer(agency(AGENCY, KURUME))).delete("/persons/" + caseId)
                .then().statusCode(403);
    }

    @Test
    void healthMetricsAndOpenApiNeedNoToken() throws Exception {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/metrics").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
        java.nio.file.Path models = jp.tsunagu.testing.OpenApiLint.check(given().get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString());
        // an integrator's generated client builds a referral's person as Person(...), the request's own schema
        String person = Files.readString(models.resolve("person.py"));
        assertTrue(person.contains("class Person(") && person.contains("area"), "the referral's person is Person");
        assertTrue(Files.readString(models.resolve("referral_request.py")).contains("person: Person"),
                "ReferralRequest.person is that Person");
    }

    /** The topics' AsyncAPI document is served beside /q/openapi, without a token, whole. */
    @Test
    void theAsyncApiDocumentIsServedWithoutAToken() throws Exception {
        for (String address : List.of("/q/asyncapi", "/q/asyncapi?format=json")) {
            String body = given().get(address).then().statusCode(200).contentType("application/json")
                    .extract().asString();
            var doc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
            assertEquals("3.0.0", doc.path("asyncapi").asText());
            for (String topic : List.of(jp.tsunagu.contract.Topics.INTAKE, jp.tsunagu.contract.Topics.ROUTING,
                    jp.tsunagu.contract.Topics.MEETINGS, jp.tsunagu.contract.Topics.PLANS,
                    jp.tsunagu.contract.Topics.DEAD_LETTER)) {
                assertTrue(doc.path("channels").has(topic), topic);
            }
            assertEquals("string", doc.at("/components/messages/ReferralReceived/payload/properties/caseId/type")
                    .asText(), "payloads are in place, not references to files beside the document");
            assertTrue(doc.at("/components/messages/MeetingScheduled/bindings/kafka/key/description").asText()
                    .contains("`meetingId`"));
        }
    }

    @Test
    void theBenchmarksNoOpEndpointIsOffUnlessConfigured() {
        given().header("Authorization", bearer(agency(AGENCY, KURUME)))
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType("application/json").body(referral("x")).post("/bench/noop-referrals")
                .then().statusCode(404).contentType("application/problem+json");
        given().contentType("application/json").body(referral("x")).post("/bench/noop-referrals")
                .then().statusCode(401);
    }

    private static io.restassured.response.Response read(String token, String caseId) {
        return given().header("Authorization", bearer(token)).get("/referrals/" + caseId);
    }
}
