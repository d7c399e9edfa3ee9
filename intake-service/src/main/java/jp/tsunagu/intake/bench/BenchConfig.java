package jp.tsunagu.intake.bench;

import io.smallrye.config.ConfigMapping;

/** Settings for bench/run only ({@code tsunagu.bench.*}). */
@ConfigMapping(prefix = "tsunagu.bench")
public interface BenchConfig {

    /** Whether the no-op endpoint the benchmark measures beside POST /referrals answers; off unless bench/run. */
    boolean noopEndpoint();
}
