package jp.tsunagu.intake;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jp.tsunagu.contract.Topics;
import jp.tsunagu.contract.codes.Field;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.PlanType;
import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.IntakeEvent;
import jp.tsunagu.contract.events.MeetingEvent;
import jp.tsunagu.contract.events.PlanningEvent;
import jp.tsunagu.contract.events.Reason;
import jp.tsunagu.contract.events.RoutingEvent;
import jp.tsunagu.contract.events.TsunaguEvent;
import jp.tsunagu.testing.TopicProbe;
import jp.tsunagu.testing.TsunaguTestResources;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GET /referrals/{caseId} follows the events of every stage topic, written to the real broker as their owning
 * services will write them.
 */
@QuarkusTest
@QuarkusTestResource(TsunaguTestResources.class)
class ClosedLoopStatusTest {

    static final String ASSIGNED = "kurume-kikan-02";

    @Test
    void theReferrerFollowsTheCaseThroughEveryStage() {
        String referrer = agency(AGENCY, KURUME);
        String caseId = newCase(referrer);

        publish(Topics.ROUTING, new RoutingEvent.CaseRouted(caseId, KURUME, ASSIGNED, List.of(Field.DISABILITY),
                List.of(new Reason("R1", "障害分野のみ", "disability only")), "rules-1", "dir-1"));
        awaitStatus(referrer, caseId, "ROUTED").body("agencyId", equalTo(ASSIGNED));
        // the agency the case is routed to may now read it
        given().header("Authorization", bearer(agency(ASSIGNED, KURUME))).get("/referrals/" + caseId)
                .then().statusCode(200);

        publish(Topics.ROUTING, new RoutingEvent.RoutingAccepted(caseId, KURUME, ASSIGNED));
        awaitStatus(referrer, caseId, "ACCEPTED");

        publish(Topics.ROUTING, new RoutingEvent.CaseEscalatedV1(caseId, KURUME, MeetingType.JUUSOU_SHIEN_KAIGI, false,
                List.of(Field.DISABILITY, Field.ELDERLY), List.of(), "rules-1", "dir-1").current());
        awaitStatus(referrer, caseId, "ESCALATED").body("agencyId", nullValue());

        publish(Topics.MEETINGS, new MeetingEvent.CaseQueued(caseId, KURUME, "m-1", MeetingType.JUUSOU_SHIEN_KAIGI));
        awaitStatus(referrer, caseId, "IN_MEETING");

        publish(Topics.PLANS, new PlanningEvent.PlanCreated("p-1", caseId, KURUME, PlanType.MULTI_AGENCY,
                LocalDate.of(2024, 6, 26), List.of(), LocalDate.of(2024, 9, 25), "m-1"));
        awaitStatus(referrer, caseId, "PLAN_ACTIVE");

        publish(Topics.PLANS, new PlanningEvent.PlanClosed("p-1", caseId, KURUME, PlanType.MULTI_AGENCY,
                LocalDate.of(2025, 3, 26)));
        awaitStatus(referrer, caseId, "CLOSED")
                .body("history.status", hasItem("ROUTED"))
                .body("history.status", hasItem("PLAN_ACTIVE"));
    }

