package jp.tsunagu.planning.plan;

import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.PlanType;
import jp.tsunagu.contract.codes.ReviewOutcome;
import jp.tsunagu.contract.events.MeetingEvent;
import jp.tsunagu.contract.events.PlanningEvent;
import jp.tsunagu.contract.events.Role;
import jp.tsunagu.support.problem.FieldError;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static jp.tsunagu.planning.plan.PlanFixture.given;
import static jp.tsunagu.planning.plan.PlanFixture.givenPlans;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A household's plan (世帯の支援プラン) against {@link PlanDecider}: given the plans, when a command, then events. */
class HouseholdPlanDeciderTest {

    static final LocalDate DEC = LocalDate.of(2026, 12, 16);
    static final String MEETING = "402036-JUUSOU_SHIEN_KAIGI-2026-12-16";
    static final Role CARE = new Role("kurume-houkatsu-01", "介護サービスの調整");
    static final Role WORK = new Role("kurume-sanka-01", "就労体験の調整");
    static final Role MONEY = new Role("kurume-jiritsu-01", "家計の相談");
    static final PlanCommand.MeetingReview ADOPTED = new PlanCommand.MeetingReview(MEETING,
            MeetingType.JUUSOU_SHIEN_KAIGI, ReviewOutcome.PLAN, PlanType.MULTI_AGENCY);

    /** The parent's and the son's plan, as asked: the household's wish and money role, each member's own. */
    static Plan householdPlan(String... caseIds) {
        List<Plan.Subject> subjects = java.util.Arrays.stream(caseIds).map(c -> new Plan.Subject(c,
                c.equals("parent") ? "家で暮らし続けたい" : "人と話せる場所がほしい", List.of(),
                List.of(c.equals("parent") ? CARE : WORK))).toList();
        return Plan.made(new Plan.Ref("hp1", caseIds.length == 0 ? "" : caseIds[0], "402036", PlanType.MULTI_AGENCY,
                        "h1", List.of(caseIds)), MEETING, new Plan.Version(1, DEC, null, "親子で安心して暮らしたい",
                List.of(), List.of("親の介護サービスを整える"), List.of(MONEY), LocalDate.of(2027, 3, 20), subjects));
    }

    static PlanCommand.MakeForHousehold make(Plan plan) {
        return new PlanCommand.MakeForHousehold(plan, null, Set.of("parent", "son"),
                Map.of("parent", ADOPTED, "son", ADOPTED));
    }

    static List<FieldError> invalid(PlanFixture.Then then) {
        return assertInstanceOf(PlanDecider.Decision.Invalid.class, then.decision()).errors();
    }

    static MeetingEvent.CaseReviewed review(String caseId, ReviewOutcome outcome, List<Role> roles) {
        return new MeetingEvent.CaseReviewed(caseId, "402036", MEETING, MeetingType.JUUSOU_SHIEN_KAIGI, DEC, outcome,
                PlanType.MULTI_AGENCY, roles, false, null, "h1");
    }

    @Test
    void aHouseholdPlanIsOnePlanAnnouncedOncePerMemberCaseWithItsRolesAndTheHouseholds() {
        Plan plan = householdPlan("parent", "son");
        PlanEvent.Made made = given().when(make(plan)).single(PlanEvent.Made.class);
        List<PlanEvent.Announcement> announced = made.announcements();
        assertEquals(2, announced.size());
        var parent = assertInstanceOf(PlanningEvent.PlanCreated.class, announced.get(0).event());
        var son = assertInstanceOf(PlanningEvent.PlanCreated.class, announced.get(1).event());
        assertEquals(List.of("parent", "son"), List.of(parent.caseId(), son.caseId()));
        assertEquals(parent.planId(), son.planId());
        assertEquals("h1", son.householdId());
        // each member's roles and the household's, agencies only (no words on the log)
        assertEquals(List.of("kurume-sanka-01", "kurume-jiritsu-01"),
                son.roles().stream().map(Role::agencyId).toList());
        assertNull(son.roles().get(0).responsibility());
        // two events, two ids: a consumer takes each id once
        assertEquals(2, announced.stream().map(PlanEvent.Announcement::eventId).distinct().count());
    }

