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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlanLifecycleTest {

    static final LocalDate MAY = LocalDate.of(2024, 5, 22);

    static Plan plan(PlanType type) {
        return new Plan("p1", "c1", "402036", type, null, List.of(new Plan.Version(1, MAY, null, "一緒にフルマラソンを走りたい",
                List.of("running"), List.of("週1回の練習に参加"), List.of(), LocalDate.of(2024, 8, 1))), null, null);
    }

    @Test
    void aPlanMadeByAMeetingIsCompletedWithoutARevisionButNothingSetIsOverwritten() {
        // a 重層的支援会議's PLAN outcome: roles only, no wish, goals or review date
        Plan fromMeeting = new Plan("p2", "c1", "402036", PlanType.MULTI_AGENCY, "m1", List.of(new Plan.Version(1, MAY,
                null, null, List.of(), List.of(), List.of(new Role("a1", "見守り")), null)), null, null);
        var details = new PlanCompletion.Completion("地域の居場所に通いたい", List.of("place"), List.of("週1回の参加"),
                null, LocalDate.of(2024, 8, 22));

        var decided = assertInstanceOf(PlanLifecycle.Decision.Changes.class,
                PlanCompletion.decide(fromMeeting, details));
        assertEquals(List.of(new PlanLifecycle.Change.Complete(fromMeeting, details)), decided.changes());
        Plan.Version done = PlanCompletion.completed(fromMeeting.current(), details);
        assertEquals(1, done.version(), "the same version: not a 再プラン");
        assertEquals("地域の居場所に通いたい", done.wish());
        assertEquals(List.of(new Role("a1", "見守り")), done.roles(), "what was set stays");
        assertEquals(LocalDate.of(2024, 8, 22), done.reviewOn());

        var refused = assertInstanceOf(PlanLifecycle.Decision.Refused.class, PlanCompletion.decide(fromMeeting,
                new PlanCompletion.Completion(null, null, null, List.of(new Role("a2", "就労")), null)));
        assertTrue(refused.reason().contains("roles") && refused.reason().contains("再プラン"), refused.reason());
        assertInstanceOf(PlanLifecycle.Decision.Refused.class, PlanCompletion.decide(fromMeeting,
                new PlanCompletion.Completion(null, List.of(), List.of(), null, null)), "nothing given");
        Plan closed = new Plan("p2", "c1", "402036", PlanType.MULTI_AGENCY, "m1", fromMeeting.versions(), MAY,
                "終結");
        assertInstanceOf(PlanLifecycle.Decision.Refused.class, PlanCompletion.decide(closed, details));
    }

    @Test
    void commandsDecideTheChangeOrTheRefusalFromThePlansAsTheyStand() {
        Plan outreach = plan(PlanType.OUTREACH);
        // given no plan of the type: a new one is made
        assertEquals(new PlanLifecycle.Decision.Changes(List.of(new PlanLifecycle.Change.Create(outreach))),
                PlanLifecycle.decideCreation(true, outreach, List.of(), Optional.empty()));
        // given an active one of the same type: refused
        assertInstanceOf(PlanLifecycle.Decision.Refused.class,
                PlanLifecycle.decideCreation(true, outreach, List.of(plan(PlanType.OUTREACH)), Optional.empty()));
        // given it was closed: a new one may be made
        Plan closed = new Plan("p0", "c1", "402036", PlanType.OUTREACH, null, outreach.versions(), MAY.plusDays(1),
                "done");
        assertInstanceOf(PlanLifecycle.Decision.Changes.class,
                PlanLifecycle.decideCreation(true, outreach, List.of(closed), Optional.empty()));
        var revision = new PlanLifecycle.Revision(MAY.plusDays(7), "見直し", null, null, null, null, null);
        assertEquals(new PlanLifecycle.Decision.Changes(List.of(new PlanLifecycle.Change.Revise(outreach, revision))),
                PlanLifecycle.decideRevision(outreach, revision));
        assertInstanceOf(PlanLifecycle.Decision.Refused.class, PlanLifecycle.decideRevision(closed, revision));
        assertEquals(new PlanLifecycle.Decision.Changes(List.of(new PlanLifecycle.Change.Close(outreach,
                MAY.plusDays(30), "目標達成"))), PlanLifecycle.decideClosure(outreach, MAY.plusDays(30), "目標達成"));
        assertInstanceOf(PlanLifecycle.Decision.Refused.class,
                PlanLifecycle.decideClosure(outreach, MAY.minusDays(1), "早すぎる"));
    }

    @Test
    void aMultiAgencyPlanNeedsAMultiLayeredMeetingThatAdoptedIt() {
        var adopted = Optional.of(new PlanLifecycle.MeetingReview("m1", MeetingType.JUUSOU_SHIEN_KAIGI,
                ReviewOutcome.PLAN, PlanType.MULTI_AGENCY));
        assertTrue(PlanLifecycle.refuseCreation(true, PlanType.MULTI_AGENCY, List.of(), "m1", adopted).isEmpty());
        assertTrue(PlanLifecycle.refuseCreation(true, PlanType.MULTI_AGENCY, List.of(), null, Optional.empty())
                .orElseThrow().contains("adoptedAtMeetingId"));
        var shien = Optional.of(new PlanLifecycle.MeetingReview("m2", MeetingType.SHIEN_KAIGI, ReviewOutcome.WATCH,
                null));
        assertTrue(PlanLifecycle.refuseCreation(true, PlanType.MULTI_AGENCY, List.of(), "m2", shien).orElseThrow()
                .contains("支援会議"));
        var watch = Optional.of(new PlanLifecycle.MeetingReview("m3", MeetingType.JUUSOU_SHIEN_KAIGI,
                ReviewOutcome.CONTINUE, null));
        assertTrue(PlanLifecycle.refuseCreation(true, PlanType.MULTI_AGENCY, List.of(), "m3", watch).isPresent());
    }

    @Test
    void anUnknownCaseOrASecondActivePlanOfTheTypeIsRefused() {
        assertTrue(PlanLifecycle.refuseCreation(false, PlanType.OUTREACH, List.of(), null, Optional.empty())
                .orElseThrow().contains("unknown case"));
        assertTrue(PlanLifecycle.refuseCreation(true, PlanType.OUTREACH, List.of(plan(PlanType.OUTREACH)), null,
                Optional.empty()).orElseThrow().contains("revise"));
        assertTrue(PlanLifecycle.refuseCreation(true, PlanType.PARTICIPATION, List.of(), null, Optional.empty())
                .isEmpty());
    }

    @Test
    void revisionsKeepEveryVersionAndAClosedPlanIsNeitherRevisedNorClosedAgain() {
        Plan revised = PlanLifecycle.revise(plan(PlanType.PARTICIPATION), new PlanLifecycle.Revision(MAY.plusMonths(2),
                "練習の頻度を見直し", null, null, List.of("隔週の練習に参加"), null, null));
        assertEquals(2, revised.versions().size());
        Plan.Version v2 = revised.current();
        assertEquals(2, v2.version());
        assertEquals(List.of("隔週の練習に参加"), v2.goals(), "what the revision names changes");
        assertEquals("一緒にフルマラソンを走りたい", v2.wish(), "what it does not name carries forward");
        assertEquals(List.of("running"), v2.wishTags());
        assertEquals(LocalDate.of(2024, 8, 1), v2.reviewOn());
        assertEquals("一緒にフルマラソンを走りたい", revised.versions().get(0).wish(), "version 1 stays readable");
        assertTrue(PlanLifecycle.refuseRevision(revised, MAY).orElseThrow().contains("older"));
        Plan closed = new Plan("p1", "c1", "402036", PlanType.PARTICIPATION, null, revised.versions(),
                LocalDate.of(2025, 3, 1), "目標達成");
        assertTrue(PlanLifecycle.refuseRevision(closed, LocalDate.of(2025, 3, 2)).orElseThrow().contains("closed"));
        assertTrue(PlanLifecycle.refuseClosure(closed, LocalDate.of(2025, 3, 2)).orElseThrow().contains("already"));
        assertTrue(PlanLifecycle.refuseClosure(plan(PlanType.OUTREACH), MAY.minusDays(1)).isPresent());
    }

    @Test
    void aPlanPastItsReviewDateIsOverdueUntilClosed() {
        assertTrue(PlanLifecycle.overdue(plan(PlanType.OUTREACH), LocalDate.of(2024, 8, 2)));
        assertFalse(PlanLifecycle.overdue(plan(PlanType.OUTREACH), LocalDate.of(2024, 8, 1)));
    }

    // --- a meeting's review: given the case's plans, when a 重層的支援会議 reviews it, then these plan changes ---

    static MeetingEvent.CaseReviewed review(MeetingType type, ReviewOutcome outcome, PlanType planType,
                                            List<Role> roles) {
        return new MeetingEvent.CaseReviewed("c1", "402036", "m9", type, MAY.plusMonths(3), outcome, planType, roles,
                false, null);
    }

    static final List<Role> ROLES = List.of(new Role("kurume-houkatsu-06", "見守り"));
    /** What a review's event carries of {@link #ROLES}: the agencies, never the minutes' words. */
    static final List<Role> ROLES_LOGGED = List.of(new Role("kurume-houkatsu-06", null));

    @Test
    void aPlanOutcomeWithNoActivePlanOfTheTypeMakesOneNamedByTheReview() {
        List<PlanLifecycle.Change> changes = PlanLifecycle.fromReview(List.of(plan(PlanType.OUTREACH)),
                review(MeetingType.JUUSOU_SHIEN_KAIGI, ReviewOutcome.PLAN, null, ROLES), "meeting/m9/review/c1");

        PlanLifecycle.Change.Create create = assertInstanceOf(PlanLifecycle.Change.Create.class,
                changes.get(0));
        assertEquals(1, changes.size());
        assertEquals(PlanType.MULTI_AGENCY, create.plan().type());
        assertEquals("m9", create.plan().adoptedAtMeetingId());
        assertEquals(ROLES_LOGGED, create.plan().current().roles());
        assertEquals(create.plan().planId(), ((PlanLifecycle.Change.Create) PlanLifecycle.fromReview(List.of(),
                review(MeetingType.JUUSOU_SHIEN_KAIGI, ReviewOutcome.PLAN, null, ROLES), "meeting/m9/review/c1")
                .get(0)).plan().planId(), "the same review names the same plan");
    }

    @Test
    void aReplanRevisesTheActivePlanOfTheTypeKeepingItsRolesWhenTheMeetingNamedNone() {
        Plan participation = plan(PlanType.PARTICIPATION);

        List<PlanLifecycle.Change> changes = PlanLifecycle.fromReview(List.of(participation),
                review(MeetingType.JUUSOU_SHIEN_KAIGI, ReviewOutcome.REPLAN, PlanType.PARTICIPATION, List.of()),
                "e1");

        PlanLifecycle.Change.Revise revise = assertInstanceOf(PlanLifecycle.Change.Revise.class,
                changes.get(0));
        assertEquals(participation, revise.plan());
        assertEquals("重層的支援会議（m9）で再プラン", revise.revision().reason());
        assertEquals(participation.current().roles(), PlanLifecycle.nextVersion(participation, revise.revision())
                .roles());
    }

    @Test
    void aReplanWithNoActivePlanOfTheTypeMakesNoPlan() {
        // given only an outreach plan, and a participation plan closed before
        Plan closed = new Plan("p3", "c1", "402036", PlanType.PARTICIPATION, null, plan(PlanType.OUTREACH).versions(),
                MAY, "終結");
        List<Plan> plans = List.of(plan(PlanType.OUTREACH), closed);
        // when a 重層的支援会議 re-plans a participation plan, or a correction turns a review into that re-plan
        List<PlanLifecycle.Change> fromReview = PlanLifecycle.fromReview(plans,
                review(MeetingType.JUUSOU_SHIEN_KAIGI, ReviewOutcome.REPLAN, PlanType.PARTICIPATION, ROLES), "e1");
        List<PlanLifecycle.Change> fromAmendment = PlanLifecycle.fromAmendment(plans,
                amended(ReviewOutcome.CONTINUE, ReviewOutcome.REPLAN, PlanType.PARTICIPATION), "e2");
        // then nothing: a 再プラン of nothing makes no plan (no roles, no review date, printed as 再プラン)
        assertEquals(List.of(), fromReview);
        assertEquals(List.of(), fromAmendment);
        assertEquals(List.of(), PlanLifecycle.fromAmendment(List.of(),
                amended(ReviewOutcome.WATCH, ReviewOutcome.REPLAN, PlanType.MULTI_AGENCY), "e3"));
    }

    @Test
    void aCloseWithoutAPlanTypeClosesEveryActivePlanAndWithOneOnlyThatOne() {
        Plan outreach = plan(PlanType.OUTREACH);
        Plan participation = new Plan("p2", "c1", "402036", PlanType.PARTICIPATION, null, outreach.versions(), null,
                null);
        Plan closedBefore = new Plan("p3", "c1", "402036", PlanType.MULTI_AGENCY, "m1", outreach.versions(), MAY,
                "終結");

        List<PlanLifecycle.Change> all = PlanLifecycle.fromReview(List.of(outreach, participation, closedBefore),
                review(MeetingType.JUUSOU_SHIEN_KAIGI, ReviewOutcome.CLOSE, null, List.of()), "e1");
        List<PlanLifecycle.Change> one = PlanLifecycle.fromReview(List.of(outreach, participation, closedBefore),
                review(MeetingType.JUUSOU_SHIEN_KAIGI, ReviewOutcome.CLOSE, PlanType.OUTREACH, List.of()), "e1");

        assertEquals(List.of(new PlanLifecycle.Change.Close(outreach, MAY.plusMonths(3), "重層的支援会議（m9）で終結"),
                new PlanLifecycle.Change.Close(participation, MAY.plusMonths(3), "重層的支援会議（m9）で終結")), all);
        assertEquals(List.of(new PlanLifecycle.Change.Close(outreach, MAY.plusMonths(3),
                "重層的支援会議（m9）で終結")), one);
    }

    @Test
    void aShienKaigiOrAnOutcomeWithoutAPlanChangesNoPlan() {
        assertEquals(List.of(), PlanLifecycle.fromReview(List.of(), review(MeetingType.SHIEN_KAIGI,
                ReviewOutcome.PLAN, null, ROLES), "e1"));
        for (ReviewOutcome outcome : List.of(ReviewOutcome.CONTINUE, ReviewOutcome.WATCH, ReviewOutcome.SHARE_INFO)) {
            assertEquals(List.of(), PlanLifecycle.fromReview(List.of(plan(PlanType.MULTI_AGENCY)),
                    review(MeetingType.JUUSOU_SHIEN_KAIGI, outcome, null, ROLES), "e1"));
        }
    }

    @Test
    void aPlanOutcomeCarriesItsReviewDateIntoThePlan() {
        var reviewed = new MeetingEvent.CaseReviewed("c1", "402036", "m9", MeetingType.JUUSOU_SHIEN_KAIGI,
                MAY.plusMonths(3), ReviewOutcome.PLAN, PlanType.MULTI_AGENCY, ROLES, false, MAY.plusMonths(6));
        var create = assertInstanceOf(PlanLifecycle.Change.Create.class,
                PlanLifecycle.fromReview(List.of(), reviewed, "meeting/m9/review/c1").get(0));
        assertEquals(MAY.plusMonths(6), create.plan().current().reviewOn());
        assertEquals(ROLES_LOGGED, create.plan().current().roles());
    }

    // --- a correction of the minutes: given the case's plans, when a review is corrected, then these changes ---

    static MeetingEvent.CaseReviewAmended amended(ReviewOutcome before, ReviewOutcome after, PlanType planType) {
        return new MeetingEvent.CaseReviewAmended("c1", "402036", "m9", MeetingType.JUUSOU_SHIEN_KAIGI,
                MAY.plusMonths(3), 2, before, after, planType, ROLES, null);
    }

    @Test
    void aCorrectionToAPlanOutcomeMakesThePlanAsTheReviewWouldHave() {
        var create = assertInstanceOf(PlanLifecycle.Change.Create.class, PlanLifecycle.fromAmendment(List.of(),
                amended(ReviewOutcome.CONTINUE, ReviewOutcome.PLAN, PlanType.PARTICIPATION),
                "meeting/m9/review/c1/v2").get(0));
        assertEquals(PlanType.PARTICIPATION, create.plan().type());
        assertEquals(MAY.plusMonths(3), create.plan().current().madeOn());
        assertEquals(1, PlanLifecycle.fromAmendment(List.of(plan(PlanType.OUTREACH)),
                amended(ReviewOutcome.WATCH, ReviewOutcome.CLOSE, null), "x").size());
    }

    @Test
    void aCorrectionThatKeepsTheOutcomeOrComesFromAPlanOutcomeChangesNoPlan() {
        assertEquals(List.of(), PlanLifecycle.fromAmendment(List.of(),
                amended(ReviewOutcome.CONTINUE, ReviewOutcome.CONTINUE, null), "x"));
        assertEquals(List.of(), PlanLifecycle.fromAmendment(List.of(),
                amended(ReviewOutcome.PLAN, ReviewOutcome.PLAN, PlanType.MULTI_AGENCY), "x"));
        assertEquals(List.of(), PlanLifecycle.fromAmendment(List.of(plan(PlanType.MULTI_AGENCY)),
                amended(ReviewOutcome.PLAN, ReviewOutcome.CONTINUE, null), "x"));
    }
}
