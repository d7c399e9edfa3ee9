package jp.tsunagu.support.events;

import io.smallrye.mutiny.Uni;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Applies a batch as one unit and finds the one item that keeps a batch from applying, without Quarkus. A failing
 * batch is tried again a few times; if it still fails it is halved and each half applied in order, down to single
 * items. A single item that keeps failing is set aside (the dead-letter topic) only when the failure is its own: the
 * database answers and the failure is not one the caller calls the infrastructure's (a broker that did not
 * acknowledge). Otherwise it is tried again, with back-off, for as long as it takes, so an outage loses nothing and
 * skips nothing.
 *
 * @param <T> an item of the batch
 */
public final class BatchIsolation<T> {

    /**
     * How often and how patiently to try.
     *
     * @param attemptLimit how long one attempt may take before it counts as failed: an attempt that never ends (a
     *                     statement or a send that hangs) would otherwise hold the stream still without a word
     */
    public record Patience(int batchRetries, int itemAttempts, Duration firstBackOff, Duration maxBackOff,
                           Duration attemptLimit) {
    }

    private final Function<List<T>, Uni<Void>> attempt;
    private final BiFunction<T, Throwable, Uni<Void>> setAside;
    private final Predicate<Throwable> infrastructure;
    private final Supplier<Uni<Boolean>> databaseAnswers;
    private final Patience patience;
    private final Executor onContext;

    /**
     * What is done with the items.
     *
     * @param attempt  applies the items in one transaction, or fails having applied none of them
     * @param setAside sends an item that cannot be applied to the dead-letter topic with the reason
     */
    public record Writes<T>(Function<List<T>, Uni<Void>> attempt, BiFunction<T, Throwable, Uni<Void>> setAside) {
    }

    /**
     * @param writes          how the items are applied, and set aside one by one
     * @param infrastructure  failures that are never an item's own fault
     * @param databaseAnswers whether the database answers a trivial query now
     * @param onContext       where every attempt runs (the Vert.x context of the batch)
     */
    public BatchIsolation(Writes<T> writes, Predicate<Throwable> infrastructure,
                          Supplier<Uni<Boolean>> databaseAnswers, Patience patience, Executor onContext) {
        this.attempt = writes.attempt();
        this.setAside = writes.setAside();
        this.infrastructure = infrastructure;
        this.databaseAnswers = databaseAnswers;
        this.patience = patience;
        this.onContext = onContext;
    }

    public Uni<Void> apply(List<T> items) {
        if (items.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return run(items)
                .onFailure().retry().withBackOff(patience.firstBackOff(), patience.maxBackOff())
                .atMost(patience.batchRetries())
                .onFailure().recoverWithUni(failure -> items.size() > 1
                        ? apply(items.subList(0, items.size() / 2))
                                .chain(() -> apply(items.subList(items.size() / 2, items.size())))
                        : single(items.get(0), failure, 1 + patience.batchRetries()));
    }

    private Uni<Void> single(T item, Throwable failure, int attempts) {
        if (attempts >= patience.itemAttempts() && !infrastructure.test(failure)) {
            return databaseAnswers.get().chain(answers -> answers ? setAside.apply(item, failure)
                    : again(item, attempts));
        }
        return again(item, attempts);
    }

    private Uni<Void> again(T item, int attempts) {
        return Uni.createFrom().voidItem().onItem().delayIt().by(backOff(attempts))
                .chain(() -> run(List.of(item)))
                .onFailure().recoverWithUni(failure -> single(item, failure, attempts + 1));
    }

    private Uni<Void> run(List<T> items) {
        return Uni.createFrom().deferred(() -> attempt.apply(items)).runSubscriptionOn(onContext)
                .ifNoItem().after(patience.attemptLimit()).failWith(() -> new AttemptTimedOut(items.size(),
                        patience.attemptLimit()));
    }

    Duration backOff(int attempts) {
        long millis = patience.firstBackOff().toMillis() << Math.min(attempts, 20);
        return Duration.ofMillis(Math.min(millis, patience.maxBackOff().toMillis()));
    }

    /** An attempt that did not end within {@link Patience#attemptLimit()}. */
    public static final class AttemptTimedOut extends RuntimeException {
        AttemptTimedOut(int items, Duration limit) {
            super("an attempt at " + items + " event(s) did not end within " + limit);
        }
    }
}
