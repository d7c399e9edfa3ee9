package jp.tsunagu.planning.plan;

import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.PlanType;
import jp.tsunagu.contract.codes.ReviewOutcome;
import jp.tsunagu.contract.events.MeetingEvent;
import jp.tsunagu.contract.events.Role;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static jp.tsunagu.planning.plan.PlanFixture.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Given what happened to a case's plans (events, folded by {@link PlanDecider#evolve}), when a command, then the events
 * it decides or its refusal, word for word as the 409 gives it.
 */
class PlanHistoryTest {

    static final LocalDate MADE = LocalDate.of(2026, 5, 20);
    static final Plan.Ref OUTREACH = new Plan.Ref("p-out", "c1", "402036", PlanType.OUTREACH);
    static final Plan.Ref MULTI = new Plan.Ref("p-multi", "c1", "402036", PlanType.MULTI_AGENCY);

    static final PlanEvent.Made OUTREACH_MADE = new PlanEvent.Made(Plan.made(OUTREACH, null, new Plan.Version(1, MADE,
            null, "外に出たい", List.of("walking"), List.of("週1回の訪問"), List.of(new Role("kurume-outreach-01", "訪問")),
            LocalDate.of(2026, 8, 1))), "kurume-outreach-01");
    static final PlanEvent.Made MULTI_MADE = new PlanEvent.Made(Plan.made(MULTI, "m1", Plan.Version.byMeeting(MADE,
            List.of(new Role("kurume-jiritsu-01", null)), null)), null);

    static PlanCommand.Make make(Plan.Ref ref, String meetingId, Optional<PlanCommand.MeetingReview> review) {
        return new PlanCommand.Make(Plan.made(ref, meetingId, new Plan.Version(1, MADE, null, null, List.of(),
                List.of(), List.of(), null)), null, true, review);
    }

    static Optional<PlanCommand.MeetingReview> reviewed(MeetingType type, ReviewOutcome outcome, PlanType planType) {
        return Optional.of(new PlanCommand.MeetingReview("m1", type, outcome, planType));
    }

    @Test
    void aSecondRunningPlanOfTheTypeIsRefusedUntilTheFirstIsClosed() {
        PlanCommand.Make another = make(new Plan.Ref("p-2", "c1", "402036", PlanType.OUTREACH), null,
                Optional.empty());
        assertEquals("the case already has an active アウトリーチプラン (p-out): revise it (再プラン) or close it first",
                given(OUTREACH_MADE).when(another).refused());
        given(OUTREACH_MADE, new PlanEvent.Closed(OUTREACH, MADE.plusDays(40), "目標達成")).when(another)
                .expect(new PlanEvent.Made(another.plan(), null));
    }

    @Test
    void aMultiAgencyPlanIsRefusedWithTheReasonOfItsMeeting() {
        assertEquals("unknown case: a plan is made for a case referred to Tsunagu", given().when(new PlanCommand.Make(
                make(MULTI, "m1", Optional.empty()).plan(), null, false, Optional.empty())).refused());
        assertEquals("meeting m1 has not reviewed this case",
                given().when(make(MULTI, "m1", Optional.empty())).refused());
        assertEquals("meeting m1 did not adopt a plan for this case (outcome WATCH)", given().when(make(MULTI, "m1",
                reviewed(MeetingType.JUUSOU_SHIEN_KAIGI, ReviewOutcome.WATCH, null))).refused());
        assertEquals("meeting m1 adopted a " + PlanType.PARTICIPATION.label() + ", not a "
                + PlanType.MULTI_AGENCY.label(), given().when(make(MULTI, "m1",
                reviewed(MeetingType.JUUSOU_SHIEN_KAIGI, ReviewOutcome.PLAN, PlanType.PARTICIPATION))).refused());
        assertEquals("a " + MeetingType.SHIEN_KAIGI.label() + " does not adopt plans (no consent, no plan): meeting m1",
                given().when(make(MULTI, "m1", reviewed(MeetingType.SHIEN_KAIGI, ReviewOutcome.PLAN, null)))
                        .refused());
        given().when(make(MULTI, "m1", reviewed(MeetingType.JUUSOU_SHIEN_KAIGI, ReviewOutcome.PLAN, null)))
                .single(PlanEvent.Made.class);
    }