    @Test
    void aMemberOutsideTheHouseholdNoneATwiceNamedOneAndARunningPlanAreEachNamed() {
        assertEquals(List.of(new FieldError("members[1].caseId", "この世帯の案件ではありません")),
                invalid(given().when(make(householdPlan("parent", "stranger")))));
        assertEquals(List.of(new FieldError("members", "世帯員の案件を1件以上指定してください")),
                invalid(given().when(make(householdPlan()))));
        assertEquals(List.of(new FieldError("members[1].caseId", "同じ案件が2回指定されています")),
                invalid(given().when(make(householdPlan("son", "son")))));
        Plan sonsOwn = new Plan("p-son", "son", "402036", PlanType.MULTI_AGENCY, "m0", List.of(
                Plan.Version.byMeeting(DEC.minusMonths(1), List.of(WORK), null)), null, null);
        List<FieldError> errors = invalid(givenPlans(sonsOwn).when(make(householdPlan("parent", "son"))));
        assertEquals("members[1].caseId", errors.get(0).field());
        assertTrue(errors.get(0).message().contains("p-son"), errors.toString());
    }

    @Test
    void aMultiAgencyHouseholdPlanNeedsTheMeetingToHaveAdoptedAPlanForEachMember() {
        var command = new PlanCommand.MakeForHousehold(householdPlan("parent", "son"), null, Set.of("parent", "son"),
                Map.of("parent", ADOPTED));
        String reason = assertInstanceOf(PlanDecider.Decision.Refused.class, given().when(command).decision())
                .reason();
        assertTrue(reason.startsWith("case son: meeting " + MEETING + " has not reviewed"), reason);
    }

    @Test
    void closingTheHouseholdPlanClosesItInEveryMembersCase() {
        PlanEvent.Closed closed = given(new PlanEvent.Made(householdPlan("parent", "son"), null))
                .when(new PlanCommand.Close("hp1", DEC.plusMonths(3), "目標を達成")).single(PlanEvent.Closed.class);
        assertEquals(List.of("parent", "son"), closed.announcements().stream()
                .map(a -> ((PlanningEvent.PlanClosed) a.event()).caseId()).toList());
    }

    @Test
    void aRevisionCarriesTheSubjectsForwardAndIsAnnouncedPerMember() {
        PlanEvent.Revised revised = given(new PlanEvent.Made(householdPlan("parent", "son"), null))
                .when(new PlanCommand.Revise("hp1", PlanCommand.Revision.of(DEC.plusMonths(1), "息子さんが就労体験へ")))
                .single(PlanEvent.Revised.class);
        assertEquals(householdPlan("parent", "son").current().subjects(), revised.version().subjects());
        assertEquals(2, revised.announcements().size());
    }

    @Test
    void aMeetingsPlanForTwoMembersOfAHouseholdMakesOnePlanTheSecondJoiningIt() {
        // the parent's review comes first: the household's plan, the parent its first subject
        PlanEvent.Made made = given().when(new PlanCommand.TakeReview(review("parent", ReviewOutcome.PLAN,
                List.of(CARE)), "review-parent")).single(PlanEvent.Made.class);
        assertEquals("h1", made.made().householdId());
        assertEquals(List.of("parent"), made.made().caseIds());
        assertEquals(List.of(), made.made().current().roles());
        // the son's review of the same meeting: he joins that plan, announced as his plan-created with the same id
        PlanEvent.SubjectJoined joined = given().when(new PlanCommand.TakeReview(review("son", ReviewOutcome.PLAN,
                        List.of(WORK)), "review-son", Optional.of(made.made())))
                .single(PlanEvent.SubjectJoined.class);
        var created = assertInstanceOf(PlanningEvent.PlanCreated.class, joined.announcements().getFirst().event());
        assertEquals(made.made().planId(), created.planId());
        assertEquals("son", created.caseId());
        assertEquals(1, joined.announcements().size());
        Plan after = PlanDecider.evolve(PlanState.initial(), joined).plan(made.made().planId()).orElseThrow();
        assertEquals(List.of("parent", "son"), after.caseIds());
        // a redelivered review of the parent at the same meeting does not revise the plan it made
        given(made).when(new PlanCommand.TakeReview(review("parent", ReviewOutcome.PLAN, List.of(CARE)),
                "review-parent", Optional.of(made.made()))).expectNothing();
    }

