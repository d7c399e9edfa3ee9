package jp.tsunagu.planning.plan;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * Given events, when a command, then events (or a refusal): a case's plans rebuilt from what happened to them
 * ({@link PlanDecider#evolve} from {@link PlanState#initial()}), the command decided against them
 * ({@link PlanDecider#decide}). After giftcard-demo's AggregateTestFixture and EventSourcing.JVM's Decider tests.
 */
final class PlanFixture {

    private final PlanState state;

    private PlanFixture(PlanState state) {
        this.state = state;
    }

    static PlanFixture given(PlanEvent... history) {
        return new PlanFixture(PlanDecider.fold(Arrays.asList(history)));
    }

    /** Given plans as persistence holds them (a test of a rule needs no history). */
    static PlanFixture givenPlans(Plan... plans) {
        return new PlanFixture(PlanState.of(Arrays.asList(plans)));
    }

    /** Given the plans and the reviews announced as persistence holds them ({@link PlanRecords#state}). */
    static PlanFixture givenState(PlanState state) {
        return new PlanFixture(state);
    }

    Then when(PlanCommand command) {
        return new Then(state, PlanDecider.decide(command, state));
    }

    /** What the command decided, against the state it was decided on. */
    record Then(PlanState before, PlanDecider.Decision decision) {

        List<PlanEvent> events() {
            return assertInstanceOf(PlanDecider.Decision.Decided.class, decision, "decided, not refused").events();
        }

        Then expect(PlanEvent... expected) {
            assertEquals(List.of(expected), events());
            return this;
        }

        Then expectNothing() {
            return expect();
        }

        /** The only event, of the type. */
        <E extends PlanEvent> E single(Class<E> type) {
            assertEquals(1, events().size(), events().toString());
            return assertInstanceOf(type, events().get(0));
        }

        String refused() {
            return assertInstanceOf(PlanDecider.Decision.Refused.class, decision, "refused").reason();
        }

        /** The plans after the decided events. */
        PlanState state() {
            PlanState s = before;
            for (PlanEvent e : events()) {
                s = PlanDecider.evolve(s, e);
            }
            return s;
        }
    }
}
