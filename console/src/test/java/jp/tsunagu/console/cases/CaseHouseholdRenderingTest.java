package jp.tsunagu.console.cases;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jp.tsunagu.console.rendering.Pages;
import jp.tsunagu.console.services.Answer;
import jp.tsunagu.console.view.FormErrors;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The case page's 世帯 section and the case list's 世帯 column, as intake's answers make them. */
class CaseHouseholdRenderingTest {

    private static final String SON = "22222222-2222-4222-8222-222222222222";
    private static final String PARENT = "11111111-1111-4111-8111-111111111111";
    private static final String DAUGHTER = "44444444-4444-4444-8444-444444444444";

    private final ObjectMapper json = new ObjectMapper();

    private static final String SUGGESTIONS = """
            [{"caseId":"11111111-1111-4111-8111-111111111111","caseNumber":"R8-000001","status":"ACCEPTED",
              "statusLabel":"受理","basis":"PERSON_IS_MEMBER","basisLabel":"世帯員の氏名・生年月日が一致",
              "householdId":null},
             {"caseId":"44444444-4444-4444-8444-444444444444","caseNumber":"R8-000011","status":"ROUTED",
              "statusLabel":"回付中","basis":"SAME_ADDRESS","basisLabel":"住所が一致","householdId":"h-5"}]
            """;

    private String casePage(boolean coordinator, String householdId, HouseholdSection.Sent sent) throws Exception {
        Map<String, Object> status = new HashMap<>();
        status.put("caseId", SON);
        status.put("caseNumber", "R8-000007");
        status.put("statusLabel", "受理");
        status.put("receivedOn", "2026-12-08");
        status.put("history", List.of());
        Map<String, Object> data = new HashMap<>();
        data.put("m", "402036");
        data.put("c", status);
        data.put("routing", null);
        data.put("referrer", "久留米市基幹相談支援センター");
        data.put("errors", FormErrors.NONE);
        data.put("reason", "");
        data.put("listed", null);
        data.put("sent", false);
        data.put("household", HouseholdSection.of(json, householdId,
                coordinator ? json.readTree(SUGGESTIONS) : json.createArrayNode(), sent));
        return Pages.render("case.html", coordinator, data);
    }

    @Test
    void givenACoordinatorAndIntakesSuggestionsWhenSheOpensTheCaseThenEachCanBeLinkedOrDismissed() throws Exception {
        String html = casePage(true, null, HouseholdSection.Sent.NONE);

        assertTrue(html.contains("世帯候補（2件）"));
        assertTrue(html.contains("世帯員の氏名・生年月日が一致"));
        assertTrue(html.contains("住所が一致"));
        assertTrue(html.contains(">R8-000011</a>"));
        assertEquals(2, count(html, "action=\"/402036/cases/" + SON + "/household/link\""));
        assertEquals(2, count(html, "action=\"/402036/cases/" + SON + "/household/dismissal\""));
        assertTrue(html.contains("<input type=\"hidden\" name=\"other\" value=\"" + PARENT + "\">"));
        assertTrue(html.contains("<input type=\"hidden\" name=\"otherHouseholdId\" value=\"h-5\">"),
                "a case already in a household is joined");
        assertEquals(1, count(html, "name=\"otherHouseholdId\""));
        assertTrue(html.contains("<label for=\"s1-f-reason\">"));
        assertFalse(html.contains("/household/unlinking"), "not in a household: nothing to leave");
        assertTrue(count(html, "value=\"" + Pages.CSRF + "\"") >= 4, "every form carries the session's token");
    }

    @Test
    void givenADismissalIntakeRefusedWhenShownThenThatSuggestionsFormIsOpenWithTheMessageAndTheOtherIsNot()
            throws Exception {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        form.putSingle("other", DAUGHTER);
        form.putSingle("reason", "住所は同じだが別の世帯");
        Answer answer = new Answer(422, json.readTree("""
                {"status":422,"errors":[{"field":"reason","message":"500文字以内で入力してください"}]}"""));

        String html = casePage(true, null, CaseHousehold.refused("dismissal", form, answer));

        assertEquals(1, count(html, "<details open>"));
        assertTrue(html.contains("<a href=\"#s1-f-reason\">理由：500文字以内で入力してください</a>"));
        assertTrue(html.contains("aria-describedby=\"s1-e-reason\">住所は同じだが別の世帯</textarea>"),
                "what she typed is kept");
        assertFalse(html.contains("s0-e-reason"));
    }

    @Test
    void givenALinkIntakeRefusedWhenShownThenItsDetailIsSaidAtThatSuggestion() throws Exception {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        form.putSingle("other", PARENT);
        Answer answer = new Answer(409, json.readTree("""
                {"status":409,"detail":"案件 R8-000001 はすでに世帯（R8-000001・R8-000003）に属しています"}"""));

        String html = casePage(true, null, CaseHousehold.refused("link", form, answer));

        assertTrue(html.contains("id=\"s0-error-summary\""));
        assertTrue(html.contains("<li>案件 R8-000001 はすでに世帯（R8-000001・R8-000003）に属しています</li>"));
        assertFalse(html.contains("s1-error-summary"));
    }

    @Test
    void givenALinkedCaseWhenACoordinatorOpensItThenTheHouseholdIsLinkedAndCanBeLeftWithAReason() throws Exception {
        String html = casePage(true, "h-5", HouseholdSection.Sent.NONE);

        assertTrue(html.contains("href=\"/402036/households/h-5\""));
        assertTrue(html.contains("action=\"/402036/cases/" + SON + "/household/unlinking\""));
        assertTrue(html.contains("<input type=\"hidden\" name=\"householdId\" value=\"h-5\">"));
        assertTrue(html.contains("<label for=\"hu-f-reason\">世帯から外す理由"));
    }

    @Test
    void givenALinkedCaseWhenItsAgencyOpensItThenSheSeesTheHouseholdLinkAndNoCoordinatorsForm() throws Exception {
        String html = casePage(false, "h-5", HouseholdSection.Sent.NONE);

        assertTrue(html.contains("href=\"/402036/households/h-5\""));
        assertFalse(html.contains("世帯候補"));
        assertFalse(html.contains("/household/"));
    }

    @Test
    void givenTheCaseListWhenACaseHasAHouseholdOrSuggestionsThenTheRowSaysSo() throws Exception {
        Object items = json.convertValue(json.readTree("""
                [{"caseId":"22222222-2222-4222-8222-222222222222","caseNumber":"R8-000007","householdId":"h-5",
                  "householdSuggestions":0,"concerns":["HIKIKOMORI"]},
                 {"caseId":"11111111-1111-4111-8111-111111111111","caseNumber":"R8-000001",
                  "householdSuggestions":2,"concerns":["ELDER_CARE"]}]"""), Object.class);

        String html = Pages.render("case-table.html", true, Map.of("m", "402036", "items", items, "names", false));

        assertTrue(html.contains("<th scope=\"col\">世帯</th>"));
        assertTrue(html.contains("<a href=\"/402036/households/h-5\">世帯を見る</a>"));
        assertTrue(html.contains("href=\"/402036/cases/" + PARENT + "#household\" class=\"tag household\">世帯候補 2件"));
        assertEquals(1, count(html, "世帯候補"), "no tag for a case without suggestions");
    }

    private static int count(String html, String part) {
        int n = 0;
        for (int i = html.indexOf(part); i >= 0; i = html.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
