package jp.tsunagu.support.events;

import jp.tsunagu.contract.events.CloudEventCodec;
import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.TsunaguEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Reads a consumed Kafka record as an event. A record that is not a valid event throws
 * {@link CloudEventCodec.MalformedEventException}; the channel's dead-letter strategy then moves it to
 * {@link jp.tsunagu.contract.Topics#DEAD_LETTER} with that reason, and the stream goes on.
 */
public final class IncomingEvents {

    private IncomingEvents() {
    }

    public static EventEnvelope<TsunaguEvent> read(ConsumerRecord<String, byte[]> record) {
        return CloudEventCodec.read(name -> {
            Header h = record.headers().lastHeader(name);
            return h == null ? null : h.value();
        }, record.value());
    }

    public static <E extends TsunaguEvent> EventEnvelope<E> read(ConsumerRecord<String, byte[]> record, Class<E> type) {
        return CloudEventCodec.read(name -> {
            Header h = record.headers().lastHeader(name);
            return h == null ? null : h.value();
        }, record.value(), type);
    }
}
