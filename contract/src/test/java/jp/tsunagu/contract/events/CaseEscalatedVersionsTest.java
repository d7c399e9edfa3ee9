package jp.tsunagu.contract.events;

import jp.tsunagu.contract.codes.Consent;
import jp.tsunagu.contract.codes.EmergencyReview;
import jp.tsunagu.contract.codes.Field;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.Urgency;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** case-escalated.v2 says the referral's urgency, the emergency review and the consent; v1 records are still read. */
class CaseEscalatedVersionsTest {

    private static final String V1 = "jp.tsunagu.routing.case-escalated.v1";
    private static final String V2 = "jp.tsunagu.routing.case-escalated.v2";

    @Test
    void anEscalationIsWrittenAsV2WithUrgencyReviewAndConsentAsThemselves() {
        var urgentAfterDecline = new RoutingEvent.CaseEscalated("c1", "402036", MeetingType.JUUSOU_SHIEN_KAIGI,
                Urgency.URGENT, EmergencyReview.REGULAR, Consent.GIVEN, List.of(Field.ELDERLY), List.of(), "r", "d");
        Map<String, byte[]> headers = CloudEventCodec.headers(envelope(urgentAfterDecline));
        String json = new String(CloudEventCodec.value(urgentAfterDecline), StandardCharsets.UTF_8);

        assertEquals(V2, new String(headers.get("ce_type"), StandardCharsets.UTF_8));
        assertTrue(json.contains("\"urgency\":\"URGENT\""), json);
        assertTrue(json.contains("\"review\":\"REGULAR\""), json);
        assertTrue(json.contains("\"consent\":\"GIVEN\""), json);
        assertFalse(json.contains("urgent\""), "v2 has no boolean urgent: " + json);
        assertEquals(V2, EventCatalog.typeOf(RoutingEvent.CaseEscalated.class));
        assertFalse(EventCatalog.all().containsKey(V1), "v1 is no longer written");
    }

    @Test
    void aV1RecordIsReadAsV2_urgentIsTheEmergencyReviewOfAnEmergencyReferral() {
        String v1 = """
                {"caseId":"c1","municipality":"402036","track":"SHIEN_KAIGI","urgent":true,"fields":["CHILD"],
                 "reasons":[{"rule":"urgent","detailJa":"緊急かつ虐待","detailEn":"emergency"}],
                 "ruleSetVersion":"rules-1","directoryVersion":"dir-1"}""";

        var read = readV1(v1);

        assertEquals(new RoutingEvent.CaseEscalated("c1", "402036", MeetingType.SHIEN_KAIGI, Urgency.EMERGENCY,
                EmergencyReview.EMERGENCY, null, List.of(Field.CHILD),
                List.of(new Reason("urgent", "緊急かつ虐待", "emergency")), "rules-1", "dir-1"), read);
        assertTrue(read.review().adHocNow());
    }

    @Test
    void aV1RecordOnTheJuusouTrackReadsAsRoutineWithTheConsentThatTrackRequired() {
        String v1 = """
                {"caseId":"c2","municipality":"402036","track":"JUUSOU_SHIEN_KAIGI","urgent":false,"fields":[],
                 "reasons":[],"ruleSetVersion":"rules-1","directoryVersion":"dir-1"}""";

        var read = readV1(v1);

        assertEquals(Urgency.ROUTINE, read.urgency());
        assertEquals(EmergencyReview.REGULAR, read.review());
        assertEquals(Consent.GIVEN, read.consent(), "v1 routing chose the 重層的支援会議 only with consent given");
        assertEquals(MeetingType.JUUSOU_SHIEN_KAIGI, read.track());
    }

    @Test
    void aV1RecordOnTheShienTrackDoesNotSayTheConsent() {
        String v1 = """
                {"caseId":"c3","municipality":"402036","track":"SHIEN_KAIGI","urgent":false,"fields":[],
                 "reasons":[],"ruleSetVersion":"rules-1","directoryVersion":"dir-1"}""";

        assertNull(readV1(v1).consent(), "v1 did not say: the meeting takes the consent it knows");
    }

    @Test
    void olderVersionsAreFoundInTheCatalogAndOnlyRead() {
        assertEquals(RoutingEvent.CaseEscalatedV1.class, EventCatalog.olderVersions().get(V1));
        assertEquals(RoutingEvent.CaseEscalatedV1.class, EventCatalog.readClassOf(V1));
        assertEquals(RoutingEvent.CaseEscalated.class, EventCatalog.readClassOf(V2));
    }

    private static RoutingEvent.CaseEscalated readV1(String json) {
        Map<String, byte[]> headers = new HashMap<>(CloudEventCodec.headers(envelope(
                new RoutingEvent.RoutingAccepted("c1", "402036", "a1"))));
        headers.put("ce_type", V1.getBytes(StandardCharsets.UTF_8));
        EventEnvelope<RoutingEvent> read = CloudEventCodec.read(headers::get, json.getBytes(StandardCharsets.UTF_8),
                RoutingEvent.class);
        assertEquals(V2, read.type(), "read in the current shape");
        return (RoutingEvent.CaseEscalated) read.data();
    }

    private static EventEnvelope<TsunaguEvent> envelope(TsunaguEvent event) {
        return new EventEnvelope<>("e-1", "/tsunagu/routing-service", Instant.parse("2026-12-05T01:00:00Z"),
                LocalDate.of(2026, 12, 5), null, event);
    }
}
