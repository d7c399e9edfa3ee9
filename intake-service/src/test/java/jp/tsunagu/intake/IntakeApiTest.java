package jp.tsunagu.intake;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jp.tsunagu.contract.Topics;
import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.IntakeEvent;
import jp.tsunagu.testing.TopicProbe;
import jp.tsunagu.testing.TsunaguTestResources;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static jp.tsunagu.testing.Tokens.KURUME;
import static jp.tsunagu.testing.Tokens.agency;
import static jp.tsunagu.testing.Tokens.bearer;
import static jp.tsunagu.testing.Tokens.role;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** POST /referrals against the real broker and database: the event, its encryption, and every validation rule. */
@QuarkusTest
@QuarkusTestResource(TsunaguTestResources.class)
class IntakeApiTest {

    static final String AGENCY = "kurume-houkatsu-01";
    static final String CANARY_NAME = "カナリア花子";

    static String referral(String name) {
        return """
                {"channel":"AGENCY","receivedOn":"2024-05-14",
                 "person":{"name":"%s","nameKana":"カナリアハナコ","birthDate":"1975-02-03","address":"久留米市荒木町1-2-3",
                           "area":"荒木","phone":"0942-00-0000"},
                 "household":[{"relation":"PARENT","age":82,"concerns":["DEMENTIA"]}],
                 "concerns":["MENTAL_HEALTH","POVERTY"],"consent":"GIVEN","urgency":"ROUTINE",
                 "summary":"本人はうつ状態で、認知症の親を介護している"}""".formatted(name);
    }

