package jp.tsunagu.planning.plan;

import jp.tsunagu.contract.codes.PlanType;
import jp.tsunagu.contract.events.Role;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A meeting's roles (agencies without words) take their words from a completion, and nothing else does. */
class RoleWordsTest {

    static final LocalDate HELD = LocalDate.of(2026, 12, 23);

    /** A plan as a review's event makes it: the roles' agencies, no words (the minutes keep them). */
    static Plan fromReview(Role... roles) {
        return new Plan("p-1", "c-1", "402036", PlanType.MULTI_AGENCY, "m-1", List.of(new Plan.Version(1, HELD, null,
                null, List.of(), List.of(), List.of(roles), LocalDate.of(2027, 3, 24))), null, null);
    }

    static PlanCompletion.Completion roles(Role... roles) {
        return new PlanCompletion.Completion(null, null, null, List.of(roles), null);
    }

    /** When the completion is asked of the plan (given as it stands). */
    static PlanFixture.Then complete(Plan plan, PlanCompletion.Completion c) {
        return PlanFixture.givenPlans(plan).when(new PlanCommand.Complete(plan.planId(), c, HELD.plusDays(1)));
    }

    static String refusal(Plan plan, PlanCompletion.Completion c) {
        return complete(plan, c).refused();
    }

    @Test
    void givenAMeetingsRolesWithoutWordsWhenTheirWordsAreGivenThenTheVersionHasThemAndAnnouncesNoNewAgency() {
        Plan plan = fromReview(new Role("jiritsu", null), new Role("houkatsu", null));
        // given in another order than the version's: matched by agency, the version's order kept
        var words = roles(new Role("houkatsu", "母の介護サービスの調整"), new Role("jiritsu", "家計の立て直し"));

        var decided = complete(plan, words);

        decided.expect(new PlanEvent.DetailsCompleted(plan.ref(), PlanCompletion.completed(plan.current(), words),
                List.of("roles"), List.of(), null, HELD.plusDays(1)));
        Plan.Version done = decided.state().plan(plan.planId()).orElseThrow().current();
        assertEquals(List.of(new Role("jiritsu", "家計の立て直し"), new Role("houkatsu", "母の介護サービスの調整")),
                done.roles());
        assertEquals(1, done.version(), "not a 再プラン");
        assertEquals(List.of(), PlanCompletion.newRoles(plan.current(), words),
                "the agencies were named by the review: no role is announced again");
    }

    @Test
    void givenAVersionWithoutRolesWhenRolesAreGivenThenTheyAreItsRolesAndAnnounced() {
        Plan plan = fromReview();
        var given = roles(new Role("jiritsu", "家計の立て直し"));
        complete(plan, given).single(PlanEvent.DetailsCompleted.class);
        assertEquals(given.roles(), PlanCompletion.completed(plan.current(), given).roles());
        assertEquals(given.roles(), PlanCompletion.newRoles(plan.current(), given));
    }

    @Test
    void givenAMeetingsRolesWhenAnAgencyIsAddedLeftOutOrGivenTwiceThenItIsARevision() {
        Plan plan = fromReview(new Role("jiritsu", null), new Role("houkatsu", null));

        String added = refusal(plan, roles(new Role("jiritsu", "家計"), new Role("houkatsu", "介護"),
                new Role("sanka", "就労体験")));
        String leftOut = refusal(plan, roles(new Role("jiritsu", "家計")));
        String twice = refusal(plan, roles(new Role("jiritsu", "家計"), new Role("jiritsu", "就労")));

        for (String reason : List.of(added, leftOut, twice)) {
            assertEquals("version 1 has roles for jiritsu, houkatsu: give the responsibility of each of these "
                    + "agencies once and of no other; adding or removing an agency is a revision (再プラン, POST "
                    + "/plans/p-1/revisions)", reason);
        }
    }

    @Test
    void givenARoleWithItsWordsWhenOtherWordsAreGivenThenTheyAreNotOverwritten() {
        Plan plan = fromReview(new Role("jiritsu", "家計の立て直し"), new Role("houkatsu", null));

        assertEquals("version 1 already has the responsibility of jiritsu: changing it is a revision (再プラン, "
                + "POST /plans/p-1/revisions)", refusal(plan, roles(new Role("jiritsu", "就労の支援"),
                new Role("houkatsu", "介護"))));

        // the same words again are no change: the role that lacked them gets them
        var same = roles(new Role("jiritsu", "家計の立て直し"), new Role("houkatsu", "介護"));
        complete(plan, same).single(PlanEvent.DetailsCompleted.class);
        assertEquals(List.of(new Role("jiritsu", "家計の立て直し"), new Role("houkatsu", "介護")),
                PlanCompletion.completed(plan.current(), same).roles());
    }

    @Test
    void givenEveryRoleHasItsWordsWhenRolesAreGivenThenTheyAreAlreadySet() {
        Plan plan = fromReview(new Role("jiritsu", "家計の立て直し"));
        String reason = refusal(plan, roles(new Role("jiritsu", "家計の立て直し")));
        assertTrue(reason.startsWith("version 1 already has roles: changing them is a revision"), reason);
        // an erased person's roles carry the marker that replaced their words: nothing is written under it
        Plan erased = fromReview(new Role("jiritsu", PlanRecords.ERASED));
        assertTrue(refusal(erased, roles(new Role("jiritsu", "新しい言葉"))).contains("already has roles"));
    }
}
