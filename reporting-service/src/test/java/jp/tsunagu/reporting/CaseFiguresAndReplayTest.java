package jp.tsunagu.reporting;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jp.tsunagu.contract.Topics;
import jp.tsunagu.contract.codes.AgeBand;
import jp.tsunagu.contract.codes.Channel;
import jp.tsunagu.contract.codes.Concern;
import jp.tsunagu.contract.codes.Consent;
import jp.tsunagu.contract.codes.Field;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.PlanType;
import jp.tsunagu.contract.codes.ReviewOutcome;
import jp.tsunagu.contract.codes.Urgency;
import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.IntakeEvent;
import jp.tsunagu.contract.events.MeetingEvent;
import jp.tsunagu.contract.events.PlanningEvent;
import jp.tsunagu.contract.events.RoutingEvent;
import jp.tsunagu.contract.events.SealedData;
import jp.tsunagu.contract.events.TsunaguEvent;
import jp.tsunagu.testing.TopicProbe;
import jp.tsunagu.testing.TsunaguTestResources;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static io.restassured.RestAssured.given;
import static jp.tsunagu.testing.Tokens.KURUME;
import static jp.tsunagu.testing.Tokens.NAGAREYAMA;
import static jp.tsunagu.testing.Tokens.agency;
import static jp.tsunagu.testing.Tokens.bearer;
import static jp.tsunagu.testing.Tokens.role;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The referral, routing and timing figures, their suppressed portal version, and the replay that rebuilds them all
 * from offset 0 and finds them equal — on the real broker and database. FY2020 (R2) of 流山市 is this test's own.
 */
@QuarkusTest
@QuarkusTestResource(TsunaguTestResources.class)
class CaseFiguresAndReplayTest {

    static final LocalDate APRIL = LocalDate.of(2020, 4, 10);

