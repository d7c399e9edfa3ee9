package jp.tsunagu.reporting.projection;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jp.tsunagu.contract.Topics;
import jp.tsunagu.contract.codes.AgeBand;
import jp.tsunagu.contract.codes.CaseStatus;
import jp.tsunagu.contract.codes.Channel;
import jp.tsunagu.contract.codes.Concern;
import jp.tsunagu.contract.codes.Consent;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.PlanType;
import jp.tsunagu.contract.codes.ReviewOutcome;
import jp.tsunagu.contract.codes.Urgency;
import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.IntakeEvent;
import jp.tsunagu.contract.events.MeetingEvent;
import jp.tsunagu.contract.events.PlanningEvent;
import jp.tsunagu.contract.events.RoutingEvent;
import jp.tsunagu.contract.events.SealedData;
import jp.tsunagu.contract.events.TsunaguEvent;
import jp.tsunagu.contract.status.CaseProgress;
import jp.tsunagu.support.db.Database;
import jp.tsunagu.testing.TopicProbe;
import jp.tsunagu.testing.TsunaguTestResources;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The same event sequences, folded as intake folds them ({@code CaseProgress.evolve}, whose status is contract's
 * {@code CaseStage}) and projected by reporting through the real broker and database (its {@code case_fact.stage},
 * which the same fold wrote), give every case the same status: in order, and with events of different topics
 * published in another order than they were recorded (a household's plan made for a member's case among them).
 */
@QuarkusTest
@QuarkusTestResource(TsunaguTestResources.class)
class StageAgreesWithIntakeTest {

    private static final String CITY = "122203";
    private static final LocalDate DAY = LocalDate.of(2021, 6, 1);

    @Inject
    Database database;

