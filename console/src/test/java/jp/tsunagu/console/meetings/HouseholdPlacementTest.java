package jp.tsunagu.console.meetings;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 会議の議題に追加 (世帯): which members meeting-service placed, which not and why, said on the meeting page. */
class HouseholdPlacementTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void givenAMemberWithoutConsentWhenTheHouseholdIsPlacedThenTheOthersArePlacedAndSheIsNamedWithWhy()
            throws Exception {
        var answer = json.readTree("""
                {"placed":[{"caseId":"p","caseNumber":"R8-000001","track":"JUUSOU_SHIEN_KAIGI"}],
                 "notPlaced":[{"caseId":"s","caseNumber":"R8-000007","problem":"consent-required",
                               "detail":"本人の同意がないため、重層的支援会議では検討できません"}]}""");

        HouseholdAgenda.Placement placement = HouseholdAgenda.placement(answer, Map.of());

        assertEquals(List.of("R8-000001"), placement.placed());
        assertEquals(List.of("R8-000007：本人の同意がないため、重層的支援会議では検討できません"), placement.notPlaced());
    }

    @Test
    void givenTheOlderAnswerAPlainListWhenPlacedThenEveryCaseInItWasPlaced() throws Exception {
        var answer = json.readTree("[{\"caseId\":\"p\",\"caseNumber\":\"R8-000001\"},{\"caseId\":\"s\"}]");

        HouseholdAgenda.Placement placement = HouseholdAgenda.placement(answer, Map.of("s", "R8-000007"));

        assertEquals(List.of("R8-000001", "R8-000007"), placement.placed(), "a number not sent is the household's");
        assertTrue(placement.notPlaced().isEmpty());
    }

    @Test
    void givenTheRedirectsFlagsWhenTheMeetingPageReadsThemThenOnlyTheConsolesOwnAndCaseNumbersAreShown() {
        List<String> placed = List.of("R8-000001", "<script>");
        List<String> notPlaced = List.of("R8-000007：本人の同意がないため", "電話してください：000");

        HouseholdNotice.Shown same = HouseholdNotice.shown(placed, notPlaced, "same-origin");
        HouseholdNotice.Shown other = HouseholdNotice.shown(placed, notPlaced, "cross-site");

        assertEquals(List.of("R8-000001"), same.placed());
        assertEquals(List.of("R8-000007：本人の同意がないため"), same.notPlaced());
        assertFalse(other.any(), "a link from another site makes the page say nothing");
    }

    @Test
    void givenAMemberNotPlacedWhenTheMeetingPageIsShownThenTheNoticeNamesThePlacedAndTheOneNotWithWhy() {
        Map<String, Object> data = new HashMap<>();
        data.put("m", "402036");
        data.put("mt", Map.of("meetingId", "m-1", "type", "JUUSOU_SHIEN_KAIGI", "scheduledOn", "2026-12-20"));
        data.put("done", "household-added");
        data.put("householdNotice", HouseholdNotice.shown(List.of("R8-000001"),
                List.of("R8-000007：本人の同意がないため、重層的支援会議では検討できません"), null));
        data.put("pending", List.of());
        data.put("agendaItems", List.of());
        data.put("reviewItems", List.of());
        data.put("members", List.of());
        data.put("agencies", List.of());
        data.put("waiting", List.of());
        data.put("errors", jp.tsunagu.console.view.FormErrors.NONE);

        String html = MeetingTemplates.render("meetings/meeting.html", data);

        assertTrue(html.contains("加えた案件：<span class=\"case-number\">R8-000001</span>"), html);
        assertTrue(html.contains("<li>R8-000007：本人の同意がないため、重層的支援会議では検討できません</li>"), html);
    }
}
