package jp.tsunagu.console.households;

import com.fasterxml.jackson.databind.ObjectMapper;
import jp.tsunagu.console.rendering.Pages;
import jp.tsunagu.console.view.FormErrors;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 世帯 as the page shows intake's view (the spec's HouseholdView): the parent's agency reads the parent and only
 * learns that the son's case exists and who coordinates it; an erased member stays, without details.
 */
class HouseholdPageRenderingTest {

    private final ObjectMapper json = new ObjectMapper();

    private static final String VIEW = """
            {"householdId":"h-1","municipality":"402036","label":"世帯（R8-000001・R8-000007）",
             "members":[
               {"caseId":"11111111-1111-4111-8111-111111111111","caseNumber":"R8-000001","linkedOn":"2026-12-10",
                "status":"PLAN_ACTIVE","statusLabel":"プラン実施中","agencyId":"kurume-houkatsu-01",
                "agencyName":"久留米市地域包括支援センター","personVisible":true,"erased":false,
                "person":{"name":"久留米 一郎","nameKana":"クルメ イチロウ","birthDate":"1946-03-03","age":80}},
               {"caseId":"22222222-2222-4222-8222-222222222222","caseNumber":"R8-000007","linkedOn":"2026-12-10",
                "status":"ACCEPTED","statusLabel":"受理","agencyId":"kurume-kikan-01",
                "agencyName":"久留米市基幹相談支援センター","personVisible":false,"erased":false,"person":null},
               {"caseId":"33333333-3333-4333-8333-333333333333","caseNumber":"R8-000009","linkedOn":"2026-12-11",
                "status":"CLOSED","statusLabel":"終結","personVisible":false,"erased":true,"person":null}],
             "formerMembers":[],
             "agencies":[{"agencyId":"kurume-houkatsu-01","agencyName":"久留米市地域包括支援センター",
                          "caseIds":["11111111-1111-4111-8111-111111111111"]}],
             "plans":[{"planId":"p-1","caseIds":["11111111-1111-4111-8111-111111111111"],"open":true}],
             "meetings":[{"meetingId":"m-1","meetingType":"JUSOTEKI","meetingTypeLabel":"重層的支援会議",
                          "heldOn":"2026-12-20","caseIds":["11111111-1111-4111-8111-111111111111"]}],
             "timeline":[{"caseId":"11111111-1111-4111-8111-111111111111","caseNumber":"R8-000001",
                          "eventType":"household-linked","statusLabel":null,"detail":"世帯に登録",
                          "businessDate":"2026-12-10","recordedAt":"2026-12-10T01:00:00Z"}]}
            """;

    private String page(boolean coordinator, HouseholdPage.Unlinking unlinking) throws Exception {
        return page(coordinator, unlinking, null);
    }

    /** The page; {@code plans} as planning listed them, null when planning did not answer. */
    private String page(boolean coordinator, HouseholdPage.Unlinking unlinking, List<HouseholdPlans.Row> plans)
            throws Exception {
        Map<String, Object> data = new HashMap<>();
        data.put("plans", plans);
        data.put("m", "402036");
        data.put("householdId", "h-1");
        data.put("h", json.convertValue(HouseholdScreen.numbered(json.readTree(VIEW)), Object.class));
        data.put("unlinking", unlinking);
        data.put("done", null);
        return Pages.render("households/household.html", coordinator, data);
    }

    @Test
    void givenTheParentsAgencyWhenItOpensTheHouseholdThenTheSonIsOnlyHisCaseAndWhoCoordinatesIt() throws Exception {
        String html = page(false, HouseholdPage.Unlinking.NONE);

        assertTrue(html.contains("<h1>世帯（R8-000001・R8-000007）</h1>"));
        assertTrue(html.contains("<caption>世帯員の案件（3件）</caption>"));
        assertTrue(html.contains("久留米 一郎"), "the parent, whom her agency may read");
        assertTrue(html.contains("令和8年12月10日"), "dates in 令和");
        assertTrue(html.contains("href=\"/402036/cases/22222222-2222-4222-8222-222222222222\""));
        assertTrue(html.contains("久留米市基幹相談支援センター"), "who coordinates the son's case");
        assertTrue(html.contains("閲覧権限がありません"));
        assertTrue(html.contains("消去済み"));
        assertTrue(html.contains("重層的支援会議"));
        assertFalse(html.contains("/households/h-1/plans/new"), "the household's plan is the coordinators'");
        assertFalse(html.contains("unlinking"), "so is 世帯から外す");
    }

