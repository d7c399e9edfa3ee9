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

import static jp.tsunagu.planning.plan.PlanFixture.givenPlans;
import static jp.tsunagu.planning.plan.PlanFixture.givenState;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every rule of a plan's life against {@link PlanDecider}, given the plans / when a command / then events or a refusal:
 * the tests that held PlanLifecycle's rules, each assertion kept (a Change is now the event it decided).
 */
class PlanDeciderTest {

    static final LocalDate MAY = LocalDate.of(2024, 5, 22);
    static final LocalDate COMPLETED_ON = MAY.plusDays(2);

    static Plan plan(PlanType type) {
        return new Plan("p1", "c1", "402036", type, null, List.of(new Plan.Version(1, MAY, null, "一緒にフルマラソンを走りたい",
                List.of("running"), List.of("週1回の練習に参加"), List.of(), LocalDate.of(2024, 8, 1))), null, null);
    }

    /** A completion of plan p2, asked on {@link #COMPLETED_ON}. */
    static PlanCommand.Complete complete(PlanCompletion.Completion details) {
        return new PlanCommand.Complete("p2", details, COMPLETED_ON);
    }

    /** A new plan of a known case, asked by a coordinator, naming no meeting. */
    static PlanCommand.Make make(Plan plan) {
        return new PlanCommand.Make(plan, null, true, Optional.empty());
    }

    /** A new plan of the type naming the meeting, given the case's active plans of the type: the refusal, if any. */
    static Optional<String> refuseCreation(boolean caseKnown, PlanType type, List<Plan> activeOfType,
                                           String adoptedAtMeetingId, Optional<PlanCommand.MeetingReview> review) {
        Plan plan = Plan.made(new Plan.Ref("p9", "c1", "402036", type), adoptedAtMeetingId, plan(type).current());
        return PlanDecider.refuseCreation(new PlanCommand.Make(plan, null, caseKnown, review),
                PlanState.of(activeOfType));
    }

    @Test
    void aPlanMadeByAMeetingIsCompletedWithoutARevisionButNothingSetIsOverwritten() {
        // a 重層的支援会議's PLAN outcome: roles only, no wish, goals or review date
        Plan fromMeeting = new Plan("p2", "c1", "402036", PlanType.MULTI_AGENCY, "m1", List.of(new Plan.Version(1, MAY,
                null, null, List.of(), List.of(), List.of(new Role("a1", "見守り")), null)), null, null);
        var details = new PlanCompletion.Completion("地域の居場所に通いたい", List.of("place"), List.of("週1回の参加"),
                null, LocalDate.of(2024, 8, 22));

        var decided = givenPlans(fromMeeting).when(complete(details));
        decided.expect(new PlanEvent.DetailsCompleted(fromMeeting.ref(), PlanCompletion.completed(
                fromMeeting.current(), details), details.named(), List.of(), details.reviewOn(), COMPLETED_ON));
        Plan.Version done = decided.state().plan("p2").orElseThrow().current();
        assertEquals(1, done.version(), "the same version: not a 再プラン");
        assertEquals("地域の居場所に通いたい", done.wish());
        assertEquals(List.of(new Role("a1", "見守り")), done.roles(), "what was set stays");
        assertEquals(LocalDate.of(2024, 8, 22), done.reviewOn());

        String refused = givenPlans(fromMeeting).when(complete(new PlanCompletion.Completion(null, null, null,
                List.of(new Role("a2", "就労")), null))).refused();
        assertTrue(refused.contains("roles") && refused.contains("再プラン"), refused);
        givenPlans(fromMeeting).when(complete(new PlanCompletion.Completion(null, List.of(), List.of(), null, null)))
                .refused(); // nothing given
        Plan closed = new Plan("p2", "c1", "402036", PlanType.MULTI_AGENCY, "m1", fromMeeting.versions(), MAY,
                "終結");
        givenPlans(closed).when(complete(details)).refused();
    }

