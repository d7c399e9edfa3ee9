package jp.tsunagu.console.plans;

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

/** 世帯のプラン: what is typed goes to planning as its request, planning's errors come back beside the inputs. */
class HouseholdPlanFormTest {

    private final ObjectMapper json = new ObjectMapper();

    private JsonNode household() throws Exception {
        return json.readTree("""
                {"householdId":"h-1","label":"世帯（R8-000001・R8-000007）",
                 "members":[{"caseId":"p","caseNumber":"R8-000001","personVisible":true,"person":{"name":"久留米 花子"}},
                            {"caseId":"s","caseNumber":"R8-000007","personVisible":false,"person":null}],
                 "meetings":[{"meetingId":"m-1","meetingType":"JUUSOU_SHIEN_KAIGI","heldOn":"2026-12-01"},
                             {"meetingId":"m-2","meetingType":"SHIEN_KAIGI","heldOn":"2026-12-10"},
                             {"meetingId":"m-3","meetingType":"JUUSOU_SHIEN_KAIGI","heldOn":"2026-12-16"}]}""");
    }

    private static MultivaluedMap<String, String> typed() {
        MultivaluedMap<String, String> f = new MultivaluedHashMap<>();
        f.putSingle("idempotencyKey", "k-1");
        f.putSingle("type", "MULTI_AGENCY");
        f.putSingle("madeOn", "2026-12-20");
        f.putSingle("adoptedAtMeetingId", "m-3");
        f.putSingle("reviewOn", "2027-03-20");
        f.putSingle("householdWish", " 親子で安心して暮らしたい ");
        f.putSingle("goals", "介護サービスの利用\n\n息子の居場所づくり\n");
        f.putSingle("members[0].row", "p");
        f.putSingle("members[0].caseId", "p");
        f.putSingle("members[0].wish", "家で暮らし続けたい");
        f.putSingle("members[0].roles[0].agencyId", "");
        f.putSingle("members[0].roles[0].responsibility", "");
        f.putSingle("members[0].roles[1].agencyId", "kurume-houkatsu-01");
        f.putSingle("members[0].roles[1].responsibility", "介護サービスの調整");
        f.putSingle("members[1].row", "s");
        f.putSingle("members[1].caseId", "s");
        f.putSingle("members[1].wish", "");
        f.putSingle("householdRoles[0].agencyId", "kurume-jiritsu-01");
        f.putSingle("householdRoles[0].responsibility", "家計の相談");
        return f;
    }

    @Test
    void givenAHouseholdWhenTheFormIsNewThenEveryMemberIsASubjectWithTheNameOnlyWhereIntakeShowedIt() throws Exception {
        HouseholdPlanForm form = HouseholdPlanForm.blank(household(), "k-1", "2026-12-20");

        assertEquals("MULTI_AGENCY", form.type());
        assertEquals("2026-12-20", form.madeOn());
        assertEquals(2, form.members().size());
        assertTrue(form.members().get(0).subject() && form.members().get(1).subject());
        assertEquals("久留米 花子", form.members().get(0).name());
        assertNull(form.members().get(1).name(), "a member she may not read is named by the 受付番号 only");
    }

    @Test
    void givenAHouseholdPlanTypedWhenSentThenPlanningGetsMembersTheirWishesAndRolesAndTheHouseholdsWithoutEmptyRows()
            throws Exception {
        ObjectNode body = HouseholdPlanForm.from(typed(), household()).request(json);

        assertEquals("MULTI_AGENCY", body.path("type").asText());
        assertEquals("m-3", body.path("adoptedAtMeetingId").asText());
        assertEquals("親子で安心して暮らしたい", body.path("householdWish").asText());
        assertEquals(json.readTree("[\"介護サービスの利用\",\"息子の居場所づくり\"]"), body.path("goals"),
                "one goal a line, blank lines left out");
        assertEquals("p", body.path("members").path(0).path("caseId").asText());
        assertEquals("家で暮らし続けたい", body.path("members").path(0).path("wish").asText());
        assertEquals(1, body.path("members").path(0).path("roles").size(), "the empty role row is not sent");
        assertEquals("kurume-houkatsu-01", body.path("members").path(0).path("roles").path(0).path("agencyId").asText());
        assertFalse(body.path("members").path(1).has("wish"), "an empty wish is not sent");
        assertEquals("家計の相談", body.path("householdRoles").path(0).path("responsibility").asText());
    }

    @Test
    void givenAMemberNotChosenWhenSentThenSheIsNoSubjectAndPlanningsErrorAboutTheFirstSubjectIsOnHerRow()
            throws Exception {
        MultivaluedMap<String, String> f = typed();
        f.remove("members[0].caseId"); // the checkbox left unticked
        HouseholdPlanForm form = HouseholdPlanForm.from(f, household());

        ObjectNode body = form.request(json);
        Map<String, String> errors = form.onForm(Map.of("members[0].caseId", "この世帯の案件ではありません",
                "householdRoles[0].agencyId", "機関が見つかりません", "goals[1]", "長すぎます"));

        assertEquals(1, body.path("members").size());
        assertEquals("s", body.path("members").path(0).path("caseId").asText());
        assertEquals("この世帯の案件ではありません", errors.get("members[1].caseId"));
        assertEquals("機関が見つかりません", errors.get("householdRoles[0].agencyId"));
        assertEquals("2つ目：長すぎます", errors.get("goals"));
        assertEquals("R8-000007（対象）", form.labels().get("members[1].caseId"));
    }

    @Test
    void givenARoleErrorOfAMemberWhenShownThenItIsOnTheRowTypedNotTheRowSent() throws Exception {
        HouseholdPlanForm form = HouseholdPlanForm.from(typed(), household());

        Map<String, String> errors = form.onForm(Map.of("members[0].roles[0].responsibility", "長すぎます"));

        assertEquals(Map.of("members[0].roles[1].responsibility", "長すぎます"), errors);
    }

    @Test
    void givenTheHouseholdsMeetingsWhenTheFormOffersThemThenOnlyThoseThatMayAdoptAPlanNewestFirst() throws Exception {
        List<JsonNode> meetings = HouseholdPlanPage.adoptingMeetings(household());

        assertEquals(List.of("m-3", "m-1"), meetings.stream().map(m -> m.path("meetingId").asText()).toList());
    }

    @Test
    void givenAHouseholdPlanWhenItsSubjectsAreShownThenAWishLeftOutByPlanningIsNotReadableAndNumbersComeFromIntake()
            throws Exception {
        JsonNode plan = json.readTree("""
                {"planId":"p-1","householdId":"h-1","householdWish":"親子で安心して暮らしたい",
                 "subjects":[{"caseId":"p","wish":"家で暮らし続けたい","wishTags":[],"roles":[]},
                             {"caseId":"q","wishTags":[],"roles":[]},
                             {"caseId":"s","roles":[{"agencyId":"kurume-hikikomori-01"}]}]}""");

        List<HouseholdSubjects.Subject> subjects = HouseholdSubjects.of(plan, json.missingNode(), household(), json);

        assertEquals("R8-000001", subjects.get(0).caseNumber());
        assertTrue(subjects.get(0).wishShown());
        assertTrue(subjects.get(1).wishShown(), "readable, not written yet: 未記入");
        assertEquals("R8-000007", subjects.get(2).caseNumber());
        assertFalse(subjects.get(2).wishShown(), "shown as 閲覧権限がありません");
    }
}
