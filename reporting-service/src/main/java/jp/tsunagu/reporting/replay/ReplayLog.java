package jp.tsunagu.reporting.replay;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The log a replay reads, as the service reaches it: consumers of its own with the service's connection settings, and
 * how far the live consumer group has come. With the replay's settings, so that {@link ReplayService} takes one
 * thing for the Kafka side.
 */
@ApplicationScoped
public class ReplayLog {

    /** Records the load's reader decodes at a time: a lane's share fills from several polls. */
    static final int READER_POLL_RECORDS = 250;

    private final Map<String, Object> connection;
    private final String liveGroup;
    private final ReplayConfig config;

    public ReplayLog(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
                     @ConfigProperty(name = "mp.messaging.incoming.stage-events.group.id") String liveGroup,
                     ReplayConfig config) {
        this.connection = connection(kafkaConfig);
        this.liveGroup = liveGroup;
        this.config = config;
    }

    ReplayConfig config() {
        return config;
    }

    /**
     * Where and how the service's own channels reach Kafka (the {@code kafka.*} settings: bootstrap servers, and in
     * production TLS and SASL), so the replay's consumer and admin client connect as the service does.
     */
    static Map<String, Object> connection(Map<String, Object> kafkaConfig) {
        Map<String, Object> c = new HashMap<>();
        kafkaConfig.forEach((k, v) -> {
            if (k.equals("bootstrap.servers") || k.startsWith("security.") || k.startsWith("sasl.")
                    || k.startsWith("ssl.")) {
                c.put(k, v);
            }
        });
        return Map.copyOf(c);
    }

    /** A consumer of the log for its partitions and offsets. */
    KafkaConsumer<String, byte[]> consumer() {
        return consumer(1);
    }

    /**
     * The consumer a load reads the whole log with, for {@code lanes} lanes. It polls a few hundred records at a time
     * whatever {@code poll-records} is: the load fills each lane's share from its polls ({@link ReplayLoad}).
     */
    KafkaConsumer<String, byte[]> reader(int lanes) {
        return consumer(lanes);
    }

    private KafkaConsumer<String, byte[]> consumer(int lanes) {
        Properties p = new Properties();
        p.putAll(connection);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // What a load holds is bounded whatever the log's size: its reader's fetch (at most FETCH_MAX_BYTES, a
        // partition's share at most MAX_PARTITION_FETCH_BYTES), the poll it decodes, and each lane's shares. The lanes
        // share the service's small heap with the live consumer. A fetch stays alive until its last record is polled,
        // and at 4 MB a lane (1 MB a partition) the fetches and polls outgrew the survivor space, so the collector
        // promoted them after one young collection and they died in the old generation (768,342 events, 2026-12-06:
        // 28-31 full collections and 8.2-9.0 s of pauses per replay at 4 MB; 12 and 5.6 s at 1 MB;
        // docs/configuration.md). A poll was a lane's share times the lanes (3,000 records, each with its headers
        // copied out) until 2026-12-08: at READER_POLL_RECORDS the full collections of a 200,000-event replay went
        // from 2-3 to 1-2, by hand (docs/faults-and-performance.md).
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(READER_POLL_RECORDS));
        p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, Integer.toString(1024 * 1024 * lanes));
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(256 * 1024));
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "reporting-replay");
        return new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** Waits until the live consumer group has committed at least the offsets the replay read to. */
    boolean awaitLive(Map<TopicPartition, Long> end) throws Exception {
        Properties p = new Properties();
        p.putAll(connection);
        Duration catchUpWait = config.catchUpWait();
        try (Admin admin = Admin.create(p)) {
            long deadline = System.nanoTime() + catchUpWait.toNanos();
            while (true) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(liveGroup)
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                boolean caughtUp = end.entrySet().stream().allMatch(e -> e.getValue() == 0
                        || (committed.get(e.getKey()) != null && committed.get(e.getKey()).offset() >= e.getValue()));
                if (caughtUp || System.nanoTime() > deadline) {
                    return caughtUp;
                }
                Thread.sleep(500);
            }
        }
    }
}