    @Test
    void commandsDecideTheChangeOrTheRefusalFromThePlansAsTheyStand() {
        Plan outreach = plan(PlanType.OUTREACH);
        // given no plan of the type: a new one is made
        givenPlans().when(make(outreach)).expect(new PlanEvent.Made(outreach, null));
        // given an active one of the same type: refused
        givenPlans(plan(PlanType.OUTREACH)).when(make(outreach)).refused();
        // given it was closed: a new one may be made
        Plan closed = new Plan("p0", "c1", "402036", PlanType.OUTREACH, null, outreach.versions(), MAY.plusDays(1),
                "done");
        givenPlans(closed).when(make(outreach)).single(PlanEvent.Made.class);
        var revision = PlanCommand.Revision.of(MAY.plusDays(7), "見直し");
        givenPlans(outreach).when(new PlanCommand.Revise("p1", revision))
                .expect(new PlanEvent.Revised(outreach.ref(), PlanDecider.nextVersion(outreach, revision)));
        givenPlans(closed).when(new PlanCommand.Revise("p0", revision)).refused();
        givenPlans(outreach).when(new PlanCommand.Close("p1", MAY.plusDays(30), "目標達成"))
                .expect(new PlanEvent.Closed(outreach.ref(), MAY.plusDays(30), "目標達成"));
        givenPlans(outreach).when(new PlanCommand.Close("p1", MAY.minusDays(1), "早すぎる")).refused();
    }

    @Test
    void aMultiAgencyPlanNeedsAMultiLayeredMeetingThatAdoptedIt() {
        var adopted = Optional.of(new PlanCommand.MeetingReview("m1", MeetingType.JUUSOU_SHIEN_KAIGI,
                ReviewOutcome.PLAN, PlanType.MULTI_AGENCY));
        assertTrue(refuseCreation(true, PlanType.MULTI_AGENCY, List.of(), "m1", adopted).isEmpty());
        assertTrue(refuseCreation(true, PlanType.MULTI_AGENCY, List.of(), null, Optional.empty())
                .orElseThrow().contains("adoptedAtMeetingId"));
        var shien = Optional.of(new PlanCommand.MeetingReview("m2", MeetingType.SHIEN_KAIGI, ReviewOutcome.WATCH,
                null));
        assertTrue(refuseCreation(true, PlanType.MULTI_AGENCY, List.of(), "m2", shien).orElseThrow()
                .contains("支援会議"));
        var watch = Optional.of(new PlanCommand.MeetingReview("m3", MeetingType.JUUSOU_SHIEN_KAIGI,
                ReviewOutcome.CONTINUE, null));
        assertTrue(refuseCreation(true, PlanType.MULTI_AGENCY, List.of(), "m3", watch).isPresent());
    }

    @Test
    void anUnknownCaseOrASecondActivePlanOfTheTypeIsRefused() {
        assertTrue(refuseCreation(false, PlanType.OUTREACH, List.of(), null, Optional.empty())
                .orElseThrow().contains("unknown case"));
        assertTrue(refuseCreation(true, PlanType.OUTREACH, List.of(plan(PlanType.OUTREACH)), null,
                Optional.empty()).orElseThrow().contains("revise"));
        assertTrue(refuseCreation(true, PlanType.PARTICIPATION, List.of(), null, Optional.empty())
                .isEmpty());
    }

