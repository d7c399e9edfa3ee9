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
import jp.tsunagu.testing.TsunaguTestResources;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static jp.tsunagu.planning.PlanFlowTest.COORDINATOR;
import static jp.tsunagu.planning.PlanFlowTest.awaitEvent;
import static jp.tsunagu.planning.PlanFlowTest.plans;
import static jp.tsunagu.planning.PlanFlowTest.publish;
import static jp.tsunagu.planning.PlanFlowTest.refer;
import static jp.tsunagu.testing.Tokens.KURUME;
import static jp.tsunagu.testing.Tokens.role;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * A 再プラン of nothing makes no plan: meeting-service refuses it (ReviewRules), and a REPLAN review or correction that
 * reaches planning for a case with no running plan of its type (one closed in between, say) changes nothing.
 */
@QuarkusTest
@QuarkusTestResource(TsunaguTestResources.class)
class ReplanOfNothingTest {

    @Test
    void aReplanReviewOrCorrectionForACaseWithoutAPlanMakesNone() {
        String caseId = refer(KURUME);
        LocalDate held = LocalDate.of(2024, 7, 24);
        List<Role> roles = List.of(new Role("kurume-jiritsu-01", "家計の相談"));
        publish(Topics.MEETINGS, new MeetingEvent.CaseReviewed(caseId, KURUME, "402036-JUUSOU_SHIEN_KAIGI-2024-07-24",
                MeetingType.JUUSOU_SHIEN_KAIGI, held, ReviewOutcome.REPLAN, PlanType.MULTI_AGENCY, roles, true, null),
                held, "replan-" + caseId);
        publish(Topics.MEETINGS, new MeetingEvent.CaseReviewAmended(caseId, KURUME,
                "402036-JUUSOU_SHIEN_KAIGI-2024-06-26", MeetingType.JUUSOU_SHIEN_KAIGI, LocalDate.of(2024, 6, 26), 2,
                ReviewOutcome.CONTINUE, ReviewOutcome.REPLAN, PlanType.OUTREACH, roles, null), held,
                "amended-" + caseId);
        // the same case's next event, applied after both (one partition per case): a plan that is made
        LocalDate august = LocalDate.of(2024, 8, 28);
        publish(Topics.MEETINGS, new MeetingEvent.CaseReviewed(caseId, KURUME, "402036-JUUSOU_SHIEN_KAIGI-2024-08-28",
                MeetingType.JUUSOU_SHIEN_KAIGI, august, ReviewOutcome.PLAN, PlanType.PARTICIPATION, roles, false,
                null), august, "plan-" + caseId);
        awaitEvent(caseId, PlanningEvent.PlanCreated.class, e -> e.type() == PlanType.PARTICIPATION);

        plans(role(COORDINATOR, KURUME), caseId).statusCode(200).body("$", hasSize(1))
                .body("[0].type", equalTo("PARTICIPATION"));
    }
}
