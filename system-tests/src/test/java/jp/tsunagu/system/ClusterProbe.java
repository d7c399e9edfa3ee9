package jp.tsunagu.system;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Looks at a running system from outside: the brokers' leaders and in-sync replicas, the consumer groups' lag, the
 * records on a topic, and the row counts of the services' projections in PostgreSQL.
 */
final class ClusterProbe implements AutoCloseable {

    /** The projections that hold one row per case, whatever its path. */
    static final List<String> PER_CASE_PROJECTIONS = List.of("intake.case_status", "routing.case_routing",
            "reporting.case_fact");

    private final String bootstrap;
    private final String jdbcUrl;
    private final Admin admin;

    ClusterProbe(String bootstrap, String jdbcUrl) {
        this.bootstrap = bootstrap;
        this.jdbcUrl = jdbcUrl;
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        this.admin = Admin.create(p);
    }

    Admin admin() {
        return admin;
    }

    TopicPartitionInfo partition(String topic, int partition) throws Exception {
        TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames().get(20, TimeUnit.SECONDS).get(topic);
        return d.partitions().get(partition);
    }

    /** The node id leading the partition, or -1 while it has none. */
    int leader(String topic, int partition) throws Exception {
        TopicPartitionInfo p = partition(topic, partition);
        return p.leader() == null ? -1 : p.leader().id();
    }

    /** Waits until every partition of the topics has all {@code replicas} in sync again. */
    void awaitFullIsr(Collection<String> topics, int replicas, Duration timeout) throws Exception {
        await("all " + replicas + " replicas in sync on " + topics, timeout, () -> {
            try {
                return admin.describeTopics(topics).allTopicNames().get(20, TimeUnit.SECONDS).values().stream()
                        .flatMap(d -> d.partitions().stream()).allMatch(p -> p.isr().size() == replicas);
            } catch (Exception e) {
                return false;
            }
        });
    }

    /** Records not yet processed per consumer group (the committed offsets behind the end of each partition). */
    Map<String, Long> lag() throws Exception {
        Map<String, Long> lag = new TreeMap<>();
        for (ConsumerGroupListing g : admin.listConsumerGroups().all().get(20, TimeUnit.SECONDS)) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(g.groupId())
                    .partitionsToOffsetAndMetadata().get(20, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get(20, TimeUnit.SECONDS);
            long behind = 0;
            for (var e : committed.entrySet()) {
                if (e.getValue() != null) {
                    behind += ends.get(e.getKey()).offset() - e.getValue().offset();
                }
            }
            lag.put(g.groupId(), behind);
        }
        return lag;
    }

    long lag(String group) throws Exception {
        return lag().getOrDefault(group, -1L);
    }

    /** Every record of a topic, from offset 0 to its end as it is now. */
    List<ConsumerRecord<String, byte[]>> records(String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
            Instant deadline = Instant.now().plusSeconds(120);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("could not read " + topic + " to its end");
                }
                consumer.poll(Duration.ofMillis(500)).forEach(out::add);
            }
            return out;
        }
    }

    static String header(ConsumerRecord<String, byte[]> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    Connection db() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, "postgres", "");
    }

    long count(String sql) throws SQLException {
        try (Connection c = db(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Rows of each per-case projection. */
    Map<String, Long> projectionRows() throws SQLException {
        Map<String, Long> rows = new TreeMap<>();
        for (String table : PER_CASE_PROJECTIONS) {
            rows.put(table, count("select count(*) from " + table));
        }
        return rows;
    }

    /** Waits until every per-case projection has {@code cases} rows and no consumer group lags. */
    void awaitConverged(long cases, Duration timeout) throws Exception {
        await(cases + " cases in every projection and no lag", timeout, () -> {
            try {
                return projectionRows().values().stream().allMatch(n -> n == cases)
                        && lag().values().stream().allMatch(n -> n == 0);
            } catch (Exception e) {
                return false;
            }
        });
    }

    void await(String what, Duration timeout, BooleanSupplier condition) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + timeout + ": " + what + "; projections " + safeRows()
                        + ", lag " + safeLag());
            }
            Thread.sleep(500);
        }
    }

    private Object safeRows() {
        try {
            return projectionRows();
        } catch (Exception e) {
            return e.getClass().getSimpleName();
        }
    }

    private Object safeLag() {
        try {
            return lag();
        } catch (Exception e) {
            return e.getClass().getSimpleName();
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