    @Test
    void revisionsKeepEveryVersionAndAClosedPlanIsNeitherRevisedNorClosedAgain() {
        Plan revised = givenPlans(plan(PlanType.PARTICIPATION)).when(new PlanCommand.Revise("p1",
                        PlanCommand.Revision.of(MAY.plusMonths(2), "練習の頻度を見直し").withGoals(List.of("隔週の練習に参加"))))
                .state().plan("p1").orElseThrow();
        assertEquals(2, revised.versions().size());
        Plan.Version v2 = revised.current();
        assertEquals(2, v2.version());
        assertEquals(List.of("隔週の練習に参加"), v2.goals(), "what the revision names changes");
        assertEquals("一緒にフルマラソンを走りたい", v2.wish(), "what it does not name carries forward");
        assertEquals(List.of("running"), v2.wishTags());
        assertEquals(LocalDate.of(2024, 8, 1), v2.reviewOn());
        assertEquals("一緒にフルマラソンを走りたい", revised.versions().get(0).wish(), "version 1 stays readable");
        assertTrue(PlanDecider.refuseRevision(revised, MAY).orElseThrow().contains("older"));
        Plan closed = new Plan("p1", "c1", "402036", PlanType.PARTICIPATION, null, revised.versions(),
                LocalDate.of(2025, 3, 1), "目標達成");
        assertTrue(PlanDecider.refuseRevision(closed, LocalDate.of(2025, 3, 2)).orElseThrow().contains("closed"));
        assertTrue(PlanDecider.refuseClosure(closed, LocalDate.of(2025, 3, 2)).orElseThrow().contains("already"));
        assertTrue(PlanDecider.refuseClosure(plan(PlanType.OUTREACH), MAY.minusDays(1)).isPresent());
    }

    @Test
    void aPlanPastItsReviewDateIsOverdueUntilClosed() {
        assertTrue(PlanDecider.overdue(plan(PlanType.OUTREACH), LocalDate.of(2024, 8, 2)));
        assertFalse(PlanDecider.overdue(plan(PlanType.OUTREACH), LocalDate.of(2024, 8, 1)));
    }

    @Test
    void aReviewAnnouncedAsPersistenceHoldsItIsNotAnnouncedAgain() {
        LocalDate dayAfter = LocalDate.of(2024, 8, 2);
        givenPlans(plan(PlanType.OUTREACH)).when(new PlanCommand.CheckReview("p1", dayAfter))
                .expect(new PlanEvent.ReviewFellDue(plan(PlanType.OUTREACH).ref(), 1, LocalDate.of(2024, 8, 1),
                        dayAfter));
        givenState(PlanState.of(List.of(plan(PlanType.OUTREACH)), List.of(new PlanState.ReviewAnnounced("p1", 1))))
                .when(new PlanCommand.CheckReview("p1", dayAfter)).expectNothing();
        // another plan's or another version's announcement is not this one's
        givenState(PlanState.of(List.of(plan(PlanType.OUTREACH)), List.of(new PlanState.ReviewAnnounced("p2", 1),
                new PlanState.ReviewAnnounced("p1", 2)))).when(new PlanCommand.CheckReview("p1", dayAfter))
                .single(PlanEvent.ReviewFellDue.class);
    }

    // --- a meeting's review: given the case's plans, when a 重層的支援会議 reviews it, then these plan changes ---

    static MeetingEvent.CaseReviewed review(MeetingType type, ReviewOutcome outcome, PlanType planType,
                                            List<Role> roles) {
        return new MeetingEvent.CaseReviewed("c1", "402036", "m9", type, MAY.plusMonths(3), outcome, planType, roles,
                false, null);
    }

    static PlanCommand.TakeReview takeReview(MeetingEvent.CaseReviewed review, String causeId) {
        return new PlanCommand.TakeReview(review, causeId);
    }

    static final List<Role> ROLES = List.of(new Role("kurume-houkatsu-06", "見守り"));
    /** What a review's event carries of {@link #ROLES}: the agencies, never the minutes' words. */
    static final List<Role> ROLES_LOGGED = List.of(new Role("kurume-houkatsu-06", null));

