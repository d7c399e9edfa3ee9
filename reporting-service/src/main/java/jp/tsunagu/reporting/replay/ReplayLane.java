package jp.tsunagu.reporting.replay;

import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.TsunaguEvent;
import jp.tsunagu.reporting.projection.CaseFactRows;
import jp.tsunagu.reporting.projection.HeldCaseFacts;
import jp.tsunagu.reporting.projection.ProjectionBatch;
import jp.tsunagu.reporting.projection.SeenIds;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * One lane of a replay: a share of the cases ({@link LaneSplit}), written by its own thread over its own connection to
 * the replay's schema, while the load's one reader fills its next share ({@link ReplayLoad}). At most one share waits
 * for the writer besides the one written, so a lane holds those two and the share the reader is filling, whatever
 * the log's size, the ids of the events and of the cases it wrote as two filters of at most 2 MB each
 * ({@link SeenIds}), and at most {@code tsunagu.replay.held-cases} rows of facts of its cases, plus a share's
 * ({@link HeldCaseFacts}).
 */
final class ReplayLane implements AutoCloseable {

    /** What a share's transaction sets ({@link #shareTransaction}). */
    static final String SHARE_TRANSACTION = "set local synchronous_commit = off; set local enable_seqscan = off";
    /** Shares handed to the writer at most: one written, one waiting, so the writer never waits for the reader. */
    private static final int SHARES_AHEAD = 2;

    private final Connection connection;
    private final JdbcSqlRunner target;
    private final int heldCases;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> new Thread(r, "tsunagu-replay-writer"));
    /** The first failure of a share's writing: the shares after it are not written. */
    private volatile Exception failed;
    /** The ids this lane wrote: every earlier copy of its events, as the replay's tables started empty. */
    private SeenIds written;
    /** Its cases' rows of facts between shares, or none held ({@code heldCases} 0): then read and written each share. */
    private HeldCaseFacts held;
    private CaseFactRows facts;
    /** The shares handed to the writer and not yet known written, the oldest first. */
    private final ArrayDeque<Future<?>> writing = new ArrayDeque<>();

    ReplayLane(Connection connection, String schema, int heldCases) throws SQLException {
        this.heldCases = heldCases;
        this.connection = connection;
        connection.setAutoCommit(false);
        this.target = new JdbcSqlRunner(connection, schema);
    }

    Connection connection() {
        return connection;
    }

    JdbcSqlRunner target() {
        return target;
    }

    /**
     * Sizes the lane's filter of ids and its held rows by about the records it is to write: the first round's alone
     * (a later round's few records only raise the filter's false "may have").
     */
    void expect(long records) {
        if (written == null) {
            written = new SeenIds(records);
            held = heldCases > 0 ? new HeldCaseFacts(heldCases, records) : null;
            facts = held != null ? held : CaseFactRows.STORED;
        }
    }

    /**
     * Writes a share of events after the shares before it (one thread: a case's writes keep the log's order). A
     * failure of an earlier share is thrown here, and the shares after it are not written.
     */
    void write(List<EventEnvelope<TsunaguEvent>> events, ReplayRun run) throws Exception {
        checkWritten();
        if (events.isEmpty()) {
            return;
        }
        while (writing.size() >= SHARES_AHEAD) {
            writing.removeFirst().get();
        }
        writing.addLast(writer.submit(() -> {
            if (failed != null) {
                throw new IllegalStateException("an earlier share of this lane failed", failed);
            }
            try {
                writeNow(events, run);
            } catch (Exception e) {
                failed = e;
                try {
                    connection.rollback();
                } catch (SQLException r) {
                    e.addSuppressed(r);
                }
                throw e;
            }
            run.done.addAndGet(events.size());
            return null;
        }));
    }

    /**
     * Lets go of the shares already written, and throws the failure of one, without waiting for any: the reader asks
     * after each poll, so a lane whose share fills slowly does not hide its failure while the others write on.
     */
    void checkWritten() throws Exception {
        while (!writing.isEmpty() && writing.peekFirst().isDone()) {
            writing.removeFirst().get();
        }
    }

    /** Ends a round of the load: its last share written, and every row of facts in the table. */
    void endRound() throws Exception {
        awaitWriting();
        if (held != null) {
            writer.submit(() -> {
                shareTransaction();
                target.execute(held.flush()).await().indefinitely();
                connection.commit();
                return null;
            }).get();
        }
    }

    private void awaitWriting() throws Exception {
        while (!writing.isEmpty()) {
            writing.removeFirst().get();
        }
    }

    private void writeNow(List<EventEnvelope<TsunaguEvent>> writes, ReplayRun run) throws Exception {
        shareTransaction();
        ProjectionBatch.apply(target, writes, written, facts).await().indefinitely();
        connection.commit();
        run.wrote();
    }

    /**
     * A share's transaction. The replay's tables are disposable (a failed replay is run again), so its commits need
     * not wait for the disk. Its reads are planned with table scans discouraged, so an index is taken wherever there
     * is one: a load reads only rows by an indexed id, from tables that grow from empty and have no statistics until
     * the load is done, and without it the planner scanned the whole of {@code case_event} for a poll's copies of
     * events (its lookup index, a hash, gives it no count of rows by key):
     * 37–43 ms a share's lookup against 1–2 by the index, in a log of 338,000 events of which the services had
     * published 138,000 again under the same ids. "local": the pooled connection goes back with the defaults, and the
     * comparison after the load reads whole tables.
     */
    private void shareTransaction() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(SHARE_TRANSACTION);
        }
    }

    @Override
    public void close() {
        writer.shutdownNow();
        try { // a share still being written is interrupted: the connection goes back to the pool after it
            writer.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the pool takes the connection back or drops it
        }
    }
}