    @Test
    void aReviewWithoutItsHouseholdStillMakesThePersonsOwnPlan() {
        var alone = new MeetingEvent.CaseReviewed("son", "402036", MEETING, MeetingType.JUUSOU_SHIEN_KAIGI, DEC,
                ReviewOutcome.PLAN, PlanType.MULTI_AGENCY, List.of(WORK), false, null);
        PlanEvent.Made made = given().when(new PlanCommand.TakeReview(alone, "r")).single(PlanEvent.Made.class);
        assertNull(made.made().householdId());
        assertEquals(Role.withoutText(List.of(WORK)), made.made().current().roles());
        assertEquals(List.of(new PlanEvent.Announcement(made.eventId(), made.announced())), made.announcements());
    }

    static MeetingEvent.CaseReviewed review(String caseId, String meetingId, ReviewOutcome outcome, List<Role> roles) {
        return new MeetingEvent.CaseReviewed(caseId, "402036", meetingId, MeetingType.JUUSOU_SHIEN_KAIGI,
                DEC.plusMonths(3), outcome, PlanType.MULTI_AGENCY, roles, false, null, "h1");
    }

    static PlanCommand.MeetingReview closed(String meetingId) {
        return new PlanCommand.MeetingReview(meetingId, MeetingType.JUUSOU_SHIEN_KAIGI, ReviewOutcome.CLOSE,
                PlanType.MULTI_AGENCY);
    }

    @Test
    void oneMembersCloseLeavesTheHouseholdPlanRunningTheMemberCompletingTheSetClosesItInEachCase() {
        String later = "402036-JUUSOU_SHIEN_KAIGI-2027-03-16";
        PlanFixture running = given(new PlanEvent.Made(householdPlan("parent", "son"), null));
        // the parent's CLOSE alone: the household's plan still covers her, nothing closes
        running.when(new PlanCommand.TakeReview(review("parent", later, ReviewOutcome.CLOSE, List.of()), "r-parent",
                Optional.empty(), Map.of("parent", closed(later)))).expectNothing();
        // the son's CLOSE at another meeting does not complete the set of this one
        running.when(new PlanCommand.TakeReview(review("son", later, ReviewOutcome.CLOSE, List.of()), "r-son",
                Optional.empty(), Map.of("parent", closed(MEETING)))).expectNothing();
        // the son's CLOSE at the same meeting completes it: the plan closes, announced in each member's case
        PlanEvent.Closed done = running.when(new PlanCommand.TakeReview(review("son", later, ReviewOutcome.CLOSE,
                        List.of()), "r-son", Optional.empty(), Map.of("parent", closed(later), "son", closed(later))))
                .single(PlanEvent.Closed.class);
        assertEquals(List.of("parent", "son"), done.announcements().stream()
                .map(a -> ((PlanningEvent.PlanClosed) a.event()).caseId()).toList());
        // a CLOSE naming no type closes the parent's own plan as before, the household's not
        Plan own = new Plan("p-own", "parent", "402036", PlanType.OUTREACH, null, List.of(
                Plan.Version.byMeeting(DEC, List.of(CARE), null)), null, null);
        var noType = new MeetingEvent.CaseReviewed("parent", "402036", later, MeetingType.JUUSOU_SHIEN_KAIGI,
                DEC.plusMonths(3), ReviewOutcome.CLOSE, null, List.of(), false, null, "h1");
        assertEquals("p-own", givenPlans(own, householdPlan("parent", "son")).when(new PlanCommand.TakeReview(noType,
                "r", Optional.empty(), Map.of("parent", closed(later)))).single(PlanEvent.Closed.class).plan()
                .planId());
    }

    /** The plan as a meeting's reviews made it: the parent's role without words, nothing for the son yet. */
    static Plan madeByMeeting() {
        return Plan.made(new Plan.Ref("p-meeting", "parent", "402036", PlanType.MULTI_AGENCY, "h1",
                List.of("parent", "son")), MEETING, Plan.Version.byMeeting(DEC, List.of(), null).withSubjects(List.of(
                new Plan.Subject("parent", null, List.of(), Role.withoutText(List.of(CARE))),
                new Plan.Subject("son", null, List.of(), List.of()))));
    }

    static PlanCommand.CompleteSubject fill(String caseId, String wish, List<Role> roles) {
        return new PlanCommand.CompleteSubject("p-meeting", caseId, new PlanCompletion.Completion(wish,
                List.of("ibasho"), null, roles, null), DEC.plusDays(1));
    }