    @Test
    void aPlanOutcomeWithNoActivePlanOfTheTypeMakesOneNamedByTheReview() {
        List<PlanEvent> changes = givenPlans(plan(PlanType.OUTREACH)).when(takeReview(
                review(MeetingType.JUUSOU_SHIEN_KAIGI, ReviewOutcome.PLAN, null, ROLES), "meeting/m9/review/c1"))
                .events();

        PlanEvent.Made create = assertInstanceOf(PlanEvent.Made.class, changes.get(0));
        assertEquals(1, changes.size());
        assertEquals(PlanType.MULTI_AGENCY, create.made().type());
        assertEquals("m9", create.made().adoptedAtMeetingId());
        assertEquals(ROLES_LOGGED, create.made().current().roles());
        assertEquals(create.made().planId(), givenPlans().when(takeReview(review(MeetingType.JUUSOU_SHIEN_KAIGI,
                        ReviewOutcome.PLAN, null, ROLES), "meeting/m9/review/c1")).single(PlanEvent.Made.class)
                .made().planId(), "the same review names the same plan");
    }

    @Test
    void aReplanRevisesTheActivePlanOfTheTypeKeepingItsRolesWhenTheMeetingNamedNone() {
        Plan participation = plan(PlanType.PARTICIPATION);

        List<PlanEvent> changes = givenPlans(participation).when(takeReview(
                review(MeetingType.JUUSOU_SHIEN_KAIGI, ReviewOutcome.REPLAN, PlanType.PARTICIPATION, List.of()),
                "e1")).events();

        PlanEvent.Revised revise = assertInstanceOf(PlanEvent.Revised.class, changes.get(0));
        assertEquals(participation.ref(), revise.plan());
        assertEquals("重層的支援会議（m9）で再プラン", revise.version().reason());
        assertEquals(participation.current().roles(), revise.version().roles());
    }

    @Test
    void aReplanWithNoActivePlanOfTheTypeMakesNoPlan() {
        // given only an outreach plan, and a participation plan closed before
        Plan closed = new Plan("p3", "c1", "402036", PlanType.PARTICIPATION, null, plan(PlanType.OUTREACH).versions(),
                MAY, "終結");
        PlanState plans = PlanState.of(List.of(plan(PlanType.OUTREACH), closed));
        // when a 重層的支援会議 re-plans a participation plan, or a correction turns a review into that re-plan
        List<PlanEvent> fromReview = PlanDecider.fromReview(plans,
                review(MeetingType.JUUSOU_SHIEN_KAIGI, ReviewOutcome.REPLAN, PlanType.PARTICIPATION, ROLES), "e1");
        List<PlanEvent> fromAmendment = PlanDecider.fromAmendment(plans,
                amended(ReviewOutcome.CONTINUE, ReviewOutcome.REPLAN, PlanType.PARTICIPATION), "e2");
        // then nothing: a 再プラン of nothing makes no plan (no roles, no review date, printed as 再プラン)
        assertEquals(List.of(), fromReview);
        assertEquals(List.of(), fromAmendment);
        assertEquals(List.of(), PlanDecider.fromAmendment(PlanState.initial(),
                amended(ReviewOutcome.WATCH, ReviewOutcome.REPLAN, PlanType.MULTI_AGENCY), "e3"));
    }

    @Test
    void aCloseWithoutAPlanTypeClosesEveryActivePlanAndWithOneOnlyThatOne() {
        Plan outreach = plan(PlanType.OUTREACH);
        Plan participation = new Plan("p2", "c1", "402036", PlanType.PARTICIPATION, null, outreach.versions(), null,
                null);
        Plan closedBefore = new Plan("p3", "c1", "402036", PlanType.MULTI_AGENCY, "m1", outreach.versions(), MAY,
                "終結");

        List<PlanEvent> all = givenPlans(outreach, participation, closedBefore).when(takeReview(
                review(MeetingType.JUUSOU_SHIEN_KAIGI, ReviewOutcome.CLOSE, null, List.of()), "e1")).events();
        List<PlanEvent> one = givenPlans(outreach, participation, closedBefore).when(takeReview(
                review(MeetingType.JUUSOU_SHIEN_KAIGI, ReviewOutcome.CLOSE, PlanType.OUTREACH, List.of()), "e1"))
                .events();

        assertEquals(List.of(new PlanEvent.Closed(outreach.ref(), MAY.plusMonths(3), "重層的支援会議（m9）で終結"),
                new PlanEvent.Closed(participation.ref(), MAY.plusMonths(3), "重層的支援会議（m9）で終結")), all);
        assertEquals(List.of(new PlanEvent.Closed(outreach.ref(), MAY.plusMonths(3),
                "重層的支援会議（m9）で終結")), one);
    }

