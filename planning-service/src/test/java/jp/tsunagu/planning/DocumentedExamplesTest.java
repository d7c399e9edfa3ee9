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

        DocumentedExamples.replay(operations);

        get(coordinator, "/plans/" + multiAgency).statusCode(200).body("status", equalTo("CLOSED"))
                .body("versions[0].wish", equalTo("家計を立て直したい"))
                .body("versions[0].roles[0].responsibility", equalTo("家計の相談"))
                .body("versions[1].reason", equalTo("就労の希望が出てきた"));
        awaitEvent(participating, PlanningEvent.PlacementFollowedUp.class,
                e -> e.side() == PlanningEvent.FollowUpSide.PERSON);
    }
}
