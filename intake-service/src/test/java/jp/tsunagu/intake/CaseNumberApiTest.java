package jp.tsunagu.intake;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jp.tsunagu.contract.codes.CaseNumber;
import jp.tsunagu.contract.codes.FiscalYear;
import jp.tsunagu.intake.referral.CaseNumbers;
import jp.tsunagu.contract.Topics;
import jp.tsunagu.contract.events.IntakeEvent;
import jp.tsunagu.testing.TopicProbe;
import jp.tsunagu.testing.TsunaguTestResources;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static jp.tsunagu.intake.IntakeApiTest.AGENCY;
import static jp.tsunagu.intake.IntakeApiTest.coordinator;
import static jp.tsunagu.intake.IntakeApiTest.post;
import static jp.tsunagu.intake.IntakeApiTest.referral;
import static jp.tsunagu.testing.Tokens.KURUME;
import static jp.tsunagu.testing.Tokens.NAGAREYAMA;
import static jp.tsunagu.testing.Tokens.agency;
import static jp.tsunagu.testing.Tokens.bearer;
import static jp.tsunagu.testing.Tokens.role;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 受付番号: given when the referral is received, once per case, shown wherever the case is. */
@QuarkusTest
@QuarkusTestResource(TsunaguTestResources.class)
class CaseNumberApiTest {

    @Inject
    CaseNumbers numbers;

    @Test
    void aReferralGetsItsNumberInTheAnswerTheEventTheListsAndTheCaseList() {
        String token = agency(AGENCY, KURUME);
        String key = UUID.randomUUID().toString();
        Response created = post(token, key, referral("番号"));
        created.then().statusCode(201);
        String caseId = created.path("caseId");
        String number = created.path("caseNumber");
        // received 2024-05-14: fiscal year 2024 = 令和6年度
        assertTrue(number.matches("R6-\\d{6}"), number);
        post(token, key, referral("番号")).then().statusCode(200).body("caseNumber", equalTo(number));

        var record = TopicProbe.await(Topics.INTAKE, r -> caseId.equals(r.key()), Duration.ofSeconds(20));
        assertEquals(number, ((IntakeEvent.ReferralReceived) TopicProbe.decode(record).data()).caseNumber());

        given().header("Authorization", bearer(token)).get("/referrals/" + caseId).then().statusCode(200)
                .body("caseNumber", equalTo(number));
        given().header("Authorization", bearer(token)).get("/referrals?limit=200").then().statusCode(200)
                .body("items.find { it.caseId == '" + caseId + "' }.caseNumber", equalTo(number));
        given().header("Authorization", bearer(coordinator())).get("/cases?caseNumber=" + number).then()
                .statusCode(200).body("items", hasSize(1)).body("items[0].caseId", equalTo(caseId))
                .body("items[0].caseNumber", equalTo(number));
        // as copied from a Japanese document: full-width
        given().header("Authorization", bearer(coordinator())).queryParam("caseNumber", fullWidth(number))
                .get("/cases").then().statusCode(200).body("items[0].caseId", equalTo(caseId));
        // another city's coordinator does not find it by its number
        given().header("Authorization", bearer(role("coordinator", NAGAREYAMA))).get("/cases?caseNumber=" + number)
                .then().statusCode(200).body("items.caseId", org.hamcrest.Matchers.not(hasItem(caseId)));
        given().header("Authorization", bearer(coordinator())).contentType(ContentType.JSON)
                .body("{\"nameKana\":\"カナリアハナコ\"}").post("/cases/search").then().statusCode(200)
                .body("items.find { it.caseId == '" + caseId + "' }.caseNumber", equalTo(number));
    }

    @Test
    void aCaseNumberThatIsNoneIsABadRequestNamingIt() {
        given().header("Authorization", bearer(coordinator())).get("/cases?caseNumber=R6-12").then().statusCode(400)
                .body("errors[0].field", equalTo("caseNumber"));
    }

    @Test
    void numbersFollowTheFiscalYearOfTheReceivedDate() {
        String token = agency(AGENCY, KURUME);
        assertTrue(number(token, "2025-03-31").startsWith("R6-"));
        assertTrue(number(token, "2025-04-01").startsWith("R7-"));
    }

