package jp.tsunagu.reporting;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jp.tsunagu.contract.Topics;
import jp.tsunagu.contract.codes.AgeBand;
import jp.tsunagu.contract.codes.Channel;
import jp.tsunagu.contract.codes.Concern;
import jp.tsunagu.contract.codes.Consent;
import jp.tsunagu.contract.codes.Urgency;
import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.IntakeEvent;
import jp.tsunagu.contract.events.SealedData;
import jp.tsunagu.contract.events.TsunaguEvent;
import jp.tsunagu.testing.TopicProbe;
import jp.tsunagu.testing.TsunaguTestResources;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static jp.tsunagu.testing.Tokens.KURUME;
import static jp.tsunagu.testing.Tokens.bearer;
import static jp.tsunagu.testing.Tokens.role;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A referral a coordinator joined to the person's first case: in that case's history, not a 相談 of its own. */
@QuarkusTest
@QuarkusTestResource(TsunaguTestResources.class)
class DuplicateFiguresTest {

    static final String COORDINATOR = bearer(role("coordinator", KURUME));
    /** a fiscal year no other test of the module uses (平成24年度; counted from what is there before, all the same) */
    static final LocalDate RECEIVED = LocalDate.of(2012, 6, 1);

    @Test
    void aConfirmedDuplicateJoinsTheFirstCasesHistoryAndIsNotCountedAgain() {
        int before = referrals();
        String first = referral(RECEIVED);
        String second = referral(RECEIVED.plusDays(3));
        await().atMost(Duration.ofSeconds(30)).until(() -> referrals() == before + 2);

        String confirmed = second + "/duplicate/f";
        TopicProbe.publish(Topics.INTAKE, new EventEnvelope<TsunaguEvent>(confirmed, "/tsunagu/intake-service",
                Instant.now(), RECEIVED.plusDays(5), null, new IntakeEvent.DuplicateConfirmed(second, "H24-000002",
                KURUME, first, "H24-000001", RECEIVED.plusDays(5))));
        await().atMost(Duration.ofSeconds(30)).until(() -> referrals() == before + 1);

        List<String> joined = given().header("Authorization", COORDINATOR).get("/cases/" + first + "/history")
                .then().statusCode(200).extract().path("summary");
        assertEquals(2, joined.size(), joined.toString());
        assertEquals("同一人物の相談（受付番号 H24-000002）をこの案件に統合", joined.get(1));
        List<String> closed = given().header("Authorization", COORDINATOR).get("/cases/" + second + "/history")
                .then().statusCode(200).extract().path("summary");
        assertTrue(closed.getLast().startsWith("同一人物の案件（受付番号 H24-000001）に統合"), closed.toString());
    }

    private static int referrals() {
        return given().header("Authorization", COORDINATOR).get("/reports/cases?fiscalYear=2012").then()
                .statusCode(200).extract().<Integer>path("year.referrals");
    }

    private static String referral(LocalDate on) {
        String caseId = "h24-" + UUID.randomUUID();
        TopicProbe.publish(Topics.INTAKE, new EventEnvelope<TsunaguEvent>(caseId + "/referral-received",
                "/tsunagu/intake-service", Instant.now(), on, null, new IntakeEvent.ReferralReceived(caseId, null,
                KURUME, null, Channel.PHONE, on, "荒木", AgeBand.AGE_40_49, List.of(), List.of(Concern.ISOLATION),
                Consent.GIVEN, Urgency.ROUTINE, false, new SealedData("A256GCM", "case/" + caseId + "/1", "bm9uY2U=",
                "Y2lwaGVy"))));
        return caseId;
    }
}