    @Test
    void givenACoordinatorWhenSheOpensTheHouseholdThenSheReachesItsPlanItsAgendaAndTheUnlinkForm() throws Exception {
        String html = page(true, HouseholdPage.Unlinking.NONE);

        assertTrue(html.contains("href=\"/402036/households/h-1/plans/new\""));
        assertTrue(html.contains("href=\"/402036/households/h-1/agenda\""));
        assertTrue(html.contains("action=\"/402036/households/h-1/unlinking\""));
        assertTrue(html.contains("value=\"" + Pages.CSRF + "\""), "the form carries the session's token");
        assertTrue(html.contains("<label for=\"unlink-f-reason\">"));
        assertTrue(html.contains("href=\"/402036/plans/p-1\""));
    }

    @Test
    void givenAnUnlinkingWithoutAReasonWhenIntakeRefusesThenTheMessageIsBesideTheReasonAndTheCaseStaysChosen()
            throws Exception {
        HouseholdPage.Unlinking refused = new HouseholdPage.Unlinking("22222222-2222-4222-8222-222222222222",
                new FormErrors(Map.of("reason", "理由を入力してください"), HouseholdPage.LABELS), "  ");

        String html = page(true, refused);

        assertTrue(html.contains("<details open>"));
        assertTrue(html.contains("<a href=\"#unlink-f-reason\">世帯から外す理由：理由を入力してください</a>"));
        assertTrue(html.contains("aria-describedby=\"unlink-e-reason\""));
        assertTrue(html.contains("<option value=\"22222222-2222-4222-8222-222222222222\" selected>"));
    }

    @Test
    void givenPlanningsPlansWhenTheHouseholdIsShownThenEachPlanHasItsTypeStatusSubjectsRolesAndALink()
            throws Exception {
        List<HouseholdPlans.Row> plans = List.of(new HouseholdPlans.Row("p-9", "多機関協働プラン", true,
                "R8-000001・R8-000007", List.of("久留米市地域包括支援センター：介護サービスの調整", "久留米市自立相談支援機関")));

        String html = page(false, HouseholdPage.Unlinking.NONE, plans);

        assertTrue(html.contains("<a href=\"/402036/plans/p-9\">多機関協働プラン</a>"));
        assertTrue(html.contains("<td data-label=\"状況\">実施中</td>"));
        assertTrue(html.contains("R8-000001・R8-000007"));
        assertTrue(html.contains("<li>久留米市地域包括支援センター：介護サービスの調整</li>"));
        assertFalse(html.contains("実施中のプラン"), "intake's short list is only the fallback");
    }

    @Test
    void givenPlanningNotAnsweringWhenTheHouseholdIsShownThenIntakesPlansAreListedAndSaidToBeSo() throws Exception {
        String html = page(true, HouseholdPage.Unlinking.NONE, null);

        assertTrue(html.contains("プランの詳細を読み込めませんでした"));
        assertTrue(html.contains("<a href=\"/402036/plans/p-1\">実施中のプラン</a>"));
    }

    @Test
    void givenAMeetingOfAMemberWhenACoordinatorOrAnAgencyReadsThenOnlyTheCoordinatorFollowsItsLink() throws Exception {
        assertTrue(page(true, HouseholdPage.Unlinking.NONE).contains("href=\"/402036/meetings/m-1\""));
        assertFalse(page(false, HouseholdPage.Unlinking.NONE).contains("/402036/meetings/m-1"));
    }
}
