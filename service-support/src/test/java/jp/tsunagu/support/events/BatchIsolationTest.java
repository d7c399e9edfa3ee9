package jp.tsunagu.support.events;

import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The batch algorithm without Kafka or a database: an attempt either applies all of its items (a committed
 * transaction) or none (a rolled-back one), as the real one does.
 */
class BatchIsolationTest {

    private static final BatchIsolation.Patience FAST = new BatchIsolation.Patience(1, 3, Duration.ofMillis(1),
            Duration.ofMillis(4), Duration.ofSeconds(5));

    /** A store that commits whole attempts and refuses any attempt holding a poison item or made while "down". */
    static final class Store {
        final List<Integer> applied = new ArrayList<>();
        final Map<Integer, String> setAside = new TreeMap<>();
        final AtomicInteger attempts = new AtomicInteger();
        final AtomicBoolean down = new AtomicBoolean();
        final List<Integer> poison;

        Store(List<Integer> poison) {
            this.poison = poison;
        }

        Uni<Void> attempt(List<Integer> items) {
            attempts.incrementAndGet();
            if (down.get()) {
                return Uni.createFrom().failure(new IllegalStateException("connection refused"));
            }
            for (Integer i : items) {
                if (poison.contains(i)) {
                    return Uni.createFrom().failure(new IllegalArgumentException("cannot apply " + i));
                }
            }
            applied.addAll(items);
            return Uni.createFrom().voidItem();
        }

        BatchIsolation<Integer> isolation(boolean databaseAnswers) {
            return new BatchIsolation<>(new BatchIsolation.Writes<>(this::attempt, (item, why) -> {
                setAside.put(item, why.getMessage());
                return Uni.createFrom().voidItem();
            }), e -> false, () -> Uni.createFrom().item(databaseAnswers), FAST, Runnable::run);
        }
    }

    private static List<Integer> items(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    @Test
    void aBatchThatAppliesIsOneAttempt() {
        Store store = new Store(List.of());
        store.isolation(true).apply(items(200)).await().indefinitely();
        assertEquals(items(200), store.applied);
        assertEquals(1, store.attempts.get());
    }

    @Test
    void aPoisonItemInTheMiddleIsSetAsideAndEveryOtherItemAppliesOnceInOrder() {
        Store store = new Store(List.of(77));
        store.isolation(true).apply(items(200)).await().indefinitely();
        List<Integer> expected = new ArrayList<>(items(200));
        expected.remove(Integer.valueOf(77));
        assertEquals(expected, store.applied, "each other item once, in the batch's order");
        assertEquals(Map.of(77, "cannot apply 77"), store.setAside);
    }

    @Test
    void twoPoisonItemsAreBothFound() {
        Store store = new Store(List.of(0, 199));
        store.isolation(true).apply(items(200)).await().indefinitely();
        assertEquals(198, store.applied.size());
        assertEquals(List.of(0, 199), List.copyOf(store.setAside.keySet()));
    }

    @Test
    void anItemIsNeverSetAsideWhileTheDatabaseDoesNotAnswerAndAppliesOnceItIsBack() throws Exception {
        Store store = new Store(List.of());
        store.down.set(true);
        var result = store.isolation(false).apply(items(10)).subscribeAsCompletionStage();
        while (store.attempts.get() < 40) {
            Thread.sleep(5);
        }
        assertTrue(store.setAside.isEmpty(), "nothing set aside during the outage");
        assertTrue(store.applied.isEmpty());
        store.down.set(false);
        result.get();
        assertEquals(items(10), store.applied, "everything applied once, in order, after the outage");
        assertTrue(store.setAside.isEmpty());
    }

    @Test
    void anInfrastructureFailureIsNeverBlamedOnTheItem() throws Exception {
        Store store = new Store(List.of());
        store.down.set(true);
        BatchIsolation<Integer> isolation = new BatchIsolation<>(new BatchIsolation.Writes<>(store::attempt, (item, why) -> {
            store.setAside.put(item, why.getMessage());
            return Uni.createFrom().voidItem();
        }), e -> true, () -> Uni.createFrom().item(true), FAST, Runnable::run);
        var result = isolation.apply(items(3)).subscribeAsCompletionStage();
        while (store.attempts.get() < 20) {
            Thread.sleep(5);
        }
        store.down.set(false);
        result.get();
        assertEquals(items(3), store.applied);
        assertTrue(store.setAside.isEmpty());
    }

    @Test
    void anAttemptThatNeverEndsFailsAfterItsLimitAndTheBatchIsTriedAgain() {
        Store store = new Store(List.of());
        AtomicBoolean hungOnce = new AtomicBoolean();
        BatchIsolation<Integer> isolation = new BatchIsolation<>(new BatchIsolation.Writes<>(
                items -> hungOnce.compareAndSet(false, true) ? Uni.createFrom().nothing() : store.attempt(items),
                (item, why) -> Uni.createFrom().voidItem()), e -> false, () -> Uni.createFrom().item(true),
                new BatchIsolation.Patience(1, 3, Duration.ofMillis(1), Duration.ofMillis(4), Duration.ofMillis(50)),
                Runnable::run);
        isolation.apply(items(5)).await().atMost(Duration.ofSeconds(10));
        assertEquals(items(5), store.applied, "applied once by the attempt after the one that hung");
    }

    @Test
    void backOffDoublesUpToItsCeiling() {
        BatchIsolation<Integer> isolation = new Store(List.of()).isolation(true);
        assertEquals(Duration.ofMillis(2), isolation.backOff(1));
        assertEquals(Duration.ofMillis(4), isolation.backOff(2));
        assertEquals(Duration.ofMillis(4), isolation.backOff(30));
    }
}
