package jp.tsunagu.reporting.replay;

import jp.tsunagu.contract.events.CloudEventCodec;
import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.TsunaguEvent;
import jp.tsunagu.reporting.projection.CaseFactRows;
import jp.tsunagu.reporting.projection.HeldCaseFacts;
import jp.tsunagu.reporting.projection.ProjectionBatch;
import jp.tsunagu.reporting.projection.SeenIds;
import jp.tsunagu.support.events.IncomingEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One lane of a replay: the partitions it reads, its consumer, and its own connection to the replay's schema written
 * by its own thread, so the lane decodes a poll while the previous one is written. At most one poll waits for the
 * writer, so a lane holds two polls' events and its consumer's fetch, whatever the log's size, the ids of the events
 * and of the cases it wrote as two filters of at most 2 MB each ({@link SeenIds}), and at most
 * {@code tsunagu.replay.held-cases} rows of facts of its cases, plus a poll's ({@link HeldCaseFacts}).
 */
final class ReplayLane implements AutoCloseable {

    /** What a poll's transaction sets ({@link #pollTransaction}). */
    static final String POLL_TRANSACTION = "set local synchronous_commit = off; set local enable_seqscan = off";

    private final KafkaConsumer<String, byte[]> consumer;
    /** The partitions it reads, and which of their records it writes. */
    private final LaneSplit.Share share;
    private final Connection connection;
    private final JdbcSqlRunner target;
    private final int heldCases;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> new Thread(r, "tsunagu-replay-writer"));
    private boolean consumerOpen = true;
    /** The ids this lane wrote: every earlier copy of its events, as the replay's tables started empty. */
    private SeenIds written;
    /** Its cases' rows of facts between polls, or none held ({@code heldCases} 0): then read and written each poll. */
    private HeldCaseFacts held;
    private CaseFactRows facts;

    ReplayLane(LaneSplit.Share share, KafkaConsumer<String, byte[]> consumer, Connection connection, String schema,
               int heldCases) throws SQLException {
        this.consumer = consumer;
        this.share = share;
        this.heldCases = heldCases;
        this.connection = connection;
        connection.setAutoCommit(false);
        this.target = new JdbcSqlRunner(connection, schema);
        consumer.assign(share.reads());
        consumer.seekToBeginning(share.reads());
    }

    KafkaConsumer<String, byte[]> consumer() {
        return consumer;
    }

    Connection connection() {
        return connection;
    }

    JdbcSqlRunner target() {
        return target;
    }

    /**
     * Reads the lane's partitions up to {@code end}, writing the run's municipality's events in the log's order (a
     * poll is decoded while the previous one is written, never overtaking it: a case's writes keep their order).
     */
    void loadUpTo(Map<TopicPartition, Long> end, ReplayRun run) throws Exception {
        Map<TopicPartition, Long> own = new HashMap<>();
        consumer.assignment().forEach(tp -> own.put(tp, end.getOrDefault(tp, 0L)));
        if (written == null) { // sized by the first round's records; later rounds' few only raise its false "may have"
            long records = own.entrySet().stream().mapToLong(e -> share.writtenShare(e.getKey().partition(),
                    Math.max(0, e.getValue() - consumer.position(e.getKey())))).sum();
            written = new SeenIds(records);
            held = heldCases > 0 ? new HeldCaseFacts(heldCases, records) : null;
            facts = held != null ? held : CaseFactRows.STORED;
        }
        Future<?> writing = null;
        while (!reached(own)) {
            ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
            if (!records.isEmpty()) {
                run.read();
            }
            List<EventEnvelope<TsunaguEvent>> writes = new ArrayList<>();
            int read = 0;
            for (ConsumerRecord<String, byte[]> record : records) {
                if (!share.writes(record.partition(), record.key())) {
                    continue; // another lane's, of a shared partition: not decoded here
                }
                read++;
                try {
                    EventEnvelope<TsunaguEvent> event = IncomingEvents.read(record);
                    if (run.municipality.equals(event.data().municipality())) {
                        writes.add(event);
                    }
                } catch (CloudEventCodec.MalformedEventException e) {
                    run.skipped.incrementAndGet(); // the live consumer dead-lettered it too
                }
            }
            int readHere = read;
            if (writing != null) {
                writing.get();
            }
            writing = writer.submit(() -> {
                write(writes, run);
                run.done.addAndGet(writes.size());
                run.logRead.addAndGet(readHere);
                return null;
            });
        }
        if (writing != null) {
            writing.get();
        }
        if (held != null) {
            writer.submit(() -> { // the round ends with every row of facts in the table
                pollTransaction();
                target.execute(held.flush()).await().indefinitely();
                connection.commit();
                return null;
            }).get();
        }
    }

    private void write(List<EventEnvelope<TsunaguEvent>> writes, ReplayRun run) throws Exception {
        if (writes.isEmpty()) {
            return;
        }
        pollTransaction();
        ProjectionBatch.apply(target, writes, written, facts).await().indefinitely();
        connection.commit();
        run.wrote();
    }

    /**
     * A poll's transaction. The replay's tables are disposable (a failed replay is run again), so its commits need
     * not wait for the disk. Its reads are planned with table scans discouraged, so an index is taken wherever there
     * is one: a load reads only rows by an indexed id, from tables that grow from empty and have no statistics until
     * the load is done, and without it the planner scanned the whole of {@code case_event} for a poll's copies of
     * events (its lookup index, a hash, gives it no count of rows by key):
     * 37–43 ms a poll's lookup against 1–2 by the index, in a log of 338,000 events of which the services had
     * published 138,000 again under the same ids. "local": the pooled connection goes back with the defaults, and the
     * comparison after the load reads whole tables.
     */
    private void pollTransaction() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(POLL_TRANSACTION);
        }
    }

    private boolean reached(Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    /** The consumer may still hold a prefetched fetch: closed before the comparison needs the heap. */
    void releaseConsumer() {
        if (consumerOpen) {
            consumerOpen = false;
            consumer.close();
        }
    }

    @Override
    public void close() {
        writer.shutdownNow();
        releaseConsumer();
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the pool takes the connection back or drops it
        }
    }
}