    @Test
    void figuresFromEventsThenTheReplayRebuildsThemEqual() {
        // twelve referrals: eleven by an agency, one by phone; each routed two days later, one escalated
        for (int i = 0; i < 12; i++) {
            String caseId = "r2-" + UUID.randomUUID();
            LocalDate received = APRIL.plusDays(i);
            String referral = caseId + "/referral-received";
            publish(Topics.INTAKE, referral, null, received, new IntakeEvent.ReferralReceived(caseId, null, NAGAREYAMA,
                    null, i == 0 ? Channel.PHONE : Channel.AGENCY, received, "中部", AgeBand.AGE_40_49, List.of(),
                    List.of(Concern.HIKIKOMORI, Concern.EIGHTY_FIFTY), Consent.GIVEN, Urgency.ROUTINE, false,
                    new SealedData("A256GCM", "case/" + caseId + "/1", "bm9uY2U=", "Y2lwaGVy")));
            if (i == 11) {
                publish(Topics.ROUTING, caseId + "/r", referral, received.plusDays(2), new RoutingEvent.CaseEscalatedV1(
                        caseId, NAGAREYAMA, MeetingType.JUUSOU_SHIEN_KAIGI, false, List.of(Field.ELDERLY,
                        Field.POVERTY), List.of(), "r", "d").current());
                String meetingId = "m-r2-" + UUID.randomUUID();
                publish(Topics.MEETINGS, meetingId + "/minutes", null, received.plusDays(10),
                        new MeetingEvent.MinutesRecorded(meetingId, NAGAREYAMA, MeetingType.JUUSOU_SHIEN_KAIGI,
                                received.plusDays(10), List.of(), 1));
                publish(Topics.MEETINGS, meetingId + "/" + caseId, null, received.plusDays(10),
                        new MeetingEvent.CaseReviewed(caseId, NAGAREYAMA, meetingId, MeetingType.JUUSOU_SHIEN_KAIGI,
                                received.plusDays(10), ReviewOutcome.PLAN, PlanType.MULTI_AGENCY, List.of(), false, null));
                publish(Topics.PLANS, "p-" + caseId, null, received.plusDays(20), new PlanningEvent.PlanCreated(
                        "p-" + caseId, caseId, NAGAREYAMA, PlanType.MULTI_AGENCY, received.plusDays(20), List.of(),
                        null, meetingId));
                // routing died after Kafka acknowledged its decision, and published it again: same id, later time.
                // The live consumer skips the copy; the replay reads it and must keep the case's stage as it is.
                publish(Topics.ROUTING, caseId + "/r", referral, received.plusDays(2), new RoutingEvent.CaseEscalatedV1(
                        caseId, NAGAREYAMA, MeetingType.JUUSOU_SHIEN_KAIGI, false, List.of(Field.ELDERLY,
                        Field.POVERTY), List.of(), "r", "d").current());
            } else {
                publish(Topics.ROUTING, caseId + "/r", referral, received.plusDays(2), new RoutingEvent.CaseRouted(
                        caseId, NAGAREYAMA, "nagareyama-houkatsu", List.of(Field.ELDERLY), List.of(), "r", "d"));
            }
        }

        String coordinator = bearer(role("coordinator", NAGAREYAMA));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().header("Authorization", coordinator)
                .get("/reports/cases?fiscalYear=R2").<Integer>path("year.referrals") == 12
                && given().header("Authorization", coordinator).get("/reports/cases?fiscalYear=R2")
                .<Integer>path("year.byField.POVERTY") != null
                && given().header("Authorization", coordinator).get("/reports/cases?fiscalYear=R2")
                .<Float>path("year.medianDays.toFirstPlan.days") != null);
        given().header("Authorization", coordinator).get("/reports/cases?fiscalYear=R2").then().statusCode(200)
                .body("municipality", equalTo(NAGAREYAMA))
                .body("year.label", equalTo("令和2年度")).body("year.code", equalTo("R2"))
                .body("year.byChannel.AGENCY", equalTo(11))
                .body("year.byChannel.PHONE", equalTo(1))
                .body("year.byConcern.HIKIKOMORI", equalTo(12))
                .body("year.byField.ELDERLY", equalTo(12))
                .body("year.byField.POVERTY", equalTo(1))
                .body("year.routingByAgency.nagareyama-houkatsu.ROUTED", equalTo(11))
                .body("year.routingByAgency.多機関協働事業.ESCALATED", equalTo(1))
                .body("year.medianDays.toRouting.days", equalTo(2.0f))
                .body("year.medianDays.toRouting.cases", equalTo(12))
                .body("year.medianDays.toFirstMeeting.days", equalTo(10.0f))
                .body("year.medianDays.toFirstPlan.days", equalTo(20.0f))
                // stages count every case of the municipality, other tests' too: what each case is counted as is
                // StageAgreesWithIntakeTest's, case by case
                .body("stages.open", greaterThanOrEqualTo(12));

        // the portal's copy: 1 (phone) is suppressed, and 11 with it, or 12 − 11 would give it away
        given().header("Authorization", bearer(role("portal", NAGAREYAMA))).get("/reports/portal?fiscalYear=R2")
                .then().statusCode(200)
                .body("suppressionMark", equalTo("*"))
                .body("year.referrals", equalTo("12"))
                .body("year.byChannel.PHONE", equalTo("*"))
                .body("year.byChannel.AGENCY", equalTo("*"))
                .body("year.byConcern.HIKIKOMORI", equalTo("12"))
                .body("year.meetings.JUUSOU_SHIEN_KAIGI.held", equalTo("1"))
                .body("year.meetings.JUUSOU_SHIEN_KAIGI.casesHandled", equalTo("*"))
                .body("year.medianDays.toFirstMeeting", equalTo(null))
                .body("year.medianDays.toRouting", equalTo(2.0f));
        given().header("Authorization", bearer(role("portal", NAGAREYAMA))).get("/reports/cases?fiscalYear=R2")
                .then().statusCode(403);
        given().header("Authorization", bearer(agency("nagareyama-houkatsu", NAGAREYAMA)))
                .get("/reports/portal").then().statusCode(403);

