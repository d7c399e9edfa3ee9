package jp.tsunagu.console.meetings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.tsunagu.console.view.FormErrors;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The meeting page's agenda and minutes as rendered: a household's cases under one heading, with its note. */
class HouseholdMinutesRenderingTest {

    private final ObjectMapper json = new ObjectMapper();

    private static final String HELD = """
            {"meetingId":"m-1","type":"JUUSOU_SHIEN_KAIGI","scheduledOn":"2026-12-23","heldOn":"2026-12-23",
             "minutesVersion":1,"held":{},"attendees":[],
             "reviews":[{"caseId":"a","caseNumber":"R8-000003","outcome":"CONTINUE"},
                        {"caseId":"p","caseNumber":"R8-000001","outcome":"PLAN","householdId":"h-1"},
                        {"caseId":"s","caseNumber":"R8-000007","outcome":"PLAN","householdId":"h-1"}],
             "households":[{"householdId":"h-1","householdLabel":"世帯（R8-000001・R8-000007）",
                            "note":"母の介護と息子の就労を世帯として検討"}]}""";

    private Map<String, Object> data(JsonNode meeting) {
        Map<String, Object> data = new HashMap<>();
        data.put("m", "402036");
        data.put("mt", json.convertValue(meeting, Object.class));
        data.put("names", Map.of());
        data.put("agendaItems", HouseholdItems.of(meeting.path("agenda"), meeting.path("households"),
                n -> json.convertValue(n, Object.class)));
        data.put("reviewItems", HouseholdItems.of(meeting.path("reviews"), meeting.path("households"),
                n -> json.convertValue(n, Object.class)));
        data.put("errors", FormErrors.NONE);
        data.put("waiting", List.of());
        return data;
    }

    @Test
    void givenHeldMinutesWithAHouseholdWhenShownThenItsHeadingThenItsNoteThenEachMembersOutcome() throws Exception {
        String html = MeetingTemplates.render("meetings/minutes-view.html", data(json.readTree(HELD)));

        int other = html.indexOf("R8-000003");
        int heading = html.indexOf("<h4 id=\"h-ritem-1\">世帯（R8-000001・R8-000007）");
        int note = html.indexOf("母の介護と息子の就労を世帯として検討");
        int mother = html.indexOf("<h5 id=\"h-review-1-0\">");
        int son = html.indexOf("<h5 id=\"h-review-1-1\">");
        assertTrue(other > 0 && other < heading && heading < note && note < mother && mother < son, html);
        assertTrue(html.contains("<h4 id=\"h-review-0\">"), "a case on its own is an item of its own: " + html);
    }

    @Test
    void givenAnAgendaWithAHouseholdItemWhenShownThenItsCasesPacksAreUnderOneHeading() throws Exception {
        JsonNode meeting = json.readTree("""
                {"meetingId":"m-2","type":"JUUSOU_SHIEN_KAIGI","scheduledOn":"2027-01-20",
                 "agenda":[{"caseId":"p","caseNumber":"R8-000001","householdId":"h-1","concerns":[],
                            "householdLabel":"世帯（R8-000001・R8-000007）"},
                           {"caseId":"s","caseNumber":"R8-000007","householdId":"h-1","concerns":[],
                            "householdLabel":"世帯（R8-000001・R8-000007）"}]}""");

        String html = MeetingTemplates.render("meetings/agenda.html", data(meeting));

        assertEquals(1, html.split("世帯（R8-000001・R8-000007）", -1).length - 1, html);
        assertTrue(html.indexOf("<h3 id=\"h-item-0\">") < html.indexOf("<h4 id=\"h-pack-0-0\">")
                && html.indexOf("<h4 id=\"h-pack-0-0\">") < html.indexOf("<h4 id=\"h-pack-0-1\">"), html);
    }

    @Test
    void givenAMeetingWithAHouseholdItemWhenTheMinutesFormIsShownThenItsRowsAreUnderOneHeadingWithTheNoteField()
            throws Exception {
        JsonNode meeting = json.readTree("""
                {"meetingId":"m-2","type":"JUUSOU_SHIEN_KAIGI","scheduledOn":"2027-01-20",
                 "agenda":[{"caseId":"a","caseNumber":"R8-000003"},
                           {"caseId":"p","caseNumber":"R8-000001","householdId":"h-1",
                            "householdLabel":"世帯（R8-000001・R8-000007）"},
                           {"caseId":"s","caseNumber":"R8-000007","householdId":"h-1",
                            "householdLabel":"世帯（R8-000001・R8-000007）"}]}""");
        MinutesForm form = MinutesForm.blank("2027-01-20", "", "", "", List.of("a", "p", "s"));
        Map<String, Object> data = data(meeting);
        data.put("form", form);
        data.put("households", MinutesHouseholds.of(meeting, List.of("a", "p", "s", ""),
                Map.of("h-1", "世帯としての検討")));
        data.put("errors", new RowErrors(new FormErrors(Map.of("households[0].note", "長すぎます"))));
        data.put("amend", false);
        data.put("plans", true);
        data.put("outcomes", Map.of());
        data.put("planTypes", Map.of());
        data.put("agencies", List.of());
        data.put("numbers", Map.of());

        String html = MeetingTemplates.render("meetings/minutes.html", data);

        int heading = html.indexOf("<h3 id=\"h-household-0\">世帯（R8-000001・R8-000007）");
        int note = html.indexOf("name=\"households[0].note\"");
        int first = html.indexOf("id=\"review-1\"");
        int second = html.indexOf("id=\"review-2\"");
        int closed = html.indexOf("</section>", second);
        int blank = html.indexOf("id=\"review-3\"");
        assertTrue(html.indexOf("id=\"review-0\"") < heading && heading < note && note < first && first < second
                && second < closed && closed < blank, html);
        assertTrue(html.contains("name=\"households[0].householdId\" value=\"h-1\""), html);
        assertTrue(html.contains(">世帯としての検討</textarea>"), "what was typed stays: " + html);
        assertTrue(html.contains("id=\"e-households-0-note\">長すぎます"), html);
    }

    @Test
    void givenAHouseholdAndMeetingsToComeWhenTheAgendaFormIsShownThenItsMembersWaitingAndTheRefusalBesideTheChoice()
            throws Exception {
        Map<String, Object> data = new HashMap<>();
        data.put("m", "402036");
        data.put("h", Map.of("householdId", "h-1", "label", "世帯（R8-000001・R8-000007）"));
        data.put("meetings", List.of(Map.of("meetingId", "m-2", "type", "JUUSOU_SHIEN_KAIGI",
                "scheduledOn", "2027-01-20", "adHoc", false)));
        data.put("waiting", List.of(Map.of("caseId", "p", "caseNumber", "R8-000001",
                "track", "JUUSOU_SHIEN_KAIGI")));
        data.put("chosen", "m-2");
        data.put("errors", new FormErrors(Map.of("meetingId", "この世帯には会議を待っている案件がありません。"),
                HouseholdAgendaPage.LABELS));
        data.put("unavailable", null);

        String html = MeetingTemplates.render("meetings/household-agenda.html", data);

        assertTrue(html.contains("<option value=\"m-2\" selected>"), html);
        assertTrue(html.contains("R8-000001"), html);
        assertTrue(html.contains("href=\"#f-meetingId\">議題に加える会議：この世帯には会議を待っている案件がありません。"), html);
        assertTrue(html.contains("aria-describedby=\"e-meetingId\""), html);
        assertTrue(html.contains("action=\"/402036/households/h-1/agenda\""), html);
    }
}