    @Test
    void aShienKaigiOrAnOutcomeWithoutAPlanChangesNoPlan() {
        givenPlans().when(takeReview(review(MeetingType.SHIEN_KAIGI, ReviewOutcome.PLAN, null, ROLES), "e1"))
                .expectNothing();
        for (ReviewOutcome outcome : List.of(ReviewOutcome.CONTINUE, ReviewOutcome.WATCH, ReviewOutcome.SHARE_INFO)) {
            givenPlans(plan(PlanType.MULTI_AGENCY)).when(takeReview(
                    review(MeetingType.JUUSOU_SHIEN_KAIGI, outcome, null, ROLES), "e1")).expectNothing();
        }
    }

    @Test
    void aPlanOutcomeCarriesItsReviewDateIntoThePlan() {
        var reviewed = new MeetingEvent.CaseReviewed("c1", "402036", "m9", MeetingType.JUUSOU_SHIEN_KAIGI,
                MAY.plusMonths(3), ReviewOutcome.PLAN, PlanType.MULTI_AGENCY, ROLES, false, MAY.plusMonths(6));
        var create = givenPlans().when(takeReview(reviewed, "meeting/m9/review/c1")).single(PlanEvent.Made.class);
        assertEquals(MAY.plusMonths(6), create.made().current().reviewOn());
        assertEquals(ROLES_LOGGED, create.made().current().roles());
    }

    // --- a correction of the minutes: given the case's plans, when a review is corrected, then these changes ---

    static MeetingEvent.CaseReviewAmended amended(ReviewOutcome before, ReviewOutcome after, PlanType planType) {
        return new MeetingEvent.CaseReviewAmended("c1", "402036", "m9", MeetingType.JUUSOU_SHIEN_KAIGI,
                MAY.plusMonths(3), 2, before, after, planType, ROLES, null);
    }

    static PlanCommand.TakeAmendment takeAmendment(MeetingEvent.CaseReviewAmended amendment, String causeId) {
        return new PlanCommand.TakeAmendment(amendment, causeId);
    }

    @Test
    void aCorrectionToAPlanOutcomeMakesThePlanAsTheReviewWouldHave() {
        var create = givenPlans().when(takeAmendment(
                amended(ReviewOutcome.CONTINUE, ReviewOutcome.PLAN, PlanType.PARTICIPATION),
                "meeting/m9/review/c1/v2")).single(PlanEvent.Made.class);
        assertEquals(PlanType.PARTICIPATION, create.made().type());
        assertEquals(MAY.plusMonths(3), create.made().current().madeOn());
        assertEquals(1, givenPlans(plan(PlanType.OUTREACH)).when(takeAmendment(
                amended(ReviewOutcome.WATCH, ReviewOutcome.CLOSE, null), "x")).events().size());
    }

    @Test
    void aCorrectionThatKeepsTheOutcomeOrComesFromAPlanOutcomeChangesNoPlan() {
        givenPlans().when(takeAmendment(amended(ReviewOutcome.CONTINUE, ReviewOutcome.CONTINUE, null), "x"))
                .expectNothing();
        givenPlans().when(takeAmendment(amended(ReviewOutcome.PLAN, ReviewOutcome.PLAN, PlanType.MULTI_AGENCY), "x"))
                .expectNothing();
        givenPlans(plan(PlanType.MULTI_AGENCY)).when(takeAmendment(
                amended(ReviewOutcome.PLAN, ReviewOutcome.CONTINUE, null), "x")).expectNothing();
    }
}