    @Test
    void aClosedPlanIsNeitherRevisedCompletedNorClosedAgainNorDueForReview() {
        var closed = given(OUTREACH_MADE, new PlanEvent.Closed(OUTREACH, MADE.plusDays(40), "目標達成"));
        assertEquals("plan p-out was closed on 2026-06-29: a closed plan is not revised; make a new plan",
                closed.when(new PlanCommand.Revise("p-out", PlanCommand.Revision.of(MADE.plusDays(50), "見直し")))
                        .refused());
        assertEquals("plan p-out is already closed (2026-06-29)",
                closed.when(new PlanCommand.Close("p-out", MADE.plusDays(50), "再度")).refused());
        assertEquals("plan p-out was closed on 2026-06-29", closed.when(new PlanCommand.Complete("p-out",
                new PlanCompletion.Completion(null, null, null, null, MADE.plusDays(90)), MADE.plusDays(50)))
                .refused());
        closed.when(new PlanCommand.CheckReview("p-out", LocalDate.of(2026, 12, 1))).expectNothing();
    }

    @Test
    void datesOutOfOrderAndUnknownPlansAreRefused() {
        assertEquals("a revision cannot be older than the version it revises (2026-05-20)", given(OUTREACH_MADE)
                .when(new PlanCommand.Revise("p-out", PlanCommand.Revision.of(MADE.minusDays(1), "前日"))).refused());
        assertEquals("a plan cannot be closed before it was made (2026-05-20)", given(OUTREACH_MADE)
                .when(new PlanCommand.Close("p-out", MADE.minusDays(1), "前日")).refused());
        assertEquals("unknown plan p-none", given(OUTREACH_MADE)
                .when(new PlanCommand.Close("p-none", MADE.plusDays(1), "不明")).refused());
    }

    @Test
    void aCompletionIsOnceAndDatedByTheCommand() {
        var details = new PlanCompletion.Completion("家計を立て直したい", null, List.of("家計表をつける"),
                List.of(new Role("kurume-jiritsu-01", "家計の相談")), LocalDate.of(2026, 9, 30));
        LocalDate today = LocalDate.of(2026, 12, 28);
        var completed = given(MULTI_MADE).when(new PlanCommand.Complete("p-multi", details, today))
                .single(PlanEvent.DetailsCompleted.class);
        assertEquals(today, completed.completedOn(), "the day comes in the command");
        assertEquals(today, completed.businessDate());
        assertEquals(List.of(), completed.newRoles(), "the meeting named the agency: no new role announced");
        assertEquals(List.of("wish", "goals", "roles", "reviewOn"), completed.details());
        assertEquals("version 1 already has wish, goals, roles, reviewOn: changing them is a revision (再プラン, POST "
                        + "/plans/p-multi/revisions)",
                given(MULTI_MADE, completed).when(new PlanCommand.Complete("p-multi", details, today)).refused());
    }

    @Test
    void aReviewFallsDueTheDayAfterItsDateOncePerVersion() {
        given(OUTREACH_MADE).when(new PlanCommand.CheckReview("p-out", LocalDate.of(2026, 8, 1))).expectNothing();
        given(OUTREACH_MADE).when(new PlanCommand.CheckReview("p-out", LocalDate.of(2026, 8, 2)))
                .expect(new PlanEvent.ReviewFellDue(OUTREACH, 1, LocalDate.of(2026, 8, 1), LocalDate.of(2026, 8, 2)));
        // after a 再プラン with a new review date, its version falls due after that date
        var revised = given(OUTREACH_MADE).when(new PlanCommand.Revise("p-out",
                PlanCommand.Revision.of(LocalDate.of(2026, 7, 30), "訪問を隔週に")
                        .withReviewOn(LocalDate.of(2026, 10, 30)))).single(PlanEvent.Revised.class);
        given(OUTREACH_MADE, revised).when(new PlanCommand.CheckReview("p-out", LocalDate.of(2026, 8, 2)))
                .expectNothing();
        given(OUTREACH_MADE, revised).when(new PlanCommand.CheckReview("p-out", LocalDate.of(2026, 10, 31)))
                .expect(new PlanEvent.ReviewFellDue(OUTREACH, 2, LocalDate.of(2026, 10, 30),
                        LocalDate.of(2026, 10, 31)));
    }

