package jp.tsunagu.console.plans;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jp.tsunagu.console.meetings.MeetingTemplates;
import jp.tsunagu.console.view.FormErrors;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 世帯のプラン as rendered: the form with a row per member, and a household plan's page. */
class HouseholdPlanRenderingTest {

    private final ObjectMapper json = new ObjectMapper();

    private JsonNode household() throws Exception {
        return json.readTree("""
                {"householdId":"h-1","label":"世帯（R8-000001・R8-000007）",
                 "members":[{"caseId":"p","caseNumber":"R8-000001","person":{"name":"久留米 花子"}},
                            {"caseId":"s","caseNumber":"R8-000007","person":null}]}""");
    }

    @Test
    void givenAHouseholdWhenTheFormIsShownThenEachMemberHasARowAndPlanningsErrorStandsBesideIt() throws Exception {
        HouseholdPlanForm form = HouseholdPlanForm.blank(household(), "k-1", "2026-12-20");
        Map<String, Object> data = new HashMap<>();
        data.put("m", "402036");
        data.put("h", json.convertValue(household(), Object.class));
        data.put("form", form);
        data.put("errors", new FormErrors(Map.of("members[1].caseId", "この世帯の案件ではありません"), form.labels()));
        data.put("types", Map.of("MULTI_AGENCY", "多機関協働プラン"));
        data.put("meetings", List.of(Map.of("meetingId", "m-3", "meetingType", "JUUSOU_SHIEN_KAIGI",
                "heldOn", "2026-12-16")));
        data.put("agencies", List.of(new PlanScreen.AgencyOption("kurume-houkatsu-01", "地域包括支援センター")));

        String html = MeetingTemplates.render("plans/household-plan.html", data);

        assertTrue(html.contains("name=\"members[0].caseId\" value=\"p\" checked"), html);
        assertTrue(html.contains("久留米 花子"), "the name intake showed: " + html);
        assertTrue(html.contains("name=\"members[1].roles[0].agencyId\""), html);
        assertTrue(html.contains("id=\"f-householdRoles-0-agencyId\""), html);
        assertTrue(html.contains("href=\"#f-members-1-caseId\">R8-000007（対象）：この世帯の案件ではありません"), html);
        assertTrue(html.contains("id=\"e-members-1-caseId\">この世帯の案件ではありません"), html);
        assertTrue(html.contains("<option value=\"m-3\""), html);
    }

    @Test
    void givenAHouseholdPlanWhenItsPageIsShownThenEachSubjectHasHerWishOrNotReadableAndTheHouseholdsWishAndRoles()
            throws Exception {
        JsonNode plan = json.readTree("""
                {"planId":"p-1","type":"MULTI_AGENCY","typeLabel":"多機関協働プラン","status":"ACTIVE",
                 "currentVersion":1,"householdId":"h-1","householdWish":"親子で安心して暮らしたい",
                 "householdRoles":[{"agencyId":"kurume-jiritsu-01","responsibility":"家計の相談"}],
                 "subjects":[{"caseId":"p","wish":"家で暮らし続けたい","wishTags":[],"roles":[]},
                             {"caseId":"s","roles":[{"agencyId":"kurume-hikikomori-01","responsibility":"居場所"}]}],
                 "versions":[{"version":1,"madeOn":"2026-12-20","wish":"親子で安心して暮らしたい","goals":[],
                              "roles":[{"agencyId":"kurume-jiritsu-01","responsibility":"家計の相談"}]}]}""");
        Map<String, Object> data = new HashMap<>();
        data.put("m", "402036");
        data.put("plan", json.convertValue(plan, Object.class));
        data.put("current", json.convertValue(plan.path("versions").path(0), Object.class));
        data.put("versions", List.of(json.convertValue(plan.path("versions").path(0), Object.class)));
        data.put("active", true);
        data.put("missing", java.util.Set.of());
        data.put("participation", false);
        data.put("agencyNames", Map.of("kurume-jiritsu-01", "自立相談支援機関"));
        data.put("householdId", "h-1");
        data.put("subjects", HouseholdSubjects.of(plan, json.missingNode(), household(), json));
        data.put("householdWish", "親子で安心して暮らしたい");
        data.put("householdRoles", json.convertValue(plan.path("householdRoles"), Object.class));
        data.put("revision", PlanForm.blank("k"));
        data.put("revisionErrors", FormErrors.NONE);
        data.put("closure", new PlanForms.Closure("2026-12-20", ""));
        data.put("closureErrors", FormErrors.NONE);
        data.put("allFields", PlanScreen.allFields(false));
        data.put("agencies", List.of());
        data.put("done", "created");
        data.put("wishLabel", "世帯の願い");
        data.put("rolesLabel", "世帯全体の役割");

        String html = MeetingTemplates.render("plans/plan.html", data);

        assertTrue(html.contains("世帯のプランを作成しました"), html);
        assertTrue(html.contains("href=\"/402036/households/h-1\""), html);
        assertTrue(html.contains("家で暮らし続けたい"), html);
        assertTrue(html.contains("閲覧権限がありません"), html);
        assertTrue(html.contains("<dt>世帯の願い</dt><dd>親子で安心して暮らしたい"), html);
        assertTrue(html.contains("自立相談支援機関</strong>：家計の相談"), html);
        assertFalse(html.contains("href=\"/402036/cases//plans\""), "no case link without a case: " + html);
    }

    @Test
    void givenAHouseholdsFormWhenSentBackThenTheMembersRowsKeepWhatWasTyped() throws Exception {
        var typed = new MultivaluedHashMap<String, String>();
        typed.putSingle("members[0].row", "p");
        typed.putSingle("members[0].wish", "家で暮らし続けたい");
        typed.putSingle("members[1].row", "s");
        typed.putSingle("members[1].caseId", "s");
        HouseholdPlanForm form = HouseholdPlanForm.from(typed, household()).withSpareRows();

        assertFalse(form.members().get(0).subject());
        assertTrue(form.members().get(1).subject());
        assertTrue(form.members().get(0).roles().size() == HouseholdPlanForm.ROLE_ROWS);
    }
}
