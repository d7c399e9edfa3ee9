package jp.tsunagu.console.households;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The household page names cases by 受付番号, and only the cases the view numbered. */
class HouseholdScreenTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void givenAViewWithCaseIdsWhenShownThenAgenciesPlansAndMeetingsNameTheirCasesByNumber() throws Exception {
        JsonNode view = json.readTree("""
                {"householdId":"h-1","label":"世帯（R8-000001・R8-000007）",
                 "members":[{"caseId":"p","caseNumber":"R8-000001"},{"caseId":"s","caseNumber":"R8-000007"}],
                 "formerMembers":[{"caseId":"d","caseNumber":"R8-000003","unlinkedOn":"2026-12-01"}],
                 "agencies":[{"agencyId":"a","agencyName":"地域包括支援センター","caseIds":["p"]}],
                 "plans":[{"planId":"pl","caseIds":["p","s"],"open":true}],
                 "meetings":[{"meetingId":"m","heldOn":"2026-12-20","caseIds":["s","d","unknown"]}]}
                """);

        JsonNode shown = HouseholdScreen.numbered(view);

        assertEquals("R8-000001", shown.path("agencies").get(0).path("caseNumbers").asText());
        assertEquals("R8-000001・R8-000007", shown.path("plans").get(0).path("caseNumbers").asText());
        assertEquals("R8-000007・R8-000003", shown.path("meetings").get(0).path("caseNumbers").asText(),
                "a former member is named, a case the view did not number is not");
        assertEquals(view.path("members"), shown.path("members"), "the members as intake sent them");
    }

    @Test
    void givenAViewWithoutListsWhenShownThenNothingIsAdded() throws Exception {
        JsonNode view = json.readTree("{\"householdId\":\"h-1\",\"members\":[]}");

        assertEquals(view, HouseholdScreen.numbered(view));
    }
}
