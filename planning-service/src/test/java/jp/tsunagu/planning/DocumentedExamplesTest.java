package jp.tsunagu.planning;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jp.tsunagu.contract.Topics;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.PlanType;
import jp.tsunagu.contract.codes.ReviewOutcome;
import jp.tsunagu.contract.events.MeetingEvent;
import jp.tsunagu.contract.events.PlanningEvent;
import jp.tsunagu.contract.events.Role;
import jp.tsunagu.testing.DocumentedExamples;
import jp.tsunagu.testing.DocumentedExamples.Given;
import jp.tsunagu.testing.TsunaguTestResources;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static jp.tsunagu.planning.PlanFlowTest.COORDINATOR;
import static jp.tsunagu.planning.PlanFlowTest.awaitEvent;
import static jp.tsunagu.planning.PlanFlowTest.get;
import static jp.tsunagu.planning.PlanFlowTest.publish;
import static jp.tsunagu.planning.PlanFlowTest.refer;
import static jp.tsunagu.testing.DocumentedExamples.answered;
import static jp.tsunagu.testing.Tokens.KURUME;
import static jp.tsunagu.testing.Tokens.agency;
import static jp.tsunagu.testing.Tokens.role;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** What a coordinator's or a provider's tool copies from the OpenAPI document works as the document says. */
@QuarkusTest
@QuarkusTestResource(TsunaguTestResources.class)
class DocumentedExamplesTest {

    @Test
    void everyDocumentedRequestExampleIsAcceptedAndDoesWhatItSays() {
        String coordinator = role(COORDINATOR, KURUME);
        String provider = agency("kurume-sanka-01", KURUME);
        // one case, two 重層的支援会議: the first gave the 参加支援 provider a role, the second made a 多機関協働プラン;
        // the events of a case are applied in order, so once the plan is made the provider's role is known
        String participating = refer(KURUME);
        LocalDate met = LocalDate.of(2024, 5, 29);
        publish(Topics.MEETINGS, new MeetingEvent.CaseReviewed(participating, KURUME, "m-examples-1",
                MeetingType.JUUSOU_SHIEN_KAIGI, met, ReviewOutcome.CONTINUE, null,
                List.of(new Role("kurume-sanka-01", "参加支援")), false, null), met, null);
        LocalDate adopted = LocalDate.of(2024, 6, 26);
        publish(Topics.MEETINGS, new MeetingEvent.CaseReviewed(participating, KURUME, "m-examples-2",
                MeetingType.JUUSOU_SHIEN_KAIGI, adopted, ReviewOutcome.PLAN, PlanType.MULTI_AGENCY,
                List.of(new Role("kurume-jiritsu-01", "家計の相談")), false, null), adopted, null);
        String multiAgency = awaitEvent(participating, PlanningEvent.PlanCreated.class, e -> true).planId();

        Map<String, Given> operations = new LinkedHashMap<>();
        operations.put("create", Given.as(provider).path("caseId", participating));
        operations.put("place", Given.as(provider).path("planId", answered("create", "planId")));
        operations.put("followUp", Given.as(provider).path("placementId", answered("place", "placementId")));
        operations.put("completePlanDetails", Given.as(coordinator).path("planId", multiAgency));
        operations.put("revise", Given.as(coordinator).path("planId", multiAgency));
        operations.put("close", Given.as(coordinator).path("planId", multiAgency));

        // a household (世帯) of two referred cases whose 重層的支援会議 adopted a plan for each and made none yet (a
        // review that adopts a plan and, with no plan to revise, changes none): the household's plan is made for them
        String parent = refer(KURUME);
        String son = refer(KURUME);
        String household = HouseholdPlanFlowTest.link(parent, son);
        String householdMeeting = "402036-JUUSOU_SHIEN_KAIGI-2026-11-18";
        for (String member : List.of(parent, son)) {
            publish(Topics.MEETINGS, new MeetingEvent.CaseReviewed(member, KURUME, householdMeeting,
                    MeetingType.JUUSOU_SHIEN_KAIGI, LocalDate.of(2026, 11, 18), ReviewOutcome.REPLAN,
                    PlanType.MULTI_AGENCY, List.of(new Role("kurume-sanka-01", "就労体験の調整")), false, null),
                    LocalDate.of(2026, 11, 18), "review-" + member);
        }
        // the review gave the provider a role: once planning has it, the provider's plan dated before the case was
        // received is refused for its date (400) rather than for a case it cannot see (404); nothing is written
        for (String member : List.of(parent, son)) {
            await().atMost(java.time.Duration.ofSeconds(30)).until(() -> PlanFlowTest.post(provider, "/cases/"
                    + member + "/plans", "{\"type\":\"PARTICIPATION\",\"madeOn\":\"2024-04-30\"}")
                    .extract().statusCode() == 400);
        }
        operations.put("createHouseholdPlan", Given.as(coordinator).path("householdId", household)
                .swap("c-parent", parent).swap("c-son", son));

        // a household whose 重層的支援会議 made its plan from the members' reviews (the son's role an agency without
        // words): the son's own words follow
        String mother = refer(KURUME);
        String child = refer(KURUME);
        String madeHousehold = HouseholdPlanFlowTest.link(mother, child);
        String madeAt = "402036-JUUSOU_SHIEN_KAIGI-2024-06-26-" + madeHousehold;
        for (String member : List.of(mother, child)) {
            publish(Topics.MEETINGS, new MeetingEvent.CaseReviewed(member, KURUME, madeAt,
                    MeetingType.JUUSOU_SHIEN_KAIGI, adopted, ReviewOutcome.PLAN, PlanType.MULTI_AGENCY,
                    List.of(new Role(member.equals(child) ? "kurume-sanka-01" : "kurume-houkatsu-01", null)), false,
                    null, madeHousehold), adopted, null);
        }
        String householdPlan = awaitEvent(mother, PlanningEvent.PlanCreated.class, e -> true).planId();
        awaitEvent(child, PlanningEvent.PlanCreated.class, e -> e.planId().equals(householdPlan));
        operations.put("completeSubjectDetails", Given.as(coordinator).path("planId", householdPlan)
                .path("caseId", child));

        DocumentedExamples.replay(operations);
        // the members' reviews are in different partitions: which one made the plan (and comes first) is not fixed
        String childsSubject = "subjects.find { it.caseId == '" + child + "' }";
        get(coordinator, "/plans/" + householdPlan).statusCode(200)
                .body(childsSubject + ".wish", equalTo("人と話せる場所がほしい"))
                .body(childsSubject + ".roles[0].responsibility", equalTo("就労体験の調整"));

        get(coordinator, "/plans/" + multiAgency).statusCode(200).body("status", equalTo("CLOSED"))
                .body("versions[0].wish", equalTo("家計を立て直したい"))
                .body("versions[0].roles[0].responsibility", equalTo("家計の相談"))
                .body("versions[1].reason", equalTo("就労の希望が出てきた"));
        awaitEvent(participating, PlanningEvent.PlacementFollowedUp.class,
                e -> e.side() == PlanningEvent.FollowUpSide.PERSON);
    }
}
