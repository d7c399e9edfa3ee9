package jp.tsunagu.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The consumer lag of every consumer group of the system: for each partition a group's members are assigned, the
 * log end minus the group's committed offset. Zero for every group means every service has applied (and committed)
 * every event there is: the end of a CPU window.
 */
final class Lag {

    private Lag() {
    }

    /** Group id → records not yet consumed and committed, for every group (or only {@code only}, when not empty). */
    static Map<String, Long> of(String bootstrap, Set<String> only) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            List<String> groups = admin.listConsumerGroups().all().get(10, TimeUnit.SECONDS).stream()
                    .map(ConsumerGroupListing::groupId).filter(g -> !g.startsWith("probe-"))
                    .filter(g -> only.isEmpty() || only.contains(g)).toList();
            Map<String, ConsumerGroupDescription> described = admin.describeConsumerGroups(groups).all()
                    .get(10, TimeUnit.SECONDS);
            Map<String, Long> lag = new HashMap<>();
            for (String group : groups) {
                Set<TopicPartition> assigned = new HashSet<>();
                described.get(group).members().forEach(m -> assigned.addAll(m.assignment().topicPartitions()));
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                assigned.addAll(committed.keySet());
                if (assigned.isEmpty()) {
                    continue;
                }
                Map<TopicPartition, Long> ends = admin.listOffsets(assigned.stream()
                                .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest())))
                        .all().get(10, TimeUnit.SECONDS).entrySet().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
                long total = 0;
                for (TopicPartition tp : assigned) {
                    OffsetAndMetadata c = committed.get(tp);
                    total += Math.max(0, ends.get(tp) - (c == null ? 0 : c.offset()));
                }
                lag.put(group, total);
            }
            return lag;
        }
    }

    /** The sum of a topic's log end offsets: how many records were ever written to it. */
    static long written(String bootstrap, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get(topic).partitions();
            return admin.listOffsets(partitions.stream().collect(Collectors.toMap(
                            p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest())))
                    .all().get(10, TimeUnit.SECONDS).values().stream().mapToLong(i -> i.offset()).sum();
        }
    }

    /** Waits until every group's lag is 0 (or the timeout); returns the seconds it waited. */
    static double awaitDrained(String bootstrap, Set<String> only, int timeoutSeconds) throws Exception {
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        Map<String, Long> lag = of(bootstrap, only);
        while (lag.values().stream().anyMatch(l -> l > 0)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("consumers still behind after " + timeoutSeconds + " s: " + lag);
            }
            Thread.sleep(200);
            lag = of(bootstrap, only);
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