    @Test
    void aVersionsReviewFallsDueOnceAndARevisedVersionFallsDueAgain() {
        var fellDue = new PlanEvent.ReviewFellDue(OUTREACH, 1, LocalDate.of(2026, 8, 1), LocalDate.of(2026, 8, 2));
        PlanState announced = PlanDecider.fold(List.of(OUTREACH_MADE, fellDue));
        assertTrue(announced.reviewAnnounced("p-out", 1));
        assertEquals(OUTREACH_MADE.made(), announced.plan("p-out").orElseThrow(), "the plan stays as it is");
        // the check runs again (the same day, the next day): version 1's review was announced, nothing falls due
        given(OUTREACH_MADE, fellDue).when(new PlanCommand.CheckReview("p-out", LocalDate.of(2026, 8, 2)))
                .expectNothing();
        given(OUTREACH_MADE, fellDue).when(new PlanCommand.CheckReview("p-out", LocalDate.of(2026, 8, 3)))
                .expectNothing();
        // 再プラン with a new review date: version 2 falls due after its own date, once
        var revised = given(OUTREACH_MADE, fellDue).when(new PlanCommand.Revise("p-out",
                PlanCommand.Revision.of(LocalDate.of(2026, 8, 5), "訪問を隔週に")
                        .withReviewOn(LocalDate.of(2026, 10, 30)))).single(PlanEvent.Revised.class);
        given(OUTREACH_MADE, fellDue, revised).when(new PlanCommand.CheckReview("p-out", LocalDate.of(2026, 10, 30)))
                .expectNothing();
        var fellDueAgain = given(OUTREACH_MADE, fellDue, revised)
                .when(new PlanCommand.CheckReview("p-out", LocalDate.of(2026, 10, 31)))
                .expect(new PlanEvent.ReviewFellDue(OUTREACH, 2, LocalDate.of(2026, 10, 30),
                        LocalDate.of(2026, 10, 31))).single(PlanEvent.ReviewFellDue.class);
        given(OUTREACH_MADE, fellDue, revised, fellDueAgain)
                .when(new PlanCommand.CheckReview("p-out", LocalDate.of(2026, 11, 1))).expectNothing();
        // a 再プラン that keeps the past review date: its version is a new one and falls due at the next check
        var keptDate = given(OUTREACH_MADE, fellDue).when(new PlanCommand.Revise("p-out",
                PlanCommand.Revision.of(LocalDate.of(2026, 8, 5), "訪問を隔週に"))).single(PlanEvent.Revised.class);
        given(OUTREACH_MADE, fellDue, keptDate).when(new PlanCommand.CheckReview("p-out", LocalDate.of(2026, 8, 6)))
                .expect(new PlanEvent.ReviewFellDue(OUTREACH, 2, LocalDate.of(2026, 8, 1), LocalDate.of(2026, 8, 6)));
    }

    @Test
    void aMeetingsPlanOutcomeRevisesTheRunningPlanWithItsRolesAndReviewDate() {
        var review = new MeetingEvent.CaseReviewed("c1", "402036", "m2", MeetingType.JUUSOU_SHIEN_KAIGI,
                MADE.plusMonths(1), ReviewOutcome.PLAN, null, List.of(new Role("kurume-houkatsu-06", "見守り")), true,
                MADE.plusMonths(4));
        var then = given(MULTI_MADE).when(new PlanCommand.TakeReview(review, "e2"));
        var revised = then.single(PlanEvent.Revised.class);
        assertEquals(new Plan.Version(2, MADE.plusMonths(1), "重層的支援会議（m2）で再プラン", null, List.of(), List.of(),
                List.of(new Role("kurume-houkatsu-06", null)), MADE.plusMonths(4)), revised.version());
        assertEquals(2, then.state().plan("p-multi").orElseThrow().versions().size());
    }

    @Test
    void foldingTheEventsGivesThePlansTheyDescribe() {
        var closed = new PlanEvent.Closed(OUTREACH, MADE.plusDays(40), "目標達成");
        PlanState state = PlanDecider.fold(List.of(OUTREACH_MADE, MULTI_MADE, closed,
                new PlanEvent.ReviewFellDue(MULTI, 1, MADE, MADE.plusDays(1))));
        assertEquals(List.of("p-multi", "p-out"), List.copyOf(state.plans().keySet()));
        assertEquals(List.of(MULTI_MADE.made()), state.active());
        assertEquals(OUTREACH_MADE.made().closed(MADE.plusDays(40), "目標達成"), state.plan("p-out").orElseThrow());
        assertEquals(PlanState.initial(), PlanDecider.fold(List.of()));
    }
}