    @Test
    void everySequenceEndsInTheSameStatusOnBothSides() {
        Map<String, List<Function<String, TsunaguEvent>>> sequences = new LinkedHashMap<>();
        sequences.put("accepted", List.of(StageAgreesWithIntakeTest::received, c -> routed(c),
                c -> new RoutingEvent.RoutingAccepted(c, CITY, "nagareyama-houkatsu")));
        sequences.put("declined", List.of(StageAgreesWithIntakeTest::received, c -> routed(c),
                c -> new RoutingEvent.RoutingDeclined(c, CITY, "nagareyama-houkatsu", "対象外")));
        sequences.put("shien-kaigi CLOSE with a plan running", List.of(StageAgreesWithIntakeTest::received,
                c -> planCreated(c, "a"), c -> review(c, MeetingType.SHIEN_KAIGI, ReviewOutcome.CLOSE)));
        sequences.put("one of two plans closed", List.of(StageAgreesWithIntakeTest::received,
                c -> planCreated(c, "a"), c -> planCreated(c, "b"), c -> planClosed(c, "a")));
        sequences.put("both plans closed", List.of(StageAgreesWithIntakeTest::received,
                c -> planCreated(c, "a"), c -> planCreated(c, "b"), c -> planClosed(c, "a"), c -> planClosed(c, "b")));
        sequences.put("juusou CLOSE then the plan closed", List.of(StageAgreesWithIntakeTest::received,
                c -> escalated(c), c -> new MeetingEvent.CaseQueued(c, CITY, "m-1", MeetingType.JUUSOU_SHIEN_KAIGI),
                c -> review(c, MeetingType.JUUSOU_SHIEN_KAIGI, ReviewOutcome.PLAN), c -> planCreated(c, "a"),
                c -> review(c, MeetingType.JUUSOU_SHIEN_KAIGI, ReviewOutcome.CLOSE), c -> planClosed(c, "a")));
        // joining is final: the agency's later acceptance moves neither side off CLOSED
        sequences.put("joined as a duplicate, then accepted", List.of(StageAgreesWithIntakeTest::received,
                c -> routed(c), c -> new IntakeEvent.DuplicateConfirmed(c, null, CITY, "agree-first", null, DAY),
                c -> new RoutingEvent.RoutingAccepted(c, CITY, "nagareyama-houkatsu")));
        sequences.put("reviewed again while the plan runs", List.of(StageAgreesWithIntakeTest::received,
                c -> planCreated(c, "a"), c -> review(c, MeetingType.JUUSOU_SHIEN_KAIGI, ReviewOutcome.CONTINUE)));

        Map<String, List<At>> all = new LinkedHashMap<>();
        sequences.forEach((name, makes) -> all.put(name, inOrder(makes)));
        all.putAll(householdSequences());

        Map<String, CaseStatus> expected = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        Instant clock = Instant.parse("2021-06-01T00:00:00Z");
        for (var sequence : all.entrySet()) {
            String caseId = "agree-" + UUID.randomUUID();
            names.put(caseId, sequence.getKey());
            CaseProgress intake = CaseProgress.none(caseId, CITY);
            clock = clock.plusSeconds(100);
            for (At at : sequence.getValue()) {
                TsunaguEvent event = at.make().apply(caseId);
                EventEnvelope<TsunaguEvent> envelope = new EventEnvelope<>(UUID.randomUUID().toString(),
                        "/tsunagu/test", clock.plusSeconds(at.second()), DAY, null, event);
                intake = intake.evolve(envelope).map(CaseProgress.Step::after).orElse(intake);
                TopicProbe.publish(topicOf(event), envelope);
            }
            expected.put(caseId, intake.status());
        }
        names.forEach((caseId, name) -> {
            if (name.startsWith("joined") || name.contains("both closed")) {
                assertEquals(CaseStatus.CLOSED, expected.get(caseId), name);
            } else if (name.startsWith("household") || name.startsWith("closing review")) {
                assertEquals(CaseStatus.PLAN_ACTIVE, expected.get(caseId), name); // one plan still covers it
            }
        });

        Map<String, CaseStatus> reporting = new LinkedHashMap<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            reporting.clear();
            reporting.putAll(reportingStages(List.copyOf(expected.keySet())));
            return reporting.equals(expected);
        });
        for (String caseId : expected.keySet()) {
            assertEquals(expected.get(caseId), reporting.get(caseId), names.get(caseId));
        }
    }

    /**
     * A member's case closed by a plan that covers several cases, with the events that exist: the case has a plan of
     * its own, and a second plan is made for its household; closing one keeps it in support, closing both closes it.
     * Some are published in another order than they were recorded (the topics are read side by side).
     */
    private static Map<String, List<At>> householdSequences() {
        Map<String, List<At>> sequences = new LinkedHashMap<>();
        sequences.put("household plan beside its own, its own closed", List.of(
                new At(1, StageAgreesWithIntakeTest::received), new At(2, c -> planCreated(c, "own")), new At(3, c -> planCreated(c, "household")),
                new At(4, c -> planClosed(c, "own"))));
        sequences.put("household plan beside its own, the household's closed", List.of(
                new At(1, StageAgreesWithIntakeTest::received), new At(2, c -> planCreated(c, "own")),
                new At(3, c -> planCreated(c, "household")), new At(4, c -> planClosed(c, "household"))));
        sequences.put("household plan beside its own, both closed", List.of(
                new At(1, StageAgreesWithIntakeTest::received), new At(2, c -> planCreated(c, "own")),
                new At(3, c -> planCreated(c, "household")), new At(4, c -> planClosed(c, "household")),
                new At(5, c -> planClosed(c, "own"))));
        // a 支援会議 recorded after the household plan was made closes the case, but arrives before the plan does
        sequences.put("closing review arrives before the household plan made earlier", List.of(
                new At(1, StageAgreesWithIntakeTest::received), new At(2, c -> planCreated(c, "own")),
                new At(5, c -> review(c, MeetingType.SHIEN_KAIGI, ReviewOutcome.CLOSE)),
                new At(3, c -> planCreated(c, "household")), new At(4, c -> planClosed(c, "own"))));
        sequences.put("both plans closed, published after a later review", List.of(
                new At(1, StageAgreesWithIntakeTest::received), new At(2, c -> planCreated(c, "own")),
                new At(3, c -> planCreated(c, "household")),
                new At(6, c -> review(c, MeetingType.JUUSOU_SHIEN_KAIGI, ReviewOutcome.CONTINUE)),
                new At(4, c -> planClosed(c, "own")), new At(5, c -> planClosed(c, "household"))));
        sequences.put("joined, the join arriving after a later acceptance", List.of(
                new At(1, StageAgreesWithIntakeTest::received), new At(2, c -> routed(c)),
                new At(4, c -> new RoutingEvent.RoutingAccepted(c, CITY, "nagareyama-houkatsu")),
                new At(3, c -> new IntakeEvent.DuplicateConfirmed(c, null, CITY, "agree-first", null, DAY))));
        return sequences;
    }

    /** An event of a sequence, recorded {@code second}s into it. */
    private record At(int second, Function<String, TsunaguEvent> make) {
    }

    private static List<At> inOrder(List<Function<String, TsunaguEvent>> makes) {
        return java.util.stream.IntStream.range(0, makes.size()).mapToObj(i -> new At(i + 1, makes.get(i))).toList();
    }

    /** What reporting counts each case as: its stage, as the one fold left it. */
    private Map<String, CaseStatus> reportingStages(List<String> caseIds) {
        List<Map.Entry<String, CaseStatus>> rows = database.list("""
                        select case_id, stage from case_fact where case_id = any($1) and stage is not null""",
                row -> Map.entry(row.getString("case_id"), CaseStatus.valueOf(row.getString("stage"))),
                (Object) caseIds.toArray(String[]::new)).await().atMost(Duration.ofSeconds(10));
        Map<String, CaseStatus> out = new LinkedHashMap<>();
        rows.forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private static String topicOf(TsunaguEvent event) {
        return switch (event) {
            case IntakeEvent e -> Topics.INTAKE;
            case RoutingEvent e -> Topics.ROUTING;
            case MeetingEvent e -> Topics.MEETINGS;
            case PlanningEvent e -> Topics.PLANS;
        };
    }

    private static TsunaguEvent received(String caseId) {
        return new IntakeEvent.ReferralReceived(caseId, null, CITY, "nagareyama-houkatsu", Channel.AGENCY, DAY, "中部",
                AgeBand.AGE_40_49, List.of(), List.of(Concern.HIKIKOMORI), Consent.GIVEN, Urgency.ROUTINE, false,
                new SealedData("A256GCM", "case/" + caseId + "/1", "bm9uY2U=", "Y2lwaGVy"));
    }

    private static TsunaguEvent routed(String caseId) {
        return new RoutingEvent.CaseRouted(caseId, CITY, "nagareyama-houkatsu", List.of(), List.of(), "r", "d");
    }

    private static TsunaguEvent escalated(String caseId) {
        return new RoutingEvent.CaseEscalatedV1(caseId, CITY, MeetingType.JUUSOU_SHIEN_KAIGI, false, List.of(),
                List.of(), "r", "d").current();
    }

    private static TsunaguEvent review(String caseId, MeetingType type, ReviewOutcome outcome) {
        return new MeetingEvent.CaseReviewed(caseId, CITY, "m-1", type, DAY, outcome,
                outcome == ReviewOutcome.PLAN ? PlanType.MULTI_AGENCY : null, List.of(), false, null);
    }

    private static TsunaguEvent planCreated(String caseId, String plan) {
        return new PlanningEvent.PlanCreated("p-" + plan + "-" + caseId, caseId, CITY, PlanType.MULTI_AGENCY, DAY,
                List.of(), null, "m-1");
    }

    private static TsunaguEvent planClosed(String caseId, String plan) {
        return new PlanningEvent.PlanClosed("p-" + plan + "-" + caseId, caseId, CITY, PlanType.MULTI_AGENCY, DAY);
    }
}
