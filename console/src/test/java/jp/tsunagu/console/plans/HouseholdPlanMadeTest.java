package jp.tsunagu.console.plans;

import com.fasterxml.jackson.databind.ObjectMapper;
import jp.tsunagu.console.meetings.MeetingTemplates;
import jp.tsunagu.console.view.FormErrors;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 世帯のプランを作成 when the household has its plan already: made by the meeting (planning's 409), or open. */
class HouseholdPlanMadeTest {

    private final ObjectMapper json = new ObjectMapper();

    private static final String HOUSEHOLD = """
            {"householdId":"h-1","label":"世帯（R8-000011・R8-000012）",
             "members":[{"caseId":"p","caseNumber":"R8-000011"},{"caseId":"s","caseNumber":"R8-000012"}]}""";

    @Test
    void givenPlanningsConflictWhenTheMeetingMadeThePlanThenItsIdIsReadFromTheExtensionElseFromTheDetail()
            throws Exception {
        assertEquals("p-7f3a", HouseholdPlanPage.madePlanId(json.readTree("""
                {"status":409,"detail":"この会議で世帯のプランはすでに作成されています（p-7f3a）。","planId":"p-7f3a"}""")));
        assertEquals("p-9b2c", HouseholdPlanPage.madePlanId(json.readTree("""
                {"status":409,"detail":"この会議で世帯のプランはすでに作成されています（p-9b2c）。各世帯員の内容は …"}""")));
        assertNull(HouseholdPlanPage.madePlanId(json.readTree("""
                {"status":409,"detail":"案件 R8-000011 にはすでに実施中のプランがあります","planId":"../x"}""")));
    }

    @Test
    void givenTheHouseholdsPlansWhenTheFormOpensThenAnOpenHouseholdPlanIsFoundAndAPersonsOrAClosedOneIsNot()
            throws Exception {
        assertEquals("p-h", HouseholdPlanPage.openHouseholdPlan(json.readTree("""
                [{"planId":"p-1","caseId":"p","status":"ACTIVE"},
                 {"planId":"p-h","caseId":"p","householdId":"h-1","status":"ACTIVE"}]""")));
        assertNull(HouseholdPlanPage.openHouseholdPlan(json.readTree("""
                [{"planId":"p-1","caseId":"p","status":"ACTIVE"},
                 {"planId":"p-h","householdId":"h-1","status":"CLOSED"}]""")));
        assertNull(HouseholdPlanPage.openHouseholdPlan(null), "planning not answering: the usual default");
    }

    private String page(HouseholdPlanForm form, String existing, String madeAtMeeting, FormErrors errors)
            throws Exception {
        Map<String, Object> data = new HashMap<>();
        data.put("m", "402036");
        data.put("h", json.convertValue(json.readTree(HOUSEHOLD), Object.class));
        data.put("form", form);
        data.put("errors", errors);
        data.put("types", Map.of("MULTI_AGENCY", "多機関協働プラン"));
        data.put("meetings", List.of());
        data.put("agencies", List.of());
        data.put("existingPlan", existing);
        data.put("madeAtMeeting", madeAtMeeting);
        return MeetingTemplates.render("plans/household-plan.html", data);
    }

    @Test
    void givenTheMeetingMadeThePlanWhenPlanningRefusesThenTheFormLinksToThatPlanBesideItsWords() throws Exception {
        HouseholdPlanForm form = HouseholdPlanForm.blank(json.readTree(HOUSEHOLD), "k-1", "2026-12-20");
        FormErrors errors = new FormErrors(Map.of("", "この会議で世帯のプランはすでに作成されています（p-7f3a）。"),
                form.labels());

        String html = page(form, null, "p-7f3a", errors);

        assertTrue(html.contains("この会議で世帯のプランはすでに作成されています（p-7f3a）。"), html);
        assertTrue(html.contains("<a href=\"/402036/plans/p-7f3a\">作成済みのプランを開く</a>"), html);
    }

    @Test
    void givenAnOpenHouseholdPlanWhenTheFormOpensThenNoTypeIsChosenForHerAndThePlanIsLinked() throws Exception {
        HouseholdPlanForm blank = HouseholdPlanForm.blank(json.readTree(HOUSEHOLD), "k-1", "2026-12-20");

        String first = page(blank, null, null, FormErrors.NONE);
        String again = page(blank.withoutType(), "p-h", null, FormErrors.NONE);

        assertTrue(first.contains("<option value=\"MULTI_AGENCY\" selected>"), "the household's first plan");
        assertFalse(first.contains("（選んでください）"));
        assertTrue(again.contains("<option value=\"\" selected>（選んでください）</option>"), again);
        assertFalse(again.contains("<option value=\"MULTI_AGENCY\" selected>"), again);
        assertTrue(again.contains("<a href=\"/402036/plans/p-h\">プランを開く</a>"), again);
    }
}
