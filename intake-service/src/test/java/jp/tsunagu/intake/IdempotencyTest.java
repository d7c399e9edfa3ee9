package jp.tsunagu.intake;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jp.tsunagu.contract.Topics;
import jp.tsunagu.testing.TopicProbe;
import jp.tsunagu.testing.TsunaguTestResources;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static jp.tsunagu.intake.IntakeApiTest.AGENCY;
import static jp.tsunagu.intake.IntakeApiTest.post;
import static jp.tsunagu.intake.IntakeApiTest.referral;
import static jp.tsunagu.testing.Tokens.KURUME;
import static jp.tsunagu.testing.Tokens.agency;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Idempotency-Key semantics (docs/api.md), on the real broker and database. */
@QuarkusTest
@QuarkusTestResource(TsunaguTestResources.class)
class IdempotencyTest {

    @Test
    void theSameKeyAndBodyReturnTheSameCaseWith200() {
        String key = UUID.randomUUID().toString();
        String token = agency(AGENCY, KURUME);
        String first = post(token, key, referral("重複")).then().statusCode(201).extract().path("caseId");
        post(token, key, referral("重複")).then().statusCode(200)
                .header("Location", containsString(first))
                .body("caseId", equalTo(first));
        assertEquals(1, eventsFor(first), "a repeat must not write a second event");
    }

    @Test
    void theSameKeyWithADifferentBodyIs422() {
        String key = UUID.randomUUID().toString();
        String token = agency(AGENCY, KURUME);
        post(token, key, referral("一人目")).then().statusCode(201);
        post(token, key, referral("二人目")).then().statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("different body"));
    }

    @Test
    void aMissingOrMalformedKeyIs400() {
        post(agency(AGENCY, KURUME), null, referral("鍵なし")).then().statusCode(400)
                .body("type", equalTo("/problems/idempotency-key-missing"));
        post(agency(AGENCY, KURUME), "", referral("鍵なし")).then().statusCode(400);
        post(agency(AGENCY, KURUME), "x".repeat(256), referral("鍵なし")).then().statusCode(400)
                .body("type", equalTo("/problems/idempotency-key-invalid"));
    }

    @Test
    void keysAreScopedToTheAgency() {
        String key = UUID.randomUUID().toString();
        String a = post(agency(AGENCY, KURUME), key, referral("同じ鍵")).then().statusCode(201).extract().path("caseId");
        String b = post(agency("kurume-kikan-01", KURUME), key, referral("同じ鍵")).then().statusCode(201)
                .extract().path("caseId");
        assertNotEquals(a, b);
    }

    @Test
    void fiftyConcurrentIdenticalRequestsMakeExactlyOneCase() throws Exception {
        String key = UUID.randomUUID().toString();
        String token = agency(AGENCY, KURUME);
        String body = referral("同時");
        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            calls.add(() -> post(token, key, body));
        }
        List<Response> responses = new ArrayList<>();
        for (Future<Response> f : pool.invokeAll(calls)) {
            responses.add(f.get());
        }
        pool.shutdown();

        long created = responses.stream().filter(r -> r.statusCode() == 201).count();
        long repeated = responses.stream().filter(r -> r.statusCode() == 200).count();
        assertEquals(1, created, "exactly one 201");
        assertEquals(49, repeated, "every other request gets the original result");
        String caseId = responses.get(0).path("caseId");
        responses.forEach(r -> assertEquals(caseId, r.path("caseId")));
        assertEquals(1, eventsFor(caseId), "exactly one event in the log");
    }

    static long eventsFor(String caseId) {
        return TopicProbe.readAll(Topics.INTAKE).stream()
                .filter(r -> caseId.equals(r.key()))
                .filter(r -> new String(r.headers().lastHeader("ce_type").value()).contains("referral-received"))
                .count();
    }
}
