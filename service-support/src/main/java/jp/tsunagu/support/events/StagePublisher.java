package jp.tsunagu.support.events;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jp.tsunagu.contract.events.CloudEventCodec;
import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.TsunaguEvent;
import jp.tsunagu.support.clock.BusinessClock;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Writes a service's events to its own stage topic as binary-mode CloudEvents keyed by subject. The returned
 * {@code Uni} completes only when Kafka acknowledged the record (the channel runs with {@code acks=all} and the
 * idempotent producer), so a caller answers 201 only for an event that is durably in the log. Inside a consumer
 * batch it completes at once and the batch awaits the acknowledgement before it commits ({@link PendingSends}).
 */
public final class StagePublisher {

    private final MutinyEmitter<byte[]> emitter;
    private final String source;
    private final BusinessClock clock;

    /**
     * @param source the CloudEvents source of this service, e.g. {@code /tsunagu/intake-service}
     * @param clock  the time each event is recorded at, asked at each event (so a clock a test sets dates it too)
     */
    public StagePublisher(MutinyEmitter<byte[]> emitter, String source, BusinessClock clock) {
        this.emitter = emitter;
        this.source = source;
        this.clock = clock;
    }

    /**
     * The same writer for the events of a case brought in from a city's own list: their source ends in
     * {@link EventEnvelope#IMPORTED_SOURCE_SUFFIX}, so every reader can tell them from what happened live.
     */
    public StagePublisher imported() {
        return new StagePublisher(emitter, source + EventEnvelope.IMPORTED_SOURCE_SUFFIX, clock);
    }

    /**
     * @param eventId      deterministic where a retry must not make a second event (consumers skip a seen id)
     * @param businessDate the day it happened for the city
     * @param causationId  the event or request that caused it
     */
    public <E extends TsunaguEvent> Uni<EventEnvelope<E>> publish(String eventId, E event, LocalDate businessDate,
                                                                  String causationId) {
        EventEnvelope<E> envelope = envelope(eventId, event, businessDate, causationId);
        Message<byte[]> message = message(envelope);
        Optional<PendingSends> batch = PendingSends.current();
        if (batch.isPresent()) {
            batch.get().add(emitter.sendMessage(message));
            return Uni.createFrom().item(envelope);
        }
        return emitter.sendMessage(message).replaceWith(envelope);
    }

    /**
     * Sends now and answers at once, for a command that writes its own rows while Kafka writes the event: it must
     * await {@link Sending#acknowledged} before its transaction commits, so that it still answers only for an event
     * durably in the log. Not for a consumer batch ({@link #publish} there: the batch awaits its sends).
     */
    public <E extends TsunaguEvent> Sending<E> send(String eventId, E event, LocalDate businessDate,
                                                    String causationId) {
        if (PendingSends.current().isPresent()) {
            throw new IllegalStateException("inside a consumer batch, publish: the batch awaits its sends");
        }
        EventEnvelope<E> envelope = envelope(eventId, event, businessDate, causationId);
        // the caller reports a failure (it answers 503 and rolls back)
        return new Sending<>(envelope, PendingSends.started(emitter.sendMessage(message(envelope))));
    }

    /** An event on its way to the log: its envelope at once, and Kafka's acknowledgement of it when it comes. */
    public record Sending<E extends TsunaguEvent>(EventEnvelope<E> envelope, Uni<Void> acknowledged) {
    }

    private <E extends TsunaguEvent> EventEnvelope<E> envelope(String eventId, E event, LocalDate businessDate,
                                                              String causationId) {
        return new EventEnvelope<>(eventId, source, clock.now(), businessDate, causationId, event);
    }

    /** The binary-mode CloudEvent keyed by subject, its trace going on from its cause or from the request. */
    private Message<byte[]> message(EventEnvelope<?> envelope) {
        RecordHeaders headers = new RecordHeaders();
        CloudEventCodec.headers(envelope).forEach(headers::add);
        EventTraces.inject(PendingSends.current().flatMap(b -> b.trace(envelope.causationId()))
                .orElseGet(io.opentelemetry.context.Context::current), headers);
        return Message.of(CloudEventCodec.value(envelope.data()))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(envelope.subject())
                        .withHeaders(headers)
                        .build());
    }
}
