package jp.tsunagu.console.meetings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A household's cases as one item (世帯): on the agenda, in the minutes form and in the minutes shown. */
class HouseholdItemsTest {

    private final ObjectMapper json = new ObjectMapper();

    private JsonNode meeting() throws Exception {
        return json.readTree("""
                {"meetingId":"m-1",
                 "agenda":[{"caseId":"a","caseNumber":"R8-000003"},
                           {"caseId":"p","caseNumber":"R8-000001","householdId":"h-1",
                            "householdLabel":"世帯（R8-000001・R8-000007）"},
                           {"caseId":"s","caseNumber":"R8-000007","householdId":"h-1",
                            "householdLabel":"世帯（R8-000001・R8-000007）"}]}""");
    }

    @Test
    void givenAnAgendaWithAHouseholdsTwoCasesWhenGroupedThenTheyAreOneItemUnderItsHeadingAndTheOtherCaseItsOwn()
            throws Exception {
        List<HouseholdItems.Item> items = HouseholdItems.of(meeting().path("agenda"), json.missingNode(), n -> n);

        assertEquals(2, items.size());
        assertFalse(items.get(0).household());
        assertEquals(1, items.get(0).cases().size());
        assertTrue(items.get(1).household());
        assertEquals("世帯（R8-000001・R8-000007）", items.get(1).label());
        assertEquals(2, items.get(1).cases().size());
    }

    @Test
    void givenReviewsWithAHouseholdAndItsNoteWhenGroupedThenTheHeadingIsTheOneMeetingServiceSentWithTheNote()
            throws Exception {
        // the son's case listed first: the label is still the service's (its members in received order), not rebuilt
        JsonNode reviews = json.readTree("""
                [{"caseId":"s","caseNumber":"R8-000007","householdId":"h-1","outcome":"PLAN"},
                 {"caseId":"p","caseNumber":"R8-000001","householdId":"h-1","outcome":"PLAN"},
                 {"caseId":"a","caseNumber":"R8-000003","outcome":"CONTINUE"}]""");
        JsonNode households = json.readTree("""
                [{"householdId":"h-1","householdLabel":"世帯（R8-000001・R8-000007）","note":"世帯としての検討"}]""");

        List<HouseholdItems.Item> items = HouseholdItems.of(reviews, households, n -> n);

        assertEquals("世帯（R8-000001・R8-000007）", items.get(0).label());
        assertEquals("世帯としての検討", items.get(0).note());
        assertEquals(2, items.get(0).cases().size());
        assertNull(items.get(1).householdId());
    }

    @Test
    void givenAHouseholdItemWithNoLabelSentWhenGroupedThenTheConsoleMakesNoneOfItsOwn() throws Exception {
        JsonNode reviews = json.readTree("""
                [{"caseId":"s","caseNumber":"R8-000007","householdId":"h-1"},
                 {"caseId":"p","caseNumber":"R8-000001","householdId":"h-1"}]""");

        List<HouseholdItems.Item> items = HouseholdItems.of(reviews, json.missingNode(), n -> n);

        assertEquals("世帯", items.get(0).label());
        assertEquals("世帯", MinutesHouseholds.of(json.readTree("{\"reviews\":" + reviews + "}"), List.of("s", "p"),
                Map.of()).opens(0).label());
    }

    @Test
    void givenTheMinutesFormsRowsWhenAHouseholdsCasesAreAdjacentThenOneHeadingOpensBeforeTheFirstAndClosesAfterTheLast()
            throws Exception {
        MinutesHouseholds groups = MinutesHouseholds.of(meeting(), List.of("a", "p", "s", ""), Map.of());

        assertNull(groups.opens(0));
        assertEquals("h-1", groups.opens(1).householdId());
        assertEquals("世帯（R8-000001・R8-000007）", groups.opens(1).label());
        assertNull(groups.opens(2));
        assertFalse(groups.closes(1));
        assertTrue(groups.closes(2));
        assertFalse(groups.closes(3));
    }

