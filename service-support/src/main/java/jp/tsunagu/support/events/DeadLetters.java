package jp.tsunagu.support.events;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;

/**
 * Sets a consumed record aside on {@link Topics#DEAD_LETTER}: its key, value and headers as they came, plus why
 * ({@code dead-letter-reason}, {@code dead-letter-cause}), where it came from ({@code dead-letter-topic},
 * {@code -partition}, {@code -offset}) and which projection set it aside ({@code dead-letter-consumer}). The returned
 * {@code Uni} completes once Kafka acknowledged it, so the batch that held the record is acknowledged only then.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final MutinyEmitter<byte[]> emitter;

    public DeadLetters(@Channel("dead-letters") MutinyEmitter<byte[]> emitter) {
        this.emitter = emitter;
    }

    public Uni<Void> send(ConsumerRecord<String, byte[]> record, String consumer, Throwable reason) {
        RecordHeaders headers = new RecordHeaders();
        for (Header h : record.headers()) {
            headers.add(h);
        }
        header(headers, "dead-letter-reason", reason.getMessage() == null ? reason.toString() : reason.getMessage());
        if (reason.getCause() != null) {
            header(headers, "dead-letter-cause", String.valueOf(reason.getCause()));
        }
        header(headers, "dead-letter-topic", record.topic());
        header(headers, "dead-letter-partition", Integer.toString(record.partition()));
        header(headers, "dead-letter-offset", Long.toString(record.offset()));
        header(headers, "dead-letter-consumer", consumer);
        LOG.warnf("%s set aside %s-%d@%d: %s", consumer, record.topic(), record.partition(), record.offset(),
                reason.getMessage());
        Message<byte[]> message = Message.of(record.value() == null ? new byte[0] : record.value())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(record.key())
                        .withHeaders(headers)
                        .build());
        return emitter.sendMessage(message);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
