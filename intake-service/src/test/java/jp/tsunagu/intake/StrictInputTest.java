package jp.tsunagu.intake;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jp.tsunagu.testing.TsunaguTestResources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static jp.tsunagu.intake.IntakeApiTest.AGENCY;
import static jp.tsunagu.intake.IntakeApiTest.post;
import static jp.tsunagu.intake.IntakeApiTest.referral;
import static jp.tsunagu.testing.Tokens.KURUME;
import static jp.tsunagu.testing.Tokens.agency;
import static jp.tsunagu.testing.Tokens.bearer;
import static jp.tsunagu.testing.Tokens.role;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a hostile probe sent and the service took: every such body or parameter is now refused, named, as a problem
 * document (the rules are service-support's, shared by every service: JsonBodies, StrictJson, QueryParams,
 * TextSafety).
 */
@QuarkusTest
@QuarkusTestResource(TsunaguTestResources.class)
class StrictInputTest {

    static HttpResponse<String> postBytes(String contentType, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port
                        + "/referrals"))
                .header("Authorization", bearer(agency(AGENCY, KURUME)))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The referral with the given bytes put into its summary (raw, as a probe sends them). */
    static byte[] withBytes(int... bytes) {
        String[] around = referral("山田 一郎").split("本人は", 2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(around[0].getBytes(StandardCharsets.UTF_8));
        for (int b : bytes) {
            out.write(b);
        }
        out.writeBytes(around[1].getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    @Test
    void theWellFormedBodyIsTakenAsWritten() throws Exception {
        HttpResponse<String> r = postBytes("application/json", referral("山田 一郎").getBytes(StandardCharsets.UTF_8));
        assertEquals(201, r.statusCode(), r.body());
    }

    @Test
    void aBodyThatIsNotStrictUtf8Is415() throws Exception {
        byte[][] bodies = {
                withBytes(0xc0, 0xaf), // an overlong '/'
                withBytes(0xed, 0xa0, 0x80), // a lone surrogate, encoded
                referral("山田 一郎").getBytes(StandardCharsets.UTF_16), // with its byte order mark
                referral("山田 一郎").getBytes(StandardCharsets.UTF_16LE),
                referral("山田 一郎").getBytes(java.nio.charset.Charset.forName("UTF-32BE"))};
        for (byte[] body : bodies) {
            HttpResponse<String> r = postBytes("application/json", body);
            assertEquals(415, r.statusCode(), r.body());
            assertTrue(r.body().contains("\"type\":\"/problems/encoding\""), r.body());
        }
    }

    @Test
    void aLoneSurrogateWrittenAsAnEscapeIsNamed() {
        post(agency(AGENCY, KURUME), UUID.randomUUID().toString(),
                referral("山田 一郎").replace("本人は", "本人は\\ud800")).then().statusCode(400)
                .body("errors[0].field", equalTo("summary"))
                .body("errors[0].message", equalTo("holds a lone surrogate (half a character)"));
    }

    @Test
    void aBodyWithoutContentTypeIs415() throws Exception {
        HttpResponse<String> none = postBytes(null, referral("山田 一郎").getBytes(StandardCharsets.UTF_8));
        assertEquals(415, none.statusCode(), none.body());
        assertTrue(none.body().contains("Content-Type: application/json"), none.body());
        HttpResponse<String> text = postBytes("text/plain", referral("山田 一郎").getBytes(StandardCharsets.UTF_8));
        assertEquals(415, text.statusCode(), text.body());
        assertTrue(text.body().contains("\"type\":\"/problems/media-type\""), text.body());
    }

    @Test
    void aKeyGivenTwiceOrDataAfterTheBodyIsMalformed() {
        post(agency(AGENCY, KURUME), UUID.randomUUID().toString(),
                referral("山田 一郎").replace("\"urgency\":\"ROUTINE\"", "\"urgency\":\"ROUTINE\",\"urgency\":\"EMERGENCY\""))
                .then().statusCode(400).body("type", equalTo("/problems/malformed-json"))
                .body("detail", containsString("twice"));
        post(agency(AGENCY, KURUME), UUID.randomUUID().toString(), referral("山田 一郎") + "{\"channel\":\"PHONE\"}")
                .then().statusCode(400).body("type", equalTo("/problems/malformed-json"))
                .body("detail", equalTo("something follows the end of the JSON body"));
    }

    @Test
    void anEmptyBirthDateWithoutAgeAndTextForANumberOrAFlagAreNamed() {
        post(agency(AGENCY, KURUME), UUID.randomUUID().toString(),
                referral("山田 一郎").replace("\"1975-02-03\"", "\"\"")).then().statusCode(400)
                .body("errors.field", equalTo(List.of("person.age")));
        post(agency(AGENCY, KURUME), UUID.randomUUID().toString(), referral("山田 一郎")
                .replace("\"birthDate\":\"1975-02-03\"", "\"age\":\"70\"")
                .replace("\"urgency\":\"ROUTINE\"", "\"urgency\":\"ROUTINE\",\"hardToReach\":\"true\""))
                .then().statusCode(400)
                .body("errors.field", equalTo(List.of("person.age", "hardToReach")))
                .body("errors[0].message", equalTo("must be a JSON number, not text (no quotes)"));
    }

    @ParameterizedTest(name = "U+{0} in the name")
    @CsvSource({"202E", "202A", "2066", "2069", "200B", "200D", "2060", "FEFF", "2028", "2029"})
    void invisibleFormattingIsRefusedInNamesAndKeptInNotes(String codePoint) {
        String c = Character.toString(Integer.parseInt(codePoint, 16));
        post(agency(AGENCY, KURUME), UUID.randomUUID().toString(), referral("山田" + c + "一郎")).then()
                .statusCode(400).body("errors.field", equalTo(List.of("person.name")));
        post(agency(AGENCY, KURUME), UUID.randomUUID().toString(),
                referral("山田 一郎").replace("カナリアハナコ", "カナリア" + c + "ハナコ")).then()
                .statusCode(400).body("errors.field", equalTo(List.of("person.nameKana")));
        post(agency(AGENCY, KURUME), UUID.randomUUID().toString(),
                referral("山田 一郎").replace("本人は", "本人は" + c)).then().statusCode(201);
        given().contentType("application/json").header("Authorization", bearer(role("coordinator", KURUME)))
                .body("{\"nameKana\":\"カナリア" + c + "ハナコ\"}").post("/cases/search").then().statusCode(400)
                .body("errors.field", equalTo(List.of("nameKana")));
    }

    @ParameterizedTest(name = "{0}?{1}")
    @CsvSource({
            "/referrals, limit=abc, limit",
            "/referrals, limit=2147483648, limit",
            "/referrals, limit=0, limit",
            "/cases, limit=abc, limit",
            "/cases, limit=2147483648, limit",
            "/cases, overdue=maybe, overdue",
            "/cases, overdue=1, overdue"})
    void aBadQueryParameterIs400NamingIt(String path, String query, String parameter) {
        String token = path.equals("/cases") ? role("coordinator", KURUME) : agency(AGENCY, KURUME);
        given().header("Authorization", bearer(token)).header("Accept-Language", "ja")
                .get(path + "?" + query).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/validation"))
                .body("errors.field", equalTo(List.of(parameter)));
    }
}