    @Test
    void givenAHouseholdsRowsSplitByAnotherCaseWhenGroupedThenOnlyTheFirstRunIsTheHouseholdsAndEveryOpeningCloses()
            throws Exception {
        MinutesHouseholds groups = MinutesHouseholds.of(meeting(), List.of("p", "a", "s", "s"), Map.of());

        assertEquals(1, groups.notes().size());
        assertEquals(Map.of(0, 0), groups.opens());
        assertEquals(java.util.Set.of(0), groups.closes(), "no closing without its opening");
    }

    @Test
    void givenANoteTypedForAHouseholdWhenSentThenMeetingServiceGetsHouseholdsWithItAndItsErrorComesBackToTheNote()
            throws Exception {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        form.putSingle("households[0].householdId", "h-1");
        form.putSingle("households[0].note", " 親の介護と息子の就労を世帯として支える ");
        MinutesHouseholds groups = MinutesHouseholds.of(meeting(), List.of("a", "p", "s"),
                MinutesHouseholds.typed(form));
        ObjectNode request = json.createObjectNode();

        groups.addTo(request);

        assertEquals("h-1", request.path("households").path(0).path("householdId").asText());
        assertEquals("親の介護と息子の就労を世帯として支える", request.path("households").path(0).path("note").asText());
        assertEquals(Map.of("households[0].note", "長すぎます"),
                groups.onForm(Map.of("households[0].note", "長すぎます")));
        assertEquals("世帯（R8-000001・R8-000007）の世帯としての検討", groups.labels().get("households[0].note"));
    }

    @Test
    void givenNoNoteTypedWhenSentThenNoHouseholdsAreSent() throws Exception {
        MinutesHouseholds groups = MinutesHouseholds.of(meeting(), List.of("p", "s"), Map.of());
        ObjectNode request = json.createObjectNode();

        groups.addTo(request);

        assertFalse(request.has("households"));
    }

    @Test
    void givenUpcomingAndHeldMeetingsWhenTheHouseholdsAgendaFormListsThemThenOnlyCaseMeetingsNotHeldSoonestFirst()
            throws Exception {
        JsonNode meetings = json.readTree("""
                [{"meetingId":"m-3","type":"JUUSOU_SHIEN_KAIGI","scheduledOn":"2027-01-20"},
                 {"meetingId":"m-1","type":"JUUSOU_SHIEN_KAIGI","scheduledOn":"2026-12-01","heldOn":"2026-12-01"},
                 {"meetingId":"m-2","type":"SHIEN_KAIGI","scheduledOn":"2026-12-16"},
                 {"meetingId":"m-4","type":"KOUCHIKU_KAI","scheduledOn":"2026-12-10"}]""");

        JsonNode choices = HouseholdAgenda.choices(meetings);

        assertEquals(List.of("m-2", "m-3"), choices.findValuesAsText("meetingId"));
    }

    @Test
    void givenTheWaitingCasesWhenTheHouseholdsAreTakenThenOnlyItsMembersAreShown() throws Exception {
        JsonNode waiting = json.readTree("[{\"caseId\":\"p\"},{\"caseId\":\"x\"},{\"caseId\":\"s\"}]");
        JsonNode household = json.readTree("{\"members\":[{\"caseId\":\"p\"},{\"caseId\":\"s\"}]}");

        assertEquals(List.of("p", "s"), HouseholdAgenda.waitingMembers(waiting, household).findValuesAsText("caseId"));
    }

    @Test
    void givenMeetingServicesRefusalWhenShownThenItStandsBesideTheMeetingChoiceWithCaseIdsAsTheirNumbers() {
        Map<String, String> errors = HouseholdAgendaPage.onForm(
                Map.of("", "世帯の案件 p は会議を待っていません。"), Map.of("p", "R8-000001"));

        assertEquals(Map.of("meetingId", "世帯の案件 R8-000001 は会議を待っていません。"), errors);
    }
}
