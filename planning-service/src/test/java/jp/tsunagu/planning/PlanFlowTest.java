package jp.tsunagu.planning;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jp.tsunagu.contract.Topics;
import jp.tsunagu.contract.codes.AgeBand;
import jp.tsunagu.contract.codes.Channel;
import jp.tsunagu.contract.codes.Concern;
import jp.tsunagu.contract.codes.Consent;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.PlanType;
import jp.tsunagu.contract.codes.ReviewOutcome;
import jp.tsunagu.contract.codes.Urgency;
import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.IntakeEvent;
import jp.tsunagu.contract.events.MeetingEvent;
import jp.tsunagu.contract.events.PlanningEvent;
import jp.tsunagu.contract.events.Role;
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
import java.util.UUID;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static jp.tsunagu.testing.Tokens.KURUME;
import static jp.tsunagu.testing.Tokens.NAGAREYAMA;
import static jp.tsunagu.testing.Tokens.agency;
import static jp.tsunagu.testing.Tokens.bearer;
import static jp.tsunagu.testing.Tokens.role;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Meeting outcomes into plans, the plan API and its refusals, and 参加支援, on the real broker and database. */
@QuarkusTest
@QuarkusTestResource(TsunaguTestResources.class)
class PlanFlowTest {

    static final String COORDINATOR = "coordinator";

