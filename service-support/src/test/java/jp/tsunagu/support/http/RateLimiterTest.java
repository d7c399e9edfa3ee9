package jp.tsunagu.support.http;

import org.junit.jupiter.api.Test;

import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateLimiterTest {

    @Test
    void aBurstThenTheRefillRateEachCallerOnItsOwn() {
        AtomicLong now = new AtomicLong();
        RateLimiter limiter = new RateLimiter(60, 3, now::get); // one a second, three at once
        for (int i = 0; i < 3; i++) {
            assertTrue(limiter.acquire("402036|agency:a").isEmpty());
        }
        assertEquals(OptionalInt.of(1), limiter.acquire("402036|agency:a"), "the fourth waits a second");
        assertTrue(limiter.acquire("402036|agency:b").isEmpty(), "another agency has its own bucket");
        now.addAndGet(1_000_000_000L);
        assertTrue(limiter.acquire("402036|agency:a").isEmpty(), "one more after a second");
        assertTrue(limiter.acquire("402036|agency:a").isPresent());
        now.addAndGet(60_000_000_000L);
        for (int i = 0; i < 3; i++) {
            assertTrue(limiter.acquire("402036|agency:a").isEmpty(), "never more than the burst saved up");
        }
        assertTrue(limiter.acquire("402036|agency:a").isPresent());
    }

    @Test
    void retryAfterIsWholeSecondsAtLeastOne() {
        AtomicLong now = new AtomicLong();
        RateLimiter limiter = new RateLimiter(6, 1, now::get); // one every ten seconds
        assertTrue(limiter.acquire("c").isEmpty());
        assertEquals(OptionalInt.of(10), limiter.acquire("c"));
        now.addAndGet(9_500_000_000L);
        assertEquals(OptionalInt.of(1), limiter.acquire("c"));
    }
}
