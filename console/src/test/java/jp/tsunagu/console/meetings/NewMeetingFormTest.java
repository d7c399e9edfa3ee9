package jp.tsunagu.console.meetings;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** 臨時の会議を設定する: the form to meeting-service's POST /meetings, and its refusals back to the form's boxes. */
class NewMeetingFormTest {

    private static MultivaluedMap<String, String> typed() {
        MultivaluedMap<String, String> f = new MultivaluedHashMap<>();
        f.putSingle("idempotencyKey", "k-1");
        f.putSingle("type", "JUUSOU_SHIEN_KAIGI");
        f.putSingle("scheduledOn", "2026-12-10");
        f.putSingle("startsAt", "14:00");
        f.putSingle("endsAt", "");
        f.putSingle("place", "久留米市役所 401会議室");
        f.put("members", List.of("kurume-jiritsu-01", "kurume-houkatsu-01"));
        f.put("cases", List.of("case-b", "case-a", "case-b"));
        return f;
    }

    @Test
    void givenAnAdHocMeetingTypedWhenSentThenMeetingServiceGetsWhenWhereWhoAndWhichCases() {
        var body = NewMeetingForm.from(typed()).toRequest(new ObjectMapper());
        assertEquals("{\"type\":\"JUUSOU_SHIEN_KAIGI\",\"scheduledOn\":\"2026-12-10\",\"startsAt\":\"14:00\","
                + "\"place\":\"久留米市役所 401会議室\",\"members\":[\"kurume-houkatsu-01\",\"kurume-jiritsu-01\"],"
                + "\"cases\":[\"case-b\",\"case-a\"]}", body.toString());
        assertFalse(body.has("endsAt"), "an empty end is not sent");
    }

    @Test
    void givenACaseRefusedWhenShownThenTheCasesBoxSaysWhichByItsNumber() {
        NewMeetingForm form = NewMeetingForm.from(typed());
        Map<String, String> onForm = form.onForm(Map.of("cases[1]", "no such case", "startsAt", "a time HH:MM"),
                Map.of("case-a", "R8-000001"));
        assertEquals("R8-000001：no such case", onForm.get("cases"));
        assertEquals("a time HH:MM", onForm.get("startsAt"));
    }
}
