package jp.tsunagu.planning;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jp.tsunagu.contract.Topics;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.PlanType;
import jp.tsunagu.contract.codes.ReviewOutcome;
import jp.tsunagu.contract.events.IntakeEvent;
import jp.tsunagu.contract.events.MeetingEvent;
import jp.tsunagu.contract.events.PlanningEvent;
import jp.tsunagu.contract.events.Role;
import io.restassured.response.ValidatableResponse;
import jp.tsunagu.planning.plan.PlanRecords;
import jp.tsunagu.testing.TopicProbe;
import jp.tsunagu.testing.TsunaguTestResources;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static jp.tsunagu.planning.PlanFlowTest.COORDINATOR;
import static jp.tsunagu.planning.PlanFlowTest.awaitEvent;
import static jp.tsunagu.planning.PlanFlowTest.get;
import static jp.tsunagu.planning.PlanFlowTest.post;
import static jp.tsunagu.planning.PlanFlowTest.publish;
import static jp.tsunagu.planning.PlanFlowTest.refer;
import static jp.tsunagu.testing.Tokens.KURUME;
import static jp.tsunagu.testing.Tokens.agency;
import static jp.tsunagu.testing.Tokens.bearer;
import static jp.tsunagu.testing.Tokens.role;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** One plan for a household (世帯の支援プラン) through the API and from a meeting, on the real broker and database. */
@QuarkusTest
@QuarkusTestResource(TsunaguTestResources.class)
class HouseholdPlanFlowTest {

    static final String COORD = role(COORDINATOR, KURUME);