    @Test
    void closingOnePlanWhileAnotherRunsKeepsTheCaseActive() {
        String referrer = agency(AGENCY, KURUME);
        String caseId = newCase(referrer);
        for (String plan : List.of("p-a", "p-b")) {
            publish(Topics.PLANS, new PlanningEvent.PlanCreated(plan + caseId, caseId, KURUME, PlanType.OUTREACH,
                    LocalDate.of(2024, 6, 1), List.of(), null, null));
        }
        awaitStatus(referrer, caseId, "PLAN_ACTIVE");
        publish(Topics.PLANS, new PlanningEvent.PlanClosed("p-a" + caseId, caseId, KURUME, PlanType.OUTREACH,
                LocalDate.of(2024, 9, 1)));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().header("Authorization", bearer(referrer))
                .get("/referrals/" + caseId).<List<String>>path("history.eventType").stream()
                .filter(t -> t.contains("plan-closed")).count() == 1);
        given().header("Authorization", bearer(referrer)).get("/referrals/" + caseId).then()
                .body("status", equalTo("PLAN_ACTIVE"));
        publish(Topics.PLANS, new PlanningEvent.PlanClosed("p-b" + caseId, caseId, KURUME, PlanType.OUTREACH,
                LocalDate.of(2024, 10, 1)));
        awaitStatus(referrer, caseId, "CLOSED");
    }

    @Test
    void aShienKaigiClosingACaseWhosePlanRunsLeavesItPlanActive() {
        String referrer = agency(AGENCY, KURUME);
        String caseId = newCase(referrer);
        publish(Topics.PLANS, new PlanningEvent.PlanCreated("p-s" + caseId, caseId, KURUME, PlanType.MULTI_AGENCY,
                LocalDate.of(2024, 6, 1), List.of(), null, "m-0"));
        awaitStatus(referrer, caseId, "PLAN_ACTIVE");
        // only a 重層的支援会議 changes plans: the 支援会議's CLOSE leaves the plan running, and the case with it
        publish(Topics.MEETINGS, new MeetingEvent.CaseReviewed(caseId, KURUME, "m-s", MeetingType.SHIEN_KAIGI,
                LocalDate.of(2024, 7, 1), jp.tsunagu.contract.codes.ReviewOutcome.CLOSE, null, List.of(), false, null));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().header("Authorization", bearer(referrer))
                .get("/referrals/" + caseId).<List<String>>path("history.eventType").stream()
                .anyMatch(t -> t.contains("case-reviewed")));
        given().header("Authorization", bearer(referrer)).get("/referrals/" + caseId).then()
                .body("status", equalTo("PLAN_ACTIVE"));
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        String referrer = agency(AGENCY, KURUME);
        String caseId = newCase(referrer);
        var routed = envelope(new RoutingEvent.CaseRouted(caseId, KURUME, ASSIGNED, List.of(Field.ELDERLY), List.of(),
                "rules-1", "dir-1"));
        TopicProbe.publish(Topics.ROUTING, routed);
        TopicProbe.publish(Topics.ROUTING, routed);
        awaitStatus(referrer, caseId, "ROUTED");
        publish(Topics.ROUTING, new RoutingEvent.RoutingAccepted(caseId, KURUME, ASSIGNED));
        List<String> steps = awaitStatus(referrer, caseId, "ACCEPTED").extract().path("history.eventType");
        assertEquals(1, steps.stream().filter(t -> t.contains("case-routed")).count());
    }

    @Test
    void consentLaterIsAnEventAndALineOfHistory() {
        String referrer = agency(AGENCY, KURUME);
        String caseId = newCase(referrer);
        given().header("Authorization", bearer(referrer)).header("Idempotency-Key", "consent-1")
                .contentType("application/json").body("{\"consent\":\"GIVEN\",\"recordedOn\":\"2024-06-01\"}")
                .post("/referrals/" + caseId + "/consent").then().statusCode(201)
                .body("consent", equalTo("GIVEN"));
        given().header("Authorization", bearer(referrer)).header("Idempotency-Key", "consent-1")
                .contentType("application/json").body("{\"consent\":\"GIVEN\",\"recordedOn\":\"2024-06-01\"}")
                .post("/referrals/" + caseId + "/consent").then().statusCode(200);
        given().header("Authorization", bearer(referrer)).contentType("application/json")
                .body("{\"consent\":\"PERHAPS\"}")
                .post("/referrals/" + caseId + "/consent").then().statusCode(400)
                .body("errors.field", hasItem("consent"));
        // the case was received on 2024-05-14: consent cannot have been recorded before it, nor after today
        given().header("Authorization", bearer(referrer)).contentType("application/json")
                .body("{\"consent\":\"GIVEN\",\"recordedOn\":\"2024-05-13\"}")
                .post("/referrals/" + caseId + "/consent").then().statusCode(400)
                .body("errors[0].field", equalTo("recordedOn"))
                .body("errors[0].message", equalTo("must not be before the case was received (2024-05-14)"));
        given().header("Authorization", bearer(referrer)).contentType("application/json")
                .body("{\"consent\":\"GIVEN\",\"recordedOn\":\"2099-01-01\"}")
                .post("/referrals/" + caseId + "/consent").then().statusCode(400)
                .body("errors[0].field", equalTo("recordedOn"));
        var record = TopicProbe.await(Topics.INTAKE, r -> caseId.equals(r.key())
                && new String(r.headers().lastHeader("ce_type").value()).contains("consent-recorded"),
                Duration.ofSeconds(20));
        assertEquals(LocalDate.of(2024, 6, 1), TopicProbe.decode(record).businessDate());
        given().header("Authorization", bearer(referrer)).get("/referrals/" + caseId).then()
                .body("history.detail", hasItem("本人同意の記録: 同意あり"));
    }

    @Test
    void erasureDestroysTheKeyAndIsItselfAnEvent() {
        String referrer = agency(AGENCY, KURUME);
        String key = UUID.randomUUID().toString();
        String caseId = post(referrer, key, referral("経過")).then().statusCode(201).extract().path("caseId");
        given().header("Authorization", bearer(role("coordinator", KURUME))).delete("/persons/" + caseId)
                .then().statusCode(204);
        // the same referral repeated under its key is not answered again (nor given a fresh data key)
        post(referrer, key, referral("経過")).then().statusCode(409).body("type", equalTo("/problems/person-erased"));
        given().header("Authorization", bearer(role("coordinator", KURUME))).delete("/persons/" + caseId)
                .then().statusCode(204);
        var erased = TopicProbe.readAll(Topics.INTAKE).stream().filter(r -> caseId.equals(r.key()))
                .map(TopicProbe::decode).map(EventEnvelope::data)
                .filter(e -> e instanceof IntakeEvent.PersonErased).count();
        assertEquals(1, erased, "one erasure event, however often it is asked for");
        given().header("Authorization", bearer(referrer)).get("/referrals/" + caseId).then().statusCode(200)
                .body("status", equalTo("RECEIVED"))
                .body("history.detail", hasItem("本人の情報を消去"));
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndLaterEventsStillApply() {
        String referrer = agency(AGENCY, KURUME);
        String caseId = newCase(referrer);
        String poisonKey = "poison-" + UUID.randomUUID();
        ProducerRecord<String, byte[]> poison = new ProducerRecord<>(Topics.ROUTING, poisonKey,
                "{not an event".getBytes(StandardCharsets.UTF_8));
        poison.headers().add("ce_type", "jp.tsunagu.routing.case-routed.v1".getBytes(StandardCharsets.UTF_8));
        poison.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        TopicProbe.send(poison);
        publish(Topics.ROUTING, new RoutingEvent.CaseRouted(caseId, KURUME, ASSIGNED, List.of(Field.CHILD), List.of(),
                "rules-1", "dir-1"));
        awaitStatus(referrer, caseId, "ROUTED");
        var dead = TopicProbe.await(Topics.DEAD_LETTER, r -> poisonKey.equals(r.key()), Duration.ofSeconds(30));
        String reason = new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
        assertTrue(reason.contains("does not match"), reason);
    }

    static String newCase(String token) {
        return post(token, UUID.randomUUID().toString(), referral("経過")).then().statusCode(201)
                .extract().path("caseId");
    }

    static void publish(String topic, TsunaguEvent event) {
        TopicProbe.publish(topic, envelope(event));
    }

    static <E extends TsunaguEvent> EventEnvelope<E> envelope(E event) {
        return new EventEnvelope<>(UUID.randomUUID().toString(), "/tsunagu/test", Instant.now(),
                LocalDate.of(2024, 6, 1), null, event);
    }

    static ValidatableResponse awaitStatus(String token, String caseId, String status) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                status.equals(given().header("Authorization", bearer(token)).get("/referrals/" + caseId)
                        .path("status")));
        return given().header("Authorization", bearer(token)).get("/referrals/" + caseId).then().statusCode(200);
    }
}
