package jp.tsunagu.reporting.replay;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How a replay runs ({@code tsunagu.replay.*}; see the README's configuration table). */
@ConfigMapping(prefix = "tsunagu.replay")
public interface ReplayConfig {

    /** How long the comparison waits for the live consumer to reach the log's end the replay read up to. */
    @WithDefault("60s")
    Duration catchUpWait();

    /** Lanes reading and writing in parallel, each a share of the partitions. */
    @WithDefault("2")
    int workers();
}
