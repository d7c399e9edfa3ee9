package jp.tsunagu.console.services;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CatchUpTest {

    private static final Duration PAUSE = Duration.ofMillis(1);

    @Test
    void readsAgainUntilTheOtherServiceHasRecordedIt() {
        AtomicInteger reads = new AtomicInteger();
        Answer answer = new CatchUp(Duration.ofMinutes(1), PAUSE, PAUSE).until(
                () -> new Answer(reads.incrementAndGet() < 3 ? 404 : 200, null), a -> a.status() != 404);
        assertEquals(200, answer.status());
        assertEquals(3, reads.get(), "read until recorded, and not once more");
    }

    @Test
    void anAnswerAlreadyRecordedIsNotReadAgain() {
        AtomicInteger reads = new AtomicInteger();
        Answer answer = new CatchUp(Duration.ofMinutes(1), PAUSE, PAUSE).until(
                () -> new Answer(200 + reads.getAndIncrement(), null), Answer::ok);
        assertEquals(200, answer.status());
        assertEquals(1, reads.get());
    }

    @Test
    void afterTheWaitTheLastAnswerIsThePagesToSay() {
        AtomicInteger reads = new AtomicInteger();
        Answer answer = new CatchUp(Duration.ofMillis(20), PAUSE, PAUSE).until(
                () -> new Answer(reads.incrementAndGet() == 1 ? 404 : 410, null), Answer::ok);
        assertEquals(410, answer.status(), "the last read, not the first");
        assertTrue(reads.get() >= 2, "read again within the wait: " + reads.get());
    }

    @Test
    void aWaitOfNothingReadsOnce() {
        AtomicInteger reads = new AtomicInteger();
        new CatchUp(Duration.ZERO, PAUSE, PAUSE).until(() -> {
            reads.incrementAndGet();
            return new Answer(404, null);
        }, Answer::ok);
        assertEquals(1, reads.get());
    }
}
