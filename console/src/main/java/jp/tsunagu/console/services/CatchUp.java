package jp.tsunagu.console.services;

import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.console.ConsoleConfig;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits for one service to record what another already shows. Each service learns the others' steps from the event
 * log, so intake may not yet know of a case routing has just put in an agency's inbox: a worker who opens it at once
 * would otherwise be told she may not see it.
 */
@ApplicationScoped
public class CatchUp {

    private static final Duration EVERY = Duration.ofMillis(200);

    private final Duration wait;

    public CatchUp(ConsoleConfig config) {
        this.wait = config.catchUpWait();
    }

    /** The first answer that shows it, or the last one read when the wait is over. */
    public Answer until(Supplier<Answer> read, Predicate<Answer> recorded) {
        return until(read, recorded, wait, EVERY);
    }

    static Answer until(Supplier<Answer> read, Predicate<Answer> recorded, Duration wait, Duration every) {
        long deadline = System.nanoTime() + wait.toNanos();
        Answer answer = read.get();
        while (!recorded.test(answer) && System.nanoTime() - deadline < 0) {
            try {
                Thread.sleep(every);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return answer;
            }
            answer = read.get();
        }
        return answer;
    }
}