        // replay from offset 0 into fresh tables: the same figures
        String analyst = bearer(role("analyst", NAGAREYAMA));
        String replayId = given().header("Authorization", analyst).contentType("application/json").body("{}")
                .post("/replays").then().statusCode(202).body("status", notNullValue())
                .extract().path("replayId");
        ValidatableResponse done = awaitReplay(analyst, replayId);
        done.body("figuresEqual", equalTo(true))
                .body("logSettled", equalTo(true))
                .body("differences.size()", equalTo(0))
                .body("eventsTotal", greaterThanOrEqualTo(27))
                .body("schema", equalTo("reporting_replay_" + NAGAREYAMA));
        long total = done.extract().<Number>path("eventsTotal").longValue();
        assertEquals(total, done.extract().<Number>path("eventsDone").longValue(), "every event read");

        // under other definitions: the figures as they would be, the live table untouched
        String other = given().header("Authorization", analyst).contentType("application/json")
                .body(Map.of("casesHandled", "DISTINCT_CASES", "made", "CREATED_ONLY"))
                .post("/replays").then().statusCode(202).extract().path("replayId");
        awaitReplay(analyst, other).body("figuresEqual", equalTo(true))
                .body("definitions.casesHandled", equalTo("DISTINCT_CASES"))
                .body("figuresUnderDefinitions.R2.table.meetings.JUUSOU_SHIEN_KAIGI.casesHandled", equalTo(1))
                .body("figuresUnderDefinitions.R2.table.plans.MULTI_AGENCY.made", equalTo(1));
        given().header("Authorization", coordinator).get("/reports/fiscal-years?from=R2&to=R2").then()
                .body("years[0].plans.MULTI_AGENCY.made", equalTo(1));
        given().header("Authorization", bearer(agency("nagareyama-houkatsu", NAGAREYAMA))).contentType("application/json")
                .body("{}").post("/replays").then().statusCode(403);
        given().header("Authorization", analyst).get("/replays/no-such-replay").then().statusCode(404);

