package jp.tsunagu.planning.plan;

import jp.tsunagu.contract.codes.CaseStatus;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.PlanType;
import jp.tsunagu.contract.codes.ReviewOutcome;
import jp.tsunagu.contract.events.IntakeEvent;
import jp.tsunagu.contract.events.MeetingEvent;
import jp.tsunagu.contract.events.PlanningEvent;
import jp.tsunagu.contract.events.Role;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static jp.tsunagu.planning.plan.PlanFixture.given;
import static jp.tsunagu.planning.plan.PlanFixture.givenPlans;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plan of a case brought in from the city's list (台帳取込), given the case's plans / when its case-imported /
 * then the plan's events: made as on 作成日, closed on 終結日, once; afterwards a plan like any other.
 */
class ImportedPlansTest {

    static final LocalDate RECEIVED = LocalDate.of(2024, 4, 10);
    static final LocalDate MADE = LocalDate.of(2024, 6, 3);
    static final LocalDate CLOSED = LocalDate.of(2025, 2, 20);
    static final String PLAN = ImportedPlans.planId("c1");

    static IntakeEvent.CaseImported imported(CaseStatus status, String agencyId, PlanType type, LocalDate madeOn,
                                             LocalDate closedOn) {
        return new IntakeEvent.CaseImported("c1", "R6-000001", "402036", "import-1", status, agencyId, RECEIVED,
                type == PlanType.MULTI_AGENCY || type == null ? null : RECEIVED, type, madeOn, closedOn);
    }

    static PlanCommand.TakeImport take(IntakeEvent.CaseImported e) {
        return new PlanCommand.TakeImport(e);
    }

    /** The plan as the import makes it: version 1 on 作成日, the listed agency's role without words, nothing else. */
    static Plan madeOn(PlanType type, List<Role> roles) {
        return Plan.made(new Plan.Ref(PLAN, "c1", "402036", type), null,
                new Plan.Version(1, MADE, null, null, List.of(), List.of(), roles, null));
    }

    @Test
    void theIdOfAnImportedPlanFollowsFromTheCase() {
        assertEquals(UUID.nameUUIDFromBytes("imported-plan|c1".getBytes(StandardCharsets.UTF_8)).toString(), PLAN);
        assertEquals(PLAN, ImportedPlans.planId("c1"), "the same for every delivery");
    }

    @Test
    void aRunningPlanOnTheListIsMadeAsOnItsDateWithTheListedAgencysRole() {
        var then = given().when(take(imported(CaseStatus.PLAN_ACTIVE, "kurume-sanka-01", PlanType.PARTICIPATION, MADE,
                null)));
        Plan plan = madeOn(PlanType.PARTICIPATION, List.of(new Role("kurume-sanka-01", null)));
        then.expect(new PlanEvent.Made(plan, null));

        PlanEvent.Made made = then.single(PlanEvent.Made.class);
        assertEquals(MADE, made.businessDate());
        assertEquals(jp.tsunagu.contract.events.EventIds.planCreated(PLAN), made.eventId(), "the id a live plan has");
        assertEquals(new PlanningEvent.PlanCreated(PLAN, "c1", "402036", PlanType.PARTICIPATION, MADE,
                List.of(new Role("kurume-sanka-01", null)), null, null, null), made.announced());
        Plan running = then.state().plan(PLAN).orElseThrow();
        assertEquals(1, running.current().version());
        assertTrue(!running.isClosed() && running.current().wish() == null && running.current().goals().isEmpty());
    }

    @Test
    void aClosedCaseOnTheListHasItsPlanMadeThenClosedOnItsDates() {
        var then = given().when(take(imported(CaseStatus.CLOSED, "kurume-sanka-01", PlanType.PARTICIPATION, MADE,
                CLOSED)));
        Plan plan = madeOn(PlanType.PARTICIPATION, List.of(new Role("kurume-sanka-01", null)));
        then.expect(new PlanEvent.Made(plan, null),
                new PlanEvent.Closed(plan.ref(), CLOSED, ImportedPlans.CLOSE_REASON));
        PlanEvent closed = then.events().get(1);
        assertEquals(CLOSED, closed.businessDate());
        assertEquals(new PlanningEvent.PlanClosed(PLAN, "c1", "402036", PlanType.PARTICIPATION, CLOSED),
                closed.announced());
        assertEquals(CLOSED, then.state().plan(PLAN).orElseThrow().closedOn());
    }

