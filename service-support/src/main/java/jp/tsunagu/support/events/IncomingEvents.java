package jp.tsunagu.support.events;

import jp.tsunagu.contract.Topics;
import jp.tsunagu.contract.events.CloudEventCodec;
import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.TsunaguEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Reads a consumed Kafka record as an event. A record that is not a valid event throws
 * {@link CloudEventCodec.MalformedEventException}; {@link StageEventsConsumer} then sets it aside on
 * {@link jp.tsunagu.contract.Topics#DEAD_LETTER} with that reason, and the stream goes on.
 */
public final class IncomingEvents {

    private IncomingEvents() {
    }

    /** The event, checked to belong on the stage topic it was read from (each topic has one writer). */
    public static EventEnvelope<TsunaguEvent> read(ConsumerRecord<String, byte[]> record) {
        @SuppressWarnings("unchecked")
        Class<TsunaguEvent> allowed = (Class<TsunaguEvent>) Topics.eventsOf(record.topic()).orElse(TsunaguEvent.class);
        EventEnvelope<TsunaguEvent> envelope = CloudEventCodec.read(name -> {
            Header h = record.headers().lastHeader(name);
            return h == null ? null : h.value();
        }, record.value(), allowed);
        if (record.key() == null || !record.key().equals(envelope.subject())) {
            throw new CloudEventCodec.MalformedEventException("record key does not equal the event's subject");
        }
        return envelope;
    }
}
