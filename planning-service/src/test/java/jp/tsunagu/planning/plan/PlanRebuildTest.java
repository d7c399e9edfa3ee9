package jp.tsunagu.planning.plan;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.PlanType;
import jp.tsunagu.contract.codes.ReviewOutcome;
import jp.tsunagu.contract.events.MeetingEvent;
import jp.tsunagu.contract.events.Role;
import jp.tsunagu.testing.TsunaguTestResources;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * Persistence applies events only: after each command, the case's plans as PostgreSQL holds them equal the plans
 * rebuilt from every event decided so far ({@link PlanDecider#fold}), words included (the wish, goals, the roles'
 * responsibilities, the reasons) and the reviews announced, through a meeting's plan, its completion, a provider's
 * plan, 再プラン, the review check (and its next run, which announces nothing again) and 終結.
 */
@QuarkusTest
@QuarkusTestResource(TsunaguTestResources.class)
class PlanRebuildTest {

    static final String KURUME = "402036";

    @Inject
    PlanChanges changes;

    @Inject
    PlanRecords records;

    private final List<PlanEvent> history = new ArrayList<>();

    private PlanState persisted(String caseId) {
        return PlanRecords.state(records.plansOfCase(caseId).await().atMost(Duration.ofSeconds(30)));
    }

    /** Decides the command against the plans as persisted, applies its events, and compares the two states. */
    private List<PlanEvent> run(String caseId, PlanCommand command, PlanChanges.Cause cause) {
        PlanDecider.Decision decision = PlanDecider.decide(command, persisted(caseId));
        List<PlanEvent> decided = assertInstanceOf(PlanDecider.Decision.Decided.class, decision,
                decision.toString()).events();
        changes.apply(decision, cause).await().atMost(Duration.ofSeconds(30));
        history.addAll(decided);
        assertEquals(PlanDecider.fold(history), persisted(caseId), "after " + command);
        return decided;
    }

    @Test
    void thePlansRebuiltFromTheirEventsAreThePlansPersisted() {
        String caseId = UUID.randomUUID().toString();
        String reviewId = "meeting/review/" + caseId;
        LocalDate held = LocalDate.of(2026, 6, 24);
        // a 重層的支援会議 adopts a 多機関協働プラン: its roles' agencies, no words
        var adopted = new MeetingEvent.CaseReviewed(caseId, KURUME, "402036-JUUSOU_SHIEN_KAIGI-2026-06-24",
                MeetingType.JUUSOU_SHIEN_KAIGI, held, ReviewOutcome.PLAN, PlanType.MULTI_AGENCY,
                List.of(new Role("kurume-jiritsu-01", "家計の相談")), true, LocalDate.of(2026, 9, 30));
        String multi = assertInstanceOf(PlanEvent.Made.class, run(caseId, new PlanCommand.TakeReview(adopted,
                reviewId), PlanChanges.Cause.of(reviewId)).get(0)).made().planId();
        // the coordinator fills in the wish, goals and the role's words: the same version
        run(caseId, new PlanCommand.Complete(multi, new PlanCompletion.Completion("家計を立て直したい",
                List.of("money"), List.of("家計表をつける"), List.of(new Role("kurume-jiritsu-01", "家計の相談")), null),
                held.plusDays(2)), PlanChanges.Cause.of("request/details/" + caseId));
        // an outreach provider makes its own plan
        String outreach = "p-" + UUID.randomUUID();
        run(caseId, new PlanCommand.Make(Plan.made(new Plan.Ref(outreach, caseId, KURUME, PlanType.OUTREACH), null,
                        new Plan.Version(1, held.plusDays(3), null, "外に出たい", List.of("walking"), List.of("週1回の訪問"),
                                List.of(new Role("kurume-outreach-01", "訪問")), LocalDate.of(2026, 8, 31))),
                "kurume-outreach-01", true, Optional.empty()), PlanChanges.Cause.request("request/" + outreach, null));
        // 再プラン of each: by the next meeting (new roles), and by the provider (new goals)
        var replanned = new MeetingEvent.CaseReviewed(caseId, KURUME, "402036-JUUSOU_SHIEN_KAIGI-2026-07-22",
                MeetingType.JUUSOU_SHIEN_KAIGI, LocalDate.of(2026, 7, 22), ReviewOutcome.REPLAN,
                PlanType.MULTI_AGENCY, List.of(new Role("kurume-houkatsu-06", null)), true, null);
        run(caseId, new PlanCommand.TakeReview(replanned, reviewId + "/2"), PlanChanges.Cause.of(reviewId + "/2"));
        run(caseId, new PlanCommand.Revise(outreach, PlanCommand.Revision.of(LocalDate.of(2026, 7, 25), "訪問を隔週に")
                        .withGoals(List.of("隔週の訪問"))),
                PlanChanges.Cause.request("request/" + outreach + "/revision", "key-" + outreach));
        // the review check on a day past the outreach plan's review date: announced, nothing changes
        run(caseId, new PlanCommand.CheckReview(outreach, LocalDate.of(2026, 9, 1)),
                PlanChanges.Cause.of("schedule/review-check/2026-09-01"));
        // the next day's check, decided on the state loaded from PostgreSQL: that version was announced, nothing
        assertEquals(List.of(), run(caseId, new PlanCommand.CheckReview(outreach, LocalDate.of(2026, 9, 2)),
                PlanChanges.Cause.of("schedule/review-check/2026-09-02")));
        // 終結 of one by its provider, of the rest by a meeting's CLOSE
        run(caseId, new PlanCommand.Close(outreach, LocalDate.of(2026, 10, 1), "外出が習慣になった"),
                PlanChanges.Cause.of("request/" + outreach + "/closure"));
        var closed = new MeetingEvent.CaseReviewed(caseId, KURUME, "402036-JUUSOU_SHIEN_KAIGI-2026-10-28",
                MeetingType.JUUSOU_SHIEN_KAIGI, LocalDate.of(2026, 10, 28), ReviewOutcome.CLOSE, null, List.of(), true,
                null);
        List<PlanEvent> last = run(caseId, new PlanCommand.TakeReview(closed, reviewId + "/3"),
                PlanChanges.Cause.of(reviewId + "/3"));

        assertEquals(1, last.size(), "only the running plan is closed");
        assertEquals(List.of(2, 2), persisted(caseId).plans().values().stream()
                .map(p -> p.current().version()).toList());
        assertEquals(8, history.size());
    }
}
