package jp.tsunagu.reporting.replay;

import io.agroal.api.AgroalDataSource;
import jp.tsunagu.contract.Topics;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * A replay's load: every stage topic from offset 0 into the replay's schema, in parallel lanes, up to the log's end,
 * and again up to the new end while the log grows (a few rounds), until the live consumer has come as far.
 */
final class ReplayLoad implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ReplayLoad.class);
    private static final List<String> STAGE_TOPICS = List.of(Topics.INTAKE, Topics.ROUTING, Topics.MEETINGS,
            Topics.PLANS);
    private static final int LAST_ROUND = 5;

    private final ReplayLog log;
    private final List<TopicPartition> partitions = new ArrayList<>();
    private final List<ReplayLane> lanes = new ArrayList<>();
    private final ExecutorService pool;
    /** The offsets the load read up to, and whether the live consumer had reached them when it ended. */
    private Map<TopicPartition, Long> loadedUpTo = Map.of();
    private boolean liveCaughtUp;

    ReplayLoad(ReplayLog log, AgroalDataSource dataSource, String schema, int workers) throws Exception {
        this.log = log;
        this.pool = Executors.newFixedThreadPool(workers, r -> new Thread(r, "tsunagu-replay-lane"));
        try {
            try (KafkaConsumer<String, byte[]> probe = log.consumer()) {
                for (String topic : STAGE_TOPICS) {
                    Optional.ofNullable(probe.partitionsFor(topic)).orElse(List.of())
                            .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
                }
            }
            // A case's events have the same partition number on every stage topic (keyed by case id, same partition
            // counts), so lanes that split by partition number and key (LaneSplit) write disjoint cases and never wait
            // for each other, and each may hold its cases' rows of facts. With counts that differ, a case's events may
            // reach two lanes: each then reads and writes the rows every poll, as the live consumer does.
            int heldCases = log.config().heldCases();
            if (partitions.stream().collect(Collectors.groupingBy(TopicPartition::topic, Collectors.counting()))
                    .values().stream().distinct().count() > 1 && heldCases > 0) {
                LOG.warnf("the stage topics' partition counts differ: replay lanes hold no rows of facts");
                heldCases = 0;
            }
            LaneSplit split = LaneSplit.of(partitions, workers);
            for (int w = 0; w < split.lanes(); w++) { // one lane even with no topics yet
                lanes.add(lane(dataSource, split.share(partitions, w), schema, heldCases));
            }
            LOG.debugf("replay lanes: %d, sharing partition numbers %s by key", split.lanes(),
                    split.sharedNumbers(partitions));
        } catch (Exception e) {
            close();
            throw e;
        }
    }

    /** A lane, or nothing left open when its connection or its start fails (its consumer is closed then). */
    private ReplayLane lane(AgroalDataSource dataSource, LaneSplit.Share share, String schema, int heldCases)
            throws SQLException {
        KafkaConsumer<String, byte[]> consumer = log.consumer();
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            return new ReplayLane(share, consumer, connection, schema, heldCases);
        } catch (RuntimeException | SQLException e) {
            consumer.close();
            if (connection != null) {
                connection.close();
            }
            throw e;
        }
    }

    /** The lane whose connection builds the indexes and reads for the comparison once the load is done. */
    ReplayLane first() {
        return lanes.get(0);
    }

    void load(ReplayRun run) throws Exception {
        KafkaConsumer<String, byte[]> offsets = first().consumer();
        Map<TopicPartition, Long> begin = offsets.beginningOffsets(partitions);
        Map<TopicPartition, Long> end = offsets.endOffsets(partitions);
        run.logTotal = count(begin, end);
        LOG.infof("replay %s: %d records of the shared log from %d partitions into schema %s, %d lanes", run.id,
                run.logTotal, partitions.size(), run.schema, lanes.size());
        for (int round = 0; ; round++) {
            List<Future<Void>> loads = new ArrayList<>();
            for (ReplayLane lane : lanes) {
                Map<TopicPartition, Long> upTo = end;
                loads.add(pool.submit(() -> {
                    lane.loadUpTo(upTo, run);
                    return null;
                }));
            }
            for (Future<Void> load : loads) {
                load.get();
            }
            run.status = ReplayRun.Status.CATCHING_UP;
            boolean liveCaughtUp = log.awaitLive(end);
            Map<TopicPartition, Long> latest = offsets.endOffsets(partitions);
            loadedUpTo = end;
            this.liveCaughtUp = liveCaughtUp;
            if (latest.equals(end) && liveCaughtUp || round == LAST_ROUND) {
                break; // a live consumer still behind is said once, with the rest of logSettled, after the comparison
            }
            end = latest;
            run.logTotal = count(begin, end);
        }
        // each consumer may still hold a prefetched fetch: gone before the comparison needs the heap
        lanes.forEach(ReplayLane::releaseConsumer);
    }

    /**
     * Whether the live tables stood where the replay's did: the live consumer had reached the offsets the load read up
     * to, and no stage topic has grown since (asked after the comparison). Otherwise a difference may be events still
     * in flight rather than a fault, and a replay run when the system is quiet settles it.
     */
    boolean logSettled() {
        if (!liveCaughtUp) {
            return false;
        }
        try (KafkaConsumer<String, byte[]> ends = log.consumer()) {
            return ends.endOffsets(partitions).equals(loadedUpTo);
        }
    }

    private static long count(Map<TopicPartition, Long> begin, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().mapToLong(e -> e.getValue() - begin.getOrDefault(e.getKey(), 0L)).sum();
    }

    @Override
    public void close() {
        pool.shutdownNow();
        lanes.forEach(ReplayLane::close);
    }
}