    static Response post(String token, String key, String body) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (token != null) {
            request.header("Authorization", bearer(token));
        }
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post("/referrals");
    }

    @Test
    void aValidReferralIsAcknowledgedByKafkaWithPersonalFieldsEncrypted() {
        Response created = post(agency(AGENCY, KURUME), UUID.randomUUID().toString(), referral(CANARY_NAME));
        created.then().statusCode(201)
                .header("Location", containsString("/referrals/"))
                .body("status", equalTo("RECEIVED"))
                .body("receivedOn", equalTo("2024-05-14"));
        String caseId = created.path("caseId");

        ConsumerRecord<String, byte[]> record = TopicProbe.await(Topics.INTAKE, r -> caseId.equals(r.key()),
                Duration.ofSeconds(20));
        String everything = new String(record.value(), StandardCharsets.UTF_8) + headersText(record);
        for (String personal : List.of(CANARY_NAME, "カナリアハナコ", "1975-02-03", "荒木町", "0942-00-0000", "うつ状態")) {
            assertFalse(everything.contains(personal), "plaintext personal value in the Kafka record: " + personal);
        }
        EventEnvelope<?> envelope = TopicProbe.decode(record);
        IntakeEvent.ReferralReceived event = (IntakeEvent.ReferralReceived) envelope.data();
        assertEquals(caseId, event.caseId());
        assertEquals("荒木", event.area());
        assertEquals("AGE_40_49", event.ageBand().name());
        assertEquals(AGENCY, event.referringAgencyId());
        assertEquals("A256GCM", event.personal().alg());
        assertEquals("2024-05-14", envelope.businessDate().toString());
        assertNotNull(envelope.causationId());
        assertEquals("jp.tsunagu.intake.referral-received.v1", header(record, "ce_type"));
        assertEquals(caseId, header(record, "ce_subject"));
        assertEquals("/tsunagu/intake-service", header(record, "ce_source"));
    }

    @Test
    void theReferrerSeesTheStatusRightAfterThePost() {
        String token = agency(AGENCY, KURUME);
        String caseId = post(token, UUID.randomUUID().toString(), referral("状態確認")).then().statusCode(201)
                .extract().path("caseId");
        given().header("Authorization", bearer(token)).get("/referrals/" + caseId).then()
                .statusCode(200)
                .body("caseId", equalTo(caseId))
                .body("status", equalTo("RECEIVED"))
                .body("statusLabel", equalTo("受付"))
                .body("referringAgencyId", equalTo(AGENCY))
                .body("history.eventType", hasItem("jp.tsunagu.intake.referral-received.v1"))
                .body(not(containsString("状態確認")));
    }

    private static org.hamcrest.Matcher<String> not(org.hamcrest.Matcher<String> m) {
        return org.hamcrest.Matchers.not(m);
    }

    @Test
    void anUnknownAreaIs400ListingTheKnownOnes() {
        post(agency(AGENCY, KURUME), UUID.randomUUID().toString(), referral("x").replace("\"荒木\"", "\"どこか\""))
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem("person.area"))
                .body("errors.find { it.field == 'person.area' }.message", containsString("篠山"))
                .body("errors.find { it.field == 'person.area' }.message", containsString("荒木"));
    }

    @Test
    void everyBadFieldIsNamedInOneAnswer() {
        String body = """
                {"channel":"FAX","receivedOn":"2099-01-01",
                 "person":{"name":"","birthDate":"not-a-date","area":"荒木","phone":"abc"},
                 "household":[{"relation":"COUSIN","age":200,"concerns":["NOPE"]}],
                 "concerns":["HIKIKOMORI","UNKNOWN_CONCERN"],"consent":"MAYBE","urgency":"SOON"}""";
        post(agency(AGENCY, KURUME), UUID.randomUUID().toString(), body).then().statusCode(400)
                .body("errors.field", hasItems("channel", "receivedOn", "person.name", "person.birthDate",
                        "person.phone", "household[0].relation", "household[0].age", "household[0].concerns[0]",
                        "concerns[1]", "consent", "urgency"));
    }

    @Test
    void thousandsOfBadCodesGetASmallAnswerCountingTheRest() {
        String codes = String.join(",", java.util.Collections.nCopies(3000, "\"NOPE\""));
        String body = referral("x").replace("\"concerns\":[\"MENTAL_HEALTH\",\"POVERTY\"]",
                "\"concerns\":[" + codes + "]");
        for (String language : List.of("en", "ja")) {
            Response answer = given().contentType(ContentType.JSON).header("Authorization", bearer(agency(AGENCY,
                            KURUME))).header("Idempotency-Key", UUID.randomUUID().toString())
                    .header("Accept-Language", language).body(body).post("/referrals");
            answer.then().statusCode(400).contentType("application/problem+json")
                    .body("errors.size()", equalTo(20))
                    .body("errors[0].field", equalTo("concerns[0]"))
                    .body("errors[19].field", equalTo("concerns[19]"))
                    .body("moreErrors", equalTo(2980))
                    .body("detail", containsString("3000"));
            int bytes = answer.asByteArray().length;
            org.junit.jupiter.api.Assertions.assertTrue(bytes < 16_000, language + ": " + bytes + " bytes");
        }
        // a few bad fields are all listed, with no count
        post(agency(AGENCY, KURUME), UUID.randomUUID().toString(), referral("x").replace("\"POVERTY\"", "\"NOPE\""))
                .then().statusCode(400).body("errors.size()", equalTo(1)).body("moreErrors", equalTo(null));
    }

    @Test
    void missingRequiredFieldsAreNamed() {
        post(agency(AGENCY, KURUME), UUID.randomUUID().toString(), "{}").then().statusCode(400)
                .body("errors.field", hasItems("channel", "person", "concerns", "consent", "urgency"));
        post(agency(AGENCY, KURUME), UUID.randomUUID().toString(),
                referral("年齢なし").replace("\"birthDate\":\"1975-02-03\",", "")).then().statusCode(400)
                .body("errors.field", hasItem("person.age"));
    }

    @Test
    void malformedJsonWrongTypesAndUnknownFieldsAre400() {
        String key = UUID.randomUUID().toString();
        post(agency(AGENCY, KURUME), key, "{\"channel\": ").then().statusCode(400)
                .contentType("application/problem+json").body("title", equalTo("Malformed JSON"));
        post(agency(AGENCY, KURUME), key, referral("x").replace("\"birthDate\":\"1975-02-03\"", "\"age\":\"forty\""))
                .then().statusCode(400).body("errors.field", hasItem("person.age"));
        post(agency(AGENCY, KURUME), key, referral("x").replace("\"channel\":\"AGENCY\"",
                "\"channel\":\"AGENCY\",\"caseId\":\"mine\"")).then().statusCode(400)
                .body("errors.field", hasItem("caseId"));
        post(agency(AGENCY, KURUME), key, "[1,2]").then().statusCode(400);
    }

    @Test
    void anAgencyCannotReferAsAnotherAgency() {
        post(agency(AGENCY, KURUME), UUID.randomUUID().toString(),
                referral("x").replace("\"channel\"", "\"referringAgencyId\":\"kurume-other\",\"channel\""))
                .then().statusCode(400).body("errors.field", hasItem("referringAgencyId"));
    }

    @Test
    void aBodyOverTheLimitIs413() {
        String huge = referral("x").replace("本人はうつ状態で", "あ".repeat(40_000));
        post(agency(AGENCY, KURUME), UUID.randomUUID().toString(), huge).then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/payload-too-large"))
                .body(not(containsString("あああ")));
    }

    @Test
    void controlCharactersInTextOrAddressAreBadInput() {
        post(agency(AGENCY, KURUME), UUID.randomUUID().toString(), referral("x").replace("本人はうつ状態で",
                "本人は\\u0000うつ状態で")).then().statusCode(400)
                .body("errors[0].message", equalTo("control characters are not accepted"));
        given().header("Authorization", bearer(agency(AGENCY, KURUME))).urlEncodingEnabled(false)
                .get("/referrals/abc%00def").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aBodyOfUnknownLengthIs411() throws Exception {
        // chunked: the size could only be known by reading it
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + io.restassured.RestAssured.port
                                + "/referrals"))
                        .header("Authorization", bearer(agency(AGENCY, KURUME)))
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                                () -> new java.io.ByteArrayInputStream(referral("x").getBytes(
                                        java.nio.charset.StandardCharsets.UTF_8))))
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        org.junit.jupiter.api.Assertions.assertEquals(411, r.statusCode(), r.body());
        org.junit.jupiter.api.Assertions.assertTrue(r.body().contains("/problems/length-required"), r.body());
    }

    @Test
    void anAgencySendingTooManyRequestsIsToldWhenToRetry() {
        // 200 at once, then 20 a second (the defaults): requests in a row meet the limit once they come faster than
        // the refill; up to 3,000 of them, so that a slow or busy machine gets there too (it stops at the first 429)
        String token = bearer(agency("kurume-houkatsu-11", KURUME));
        int limited = 0;
        for (int i = 0; i < 3000 && limited == 0; i++) {
            var r = given().header("Authorization", token).get("/referrals/no-such-case");
            if (r.statusCode() == 429) {
                limited++;
                r.then().contentType("application/problem+json").body("status", equalTo(429))
                        .header("Retry-After", notNullValue());
            } else {
                r.then().statusCode(404);
            }
        }
        org.junit.jupiter.api.Assertions.assertEquals(1, limited, "the limit was met");
        // another agency is not held up by it
        given().header("Authorization", bearer(agency(AGENCY, KURUME))).get("/referrals/no-such-case").then()
                .statusCode(404);
    }

    @Test
    void theOpenApiDocumentDescribesTheReferralApi() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/referrals'.post", notNullValue())
                .body("paths.'/referrals/{caseId}'.get", notNullValue())
                .body("paths.'/referrals/{caseId}/consent'.post", notNullValue())
                .body("components.schemas.ReferralRequest", notNullValue())
                .body("components.schemas.Problem.properties.errors.maxItems", equalTo(20))
                .body("components.schemas.Problem.properties.moreErrors", notNullValue());
    }

    static String headersText(ConsumerRecord<String, byte[]> record) {
        StringBuilder sb = new StringBuilder();
        for (Header h : record.headers()) {
            sb.append(h.key()).append('=').append(new String(h.value(), StandardCharsets.UTF_8)).append('\n');
        }
        return sb.toString();
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    static String coordinator() {
        return role("coordinator", KURUME);
    }

    @Test
    void japaneseStaffReadProblemsInJapaneseAndEveryBadFieldIsNamedOnce() {
        String body = """
                {"channel":"AGENCY","person":{"name":"山田 一郎","age":"七十","area":"荒木","phone":"TEL"},
                 "household":[{"relation":"parent","age":80}],"concerns":["hikikomori"],"consent":"given",
                 "urgency":"ROUTINE","hardToReach":"はい"}""";
        given().contentType(ContentType.JSON).header("Authorization", bearer(agency(AGENCY, KURUME)))
                .header("Idempotency-Key", UUID.randomUUID().toString()).header("Accept-Language", "ja,en;q=0.5")
                .body(body).post("/referrals").then().statusCode(400)
                .header("Content-Language", "ja")
                .contentType(containsString("application/problem+json"))
                .body("type", equalTo("/problems/validation"))
                .body("title", equalTo("入力内容に誤りがあります"))
                .body("errors.field", equalTo(List.of("consent", "concerns[0]", "person.phone", "person.age",
                        "household[0].relation", "hardToReach")))
                .body("errors[0].message", equalTo("コードは大文字で指定してください: GIVEN（次のいずれか: GIVEN, NOT_GIVEN, "
                        + "UNKNOWN）"))
                .body("errors[3].message", equalTo("年齢は 70 のような整数で指定してください"));
        // the same in English for a program that asks nothing
        given().contentType(ContentType.JSON).header("Authorization", bearer(agency(AGENCY, KURUME)))
                .header("Idempotency-Key", UUID.randomUUID().toString()).body(body).post("/referrals").then()
                .statusCode(400).header("Content-Language", "en").body("title", equalTo("Invalid request"))
                .body("errors[3].message", equalTo("a whole number of years, e.g. 70"));
    }

    @Test
    void aBodyInShiftJisIsToldToBeUtf8AndFullWidthAndWarekiAreRead() {
        byte[] shiftJis = referral("山田 一郎").getBytes(java.nio.charset.Charset.forName("Shift_JIS"));
        given().contentType("application/json").header("Authorization", bearer(agency(AGENCY, KURUME)))
                .header("Idempotency-Key", UUID.randomUUID().toString()).body(shiftJis).post("/referrals").then()
                .statusCode(415).body("type", equalTo("/problems/encoding"))
                .body("detail", containsString("UTF-8"));
        String wareki = referral("山田 一郎").replace("\"birthDate\":\"1975-02-03\"", "\"birthDate\":\"昭和50年2月3日\"")
                .replace("\"phone\":\"0942-00-0000\"", "\"phone\":\"０９４２ー００ー００００\"");
        post(agency(AGENCY, KURUME), UUID.randomUUID().toString(), wareki).then().statusCode(201);
    }
}
