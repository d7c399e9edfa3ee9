package jp.tsunagu.contract.events;

import jp.tsunagu.contract.codes.Consent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CloudEventCodecTest {

    static Stream<String> eventTypes() {
        return EventCatalog.all().keySet().stream();
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void everyEventTypeSurvivesAJsonRoundTrip(String type) {
        TsunaguEvent event = SampleEvents.of(EventCatalog.classOf(type));
        EventEnvelope<TsunaguEvent> envelope = new EventEnvelope<>("id-1", "/tsunagu/test",
                Instant.parse("2025-04-01T01:02:03Z"), LocalDate.of(2025, 3, 31), "cause-1", event);
        Map<String, byte[]> headers = CloudEventCodec.headers(envelope);

        EventEnvelope<TsunaguEvent> back = CloudEventCodec.read(headers::get, CloudEventCodec.value(event));

        assertEquals(envelope, back);
        assertEquals(type, new String(headers.get("ce_type"), StandardCharsets.UTF_8));
        assertEquals(event.subject(), new String(headers.get("ce_subject"), StandardCharsets.UTF_8));
    }

    @Test
    void binaryModeHeadersCarryEveryAttributeAndTheBusinessDateApartFromTheRecordedTime() {
        var event = new IntakeEvent.ConsentRecorded("case-9", "402036", Consent.GIVEN, LocalDate.of(2024, 4, 1));
        var envelope = new EventEnvelope<>("e-1", "/tsunagu/intake-service", Instant.parse("2024-04-03T09:00:00Z"),
                LocalDate.of(2024, 4, 1), "request/r-1", event);
        Map<String, byte[]> h = CloudEventCodec.headers(envelope);
        assertEquals("1.0", str(h, "ce_specversion"));
        assertEquals("e-1", str(h, "ce_id"));
        assertEquals("/tsunagu/intake-service", str(h, "ce_source"));
        assertEquals("jp.tsunagu.intake.consent-recorded.v1", str(h, "ce_type"));
        assertEquals("case-9", str(h, "ce_subject"));
        assertEquals("2024-04-03T09:00:00Z", str(h, "ce_time"));
        assertEquals("2024-04-01", str(h, "ce_businessdate"));
        assertEquals("request/r-1", str(h, "ce_causationid"));
        assertEquals("402036", str(h, "ce_municipality"));
        assertEquals("application/json", str(h, "content-type"));
        String json = new String(CloudEventCodec.value(event), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"recordedOn\":\"2024-04-01\""), json);
        assertFalse(json.contains("ce_"), "attributes live in headers, not in the data");
    }

    @Test
    void malformedRecordsAreRejectedWithAReason() {
        var event = new IntakeEvent.ConsentRecorded("case-9", "402036", Consent.GIVEN, LocalDate.of(2024, 4, 1));
        var envelope = new EventEnvelope<>("e-1", "/s", Instant.now(), LocalDate.of(2024, 4, 1), null, event);
        Map<String, byte[]> h = new java.util.HashMap<>(CloudEventCodec.headers(envelope));

        var notJson = assertThrows(CloudEventCodec.MalformedEventException.class,
                () -> CloudEventCodec.read(h::get, "{not json".getBytes(StandardCharsets.UTF_8)));
        assertTrue(notJson.getMessage().contains("does not match"), notJson.getMessage());

        h.put("ce_type", "jp.tsunagu.nope.v1".getBytes(StandardCharsets.UTF_8));
        var unknown = assertThrows(CloudEventCodec.MalformedEventException.class,
                () -> CloudEventCodec.read(h::get, CloudEventCodec.value(event)));
        assertTrue(unknown.getMessage().contains("unknown event type"), unknown.getMessage());

        assertThrows(CloudEventCodec.MalformedEventException.class,
                () -> CloudEventCodec.read(h::get, CloudEventCodec.value(event), RoutingEvent.class));
    }

    @Test
    void anEventOnTheWrongTopicIsRejected() {
        var event = new IntakeEvent.ConsentRecorded("c", "402036", Consent.GIVEN, LocalDate.of(2024, 4, 1));
        var envelope = new EventEnvelope<>("e-1", "/s", Instant.now(), LocalDate.of(2024, 4, 1), null, event);
        Map<String, byte[]> h = CloudEventCodec.headers(envelope);
        var wrongTopic = assertThrows(CloudEventCodec.MalformedEventException.class,
                () -> CloudEventCodec.read(h::get, CloudEventCodec.value(event), RoutingEvent.class));
        assertTrue(wrongTopic.getMessage().contains("does not belong"), wrongTopic.getMessage());
    }

    private static String str(Map<String, byte[]> h, String name) {
        return new String(h.get(name), StandardCharsets.UTF_8);
    }
}