    @Test
    void aHouseholdPlanForTwoMembersIsOnePlanAnnouncedInEachCaseAndClosedInEach() {
        String parent = refer(KURUME);
        String son = refer(KURUME);
        String stranger = refer(KURUME);
        String household = link(parent, son);

        // a case outside the household: 422 naming it, and nothing written
        post(COORD, "/households/" + household + "/plans", body(parent, stranger)).statusCode(422)
                .body("errors[0].field", equalTo("members[1].caseId"))
                .body("errors[0].message", equalTo("この世帯の案件ではありません"));
        get(COORD, "/cases/" + parent + "/plans").statusCode(200).body("$", hasSize(0));
        post(COORD, "/households/h-unknown-" + UUID.randomUUID() + "/plans", body(parent, son)).statusCode(404);

        String planId = post(COORD, "/households/" + household + "/plans", body(parent, son)).statusCode(201)
                .body("householdId", equalTo(household)).body("householdWish", equalTo("親子で安心して暮らしたい"))
                .body("subjects.caseId", equalTo(List.of(parent, son)))
                .body("householdRoles[0].agencyId", equalTo("kurume-jiritsu-01"))
                .extract().path("planId");
        // the first plan-created of each case is this plan's (the refused request announced nothing)
        PlanningEvent.PlanCreated ofParent = awaitEvent(parent, PlanningEvent.PlanCreated.class, e -> true);
        PlanningEvent.PlanCreated ofSon = awaitEvent(son, PlanningEvent.PlanCreated.class, e -> true);
        assertEquals(List.of(planId, planId), List.of(ofParent.planId(), ofSon.planId()));
        assertEquals(List.of(household, household), List.of(ofParent.householdId(), ofSon.householdId()));
        assertEquals(List.of("kurume-sanka-01", "kurume-jiritsu-01"),
                ofSon.roles().stream().map(Role::agencyId).toList());
        // the same member twice, or a member already in a running plan of the type: 422
        post(COORD, "/households/" + household + "/plans", body(son, son)).statusCode(422)
                .body("errors.message", hasItem("同じ案件が2回指定されています"));
        post(COORD, "/households/" + household + "/plans", body(son, parent)).statusCode(422)
                .body("errors[0].message", containsString(planId));

        // the parent's care manager reads the parent's wish, not the son's
        String care = agency("kurume-houkatsu-01", KURUME);
        get(care, "/plans/" + planId).statusCode(200).body("subjects[0].wish", equalTo("家で暮らし続けたい"))
                .body("subjects[1].caseId", equalTo(son)).body("subjects[1].wish", nullValue())
                .body(not(containsString("人と話せる場所がほしい")));
        get(COORD, "/households/" + household + "/plans").statusCode(200).body("$", hasSize(1))
                .body("[0].subjects[1].wish", equalTo("人と話せる場所がほしい"));
        // the son's provider reads the household's plans with his wish, not his mother's; an agency with no part in
        // either case learns nothing of the household
        get(agency("kurume-sanka-01", KURUME), "/households/" + household + "/plans").statusCode(200)
                .body("[0].subjects[1].wish", equalTo("人と話せる場所がほしい")).body("[0].subjects[0].wish", nullValue())
                .body(not(containsString("家で暮らし続けたい")));
        get(agency("kurume-kosodate-01", KURUME), "/households/" + household + "/plans").statusCode(404);

        // the son's person is erased: his words and the household's (which may describe him) go; the plan, its
        // roles' agencies and his mother's own words stay
        publish(Topics.INTAKE, new IntakeEvent.PersonErased(son, KURUME, LocalDate.of(2024, 8, 1)),
                LocalDate.of(2024, 8, 1), null);
        await().atMost(Duration.ofSeconds(30)).until(() -> !get(COORD, "/plans/" + planId).extract().asString()
                .contains("人と話せる場所がほしい"));
        get(COORD, "/plans/" + planId).statusCode(200).body("subjects", hasSize(2))
                .body("subjects[0].wish", equalTo("家で暮らし続けたい"))
                .body("subjects[0].roles[0].responsibility", equalTo("介護サービスの調整"))
                .body("householdWish", equalTo(PlanRecords.ERASED))
                .body("versions[0].goals", hasSize(0))
                .body("householdRoles[0].agencyId", equalTo("kurume-jiritsu-01"))
                .body("householdRoles[0].responsibility", equalTo(PlanRecords.ERASED))
                .body(not(containsString("親子で安心して暮らしたい")));

        // the household's plan goes on: a 再プラン is announced in each member's case
        post(COORD, "/plans/" + planId + "/revisions", "{\"madeOn\":\"2024-08-15\",\"reason\":\"就労体験へ\"}")
                .statusCode(201).body("version", equalTo(2));
        for (String c : List.of(parent, son)) {
            assertEquals(2, awaitEvent(c, PlanningEvent.PlanRevised.class, e -> e.planId().equals(planId)).version());
        }
        get(COORD, "/plans/" + planId).statusCode(200).body("versions[1].subjects.caseId", equalTo(List.of(parent, son)));

        // the mother is erased too: no member remains, so no more words about the household (410); it still ends,
        // its reason not kept
        publish(Topics.INTAKE, new IntakeEvent.PersonErased(parent, KURUME, LocalDate.of(2024, 8, 20)),
                LocalDate.of(2024, 8, 20), null);
        await().atMost(Duration.ofSeconds(30)).until(() -> !get(COORD, "/plans/" + planId).extract().asString()
                .contains("家で暮らし続けたい"));
        post(COORD, "/plans/" + planId + "/revisions", "{\"madeOn\":\"2024-08-25\",\"reason\":\"見直し\"}")
                .statusCode(410).body("type", equalTo("/problems/person-erased"));
        put(COORD, "/plans/" + planId + "/details", "{\"goals\":[\"新しい目標\"]}").statusCode(410);
        get(COORD, "/plans/" + planId).statusCode(200).body("currentVersion", equalTo(2));

        post(COORD, "/plans/" + planId + "/closure", "{\"closedOn\":\"2024-09-01\",\"reason\":\"目標を達成\"}")
                .statusCode(201);
        for (String c : List.of(parent, son)) {
            assertEquals(planId, awaitEvent(c, PlanningEvent.PlanClosed.class, e -> true).planId());
        }
        get(COORD, "/plans/" + planId).statusCode(200).body("closeReason", equalTo(PlanRecords.ERASED));
    }

