package jp.tsunagu.reporting.replay;

import com.fasterxml.jackson.databind.JsonNode;
import jp.tsunagu.reporting.figures.FigureDefinitions;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One municipality's replay as it runs: progress counters the replay thread updates and readers only read. The
 * municipality's own events are counted ({@code done}, {@code total}); how far the shared log has been read is kept
 * as a share only ({@code logRead} of {@code logTotal}), never shown as a number of records: the rest of the log is
 * other municipalities' activity.
 */
final class ReplayRun {

    enum Status { RUNNING, CATCHING_UP, COMPARING, DONE, FAILED }

    /** What a finished replay found, per municipality (the one municipality it replayed). */
    record Outcome(boolean allEqual, Map<String, List<FigureComparison.Difference>> differences,
                   Map<String, JsonNode> underDefinitions) {
    }

    final String id;
    final FigureDefinitions definitions;
    final String requestedBy;
    /** The municipality of who asked for it: its events are replayed, and only its staff see the run. */
    final String municipality;
    final Instant startedAt = Instant.now();
    /** The municipality's events written. */
    final AtomicLong done = new AtomicLong();
    /** Records of the shared log that could not be read, so whose municipality nobody can tell. */
    final AtomicLong skipped = new AtomicLong();
    /** The municipality's events in the log: known once the whole log has been read (0 until then). */
    volatile long total;
    /** Records of the shared log (every municipality's) read, and in it: for the share done only. */
    final AtomicLong logRead = new AtomicLong();
    volatile long logTotal;
    volatile Status status = Status.RUNNING;
    volatile Instant finishedAt;
    /**
     * The phases, measured apart: the schema's migration, the load (first event read to last write), the waiting for
     * the live consumer, building the indexes the load went without and the tables' statistics, the comparison.
     */
    volatile Instant migratedAt;
    volatile Instant firstReadAt;
    volatile Instant lastWriteAt;
    volatile Instant loadedAt;
    volatile Instant indexedAt;
    /** After waiting for another replay's comparison, if one was running. */
    volatile Instant comparisonStartedAt;
    volatile Instant comparedAt;
    volatile String schema;
    volatile Outcome outcome;
    /** Whether the live tables stood where the replay's did when compared ({@link ReplayLoad#logSettled}). */
    volatile Boolean logSettled;
    volatile String failure;

    ReplayRun(String id, FigureDefinitions definitions, String requestedBy, String municipality) {
        this.id = id;
        this.definitions = definitions;
        this.requestedBy = requestedBy;
        this.municipality = municipality;
    }

    /** The reader read records: the load starts with the first read. */
    synchronized void read() {
        if (firstReadAt == null) {
            firstReadAt = Instant.now();
        }
    }

    /** A lane committed a write: the load ends with the last one. */
    synchronized void wrote() {
        lastWriteAt = Instant.now();
    }

    /**
     * The load's rate in the municipality's own events: from the first event read to the last write (migration and
     * comparison not counted).
     */
    double eventsPerSecond() {
        Instant from = firstReadAt == null ? startedAt : firstReadAt;
        Instant to = lastWriteAt != null ? lastWriteAt : finishedAt == null ? Instant.now() : finishedAt;
        double seconds = Duration.between(from, to).toMillis() / 1000.0;
        return seconds <= 0 ? 0 : done.get() / seconds;
    }

    static Double seconds(Instant from, Instant to) {
        return from == null || to == null ? null : Duration.between(from, to).toMillis() / 1000.0;
    }

    /** How much of the shared log has been read, 0 to 100 (a share, not its size). */
    Integer logReadPercent() {
        long of = logTotal;
        if (status != Status.RUNNING) {
            return status == Status.FAILED ? null : 100;
        }
        return of <= 0 ? null : (int) Math.min(100, logRead.get() * 100 / of);
    }

    /** From the share of the log read so far and the time it took. */
    Long secondsLeft() {
        if (status != Status.RUNNING && status != Status.CATCHING_UP) {
            return 0L;
        }
        long of = logTotal;
        long read = logRead.get();
        if (status == Status.CATCHING_UP || read >= of) {
            return null;
        }
        Instant from = firstReadAt;
        if (from == null || read == 0) {
            return null;
        }
        double seconds = Duration.between(from, Instant.now()).toMillis() / 1000.0;
        return (long) Math.ceil(seconds * (of - read) / read);
    }
}
