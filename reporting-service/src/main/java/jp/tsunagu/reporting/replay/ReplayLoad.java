package jp.tsunagu.reporting.replay;

import io.agroal.api.AgroalDataSource;
import jp.tsunagu.contract.Topics;
import jp.tsunagu.contract.events.CloudEventCodec;
import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.TsunaguEvent;
import jp.tsunagu.support.events.IncomingEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A replay's load: every stage topic from offset 0 into the replay's schema, up to the log's end, and again up to the
 * new end while the log grows (a few rounds), until the live consumer has come as far. One reader reads the log once
 * and decodes it; parallel lanes write its events, each a share of the cases ({@link LaneSplit}). Before 2026-12-08
 * each lane read its own partitions, and with 3 partitions and 2 lanes both read the third whole to keep half of it:
 * a third more of the log fetched and made into records.
 */
final class ReplayLoad implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ReplayLoad.class);
    private static final List<String> STAGE_TOPICS = List.of(Topics.INTAKE, Topics.ROUTING, Topics.MEETINGS,
            Topics.PLANS);
    private static final int LAST_ROUND = 5;

    private final ReplayLog log;
    private final List<TopicPartition> partitions = new ArrayList<>();
    private final List<ReplayLane> lanes = new ArrayList<>();
    private KafkaConsumer<String, byte[]> reader;
    private boolean readerOpen;
    private LaneSplit split;
    /** The offsets the load read up to, and whether the live consumer had reached them when it ended. */
    private Map<TopicPartition, Long> loadedUpTo = Map.of();
    private boolean liveCaughtUp;

    ReplayLoad(ReplayLog log, AgroalDataSource dataSource, String schema, int workers) throws Exception {
        this.log = log;
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
            // reach two lanes: each then reads and writes the rows every share, as the live consumer does each poll.
            int heldCases = log.config().heldCases();
            if (partitions.stream().collect(Collectors.groupingBy(TopicPartition::topic, Collectors.counting()))
                    .values().stream().distinct().count() > 1 && heldCases > 0) {
                LOG.warnf("the stage topics' partition counts differ: replay lanes hold no rows of facts");
                heldCases = 0;
            }
            split = LaneSplit.of(partitions, workers);
            for (int w = 0; w < split.lanes(); w++) { // one lane even with no topics yet
                lanes.add(lane(dataSource, schema, heldCases));
            }
            reader = log.reader(split.lanes());
            readerOpen = true;
            reader.assign(partitions);
            reader.seekToBeginning(partitions);
        } catch (Exception e) {
            close();
            throw e;
        }
    }

    /** A lane, or nothing left open when its connection or its start fails. */
    private static ReplayLane lane(AgroalDataSource dataSource, String schema, int heldCases) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            return new ReplayLane(connection, schema, heldCases);
        } catch (RuntimeException | SQLException e) {
            connection.close();
            throw e;
        }
    }

    /** The lane whose connection builds the indexes and reads for the comparison once the load is done. */
    ReplayLane first() {
        return lanes.get(0);
    }

    void load(ReplayRun run) throws Exception {
        Map<TopicPartition, Long> begin = reader.beginningOffsets(partitions);
        Map<TopicPartition, Long> end = reader.endOffsets(partitions);
        run.logTotal = count(begin, end);
        LOG.infof("replay %s: %d records of the shared log from %d partitions into schema %s, %d lanes", run.id,
                run.logTotal, partitions.size(), run.schema, lanes.size());
        for (ReplayLane lane : lanes) {
            lane.expect(split.laneShare(run.logTotal));
        }
        for (int round = 0; ; round++) {
            readUpTo(end, run);
            run.status = ReplayRun.Status.CATCHING_UP;
            boolean liveCaughtUp = log.awaitLive(end);
            Map<TopicPartition, Long> latest = reader.endOffsets(partitions);
            loadedUpTo = end;
            this.liveCaughtUp = liveCaughtUp;
            if (latest.equals(end) && liveCaughtUp || round == LAST_ROUND) {
                break; // a live consumer still behind is said once, with the rest of logSettled, after the comparison
            }
            end = latest;
            run.logTotal = count(begin, end);
        }
        // the reader may still hold a prefetched fetch: gone before the comparison needs the heap
        readerOpen = false;
        reader.close();
    }

    /**
     * Reads the log up to {@code end}, handing each lane the run's municipality's events of its cases in the log's
     * order, a share of {@code poll-records} events at a time (what it writes in one transaction), the rest at the
     * round's end. The reader decodes while the lanes write, and a lane's share never overtakes its previous one (a
     * case's writes keep their order). It polls {@link ReplayLog#READER_POLL_RECORDS} records at a time, however large
     * a share is, so few undecoded records are alive at a young collection.
     */
    private void readUpTo(Map<TopicPartition, Long> end, ReplayRun run) throws Exception {
        int shareSize = Math.max(1, log.config().pollRecords());
        List<List<EventEnvelope<TsunaguEvent>>> shares = new ArrayList<>(lanes.size());
        for (int i = 0; i < lanes.size(); i++) {
            shares.add(new ArrayList<>(shareSize));
        }
        while (!reached(end)) {
            ConsumerRecords<String, byte[]> records = reader.poll(Duration.ofMillis(500));
            if (records.isEmpty()) {
                continue;
            }
            run.read();
            for (ConsumerRecord<String, byte[]> record : records) {
                try {
                    EventEnvelope<TsunaguEvent> event = IncomingEvents.read(record);
                    if (run.municipality.equals(event.data().municipality())) {
                        int lane = split.laneOf(record.partition(), record.key());
                        List<EventEnvelope<TsunaguEvent>> share = shares.get(lane);
                        share.add(event);
                        if (share.size() >= shareSize) {
                            lanes.get(lane).write(share, run);
                            shares.set(lane, new ArrayList<>(shareSize));
                        }
                    }
                } catch (CloudEventCodec.MalformedEventException e) {
                    run.skipped.incrementAndGet(); // the live consumer dead-lettered it too
                }
            }
            run.logRead.addAndGet(records.count());
            for (ReplayLane lane : lanes) {
                lane.checkWritten();
            }
        }
        for (int i = 0; i < lanes.size(); i++) {
            lanes.get(i).write(shares.get(i), run);
        }
        for (ReplayLane lane : lanes) {
            lane.endRound();
        }
    }

    private boolean reached(Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> reader.position(e.getKey()) >= e.getValue());
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
        try {
            if (readerOpen) {
                readerOpen = false;
                reader.close();
            }
        } finally {
            lanes.forEach(ReplayLane::close);
        }
    }
}
