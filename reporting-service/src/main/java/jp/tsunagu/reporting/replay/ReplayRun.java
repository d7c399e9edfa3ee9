package jp.tsunagu.reporting.replay;

import com.fasterxml.jackson.databind.JsonNode;
import jp.tsunagu.reporting.figures.FigureDefinitions;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** One replay as it runs: progress counters the replay thread updates and readers only read. */
final class ReplayRun {

    enum Status { RUNNING, CATCHING_UP, COMPARING, DONE, FAILED }

    /** What a finished replay found, per municipality. */
    record Outcome(boolean allEqual, Map<String, List<FigureComparison.Difference>> differences,
                   Map<String, JsonNode> underDefinitions) {
    }

    final String id;
    final FigureDefinitions definitions;
    final String requestedBy;
    /** The municipality of who asked for it: only its staff see the run (a replay rebuilds every one's tables). */
    final String municipality;
    final Instant startedAt = Instant.now();
    final AtomicLong done = new AtomicLong();
    final AtomicLong skipped = new AtomicLong();
    volatile long total;
    volatile Status status = Status.RUNNING;
    volatile Instant finishedAt;
    /**
     * The phases, measured apart: the schema's migration, the load (first event read to last write), the waiting for
     * the live consumer, building the indexes the load went without, the comparison.
     */
    volatile Instant migratedAt;
    volatile Instant firstReadAt;
    volatile Instant lastWriteAt;
    volatile Instant loadedAt;
    volatile Instant indexedAt;
    volatile Instant comparedAt;
    volatile String schema;
    volatile Outcome outcome;
    volatile String failure;

    ReplayRun(String id, FigureDefinitions definitions, String requestedBy, String municipality) {
        this.id = id;
        this.definitions = definitions;
        this.requestedBy = requestedBy;
        this.municipality = municipality;
    }

    /** A lane read events: the load starts with the first read. */
    synchronized void read() {
        if (firstReadAt == null) {
            firstReadAt = Instant.now();
        }
    }

    /** A lane committed a write: the load ends with the last one. */
    synchronized void wrote() {
        lastWriteAt = Instant.now();
    }

    /** The load's rate: from the first event read to the last write (migration and comparison not counted). */
    double eventsPerSecond() {
        Instant from = firstReadAt == null ? startedAt : firstReadAt;
        Instant to = lastWriteAt != null ? lastWriteAt : finishedAt == null ? Instant.now() : finishedAt;
        double seconds = Duration.between(from, to).toMillis() / 1000.0;
        return seconds <= 0 ? 0 : done.get() / seconds;
    }

    static Double seconds(Instant from, Instant to) {
        return from == null || to == null ? null : Duration.between(from, to).toMillis() / 1000.0;
    }

    Long secondsLeft() {
        double rate = eventsPerSecond();
        if (status != Status.RUNNING && status != Status.CATCHING_UP) {
            return 0L;
        }
        return rate <= 0 ? null : (long) Math.ceil(Math.max(0, total - done.get()) / rate);
    }
}
