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

    /** A household plan made at a meeting: the household's details and each member's own words still empty. */
    private Map<String, Object> madeAtTheMeeting(PlanScreen.Attempt attempt) throws Exception {
        JsonNode plan = json.readTree("""
                {"planId":"p-2","caseId":"p","type":"MULTI_AGENCY","typeLabel":"多機関協働プラン","status":"ACTIVE",
                 "currentVersion":1,"householdId":"h-1","adoptedAtMeetingId":"m-3",
                 "subjects":[{"caseId":"p","wish":null,"wishTags":[],
                              "roles":[{"agencyId":"kurume-houkatsu-01","responsibility":null}]},
                             {"caseId":"s","wish":"人と話せる場所がほしい","wishTags":[],
                              "roles":[{"agencyId":"kurume-sanka-01","responsibility":"就労体験の調整"}]}],
                 "versions":[{"version":1,"madeOn":"2026-12-20","goals":[],"roles":[]}]}""");
        JsonNode current = plan.path("versions").path(0);
        Map<String, Object> data = new HashMap<>();
        data.put("m", "402036");
        data.put("planId", "p-2");
        data.put("plan", json.convertValue(plan, Object.class));
        data.put("current", json.convertValue(current, Object.class));
        data.put("versions", List.of(json.convertValue(current, Object.class)));
        data.put("active", true);
        data.put("missing", PlanScreen.missing(current, false));
        data.put("participation", false);
        data.put("agencyNames", Map.of());
        data.put("householdId", "h-1");
        data.put("householdLabel", household().path("label").asText());
        data.put("caseNumber", "R8-000001");
        data.put("subjects", HouseholdSubjects.of(plan, current, household(), json, attempt));
        data.put("details", PlanForm.detailsOf(current, "k-d"));
        data.put("detailsErrors", FormErrors.NONE);
        data.put("revision", PlanForm.blank("k"));
        data.put("revisionErrors", FormErrors.NONE);
        data.put("closure", new PlanForms.Closure("2026-12-20", ""));
        data.put("closureErrors", FormErrors.NONE);
        data.put("allFields", PlanScreen.allFields(false));
        data.put("agencies", List.of(new PlanScreen.AgencyOption("kurume-houkatsu-01", "地域包括支援センター")));
        data.put("wishLabel", "世帯の願い");
        data.put("rolesLabel", "世帯全体の役割");
        return data;
    }

    @Test
    void givenAHouseholdPlanMadeAtTheMeetingWhenItsPageIsShownThenItIsNamedByItsHouseholdAndAsksForTheHouseholdsWish()
            throws Exception {
        String html = MeetingTemplates.render("plans/plan.html", madeAtTheMeeting(PlanScreen.Attempt.NONE));

        assertTrue(html.contains("<h1>多機関協働プラン 世帯（R8-000001・R8-000007）</h1>"), html);
        assertFalse(html.contains("<h1>多機関協働プラン <span class=\"case-number\">R8-000001"), html);
        assertTrue(html.contains("<label for=\"det-f-wish\">世帯の願い"), "the plan's own form asks for the household's");
        assertTrue(html.contains("<legend>世帯全体の役割</legend>"));
    }

    @Test
    void givenAMemberWithoutHerWishAndHerRolesWordsWhenThePageIsShownThenOnlyHerFormAsksForThem() throws Exception {
        String html = MeetingTemplates.render("plans/plan.html", madeAtTheMeeting(PlanScreen.Attempt.NONE));

        assertTrue(html.contains("action=\"/402036/plans/p-2/subjects/p\""), html);
        assertFalse(html.contains("/plans/p-2/subjects/s\""), "the son's wish and roles are written already");
        assertTrue(html.contains("<label for=\"sub-p-f-wish\">本人の願い"), html);
        assertTrue(html.contains("<legend>この世帯員の役割</legend>"), html);
        assertTrue(html.contains("id=\"sub-p-f-roles-0-agencyId\""), "her role's agency, for its words beside it");
    }

    @Test
    void givenPlanningsRefusalOfAMembersFormWhenShownAgainThenItStandsBesideHerFormWithWhatWasTyped()
            throws Exception {
        var typed = new MultivaluedHashMap<String, String>();
        typed.putSingle("wish", "家で暮らし続けたい");
        typed.putSingle("roles[0].agencyId", "kurume-houkatsu-01");
        typed.putSingle("roles[0].responsibility", "");
        PlanForm form = PlanForm.from(typed);
        FormErrors errors = new FormErrors(form.onForm(Map.of("roles[0].responsibility", "役割を入力してください")),
                PlanForms.LABELS);

        String html = MeetingTemplates.render("plans/plan.html", madeAtTheMeeting(
                new PlanScreen.Attempt(HouseholdSubjects.FORM + "p", form.withSpareRows(), errors)));

        assertTrue(html.contains("<details class=\"panel\" id=\"subject-p\" open>"), html);
        assertTrue(html.contains(">家で暮らし続けたい</textarea>"), html);
        assertTrue(html.contains("<a href=\"#sub-p-f-roles-0-responsibility\">役割（1）：役割を入力してください</a>"), html);
        assertFalse(html.contains("det-error-summary"), "not on the plan's own form");
    }

    @Test
    void givenAMembersFormWhenSentThenPlanningGetsOnlyHerWishAndRoles() throws Exception {
        var typed = new MultivaluedHashMap<String, String>();
        typed.putSingle("wish", " 家で暮らし続けたい ");
        typed.putSingle("goals", "not hers");
        typed.putSingle("roles[0].agencyId", "kurume-houkatsu-01");
        typed.putSingle("roles[0].responsibility", "介護サービスの調整");
        typed.putSingle("roles[1].agencyId", "");
        typed.putSingle("roles[1].responsibility", "");

        JsonNode sent = PlanForm.from(typed).subjectDetails(json);

        assertTrue(sent.equals(json.readTree("""
                {"wish":"家で暮らし続けたい",
                 "roles":[{"agencyId":"kurume-houkatsu-01","responsibility":"介護サービスの調整"}]}""")), sent.toString());
    }

    @Test
    void givenPlanningDownWhenAMembersFormIsSentThenTheUnsentPageOffersHerFormAgainToHerAddressAsTyped()
            throws Exception {
        var typed = new MultivaluedHashMap<String, String>();
        typed.putSingle("wish", "家で暮らし続けたい");
        Map<String, Object> data = new HashMap<>();
        data.put("m", "402036");
        data.put("planId", "p-2");
        data.put("form", HouseholdSubjects.FORM + "p");
        data.put("subjectCaseId", "p");
        data.put("subjectFields", java.util.Set.of("wish", "wishTags", "roles"));
        data.put("typed", PlanForm.from(typed).withSpareRows());
        data.put("service", "プランサービス");
        data.put("errors", FormErrors.NONE);
        data.put("agencies", List.of());
        data.put("tags", List.of());

        String html = MeetingTemplates.render("plans/unsent.html", data);

        assertTrue(html.contains("action=\"/402036/plans/p-2/subjects/p\""), html);
        assertTrue(html.contains(">家で暮らし続けたい</textarea>"), html);
        assertFalse(html.contains("follow-ups"), "not another form: " + html);
    }
}
