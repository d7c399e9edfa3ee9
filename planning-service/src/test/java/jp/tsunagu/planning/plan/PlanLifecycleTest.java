package jp.tsunagu.planning.plan;

import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.PlanType;
import jp.tsunagu.contract.codes.ReviewOutcome;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlanLifecycleTest {

    static final LocalDate MAY = LocalDate.of(2024, 5, 22);

    static Plan plan(PlanType type) {
        return new Plan("p1", "c1", "402036", type, null, List.of(new Plan.Version(1, MAY, null, "一緒にフルマラソンを走りたい",
                List.of("running"), List.of("週1回の練習に参加"), List.of(), LocalDate.of(2024, 8, 1))), null, null);
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
        Plan revised = PlanLifecycle.revise(plan(PlanType.PARTICIPATION), new Plan.Version(2, MAY.plusMonths(2),
                "練習の頻度を見直し", null, List.of("running"), List.of(), List.of(), null));
        assertEquals(2, revised.versions().size());
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
}