    @Test
    void aReviewCorrectedToAPlanMakesThePlanWithTheMeetingsReviewDate() {
        String caseId = refer(KURUME);
        String meetingId = "402036-JUUSOU_SHIEN_KAIGI-2024-06-26";
        LocalDate held = LocalDate.of(2024, 6, 26);
        publish(Topics.MEETINGS, new MeetingEvent.CaseReviewed(caseId, KURUME, meetingId,
                MeetingType.JUUSOU_SHIEN_KAIGI, held, ReviewOutcome.CONTINUE, null, List.of(), false, null), held,
                "review-" + caseId);
        publish(Topics.MEETINGS, new MeetingEvent.CaseReviewAmended(caseId, KURUME, meetingId,
                MeetingType.JUUSOU_SHIEN_KAIGI, held, 2, ReviewOutcome.CONTINUE, ReviewOutcome.PLAN,
                PlanType.PARTICIPATION, List.of(new Role("kurume-jiritsu-01", "就労体験の調整")),
                LocalDate.of(2024, 9, 25)), held, "amended-" + caseId);
        PlanningEvent.PlanCreated created = awaitEvent(caseId, PlanningEvent.PlanCreated.class, e -> true);
        assertEquals(PlanType.PARTICIPATION, created.type());
        assertEquals(held, created.madeOn());
        assertEquals(LocalDate.of(2024, 9, 25), created.reviewOn());
        assertEquals(meetingId, created.adoptedAtMeetingId());
        get(role(COORDINATOR, KURUME), "/plans/" + created.planId()).statusCode(200)
                .body("versions[0].roles[0].agencyId", equalTo("kurume-jiritsu-01"))
                .body("versions[0].reviewOn", equalTo("2024-09-25"))
                // a plan is confidential: never cached, never sniffed, nothing for a browser to load or frame
                .header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
        // a role that may not read plans is refused at the door, and the attempt is on record
        get(role("meeting-member", KURUME), "/plans/" + created.planId()).statusCode(403)
                .header("Cache-Control", "no-store");
        get(role("analyst", KURUME), "/cases/" + caseId + "/plans").statusCode(403);
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            List<java.util.Map<String, Object>> entries = get(role(COORDINATOR, KURUME), "/audit").statusCode(200)
                    .extract().path("");
            return entries.stream().filter(e -> "DENIED".equals(e.get("outcome")))
                    .map(e -> e.get("action") + " " + e.get("roles") + " " + e.get("resource")).toList()
                    .containsAll(List.of("read-plan meeting-member plan/" + created.planId(),
                            "read-plans analyst case/" + caseId));
        });
    }

    @Test
    void aMultiLayeredMeetingsPlanOutcomeBecomesAPlanThenItIsRevisedAndClosed() {
        String caseId = refer(KURUME);
        String meetingId = "402036-JUUSOU_SHIEN_KAIGI-2024-06-26";
        publish(Topics.MEETINGS, new MeetingEvent.CaseReviewed(caseId, KURUME, meetingId,
                MeetingType.JUUSOU_SHIEN_KAIGI, LocalDate.of(2024, 6, 26), ReviewOutcome.PLAN, PlanType.MULTI_AGENCY,
                List.of(new Role("kurume-jiritsu-01", "家計の相談")), false, null), LocalDate.of(2024, 6, 26), "review-" + caseId);
        PlanningEvent.PlanCreated created = awaitEvent(caseId, PlanningEvent.PlanCreated.class, e -> true);
        assertEquals(meetingId, created.adoptedAtMeetingId());
        var record = TopicProbe.await(Topics.PLANS, r -> caseId.equals(r.key()), Duration.ofSeconds(30));
        assertEquals("review-" + caseId, TopicProbe.decode(record).causationId(), "caused by the meeting outcome");

        String planId = created.planId();
        plans(role(COORDINATOR, KURUME), caseId).statusCode(200).body("planId", hasItem(planId));

        // the meeting gave roles only: the wish, goals and review date are filled in without a 再プラン
        given().header("Authorization", bearer(role(COORDINATOR, KURUME))).contentType("application/json")
                .body("{\"wish\":\"家計を立て直したい\",\"goals\":[\"家計表をつける\"],\"reviewOn\":\"2024-09-25\"}")
                .put("/plans/" + planId + "/details").then().statusCode(200).body("version", equalTo(1));
        get(role(COORDINATOR, KURUME), "/plans/" + planId).statusCode(200).body("versions", hasSize(1))
                .body("versions[0].wish", equalTo("家計を立て直したい"))
                .body("versions[0].roles[0].agencyId", equalTo("kurume-jiritsu-01"));
        PlanningEvent.PlanDetailsCompleted completed = awaitEvent(caseId, PlanningEvent.PlanDetailsCompleted.class,
                e -> true);
        assertEquals(LocalDate.of(2024, 9, 25), completed.reviewOn());
        given().header("Authorization", bearer(role(COORDINATOR, KURUME))).contentType("application/json")
                .body("{\"wish\":\"別の希望\"}").put("/plans/" + planId + "/details").then().statusCode(409)
                .body("detail", containsString("再プラン"));

        post(role(COORDINATOR, KURUME), "/plans/" + planId + "/revisions",
                "{\"madeOn\":\"2024-09-25\",\"goals\":[\"障害者手帳の取得\"]}").statusCode(400)
                .body("errors.field", hasItem("reason"));
        post(role(COORDINATOR, KURUME), "/plans/" + planId + "/revisions",
                "{\"madeOn\":\"2024-09-25\",\"reason\":\"就労の希望が出てきた\",\"goals\":[\"就労継続支援A型の見学\"]}")
                .statusCode(201).body("version", equalTo(2));
        get(role(COORDINATOR, KURUME), "/plans/" + planId).statusCode(200)
                .body("versions", hasSize(2))
                .body("versions[1].reason", equalTo("就労の希望が出てきた"))
                .body("status", equalTo("ACTIVE"));
        awaitEvent(caseId, PlanningEvent.PlanRevised.class, e -> e.version() == 2);

        post(agency("kurume-jiritsu-01", KURUME), "/plans/" + planId + "/closure",
                "{\"closedOn\":\"2025-03-26\",\"reason\":\"役割のある機関でも\"}").statusCode(403);
        post(role(COORDINATOR, KURUME), "/plans/" + planId + "/closure",
                "{\"closedOn\":\"2025-03-26\",\"reason\":\"目標を達成\"}").statusCode(201);
        awaitEvent(caseId, PlanningEvent.PlanClosed.class, e -> true);
        post(role(COORDINATOR, KURUME), "/plans/" + planId + "/closure",
                "{\"closedOn\":\"2025-03-27\",\"reason\":\"二度目\"}").statusCode(409)
                .body("detail", containsString("already closed"));
        post(role(COORDINATOR, KURUME), "/plans/" + planId + "/revisions",
                "{\"madeOn\":\"2025-04-01\",\"reason\":\"再開\"}").statusCode(409)
                .body("detail", containsString("closed"));
        get(role(COORDINATOR, KURUME), "/plans/" + planId).body("versions", hasSize(2)).body("status", equalTo("CLOSED"));
    }

    @Test
    void invalidPlansAreRefusedWithTheReason() {
        post(role(COORDINATOR, KURUME), "/cases/" + UUID.randomUUID() + "/plans",
                "{\"type\":\"OUTREACH\",\"madeOn\":\"2024-05-01\"}").statusCode(404)
                .body("detail", containsString("was not found"));

        String caseId = refer(KURUME);
        String shien = "402036-SHIEN_KAIGI-2024-07-24";
        publish(Topics.MEETINGS, new MeetingEvent.CaseReviewed(caseId, KURUME, shien, MeetingType.SHIEN_KAIGI,
                LocalDate.of(2024, 7, 24), ReviewOutcome.WATCH, null, List.of(), false, null), LocalDate.of(2024, 7, 24), null);
        // until planning has consumed the review, the answer is "has not reviewed this case"; then it says why
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var r = post(role(COORDINATOR, KURUME), "/cases/" + caseId + "/plans",
                    "{\"type\":\"MULTI_AGENCY\",\"madeOn\":\"2024-07-24\",\"adoptedAtMeetingId\":\"" + shien + "\"}")
                    .extract();
            return r.statusCode() == 409 && r.<String>path("detail").contains("支援会議");
        });

        post(agency("kurume-houkatsu-01", KURUME), "/cases/" + caseId + "/plans",
                "{\"type\":\"MULTI_AGENCY\",\"madeOn\":\"2024-07-24\"}").statusCode(403);
        post(agency("kurume-houkatsu-01", KURUME), "/cases/" + caseId + "/plans",
                "{\"type\":\"OUTREACH\",\"madeOn\":\"2024-07-24\"}").statusCode(403);
        post(role(COORDINATOR, KURUME), "/cases/" + caseId + "/plans",
                "{\"type\":\"LIFE\",\"madeOn\":\"someday\",\"roles\":[{\"agencyId\":\"nobody\"}]}").statusCode(400)
                .body("errors.field", hasItem("type")).body("errors.field", hasItem("madeOn"))
                .body("errors.field", hasItem("roles[0].agencyId"));
        post(role(COORDINATOR, KURUME), "/cases/" + caseId + "/plans",
                "{\"type\":\"MULTI_AGENCY\",\"madeOn\":\"2024-04-30\"}").statusCode(400)
                .body("errors[0].field", equalTo("madeOn"))
                .body("errors[0].message", containsString("before the case was received (2024-05-01)"));
        post(role(COORDINATOR, KURUME), "/cases/" + caseId + "/plans",
                "{\"type\":\"MULTI_AGENCY\",\"madeOn\":\"2099-04-30\"}").statusCode(400)
                .body("errors[0].field", equalTo("madeOn"))
                .body("errors[0].message", containsString("after today"));

        publish(Topics.ROUTING, new RoutingEvent.OutreachRequested(caseId, KURUME, "kurume-outreach-01", List.of(),
                List.of(), "r", "d"), LocalDate.of(2024, 7, 25), null);
        String outreach = createOnceVisible(agency("kurume-outreach-01", KURUME), caseId,
                "{\"type\":\"OUTREACH\",\"madeOn\":\"2024-07-25\"}");
        post(agency("kurume-outreach-01", KURUME), "/cases/" + caseId + "/plans",
                "{\"type\":\"OUTREACH\",\"madeOn\":\"2024-07-26\"}").statusCode(409)
                .body("detail", containsString(outreach));
        get(role(COORDINATOR, NAGAREYAMA), "/plans/" + outreach).statusCode(404);
        get(agency("kurume-houkatsu-01", KURUME), "/plans/" + outreach).statusCode(404);
    }

    @Test
    void aParticipationPlanIsMatchedPlacedAndFollowedUp() {
        String caseId = refer(KURUME);
        String provider = agency("kurume-sanka-01", KURUME);
        // a provider writes plans only for cases it was handed or given a role for
        post(provider, "/cases/" + caseId + "/plans", "{\"type\":\"PARTICIPATION\",\"madeOn\":\"2024-06-01\"}")
                .statusCode(404);
        String meetingId = "m-" + UUID.randomUUID();
        publish(Topics.MEETINGS, new MeetingEvent.CaseReviewed(caseId, KURUME, meetingId,
                MeetingType.JUUSOU_SHIEN_KAIGI, LocalDate.of(2024, 5, 29), ReviewOutcome.CONTINUE, null,
                List.of(new Role("kurume-sanka-01", "参加支援")), false, null), LocalDate.of(2024, 5, 29), null);
        post(role(COORDINATOR, NAGAREYAMA), "/cases/" + caseId + "/plans",
                "{\"type\":\"OUTREACH\",\"madeOn\":\"2024-06-01\"}").statusCode(404);
        String planId = createOnceVisible(provider, caseId, """
                {"type":"PARTICIPATION","madeOn":"2024-06-01","wish":"一緒にフルマラソンを走りたい",
                 "wishTags":["running","marathon"],"goals":["週1回の練習に参加する"],
                 "roles":[{"agencyId":"kurume-sanka-01","responsibility":"受け入れ先との調整"}],
                 "reviewOn":"2024-07-01"}""");

        get(provider, "/plans/" + planId + "/suggestions").statusCode(200)
                .body("[0].resource.id", equalTo("kurume-res-running-team"))
                .body("[0].reasons.rule", hasItem("WISH"));

        String placementId = post(provider, "/plans/" + planId + "/placements",
                "{\"resourceId\":\"kurume-res-running-team\",\"placedOn\":\"2024-06-15\"}").statusCode(201)
                .extract().path("placementId");
        awaitEvent(caseId, PlanningEvent.PlacementMade.class, e -> e.placementId().equals(placementId));
        post(provider, "/placements/" + placementId + "/follow-ups",
                "{\"side\":\"PERSON\",\"on\":\"2024-07-01\",\"note\":\"練習に毎週参加\"}").statusCode(201);
        post(provider, "/placements/" + placementId + "/follow-ups",
                "{\"side\":\"HOST\",\"on\":\"2024-07-02\"}").statusCode(201);
        awaitEvent(caseId, PlanningEvent.PlacementFollowedUp.class, e -> e.side() == PlanningEvent.FollowUpSide.HOST);
        post(provider, "/placements/" + placementId + "/follow-ups", "{\"side\":\"FRIEND\",\"on\":\"x\"}")
                .statusCode(400).body("errors.field", hasItem("side")).body("errors.field", hasItem("on"));
        // read back with the plan: the resource by name, the follow-ups oldest first
        get(provider, "/plans/" + planId + "/placements").statusCode(200).body("", hasSize(1))
                .body("[0].placementId", equalTo(placementId))
                .body("[0].resourceName", equalTo("企業ランニングチーム（サンプル）"))
                .body("[0].placedOn", equalTo("2024-06-15"))
                .body("[0].followUps.side", equalTo(List.of("PERSON", "HOST")))
                .body("[0].followUps[0].note", equalTo("練習に毎週参加"));
        get(role(COORDINATOR, NAGAREYAMA), "/plans/" + planId + "/placements").statusCode(404);

        get(role(COORDINATOR, KURUME), "/plans?overdue=true").statusCode(200).body("planId", hasItem(planId));
        post(role(COORDINATOR, KURUME), "/plans/review-check", "").statusCode(200);
        awaitEvent(caseId, PlanningEvent.PlanReviewDue.class, e -> e.planId().equals(planId));

        // the person's data erased: the wish and goals are gone, the plan and its counts stay
        publish(Topics.INTAKE, new IntakeEvent.PersonErased(caseId, KURUME, LocalDate.of(2024, 8, 1)),
                LocalDate.of(2024, 8, 1), null);
        await().atMost(Duration.ofSeconds(30)).until(() -> !get(provider, "/plans/" + planId).extract().asString()
                .contains("フルマラソン"));
        get(provider, "/plans/" + planId).statusCode(200).body("type", equalTo("PARTICIPATION"))
                .body(not(containsString("週1回の練習")))
                // the role's words too; its agency stays
                .body(not(containsString("受け入れ先との調整")))
                .body("versions[0].roles[0].agencyId", equalTo("kurume-sanka-01"));
        get(provider, "/plans/" + planId + "/placements").statusCode(200)
                .body(not(containsString("練習に毎週参加"))).body("[0].followUps", hasSize(2));
        // no record of the log carried the role's words in the first place (the record's bytes, not a decoded event)
        var createdRecord = TopicProbe.await(Topics.PLANS, r -> caseId.equals(r.key())
                && TopicProbe.decode(r).data() instanceof PlanningEvent.PlanCreated, Duration.ofSeconds(30));
        String logged = new String(createdRecord.value(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(logged.contains("kurume-sanka-01") && !logged.contains("受け入れ先との調整"), logged);

        // words about the erased person are refused from now on (410), and nothing of them is kept
        post(role(COORDINATOR, KURUME), "/plans/" + planId + "/revisions",
                "{\"madeOn\":\"2024-08-02\",\"reason\":\"荒木さんが転居\"}").statusCode(410)
                .body("type", containsString("person-erased"));
        given().header("Authorization", bearer(role(COORDINATOR, KURUME))).contentType("application/json")
                .body("{\"wish\":\"荒木さんの新しい希望\"}").put("/plans/" + planId + "/details").then()
                .statusCode(410);
        post(provider, "/placements/" + placementId + "/follow-ups",
                "{\"side\":\"PERSON\",\"on\":\"2024-08-02\",\"note\":\"荒木さんと面談\"}").statusCode(410);
        post(provider, "/placements/" + placementId + "/follow-ups",
                "{\"side\":\"HOST\",\"on\":\"2024-08-02\"}").statusCode(201);
        // the plan may still end (the year's figures need it), without keeping its reason
        post(role(COORDINATOR, KURUME), "/plans/" + planId + "/closure",
                "{\"closedOn\":\"2024-08-02\",\"reason\":\"荒木さんが転居\"}").statusCode(201);
        get(provider, "/plans/" + planId).statusCode(200).body("status", equalTo("CLOSED"))
                .body("closeReason", equalTo("（本人の情報は消去されました）"))
                .body(not(containsString("荒木さん")));
    }

    /** Creates the plan once planning has learnt (from Kafka) that the caller was handed the case: 404 until then. */
    static String createOnceVisible(String token, String caseId, String body) {
        java.util.concurrent.atomic.AtomicReference<String> planId = new java.util.concurrent.atomic.AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var r = post(token, "/cases/" + caseId + "/plans", body).extract();
            if (r.statusCode() == 201) {
                planId.set(r.path("planId"));
            }
            return planId.get() != null;
        });
        return planId.get();
    }

    static String refer(String municipality) {
        String caseId = UUID.randomUUID().toString();
        publish(Topics.INTAKE, new IntakeEvent.ReferralReceived(caseId, null, municipality, "kurume-kikan-01",
                Channel.AGENCY,
                LocalDate.of(2024, 5, 1), "荒木", AgeBand.AGE_18_29, List.of(), List.of(Concern.HIKIKOMORI),
                Consent.GIVEN, Urgency.ROUTINE, false,
                new SealedData("A256GCM", "case/" + caseId + "/1", "bm9uY2U=", "Y2lwaGVy")), LocalDate.of(2024, 5, 1),
                null);
        await().atMost(Duration.ofSeconds(30)).until(() -> given()
                .header("Authorization", bearer(role(COORDINATOR, municipality)))
                .get("/cases/" + caseId + "/plans").statusCode() == 200);
        return caseId;
    }

    static void publish(String topic, TsunaguEvent event, LocalDate on, String eventId) {
        TopicProbe.publish(topic, new EventEnvelope<>(eventId == null ? UUID.randomUUID().toString() : eventId,
                "/tsunagu/test", Instant.now(), on, null, event));
    }

    static <E extends PlanningEvent> E awaitEvent(String caseId, Class<E> type, Predicate<E> match) {
        return TopicProbe.awaitEvent(Topics.PLANS, caseId, type, match);
    }

    static ValidatableResponse post(String token, String path, String body) {
        return given().header("Authorization", bearer(token)).contentType("application/json").body(body)
                .post(path).then();
    }

    static ValidatableResponse get(String token, String path) {
        return given().header("Authorization", bearer(token)).get(path).then();
    }

    static ValidatableResponse plans(String token, String caseId) {
        return get(token, "/cases/" + caseId + "/plans");
    }
}