    @Test
    void aMeetingsHouseholdPlanTakesEachMembersWordsAfterwardsAndClosesOnlyWhenEveryMemberIsReviewedClose() {
        String parent = refer(KURUME);
        String son = refer(KURUME);
        String household = link(parent, son);
        String meetingId = "402036-JUUSOU_SHIEN_KAIGI-2024-06-26-" + household;
        LocalDate held = LocalDate.of(2024, 6, 26);
        publish(Topics.MEETINGS, new MeetingEvent.CaseReviewed(parent, KURUME, meetingId,
                MeetingType.JUUSOU_SHIEN_KAIGI, held, ReviewOutcome.PLAN, PlanType.MULTI_AGENCY,
                List.of(new Role("kurume-houkatsu-01", "見守り")), false, null, household), held, null);
        publish(Topics.MEETINGS, new MeetingEvent.CaseReviewed(son, KURUME, meetingId, MeetingType.JUUSOU_SHIEN_KAIGI,
                held, ReviewOutcome.PLAN, PlanType.MULTI_AGENCY, List.of(), false, null, household), held, null);
        String planId = awaitEvent(parent, PlanningEvent.PlanCreated.class, e -> true).planId();
        awaitEvent(son, PlanningEvent.PlanCreated.class, e -> e.planId().equals(planId));

        // a second plan naming the meeting that made it: 409 naming it, not a 422 about running plans
        given().header("Authorization", bearer(COORD)).header("Accept-Language", "ja")
                .contentType("application/json").body(body(parent, son).replace("\"OUTREACH\"",
                        "\"MULTI_AGENCY\",\"adoptedAtMeetingId\":\"" + meetingId + "\""))
                .post("/households/" + household + "/plans").then().statusCode(409)
                .body("type", equalTo("/problems/household-plan-made")).body("planId", equalTo(planId))
                .body("detail", equalTo("この会議で世帯のプランはすでに作成されています（" + planId
                        + "）。各世帯員の内容は PUT /plans/{planId}/subjects/{caseId} で入力します"));

        // the son's words and the role the meeting left to the console: plan-details-completed in his case alone
        put(COORD, "/plans/" + planId + "/subjects/" + son, """
                {"wish":"人と話せる場所がほしい","wishTags":["ibasho"],
                 "roles":[{"agencyId":"kurume-sanka-01","responsibility":"就労体験の調整"}]}""").statusCode(200)
                .body("version", equalTo(1)).body("caseId", equalTo(son));
        PlanningEvent.PlanDetailsCompleted ofSon = awaitEvent(son, PlanningEvent.PlanDetailsCompleted.class,
                e -> e.planId().equals(planId));
        assertEquals(List.of("kurume-sanka-01"), ofSon.roles().stream().map(Role::agencyId).toList());
        // the mother's role the meeting named takes its words (no agency is new: nothing announced)
        put(COORD, "/plans/" + planId + "/subjects/" + parent, """
                {"wish":"家で暮らし続けたい","roles":[{"agencyId":"kurume-houkatsu-01","responsibility":"介護サービスの調整"}]}""")
                .statusCode(200);
        put(COORD, "/plans/" + planId + "/subjects/" + parent, "{\"wish\":\"別の願い\"}").statusCode(409);
        put(COORD, "/plans/" + planId + "/subjects/" + UUID.randomUUID(), "{\"wish\":\"願い\"}").statusCode(404);
        // the members' reviews are in different partitions: which one made the plan (and comes first) is not fixed
        String mothersSubject = "subjects.find { it.caseId == '" + parent + "' }";
        get(COORD, "/plans/" + planId).statusCode(200).body("currentVersion", equalTo(1))
                .body(mothersSubject + ".wish", equalTo("家で暮らし続けたい"))
                .body(mothersSubject + ".roles[0].responsibility", equalTo("介護サービスの調整"))
                .body("subjects.find { it.caseId == '" + son + "' }.wishTags", equalTo(List.of("ibasho")));

        // the mother's CLOSE at a later meeting, alone: the household's plan still covers her and runs on
        String closing = "402036-JUUSOU_SHIEN_KAIGI-2024-09-25-" + household;
        LocalDate closedOn = LocalDate.of(2024, 9, 25);
        publish(Topics.MEETINGS, new MeetingEvent.CaseReviewed(parent, KURUME, closing,
                MeetingType.JUUSOU_SHIEN_KAIGI, closedOn, ReviewOutcome.CLOSE, PlanType.MULTI_AGENCY, List.of(),
                false, null, household), closedOn, null);
        // a 支援会議 after it hands her case to the 参加支援 provider: once that is applied, so is the CLOSE before it
        // (a case's events are applied in order), and the provider's plan dated too early is refused for its date
        LocalDate after = LocalDate.of(2024, 9, 26);
        publish(Topics.MEETINGS, new MeetingEvent.CaseReviewed(parent, KURUME, "402036-SHIEN_KAIGI-2024-09-26-"
                + household, MeetingType.SHIEN_KAIGI, after, ReviewOutcome.CONTINUE, null,
                List.of(new Role("kurume-sanka-01", "参加支援")), false, null), after, null);
        await().atMost(Duration.ofSeconds(30)).until(() -> post(agency("kurume-sanka-01", KURUME), "/cases/" + parent
                + "/plans", "{\"type\":\"PARTICIPATION\",\"madeOn\":\"2024-04-30\"}").extract().statusCode() == 400);
        get(COORD, "/plans/" + planId).statusCode(200).body("status", equalTo("ACTIVE"));

        // the son's CLOSE at the same meeting completes the set: the plan is closed, in each member's case
        publish(Topics.MEETINGS, new MeetingEvent.CaseReviewed(son, KURUME, closing, MeetingType.JUUSOU_SHIEN_KAIGI,
                closedOn, ReviewOutcome.CLOSE, PlanType.MULTI_AGENCY, List.of(), false, null, household), closedOn,
                null);
        for (String c : List.of(parent, son)) {
            assertEquals(closedOn, awaitEvent(c, PlanningEvent.PlanClosed.class, e -> e.planId().equals(planId))
                    .closedOn());
        }
        get(COORD, "/plans/" + planId).statusCode(200).body("status", equalTo("CLOSED"));
        List<String> completedIn = TopicProbe.readAll(Topics.PLANS).stream().map(TopicProbe::decode)
                .filter(e -> e.data() instanceof PlanningEvent.PlanDetailsCompleted p && p.planId().equals(planId))
                .map(e -> ((PlanningEvent.PlanDetailsCompleted) e.data()).caseId()).toList();
        assertEquals(List.of(son), completedIn, "plan-details-completed in the son's case alone");
    }

