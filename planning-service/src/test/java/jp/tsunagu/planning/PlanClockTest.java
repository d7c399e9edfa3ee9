package jp.tsunagu.planning;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jp.tsunagu.contract.Topics;
import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.PlanningEvent;
import jp.tsunagu.contract.events.TsunaguEvent;
import jp.tsunagu.support.clock.BusinessClock;
import jp.tsunagu.testing.TopicProbe;
import jp.tsunagu.testing.TsunaguTestResources;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;

import static jp.tsunagu.planning.PlanFlowTest.COORDINATOR;
import static jp.tsunagu.planning.PlanFlowTest.createOnceVisible;
import static jp.tsunagu.planning.PlanFlowTest.get;
import static jp.tsunagu.planning.PlanFlowTest.post;
import static jp.tsunagu.planning.PlanFlowTest.refer;
import static io.restassured.RestAssured.given;
import static jp.tsunagu.testing.Tokens.KURUME;
import static jp.tsunagu.testing.Tokens.bearer;
import static jp.tsunagu.testing.Tokens.role;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * planning takes the day from the injected BusinessClock (here set, not waited for): a plan's review falls due the day
 * after its review date even when that day is the year-end closure's first (12/29), a completion is dated by it, and a
 * plan is not closed on a day that has not come (3/31 → 4/1, the fiscal year's boundary).
 */
@QuarkusTest
@QuarkusTestResource(TsunaguTestResources.class)
class PlanClockTest {

    static void on(LocalDate day) {
        QuarkusMock.installMockForType(BusinessClock.on(day), BusinessClock.class);
    }

    static EventEnvelope<TsunaguEvent> awaitEnvelope(String caseId, Class<? extends PlanningEvent> type) {
        return TopicProbe.decode(TopicProbe.await(Topics.PLANS, r -> caseId.equals(r.key())
                && type.isInstance(TopicProbe.decode(r).data()), Duration.ofSeconds(30)));
    }

    @Test
    void aReviewDueOnTheLastDayBeforeTheYearEndClosureFallsDueOnItsFirstDay() {
        String token = role(COORDINATOR, KURUME);
        on(LocalDate.of(2026, 12, 28));
        String caseId = refer(KURUME);
        String planId = createOnceVisible(token, caseId,
                "{\"type\":\"OUTREACH\",\"madeOn\":\"2026-12-01\",\"reviewOn\":\"2026-12-28\"}");

        // on 12/28, the review date itself: not yet overdue, nothing announced
        post(token, "/plans/review-check", "").statusCode(200);
        get(token, "/plans?overdue=true").statusCode(200).body("planId", not(hasItem(planId)));

        // on 12/29, the closure's first day: overdue, announced once, dated that day
        on(LocalDate.of(2026, 12, 29));
        get(token, "/plans?overdue=true").statusCode(200).body("planId", hasItem(planId));
        post(token, "/plans/review-check", "").statusCode(200);
        EventEnvelope<TsunaguEvent> due = awaitEnvelope(caseId, PlanningEvent.PlanReviewDue.class);
        assertEquals(LocalDate.of(2026, 12, 29), due.businessDate());
        assertEquals(LocalDate.of(2026, 12, 28), ((PlanningEvent.PlanReviewDue) due.data()).reviewOn());

        // details filled in that day are dated by the clock, not by the machine's day
        given().header("Authorization", bearer(token)).contentType("application/json")
                .body("{\"goals\":[\"年明けに面談する\"]}").put("/plans/" + planId + "/details").then()
                .statusCode(200).body("version", equalTo(1));
        assertEquals(LocalDate.of(2026, 12, 29),
                awaitEnvelope(caseId, PlanningEvent.PlanDetailsCompleted.class).businessDate());
    }

    @Test
    void aPlanIsNotClosedOnTheNewFiscalYearsFirstDayBeforeItComes() {
        String token = role(COORDINATOR, KURUME);
        on(LocalDate.of(2027, 3, 31));
        String caseId = refer(KURUME);
        String planId = createOnceVisible(token, caseId, "{\"type\":\"OUTREACH\",\"madeOn\":\"2026-04-01\"}");

        post(token, "/plans/" + planId + "/closure", "{\"closedOn\":\"2027-04-01\",\"reason\":\"目標を達成\"}")
                .statusCode(400).body("errors.field", hasItem("closedOn"))
                .body("errors.message", hasItem(containsString("2027-03-31")));

        on(LocalDate.of(2027, 4, 1));
        post(token, "/plans/" + planId + "/closure", "{\"closedOn\":\"2027-04-01\",\"reason\":\"目標を達成\"}")
                .statusCode(201);
        EventEnvelope<TsunaguEvent> closed = awaitEnvelope(caseId, PlanningEvent.PlanClosed.class);
        assertEquals(LocalDate.of(2027, 4, 1), ((PlanningEvent.PlanClosed) closed.data()).closedOn());
        assertEquals(LocalDate.of(2027, 4, 1), closed.businessDate());
    }
}
