package jp.tsunagu.testing;

import jp.tsunagu.contract.events.CloudEventCodec;
import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.TsunaguEvent;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** Reads and writes raw records of the test broker, to check what really is in the log. */
public final class TopicProbe {

    private TopicProbe() {
    }

    /** Every record of {@code topic} from offset 0 up to now. */
    public static List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TsunaguTestResources.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (infos == null || infos.isEmpty()) {
                return List.of();
            }
            List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            Instant deadline = Instant.now().plusSeconds(20);
            while (Instant.now().isBefore(deadline)
                    && partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /** Waits until a record matching {@code match} is on {@code topic}. */
    public static ConsumerRecord<String, byte[]> await(String topic, Predicate<ConsumerRecord<String, byte[]>> match,
                                                       Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<String, byte[]> r : readAll(topic)) {
                if (match.test(r)) {
                    return r;
                }
            }
            sleep(300);
        }
        throw new AssertionError("no matching record on " + topic + " within " + timeout);
    }

    /** Waits for an event of {@code type} about {@code subject} (a case id) that {@code match}es, and returns it. */
    public static <E extends TsunaguEvent> E awaitEvent(String topic, String subject, Class<E> type,
                                                        Predicate<E> match) {
        ConsumerRecord<String, byte[]> record = await(topic, r -> {
            if (!subject.equals(r.key())) {
                return false;
            }
            TsunaguEvent data = decode(r).data();
            return type.isInstance(data) && match.test(type.cast(data));
        }, Duration.ofSeconds(30));
        return type.cast(decode(record).data());
    }

    public static EventEnvelope<TsunaguEvent> decode(ConsumerRecord<String, byte[]> record) {
        return CloudEventCodec.read(name -> {
            Header h = record.headers().lastHeader(name);
            return h == null ? null : h.value();
        }, record.value());
    }

    /** Writes an event as its owning service would (for tests of consumers of other stages' topics). */
    public static void publish(String topic, EventEnvelope<?> envelope) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, envelope.subject(),
                CloudEventCodec.value(envelope.data()));
        CloudEventCodec.headers(envelope).forEach(record.headers()::add);
        send(record);
    }

    /** Writes any bytes with any headers: a poison record. */
    public static void send(ProducerRecord<String, byte[]> record) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TsunaguTestResources.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not write to " + record.topic(), e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
