package jp.tsunagu.console.plans;

import com.fasterxml.jackson.databind.JsonNode;
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

/** The 再プラン and 補完 forms: what is typed goes to planning as typed, planning's errors come back to the inputs. */
class PlanFormTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void givenAPlansCurrentVersionWhenTheRevisionFormIsShownThenItHoldsItsContentsDatedTodayWithSpareRoleRows()
            throws Exception {
        JsonNode current = json.readTree("""
                {"version":2,"madeOn":"2024-07-24","wish":"家計を立て直したい","wishTags":["employment"],
                 "goals":["家計表をつける","分割納付"],"roles":[{"agencyId":"kurume-jiritsu-01","responsibility":"家計相談"}],
                 "reviewOn":"2024-10-01"}""");

        PlanForm form = PlanForm.revisionOf(current, "k-1", "2026-12-05");

        assertEquals("2026-12-05", form.madeOn());
        assertEquals("", form.reason(), "a 再プラン's reason is hers to write");
        assertEquals("家計表をつける\n分割納付", form.goals());
        assertEquals(1 + PlanForm.SPARE_ROLE_ROWS, form.roles().size());
        assertEquals("kurume-jiritsu-01", form.roles().get(0).agencyId());
        assertEquals(List.of("employment"), List.copyOf(form.wishTags()));
        assertEquals("2024-10-01", form.reviewOn());
    }

    @Test
    void givenARevisionTypedWhenSentThenPlanningGetsGoalsByLineRolesWithoutEmptyRowsAndNothingForEmptyFields() {
        MultivaluedMap<String, String> typed = new MultivaluedHashMap<>();
        typed.putSingle("idempotencyKey", "k-1");
        typed.putSingle("madeOn", "2026-12-05");
        typed.putSingle("reason", " 就労の希望が出てきた ");
        typed.putSingle("wish", "");
        typed.putSingle("goals", "就労継続支援A型の見学\n\n  面接の練習  \n");
        typed.putSingle("roles[0].agencyId", "");
        typed.putSingle("roles[0].responsibility", "");
        typed.putSingle("roles[1].agencyId", "kurume-sanka-01");
        typed.putSingle("roles[1].responsibility", "見学の同行");
        typed.putSingle("reviewOn", "2027-03-01");

        PlanForm form = PlanForm.from(typed);
        ObjectNode body = form.revision(json);

        assertEquals("就労の希望が出てきた", body.path("reason").asText());
        assertFalse(body.has("wish"), "an empty field keeps the plan's current value: not sent");
        assertFalse(body.has("wishTags"));
        assertEquals("[\"就労継続支援A型の見学\",\"面接の練習\"]", body.path("goals").toString());
        assertEquals(1, body.path("roles").size(), "the empty row is not sent");
        assertEquals("kurume-sanka-01", body.path("roles").get(0).path("agencyId").asText());
        assertEquals("2027-03-01", body.path("reviewOn").asText());
        assertEquals("k-1", form.idempotencyKey());
    }

    @Test
    void givenRolesAMeetingNamedWithoutWordsWhenTheDetailsFormIsShownThenItAsksForTheirWordsBesideTheirAgencies()
            throws Exception {
        JsonNode fromReview = json.readTree("""
                {"version":1,"reviewOn":"2027-03-24","roles":[{"agencyId":"kurume-jiritsu-01","responsibility":null},
                 {"agencyId":"kurume-houkatsu-01","responsibility":"介護の調整"}]}""");

        assertTrue(PlanScreen.missing(fromReview, false).contains("roles"), "words missing: 役割 is to be filled in");
        PlanForm form = PlanForm.detailsOf(fromReview, "k-1");
        assertEquals(List.of(new PlanForm.RoleRow("kurume-jiritsu-01", ""),
                new PlanForm.RoleRow("kurume-houkatsu-01", "介護の調整")), form.roles());
        assertEquals("", form.wish());

        JsonNode withWords = json.readTree("""
                {"version":1,"roles":[{"agencyId":"kurume-jiritsu-01","responsibility":"家計相談"}]}""");
        assertFalse(PlanScreen.missing(withWords, false).contains("roles"));
        assertEquals(PlanForm.SPARE_ROLE_ROWS, PlanForm.detailsOf(withWords, "k-2").roles().size(),
                "nothing to fill in: the usual empty rows");
    }

    @Test
    void givenOnlyAWishTypedWhenDetailsAreSentThenOnlyTheWishGoesNeverADateOrReason() {
        MultivaluedMap<String, String> typed = new MultivaluedHashMap<>();
        typed.putSingle("wish", "母と二人で暮らしたい");
        typed.putSingle("goals", "");

        ObjectNode body = PlanForm.from(typed).details(json);

        assertEquals("{\"wish\":\"母と二人で暮らしたい\"}", body.toString());
    }

    @Test
    void givenPlanningsErrorsAboutTheSentRolesAndGoalsWhenShownThenEachIsBesideTheRowOrTextareaItCameFrom() {
        MultivaluedMap<String, String> typed = new MultivaluedHashMap<>();
        typed.putSingle("roles[0].agencyId", "");
        typed.putSingle("roles[0].responsibility", "");
        typed.putSingle("roles[1].agencyId", "kurume-sanka-01");
        typed.putSingle("roles[1].responsibility", "");
        typed.putSingle("roles[2].agencyId", "nope");
        typed.putSingle("roles[2].responsibility", "見学の同行");
        PlanForm form = PlanForm.from(typed);
        Map<String, String> planning = new LinkedHashMap<>();
        planning.put("roles[0].responsibility", "必須です");
        planning.put("roles[1].agencyId", "この自治体の機関ではありません");
        planning.put("goals[1]", "300文字以内で入力してください");
        planning.put("reason", "必須です");

        Map<String, String> onForm = form.onForm(planning);

        assertEquals("必須です", onForm.get("roles[1].responsibility"), "request row 0 is the form's row 1");
        assertEquals("この自治体の機関ではありません", onForm.get("roles[2].agencyId"));
        assertEquals("2つ目：300文字以内で入力してください", onForm.get("goals"));
        assertEquals("必須です", onForm.get("reason"));
        assertEquals(List.of("役割（2）：必須です", "機関（3）：この自治体の機関ではありません", "目標：2つ目：300文字以内で入力してください",
                        "理由：必須です"),
                new jp.tsunagu.console.view.FormErrors(onForm, PlanForms.LABELS).links().stream()
                        .map(jp.tsunagu.console.view.FormErrors.Link::message).toList(),
                "the summary names each input as the form does");
        assertTrue(form.withSpareRows().roles().size() >= 3 + PlanForm.SPARE_ROLE_ROWS - 1,
                "the typed rows stay, with room for more");
    }

    @Test
    void givenAClosureAPlacementAndAFollowUpWhenSentThenEachGoesAsTypedWithoutEmptyFields() {
        MultivaluedMap<String, String> typed = new MultivaluedHashMap<>();
        typed.putSingle("closedOn", "2027-03-26");
        typed.putSingle("reason", "目標を達成した");
        typed.putSingle("resourceId", "kurume-res-running-team");
        typed.putSingle("placedOn", "2026-12-05");
        typed.putSingle("side", "HOST");
        typed.putSingle("on", "2026-12-19");
        typed.putSingle("note", "");

        assertEquals("{\"closedOn\":\"2027-03-26\",\"reason\":\"目標を達成した\"}",
                PlanForms.Closure.from(typed).request(json).toString());
        assertEquals("{\"resourceId\":\"kurume-res-running-team\",\"placedOn\":\"2026-12-05\"}",
                PlanForms.Placement.from(typed).request(json).toString());
        assertEquals("{\"side\":\"HOST\",\"on\":\"2026-12-19\"}",
                PlanForms.FollowUp.from("pl-1", typed).request(json).toString());
    }
}
