package jp.tsunagu.support.http;

import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per caller (municipality and agency, or a coordinator's subject): {@code burst} requests at once,
 * refilled at {@code perMinute}. Plain Java so the arithmetic is tested without a server.
 */
public final class RateLimiter {

    private final double perNano;
    private final double burst;
    private final LongSupplier clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }

    public RateLimiter(int perMinute, int burst, LongSupplier nanoClock) {
        if (perMinute <= 0 || burst <= 0) {
            throw new IllegalArgumentException("rate limits must be positive");
        }
        this.perNano = perMinute / 60e9;
        this.burst = burst;
        this.clock = nanoClock;
    }

    /** Empty when the request may go ahead; otherwise the seconds until one more is allowed. */
    public OptionalInt acquire(String caller) {
        long now = clock.getAsLong();
        Bucket b = buckets.computeIfAbsent(caller, k -> new Bucket(burst, now));
        synchronized (b) {
            b.tokens = Math.min(burst, b.tokens + (now - b.at) * perNano);
            b.at = now;
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return OptionalInt.empty();
            }
            return OptionalInt.of((int) Math.max(1, Math.ceil((1 - b.tokens) / perNano / 1e9)));
        }

    }
}