    static ValidatableResponse put(String token, String path, String body) {
        return given().header("Authorization", bearer(token)).contentType("application/json").body(body)
                .put(path).then();
    }

    @Test
    void aMeetingsPlanForTwoMembersOfAHouseholdMakesOnePlanWithTwoSubjects() {
        String parent = refer(KURUME);
        String son = refer(KURUME);
        String household = link(parent, son);
        String meetingId = "402036-JUUSOU_SHIEN_KAIGI-2024-06-26-" + household;
        LocalDate held = LocalDate.of(2024, 6, 26);
        for (var member : List.of(List.of(parent, "kurume-houkatsu-01"), List.of(son, "kurume-sanka-01"))) {
            publish(Topics.MEETINGS, new MeetingEvent.CaseReviewed(member.get(0), KURUME, meetingId,
                    MeetingType.JUUSOU_SHIEN_KAIGI, held, ReviewOutcome.PLAN, PlanType.MULTI_AGENCY,
                    List.of(new Role(member.get(1), "見守り")), false, null, household), held, null);
        }
        String planId = awaitEvent(parent, PlanningEvent.PlanCreated.class, e -> true).planId();
        PlanningEvent.PlanCreated ofSon = awaitEvent(son, PlanningEvent.PlanCreated.class, e -> true);
        assertEquals(planId, ofSon.planId());
        assertEquals(household, ofSon.householdId());
        get(COORD, "/households/" + household + "/plans").statusCode(200).body("$", hasSize(1))
                .body("[0].planId", equalTo(planId)).body("[0].adoptedAtMeetingId", equalTo(meetingId))
                // the members' reviews are in different partitions: the order they were applied in is not fixed
                .body("[0].subjects.caseId", containsInAnyOrder(parent, son))
                .body("[0].subjects.find { it.caseId == '" + son + "' }.roles[0].agencyId",
                        equalTo("kurume-sanka-01"));
        long created = TopicProbe.readAll(Topics.PLANS).stream().map(TopicProbe::decode)
                .filter(e -> e.data() instanceof PlanningEvent.PlanCreated p && p.planId().equals(planId)).count();
        assertEquals(2, created, "one plan-created per member case");
    }

    /**
     * Links the cases as intake does (household-linked per case); answers once planning knows each as a member: a
     * plan naming the case twice is then refused for that (and writes nothing), not for a case outside.
     */
    static String link(String... caseIds) {
        String household = "h-" + UUID.randomUUID();
        for (String c : caseIds) {
            publish(Topics.INTAKE, new IntakeEvent.HouseholdLinked(c, null, KURUME, household,
                    LocalDate.of(2024, 5, 2)), LocalDate.of(2024, 5, 2), null);
        }
        for (String c : caseIds) {
            String twice = "{\"type\":\"OUTREACH\",\"madeOn\":\"2024-06-01\",\"members\":[{\"caseId\":\"" + c
                    + "\"},{\"caseId\":\"" + c + "\"}]}";
            await().atMost(Duration.ofSeconds(30)).until(() -> given().header("Authorization", bearer(COORD))
                    .contentType("application/json").body(twice).post("/households/" + household + "/plans")
                    .asString().contains("同じ案件が2回指定されています"));
        }
        return household;
    }

    static String body(String first, String second) {
        return """
                {"type":"OUTREACH","madeOn":"2024-06-01","reviewOn":"2024-09-01","householdWish":"親子で安心して暮らしたい",
                 "goals":["親の介護サービスを整える"],
                 "members":[{"caseId":"%s","wish":"家で暮らし続けたい",
                             "roles":[{"agencyId":"kurume-houkatsu-01","responsibility":"介護サービスの調整"}]},
                            {"caseId":"%s","wish":"人と話せる場所がほしい","wishTags":["ibasho"],
                             "roles":[{"agencyId":"kurume-sanka-01","responsibility":"就労体験の調整"}]}],
                 "householdRoles":[{"agencyId":"kurume-jiritsu-01","responsibility":"家計の相談"}]}""".formatted(first,
                second);
    }
}
