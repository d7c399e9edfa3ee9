package jp.tsunagu.console.services;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.tsunagu.console.ConsoleConfig;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits for one service to record what another already shows. Each service learns the others' steps from the event
 * log, so intake may not yet know of a case routing has just put in an agency's inbox: a worker who opens it at once
 * would otherwise be told she may not see it.
 * <p>
 * The reads back off (0.1 s doubling to 1 s): each may be an audited read, and all count against her agency's rate
 * limit. The page's request thread (a worker, never the event loop) waits meanwhile, up to the wait plus one read.
 */
@ApplicationScoped
public class CatchUp {

    private static final Duration FIRST = Duration.ofMillis(100);
    private static final Duration LONGEST = Duration.ofSeconds(1);

    private final Duration wait;
    private final Duration first;
    private final Duration longest;

    @Inject
    public CatchUp(ConsoleConfig config) {
        this(config.catchUpWait(), FIRST, LONGEST);
    }

    /** With its own pauses between reads (tests). */
    public CatchUp(Duration wait, Duration first, Duration longest) {
        this.wait = wait;
        this.first = first;
        this.longest = longest;
    }

    /**
     * The first answer that shows it, or the last one read when the wait is over. An outage while waiting is the
     * page's to say ({@link ServiceUnavailable}).
     */
    public Answer until(Supplier<Answer> read, Predicate<Answer> recorded) {
        long deadline = System.nanoTime() + wait.toNanos();
        Duration pause = first;
        Answer answer = read.get();
        while (!recorded.test(answer) && System.nanoTime() - deadline < 0) {
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return answer;
            }
            Duration doubled = pause.multipliedBy(2);
            pause = doubled.compareTo(longest) > 0 ? longest : doubled;
            answer = read.get();
        }
        return answer;
    }
}
