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

    /**
     * Lanes writing in parallel, each a share of the cases, beside the one reader of the log. Three on 2 cores: the
     * lanes wait for PostgreSQL in turn, and a third kept the cores busier (2026-12-08, 200,000 events, two builds
     * taken in turn: 65,500–71,800 events/s against 60,700 for two lanes that each read their own partitions).
     */
    @WithDefault("3")
    int workers();

    /**
     * Replays the service runs at once, each a different municipality's (one per municipality). Each holds
     * {@link #workers()} JDBC connections and one consumer: the datasource needs 2 + workers × this connections.
     */
    @WithDefault("2")
    int atOnce();

    /**
     * Events of the replayed municipality a lane writes in one transaction (its share, which the reader fills from its
     * polls of the log, 250 records each; below 1 counts as 1): larger shares make fewer round trips to the database,
     * and each lane holds up to three shares of events in the heap (one written, one waiting, one being filled). The
     * name is from when the reader polled this many records a lane.
     */
    @WithDefault("1000")
    int pollRecords();

    /**
     * Rows of facts ({@code case_fact}) a lane holds between shares, of its own cases: a case's later events fold into
     * its row in memory instead of reading it back and writing it again each share. Past it, the least recently folded
     * are written out down to three quarters of it (and read back if an event of theirs comes later). 0: none held.
     */
    @WithDefault("10000")
    int heldCases();
}
