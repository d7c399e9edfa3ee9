package jp.tsunagu.support.http;

import io.smallrye.config.ConfigMapping;

/** Each caller's request budget ({@code tsunagu.rate-limit.*}; docs/configuration.md lists them). */
@ConfigMapping(prefix = "tsunagu.rate-limit")
public interface RateLimitConfig {

    /** Requests a caller may make per minute, refilled continuously. */
    int perMinute();

    /** Requests a caller may make at once before the per-minute rate applies. */
    int burst();
}
