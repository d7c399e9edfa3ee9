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

        // the son's person is erased: his words go, the plan and his mother's stay
        publish(Topics.INTAKE, new IntakeEvent.PersonErased(son, KURUME, LocalDate.of(2024, 8, 1)),
                LocalDate.of(2024, 8, 1), null);
        await().atMost(Duration.ofSeconds(30)).until(() -> !get(COORD, "/plans/" + planId).extract().asString()
                .contains("人と話せる場所がほしい"));
        get(COORD, "/plans/" + planId).statusCode(200).body("subjects", hasSize(2))
                .body("subjects[0].wish", equalTo("家で暮らし続けたい"))
                .body("householdWish", equalTo("親子で安心して暮らしたい"));

        // the household's plan goes on: a 再プラン is announced in each member's case
        post(COORD, "/plans/" + planId + "/revisions", "{\"madeOn\":\"2024-08-15\",\"reason\":\"就労体験へ\"}")
                .statusCode(201).body("version", equalTo(2));
        for (String c : List.of(parent, son)) {
            assertEquals(2, awaitEvent(c, PlanningEvent.PlanRevised.class, e -> e.planId().equals(planId)).version());
        }
        get(COORD, "/plans/" + planId).statusCode(200).body("versions[1].subjects.caseId", equalTo(List.of(parent, son)));

        post(COORD, "/plans/" + planId + "/closure", "{\"closedOn\":\"2024-09-01\",\"reason\":\"目標を達成\"}")
                .statusCode(201);
        for (String c : List.of(parent, son)) {
            assertEquals(planId, awaitEvent(c, PlanningEvent.PlanClosed.class, e -> true).planId());
        }
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
                .body("[0].subjects.caseId", equalTo(List.of(parent, son)))
                .body("[0].subjects[1].roles[0].agencyId", equalTo("kurume-sanka-01"));
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
