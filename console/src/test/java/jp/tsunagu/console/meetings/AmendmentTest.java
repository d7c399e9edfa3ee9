package jp.tsunagu.console.meetings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** A correction sends its reason and only what she changed; the minutes as they stand fill the form. */
class AmendmentTest {

    private final ObjectMapper json = new ObjectMapper();

    private JsonNode minutes() throws Exception {
        return json.readTree("""
                {"meetingId":"m-1","heldOn":"2026-12-23","minutesVersion":1,
                 "attendees":[{"name":"田中 一郎","agencyId":"kurume-houkatsu-01"}],
                 "held":{"startTime":"14:00:00","endTime":"15:30","place":"401会議室"},
                 "reviews":[
                   {"caseId":"case-a","caseNumber":"R8-000001","outcome":"CONTINUE","note":"本人と会えていない"},
                   {"caseId":"case-b","caseNumber":"R8-000002","outcome":"PLAN","planType":"MULTI_AGENCY",
                    "roles":[{"agencyId":"kurume-jiritsu-01","responsibility":"家計の立て直し"}],
                    "wish":"家で暮らしたい","goals":["週1回の外出"],"reviewOn":"2027-03-24"}]}""");
    }

    /** The correction form as the browser sends it back: every input, as filled. */
    private static MultivaluedMap<String, String> sent(MinutesForm f) {
        MultivaluedMap<String, String> m = new MultivaluedHashMap<>();
        m.putSingle("startTime", f.startTime());
        m.putSingle("endTime", f.endTime());
        m.putSingle("place", f.place());
        m.putSingle("chair", f.chair());
        m.putSingle("notes", f.notes());
        for (int i = 0; i < f.attendees().size(); i++) {
            m.putSingle("attendees[" + i + "].name", f.attendees().get(i).name());
            m.putSingle("attendees[" + i + "].agencyId", f.attendees().get(i).agencyId());
        }
        for (int i = 0; i < f.reviews().size(); i++) {
            MinutesForm.Review r = f.reviews().get(i);
            String p = "reviews[" + i + "].";
            m.putSingle(p + "caseId", r.caseId());
            m.putSingle(p + "outcome", r.outcome());
            m.putSingle(p + "planType", r.planType());
            m.putSingle(p + "wish", r.wish());
            m.putSingle(p + "goals", r.goals());
            m.putSingle(p + "reviewOn", r.reviewOn());
            m.putSingle(p + "note", r.note());
            for (int j = 0; j < r.roles().size(); j++) {
                m.putSingle(p + "roles[" + j + "].agencyId", r.roles().get(j).agencyId());
                m.putSingle(p + "roles[" + j + "].responsibility", r.roles().get(j).responsibility());
            }
        }
        return m;
    }

    @Test
    void givenTheMinutesWhenTheCorrectionFormOpensThenItHoldsThemWithABlankRowToAdd() throws Exception {
        MinutesForm current = Amendment.current(minutes());
        assertEquals("14:00", current.startTime(), "the time input holds minutes");
        assertEquals("田中 一郎", current.attendees().get(0).name());
        assertEquals(2, current.attendees().size());
        assertEquals("週1回の外出", current.reviews().get(1).goals());
        assertEquals(2, current.reviews().get(1).roles().size());
    }

    @Test
    void givenOneOutcomeChangedWhenSentThenOnlyThatReviewAndFieldGoWithTheReasonAndTheAttendeesStay()
            throws Exception {
        MinutesForm current = Amendment.current(minutes());
        MultivaluedMap<String, String> typed = sent(current);
        typed.putSingle("reviews[0].outcome", "PLAN");
        typed.putSingle("reviews[0].planType", "MULTI_AGENCY");
        typed.putSingle("reviews[0].wish", "仕事を探したい");

        ObjectNode body = Amendment.request(json, current, MinutesForm.from(typed), "結果の誤記を訂正");

        assertEquals("結果の誤記を訂正", body.path("reason").asText());
        assertFalse(body.has("attendees"), "attendees not changed are not named, so they are kept");
        assertFalse(body.has("startTime"), "14:00:00 shown as 14:00 is no change");
        assertEquals("[{\"caseId\":\"case-a\",\"outcome\":\"PLAN\",\"planType\":\"MULTI_AGENCY\",\"wish\":\"仕事を探したい\"}]",
                body.path("reviews").toString());
    }

    @Test
    void givenAnAttendeeAddedAndAGoalChangedWhenSentThenTheWholeListsGo() throws Exception {
        MinutesForm current = Amendment.current(minutes());
        MultivaluedMap<String, String> typed = sent(current);
        typed.putSingle("attendees[1].name", "鈴木 花子");
        typed.putSingle("attendees[1].agencyId", "kurume-jiritsu-01");
        typed.putSingle("reviews[1].goals", "週1回の外出\n家計表をつける");

        ObjectNode body = Amendment.request(json, current, MinutesForm.from(typed), "出席者の記載漏れ");

        assertEquals(2, body.path("attendees").size());
        assertEquals("[{\"caseId\":\"case-b\",\"goals\":[\"週1回の外出\",\"家計表をつける\"]}]",
                body.path("reviews").toString());
    }

    @Test
    void givenMeetingServicesErrorAboutTheFirstReviewSentWhenShownThenItIsOnThatCasesRow() throws Exception {
        MinutesForm current = Amendment.current(minutes());
        MultivaluedMap<String, String> typed = sent(current);
        typed.putSingle("reviews[1].goals", "a\nb");
        MinutesForm edited = MinutesForm.from(typed);
        ObjectNode body = Amendment.request(json, current, edited, "");

        Map<String, String> onForm = Amendment.onForm(body, edited, Map.of("reviews[0].goals[1]", "too long",
                "reason", "required"));

        assertEquals("too long", onForm.get("reviews[1].goals"), "the only review sent is the form's second");
        assertEquals("required", onForm.get("reason"));
    }
}
