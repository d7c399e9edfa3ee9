package jp.tsunagu.console.meetings;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The minutes as a coordinator types them, to meeting-service's request; its errors back beside the inputs. */
class MinutesFormTest {

    private final ObjectMapper json = new ObjectMapper();

    private static MultivaluedMap<String, String> typed() {
        MultivaluedMap<String, String> f = new MultivaluedHashMap<>();
        f.putSingle("heldOn", "2026-12-23");
        f.putSingle("startTime", "14:00");
        f.putSingle("endTime", "15:30");
        f.putSingle("place", "久留米市役所 401会議室");
        f.putSingle("chair", "");
        f.putSingle("notes", "");
        f.putSingle("attendees[0].name", "");
        f.putSingle("attendees[0].agencyId", "");
        f.putSingle("attendees[1].name", "田中 一郎");
        f.putSingle("attendees[1].agencyId", "kurume-houkatsu-01");
        // row 0: on the agenda, not discussed (only the case the form put in)
        row(f, 0, "case-a", "", "", "", "", "");
        // row 1: a plan with its terms and a role in the second role row
        row(f, 1, "case-b", "PLAN", "MULTI_AGENCY", "母と家で暮らし続けたい", "週1回の外出\r\n\r\n 家計の見通しを立てる ",
                "2027-03-24");
        f.putSingle("reviews[1].roles[1].agencyId", "kurume-jiritsu-01");
        f.putSingle("reviews[1].roles[1].responsibility", "家計の立て直し");
        // row 2: a case off the agenda, by its 受付番号
        row(f, 2, "", "CONTINUE", "", "", "", "");
        f.putSingle("reviews[2].caseNumber", " R8-000123 ");
        f.putSingle("reviews[2].reason", "緊急に共有が必要だった");
        return f;
    }

    private static void row(MultivaluedMap<String, String> f, int i, String caseId, String outcome, String planType,
                            String wish, String goals, String reviewOn) {
        String p = "reviews[" + i + "].";
        f.putSingle(p + "caseId", caseId);
        f.putSingle(p + "caseNumber", "");
        f.putSingle(p + "outcome", outcome);
        f.putSingle(p + "planType", planType);
        f.putSingle(p + "wish", wish);
        f.putSingle(p + "goals", goals);
        f.putSingle(p + "reviewOn", reviewOn);
        f.putSingle(p + "note", "");
        f.putSingle(p + "reason", "");
        for (int j = 0; j < 2; j++) {
            f.putSingle(p + "roles[" + j + "].agencyId", "");
            f.putSingle(p + "roles[" + j + "].responsibility", "");
        }
    }

    @Test
    void givenTypedMinutesWhenSentThenMeetingServiceGetsTheReviewsDiscussedInOrderWithoutEmptyRows() {
        ObjectNode body = MinutesForm.from(typed()).toRequest(json, Map.of("R8-000123", "case-c"));

        assertEquals("2026-12-23", body.path("heldOn").asText());
        assertEquals("14:00", body.path("startTime").asText());
        assertFalse(body.has("chair"), "an empty field is not sent");
        assertEquals("[{\"name\":\"田中 一郎\",\"agencyId\":\"kurume-houkatsu-01\"}]", body.path("attendees").toString(),
                "attendees are people with their agencies; the empty row is not sent");
        assertEquals(2, body.path("reviews").size(), "the agenda case with nothing typed waits for its next meeting");
        var plan = body.path("reviews").get(0);
        assertEquals("case-b", plan.path("caseId").asText());
        assertEquals("[\"週1回の外出\",\"家計の見通しを立てる\"]", plan.path("goals").toString(), "a goal a line");
        assertEquals("[{\"agencyId\":\"kurume-jiritsu-01\",\"responsibility\":\"家計の立て直し\"}]",
                plan.path("roles").toString());
        assertEquals("2027-03-24", plan.path("reviewOn").asText());
        var adHoc = body.path("reviews").get(1);
        assertEquals("case-c", adHoc.path("caseId").asText(), "the 受付番号 typed is the case found for it");
        assertEquals("緊急に共有が必要だった", adHoc.path("reason").asText());
    }

    @Test
    void givenMeetingServicesErrorsAboutSentRowsWhenShownThenEachIsBesideTheFormsRow() {
        MinutesForm form = MinutesForm.from(typed());
        Map<String, String> service = new LinkedHashMap<>();
        service.put("attendees[0].agencyId", "not an agency");
        service.put("reviews[0].roles[0].agencyId", "required");
        service.put("reviews[0].goals[1]", "at most 200 characters");
        service.put("reviews[1].caseId", "no such case");
        service.put("reviews[1]", "the case is not on this meeting's agenda");
        service.put("", "already held");

        Map<String, String> onForm = form.onForm(service);

        assertEquals("not an agency", onForm.get("attendees[1].agencyId"), "sent attendee 0 is the form's row 1");
        assertEquals("required", onForm.get("reviews[1].roles[1].agencyId"), "sent role 0 is the form's role row 1");
        assertEquals("at most 200 characters", onForm.get("reviews[1].goals"), "a goal's error is on the goals box");
        assertEquals("no such case", onForm.get("reviews[2].caseNumber"), "a typed 受付番号's case is that input's");
        assertEquals("the case is not on this meeting's agenda", onForm.get("reviews[2].caseId"));
        assertEquals("already held", onForm.get(""));
        assertEquals("検討2件目の役割2の機関", form.labels(Map.of()).get("reviews[1].roles[1].agencyId"));
        assertEquals("検討3件目（R8-000123）の受付番号", form.labels(Map.of()).get("reviews[2].caseNumber"));
    }

    @Test
    void givenRowsAskedForWhenTheFormComesBackThenWhatWasTypedStaysAndTheRowIsThere() {
        MinutesForm form = MinutesForm.from(typed());

        MinutesForm more = form.withRowAdded("reviews[1].roles").withRowAdded("attendees").withRowAdded("reviews");

        assertEquals(3, more.reviews().get(1).roles().size());
        assertEquals("家計の立て直し", more.reviews().get(1).roles().get(1).responsibility());
        assertEquals(4, more.attendees().size());
        assertEquals(4, more.reviews().size());
        assertTrue(more.reviews().get(3).isEmpty());
        assertEquals(form, form.withRowAdded("reviews[99].roles"), "a row of no review adds nothing");
        assertEquals("f-reviews-1-roles-2-agencyId", form.firstOfAddedRow("reviews[1].roles"),
                "the focus goes to the row added");
        assertEquals("f-attendees-2-name", form.firstOfAddedRow("attendees"));
    }

    @Test
    void givenAForgedFormWithAHugeRowIndexWhenReadThenTheRowsAreBounded() {
        MultivaluedMap<String, String> f = new MultivaluedHashMap<>();
        f.putSingle("attendees[100000].name", "x");
        assertEquals(MinutesForm.MAX_ROWS, MinutesForm.from(f).attendees().size());
    }

    @Test
    void givenAMeetingsAgendaWhenTheFormIsNewThenARowPerCaseAndOneMore() {
        MinutesForm blank = MinutesForm.blank("2026-12-23", "14:00", "", "401会議室", List.of("a", "b"));
        assertEquals(List.of("a", "b", ""), blank.reviews().stream().map(MinutesForm.Review::caseId).toList());
        assertTrue(blank.reviews().stream().allMatch(MinutesForm.Review::isEmpty));
        assertEquals(0, blank.toRequest(json, Map.of()).path("reviews").size());
    }
}