    @Test
    void fiftyConcurrentIdenticalRequestsGetOneNumberAndDifferentReferralsNeverShareOne() throws Exception {
        String token = agency(AGENCY, KURUME);
        String key = UUID.randomUUID().toString();
        String body = referral("同時番号");
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            calls.add(() -> post(token, key, body));
        }
        for (int i = 0; i < 20; i++) {
            calls.add(() -> post(token, UUID.randomUUID().toString(), referral("別々")));
        }
        ExecutorService pool = Executors.newFixedThreadPool(35);
        List<Response> answers = new ArrayList<>();
        for (Future<Response> f : pool.invokeAll(calls)) {
            answers.add(f.get());
        }
        pool.shutdown();

        List<Response> same = answers.subList(0, 50);
        same.forEach(r -> assertTrue(r.statusCode() == 200 || r.statusCode() == 201, r.asString()));
        Set<String> sameNumbers = new HashSet<>();
        same.forEach(r -> sameNumbers.add(r.path("caseNumber")));
        assertEquals(1, sameNumbers.size(), "one case, one number: " + sameNumbers);

        Set<String> numbers = new HashSet<>(sameNumbers);
        for (Response r : answers.subList(50, 70)) {
            assertEquals(201, r.statusCode(), r.asString());
            assertTrue(numbers.add(r.path("caseNumber")), "a number given twice: " + r.path("caseNumber"));
        }
        assertEquals(21, numbers.size());
    }

    /**
     * A number is drawn, and committed, before the referral's transaction, and kept by case id (which the
     * Idempotency-Key gives): the key reused with another body, or a repeat answered from the store, draws none, and
     * a retry of an attempt whose commit failed after its event was written gets the number the event carries.
     * Concurrent referrals of one city get distinct numbers, all after the ones given before them.
     */
    @Test
    void aCaseKeepsItsNumberAcrossRepeatsAndRetriesAndConcurrentReferralsGetLaterOnes() throws Exception {
        String token = agency(AGENCY, KURUME);
        String key = UUID.randomUUID().toString();
        String first = post(token, key, referral("欠番")).then().statusCode(201).extract().path("caseNumber");
        post(token, key, referral("欠番の別の本文")).then().statusCode(422);
        post(token, key, referral("欠番")).then().statusCode(200).body("caseNumber", equalTo(first));
        String next = number(token, "2024-05-14");
        assertEquals(sequence(first) + 1, sequence(next), "the repeats drew numbers of their own: " + next);

        // the first attempt drew and committed its number, then failed; its retry (same case id) draws no other
        FiscalYear year = FiscalYear.of(LocalDate.parse("2024-05-14"));
        String retried = "case-retried-" + UUID.randomUUID();
        CaseNumber drawn = numbers.forCase(retried, KURUME, year).await().indefinitely();
        assertEquals(drawn, numbers.forCase(retried, KURUME, year).await().indefinitely());
        CaseNumber other = numbers.forCase("case-other-" + UUID.randomUUID(), KURUME, year).await().indefinitely();
        assertEquals(drawn.sequence() + 1, other.sequence(), "another case was given the retried case's number");

        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            calls.add(() -> post(token, UUID.randomUUID().toString(), referral("同時")));
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        Set<Integer> numbers = new HashSet<>();
        for (Future<Response> f : pool.invokeAll(calls)) {
            Response r = f.get();
            assertEquals(201, r.statusCode(), r.asString());
            int n = sequence(r.path("caseNumber"));
            assertTrue(n > sequence(next), "a number not after the ones given before: " + n);
            assertTrue(numbers.add(n), "a number given twice: " + n);
        }
        pool.shutdown();
    }

    private static int sequence(String caseNumber) {
        return Integer.parseInt(caseNumber.substring(caseNumber.indexOf('-') + 1));
    }

    private static String number(String token, String receivedOn) {
        return post(token, UUID.randomUUID().toString(), referral("年度").replace("2024-05-14", receivedOn)).then()
                .statusCode(201).extract().path("caseNumber");
    }

    private static String fullWidth(String number) {
        StringBuilder sb = new StringBuilder();
        number.chars().forEach(c -> sb.append(c == '-' ? '－' : (char) (c + 0xFEE0)));
        return sb.toString();
    }
}
