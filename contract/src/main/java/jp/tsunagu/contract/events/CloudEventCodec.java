package jp.tsunagu.contract.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * CloudEvents 1.0 Kafka protocol binding, binary content mode: the event record is the value (JSON), every
 * attribute a {@code ce_} header, {@code content-type: application/json}. Written and read here only, so every
 * service, the replay and outside consumers agree byte for byte.
 *
 * <p>Extension attributes (lower-case, as CloudEvents requires): {@code ce_businessdate}, {@code ce_causationid},
 * {@code ce_municipality}.
 */
public final class CloudEventCodec {

    public static final String SPEC_VERSION = "1.0";
    public static final String H_ID = "ce_id";
    public static final String H_SOURCE = "ce_source";
    public static final String H_SPECVERSION = "ce_specversion";
    public static final String H_TYPE = "ce_type";
    public static final String H_SUBJECT = "ce_subject";
    public static final String H_TIME = "ce_time";
    public static final String H_BUSINESS_DATE = "ce_businessdate";
    public static final String H_CAUSATION_ID = "ce_causationid";
    public static final String H_MUNICIPALITY = "ce_municipality";
    public static final String H_CONTENT_TYPE = "content-type";
    public static final String CONTENT_TYPE = "application/json";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private CloudEventCodec() {
    }

    /** The mapper events are written with (ISO dates, unknown fields tolerated so old readers survive additions). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static byte[] value(TsunaguEvent event) {
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise " + event.getClass().getSimpleName(), e);
        }
    }

    /** The Kafka headers of an envelope, in a stable order. */
    public static Map<String, byte[]> headers(EventEnvelope<?> envelope) {
        Map<String, byte[]> h = new LinkedHashMap<>();
        h.put(H_SPECVERSION, utf8(SPEC_VERSION));
        h.put(H_ID, utf8(envelope.id()));
        h.put(H_SOURCE, utf8(envelope.source()));
        h.put(H_TYPE, utf8(envelope.type()));
        h.put(H_SUBJECT, utf8(envelope.subject()));
        h.put(H_TIME, utf8(envelope.time().toString()));
        h.put(H_BUSINESS_DATE, utf8(envelope.businessDate().toString()));
        if (envelope.causationId() != null) {
            h.put(H_CAUSATION_ID, utf8(envelope.causationId()));
        }
        h.put(H_MUNICIPALITY, utf8(envelope.municipality()));
        h.put(H_CONTENT_TYPE, utf8(CONTENT_TYPE));
        return h;
    }

    /**
     * Reads one record back. A type no longer written ({@link EventCatalog#olderVersions()}) comes back in its current
     * version's shape, and the envelope's {@link EventEnvelope#type()} then names that version (the shape it holds).
     *
     * @param header the last value of a header by name, or null
     * @throws MalformedEventException when a required attribute is missing or the data does not fit its type
     */
    public static EventEnvelope<TsunaguEvent> read(Function<String, byte[]> header, byte[] value) {
        String type = required(header, H_TYPE);
        String specVersion = required(header, H_SPECVERSION);
        if (!SPEC_VERSION.equals(specVersion)) {
            throw new MalformedEventException("unsupported CloudEvents specversion " + specVersion);
        }
        Class<?> eventClass;
        try {
            eventClass = EventCatalog.readClassOf(type);
        } catch (EventCatalog.UnknownEventTypeException e) {
            throw new MalformedEventException(e.getMessage());
        }
        if (value == null) {
            throw new MalformedEventException("event " + type + " has no data");
        }
        TsunaguEvent data;
        try {
            // an older version is read in its own shape and handed on in the current one (OlderVersion)
            Object read = MAPPER.readValue(value, eventClass);
            data = read instanceof OlderVersion<?> older ? older.current() : (TsunaguEvent) read;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new MalformedEventException("data does not match " + type + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new MalformedEventException("data does not match " + type + ": " + e.getMessage());
        } catch (RuntimeException e) {
            throw new MalformedEventException("data does not match " + type + ": " + e.getMessage());
        }
        try {
            return new EventEnvelope<>(required(header, H_ID), required(header, H_SOURCE),
                    AttributeTimes.instant(required(header, H_TIME)),
                    AttributeTimes.localDate(required(header, H_BUSINESS_DATE)),
                    optional(header, H_CAUSATION_ID), data);
        } catch (java.time.format.DateTimeParseException e) {
            throw new MalformedEventException("bad time attribute: " + e.getParsedString());
        }
    }

    /** Typed variant of {@link #read}, for a consumer of one topic. */
    public static <E extends TsunaguEvent> EventEnvelope<E> read(Function<String, byte[]> header, byte[] value,
                                                                 Class<E> topicType) {
        EventEnvelope<TsunaguEvent> envelope = read(header, value);
        if (!topicType.isInstance(envelope.data())) {
            throw new MalformedEventException(envelope.type() + " does not belong on a " + topicType.getSimpleName()
                    + " topic");
        }
        @SuppressWarnings("unchecked")
        EventEnvelope<E> typed = (EventEnvelope<E>) (EventEnvelope<?>) envelope;
        return typed;
    }

    private static String required(Function<String, byte[]> header, String name) {
        String v = optional(header, name);
        if (v == null || v.isBlank()) {
            throw new MalformedEventException("missing CloudEvents attribute " + name);
        }
        return v;
    }

    private static String optional(Function<String, byte[]> header, String name) {
        byte[] v = header.apply(name);
        return v == null ? null : new String(v, StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A record that is not a valid Tsunagu event: it belongs on the dead-letter topic with this message. */
    public static final class MalformedEventException extends RuntimeException {
        public MalformedEventException(String message) {
            super(message);
        }
    }
}