        // another municipality's analyst neither lists nor reads them
        String kurumeAnalyst = bearer(role("analyst", KURUME));
        given().header("Authorization", kurumeAnalyst).get("/replays/" + replayId).then().statusCode(404);
        given().header("Authorization", kurumeAnalyst).get("/replays").then().statusCode(200)
                .body("replayId", not(hasItem(replayId)));
        given().header("Authorization", analyst).get("/replays").then().statusCode(200)
                .body("replayId", hasItem(replayId));
    }

    /**
     * Two cities' analysts replay at the same time: neither waits for the other, and each sees its own city's events
     * counted, never the size of the shared log nor the other city's share of it.
     */
    @Test
    void eachCityReplaysItsOwnEventsWithoutWaitingForOrSeeingTheOther() {
        // each city has events of its own in the log, whichever test ran before (FY2015 is this test's own)
        for (String city : List.of(KURUME, KURUME, KURUME, NAGAREYAMA)) {
            referral(city, "fy2015-" + UUID.randomUUID(), LocalDate.of(2015, 6, 1));
        }
        String nagareyama = bearer(role("analyst", NAGAREYAMA));
        String kurume = bearer(role("analyst", KURUME));
        String theirs = given().header("Authorization", nagareyama).contentType("application/json").body("{}")
                .post("/replays").then().statusCode(202).extract().path("replayId");
        String ours = given().header("Authorization", kurume).contentType("application/json").body("{}")
                .post("/replays").then().statusCode(202).extract().path("replayId");

        ValidatableResponse nagareyamaDone = awaitReplay(nagareyama, theirs).body("figuresEqual", equalTo(true))
                .body("schema", equalTo("reporting_replay_" + NAGAREYAMA)).body("logReadPercent", equalTo(100));
        ValidatableResponse kurumeDone = awaitReplay(kurume, ours).body("figuresEqual", equalTo(true))
                .body("schema", equalTo("reporting_replay_" + KURUME));
        // nothing is published meanwhile: the log holds what both replays read
        Map<String, Long> inLog = new java.util.HashMap<>();
        for (String topic : List.of(Topics.INTAKE, Topics.ROUTING, Topics.MEETINGS, Topics.PLANS)) {
            for (var record : TopicProbe.readAll(topic)) {
                try {
                    inLog.merge(TopicProbe.decode(record).data().municipality(), 1L, Long::sum);
                } catch (RuntimeException unreadable) {
                    // skipped by the replays too
                }
            }
        }
        assertEquals(inLog.get(NAGAREYAMA), nagareyamaDone.extract().<Number>path("eventsTotal").longValue(),
                "流山市's own events, not the log's " + inLog);
        assertEquals(inLog.get(KURUME), kurumeDone.extract().<Number>path("eventsTotal").longValue(),
                "久留米市's own events");
        assertEquals(inLog.get(KURUME), kurumeDone.extract().<Number>path("eventsDone").longValue());
        given().header("Authorization", kurume).get("/replays/" + theirs).then().statusCode(404);
    }

    /**
     * A replay run while events still arrive says that the live figures were moving (a difference may be events in
     * flight, not a fault); one run once the system is quiet is settled.
     */
    @Test
    void aReplayWhileEventsStillArriveSaysTheLiveFiguresWereMoving() throws InterruptedException {
        String kurume = bearer(role("analyst", KURUME));
        AtomicBoolean replaying = new AtomicBoolean(true);
        AtomicReference<RuntimeException> failed = new AtomicReference<>();
        Thread referrals = Thread.ofPlatform().start(() -> {
            try {
                while (replaying.get()) {
                    referral(KURUME, "fy2013-" + UUID.randomUUID(), LocalDate.of(2013, 6, 1)); // FY2013: no other test's
                    Thread.sleep(50);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                failed.set(e); // said below: the replay's answer alone would not tell why
            }
        });
        try {
            String moving = given().header("Authorization", kurume).contentType("application/json").body("{}")
                    .post("/replays").then().statusCode(202).extract().path("replayId");
            awaitReplay(kurume, moving).body("logSettled", equalTo(false));
        } finally {
            replaying.set(false);
            referrals.join();
            if (failed.get() != null) {
                throw new AssertionError("the referrals meanwhile could not be published", failed.get());
            }
        }
        String quiet = given().header("Authorization", kurume).contentType("application/json").body("{}")
                .post("/replays").then().statusCode(202).extract().path("replayId");
        awaitReplay(kurume, quiet).body("logSettled", equalTo(true)).body("figuresEqual", equalTo(true));
    }

    static ValidatableResponse awaitReplay(String token, String replayId) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
            String status = given().header("Authorization", token).get("/replays/" + replayId).path("status");
            return "DONE".equals(status) || "FAILED".equals(status);
        });
        return given().header("Authorization", token).get("/replays/" + replayId).then().statusCode(200)
                .body("status", equalTo("DONE"));
    }

    private static void referral(String city, String caseId, LocalDate on) {
        publish(Topics.INTAKE, caseId + "/referral-received", null, on, new IntakeEvent.ReferralReceived(caseId, null,
                city, null, Channel.PHONE, on, "中部", AgeBand.AGE_65_74, List.of(), List.of(Concern.ISOLATION),
                Consent.GIVEN, Urgency.ROUTINE, false,
                new SealedData("A256GCM", "case/" + caseId + "/1", "bm9uY2U=", "Y2lwaGVy")));
    }

    private static void publish(String topic, String id, String cause, LocalDate on, TsunaguEvent event) {
        TopicProbe.publish(topic, new EventEnvelope<>(id, "/tsunagu/test", Instant.now(), on, cause, event));
    }
}