    @Test
    void aMembersWordsAreFilledInAfterTheMeetingAnnouncedInThatCaseOnlyWhenItsAgenciesAreNew() {
        PlanFixture made = givenPlans(madeByMeeting());
        // the son had no role: his wish, tags and a new role; plan-details-completed in his case alone
        PlanEvent.SubjectCompleted son = made.when(fill("son", "人と話せる場所がほしい", List.of(WORK)))
                .single(PlanEvent.SubjectCompleted.class);
        var announced = assertInstanceOf(PlanningEvent.PlanDetailsCompleted.class,
                son.announcements().getFirst().event());
        assertEquals(1, son.announcements().size());
        assertEquals("son", announced.caseId());
        assertEquals(List.of("kurume-sanka-01"), announced.roles().stream().map(Role::agencyId).toList());
        Plan after = made.when(fill("son", "人と話せる場所がほしい", List.of(WORK))).state().plan("p-meeting")
                .orElseThrow();
        assertEquals(new Plan.Subject("son", "人と話せる場所がほしい", List.of("ibasho"), List.of(WORK)),
                after.current().subject("son").orElseThrow());
        assertEquals(1, after.current().version(), "not a 再プラン");
        // the parent's role the meeting named takes its words: no agency is new, nothing announced
        PlanEvent.SubjectCompleted parent = made.when(fill("parent", "家で暮らし続けたい", List.of(CARE)))
                .single(PlanEvent.SubjectCompleted.class);
        assertEquals(List.of(), parent.announcements());
        assertEquals(List.of(CARE), parent.subject().roles());
        // refused as details are: a wish already written, another agency, a case not in the plan, nothing given
        assertTrue(givenPlans(after).when(fill("son", "別の願い", null)).refused().contains("already has wish"));
        assertTrue(made.when(fill("parent", null, List.of(WORK))).refused().contains("has roles for"));
        assertTrue(made.when(fill("stranger", "願い", null)).refused().contains("not a subject"));
        assertTrue(made.when(new PlanCommand.CompleteSubject("p-meeting", "son", new PlanCompletion.Completion(null,
                null, null, null, null), DEC)).refused().startsWith("nothing to complete"));
    }

    @Test
    void aSecondPlanForTheHouseholdNamingTheMeetingThatMadeItIsRefusedNamingThatPlan() {
        var refused = assertInstanceOf(PlanDecider.Decision.MadeAtMeeting.class,
                givenPlans(madeByMeeting()).when(make(householdPlan("parent", "son"))).decision());
        assertEquals("p-meeting", refused.planId());
    }

    @Test
    void laterMembersRolesOfTheMeetingThatReplannedTheHouseholdPlanAreFilledIntoThatVersion() {
        String later = "402036-JUUSOU_SHIEN_KAIGI-2027-03-16";
        Role outreach = new Role("kurume-outreach-01", null);
        PlanFixture running = given(new PlanEvent.Made(householdPlan("parent", "son"), null));
        // the parent's review re-plans the household's plan (version 2)
        PlanEvent.Revised revised = running.when(new PlanCommand.TakeReview(review("parent", later,
                ReviewOutcome.REPLAN, List.of(CARE)), "r-parent")).single(PlanEvent.Revised.class);
        assertEquals(2, revised.version().version());
        // the son's review of that meeting: his roles go into version 2, announced in his case (a new agency)
        PlanFixture replanned = given(new PlanEvent.Made(householdPlan("parent", "son"), null), revised);
        PlanEvent.SubjectCompleted son = replanned.when(new PlanCommand.TakeReview(review("son", later,
                ReviewOutcome.REPLAN, List.of(WORK, outreach)), "r-son")).single(PlanEvent.SubjectCompleted.class);
        assertEquals(2, son.version().version());
        assertEquals(List.of("kurume-sanka-01", "kurume-outreach-01"),
                son.subject().roles().stream().map(Role::agencyId).toList());
        var announced = assertInstanceOf(PlanningEvent.PlanDetailsCompleted.class,
                son.announcements().getFirst().event());
        assertEquals(List.of("son"), son.announcements().stream()
                .map(a -> ((PlanningEvent.PlanDetailsCompleted) a.event()).caseId()).toList());
        assertEquals(List.of("kurume-outreach-01"), announced.roles().stream().map(Role::agencyId).toList());
        // redelivered, it changes nothing more
        given(new PlanEvent.Made(householdPlan("parent", "son"), null), revised, son).when(new PlanCommand.TakeReview(
                review("son", later, ReviewOutcome.REPLAN, List.of(WORK, outreach)), "r-son")).expectNothing();
    }
}