    @Test
    void anImportedMultiAgencyPlanNeedsNoMeetingButAPlanMadeNowStillDoes() {
        // the list names no agency for a 多機関協働プラン when the meeting gave no one role in particular
        var then = given().when(take(imported(CaseStatus.PLAN_ACTIVE, null, PlanType.MULTI_AGENCY, MADE, null)));
        then.expect(new PlanEvent.Made(madeOn(PlanType.MULTI_AGENCY, List.of()), null));

        // a coordinator making one now names the 重層的支援会議 that adopted it, as before
        Plan now = Plan.made(new Plan.Ref("p9", "c2", "402036", PlanType.MULTI_AGENCY), null,
                new Plan.Version(1, MADE, null, null, List.of(), List.of(), List.of(), null));
        String refused = given().when(new PlanCommand.Make(now, null, true, java.util.Optional.empty())).refused();
        assertTrue(refused.contains("adoptedAtMeetingId"), refused);
    }

    @Test
    void anImportedMultiAgencyPlanIsRevisedAndClosedLikeAnyPlan() {
        Plan imported = madeOn(PlanType.MULTI_AGENCY, List.of(new Role("kurume-jiritsu-01", null)));
        PlanEvent.Made made = new PlanEvent.Made(imported, null);
        var revised = given(made).when(new PlanCommand.Revise(PLAN, PlanCommand.Revision.of(MADE.plusMonths(3),
                "就労の希望が出てきた")));
        assertEquals(2, revised.single(PlanEvent.Revised.class).version().version());

        // a 重層的支援会議's REPLAN revises it as it would a plan the meeting made
        MeetingEvent.CaseReviewed replan = new MeetingEvent.CaseReviewed("c1", "402036", "m1",
                MeetingType.JUUSOU_SHIEN_KAIGI, MADE.plusMonths(2), ReviewOutcome.REPLAN, PlanType.MULTI_AGENCY,
                List.of(new Role("kurume-jiritsu-01", null)), false, null);
        assertEquals(2, given(made).when(new PlanCommand.TakeReview(replan, "review-1"))
                .single(PlanEvent.Revised.class).version().version());

        given(made).when(new PlanCommand.Close(PLAN, CLOSED, "目標を達成")).single(PlanEvent.Closed.class);
    }

    @Test
    void aRedeliveredImportWritesNothingNewWhateverBecameOfThePlan() {
        var importRunning = take(imported(CaseStatus.PLAN_ACTIVE, "kurume-sanka-01", PlanType.PARTICIPATION, MADE,
                null));
        PlanEvent.Made made = new PlanEvent.Made(madeOn(PlanType.PARTICIPATION,
                List.of(new Role("kurume-sanka-01", null))), null);
        given(made).when(importRunning).expectNothing();
        // revised and closed through the API since: the import is not applied again
        given(made, new PlanEvent.Closed(made.plan(), CLOSED, "目標を達成")).when(importRunning).expectNothing();
        given(made, new PlanEvent.Closed(made.plan(), CLOSED, ImportedPlans.CLOSE_REASON))
                .when(take(imported(CaseStatus.CLOSED, "kurume-sanka-01", PlanType.PARTICIPATION, MADE, CLOSED)))
                .expectNothing();
    }

    @Test
    void aCaseTheListGivesNoPlanGetsNone() {
        given().when(take(imported(CaseStatus.ACCEPTED, "kurume-jiritsu-01", null, null, null))).expectNothing();
        given().when(take(imported(CaseStatus.ESCALATED, null, null, null, null))).expectNothing();
        given().when(take(imported(CaseStatus.RECEIVED, null, null, null, null))).expectNothing();
    }

    @Test
    void aRunningImportedPlanDoesNotRunNextToAnotherOfItsType() {
        Plan live = new Plan("p-live", "c1", "402036", PlanType.PARTICIPATION, null, List.of(new Plan.Version(1,
                MADE, null, null, List.of(), List.of(), List.of(), null)), null, null);
        givenPlans(live).when(take(imported(CaseStatus.PLAN_ACTIVE, "kurume-sanka-01", PlanType.PARTICIPATION, MADE,
                null))).expectNothing();
        // a plan that ended before stands next to it, as the case's history
        assertEquals(2, givenPlans(live).when(take(imported(CaseStatus.CLOSED, "kurume-sanka-01",
                PlanType.PARTICIPATION, MADE, CLOSED))).events().size());
    }
}
