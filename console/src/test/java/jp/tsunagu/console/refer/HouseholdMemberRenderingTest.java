package jp.tsunagu.console.refer;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jp.tsunagu.console.rendering.Pages;
import jp.tsunagu.console.view.FormErrors;
import jp.tsunagu.contract.codes.Channel;
import jp.tsunagu.contract.codes.Coded;
import jp.tsunagu.contract.codes.Concern;
import jp.tsunagu.contract.codes.Consent;
import jp.tsunagu.contract.codes.Relation;
import jp.tsunagu.contract.codes.Urgency;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A household member's 氏名・フリガナ・生年月日: asked on the referral form, shown on the person's page. */
class HouseholdMemberRenderingTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void givenTheReferralFormWhenShownThenEachMemberRowHasLabelledNameKanaAndBirthDateInputs() {
        var typed = new MultivaluedHashMap<String, String>();
        typed.putSingle("household[1].nameKana", "クルメ イチロウ");
        ReferralForm form = ReferralForm.from(typed);
        FormErrors errors = new FormErrors(Map.of("household[1].birthDate", "生年月日を読み取れません"),
                ReferralPage.LABELS);
        Map<String, Object> data = new HashMap<>();
        data.put("m", "402036");
        data.put("form", form);
        data.put("errors", errors);
        data.put("unavailable", null);
        data.put("areas", List.of("篠山"));
        data.put("concerns", Coded.labels(Concern.class));
        data.put("relations", Coded.labels(Relation.class));
        data.put("channels", Coded.labels(Channel.class));
        data.put("consents", Coded.labels(Consent.class));
        data.put("urgencies", Coded.labels(Urgency.class));

        String html = Pages.render("refer.html", false, data);

        for (int i = 0; i < ReferralForm.ROWS; i++) {
            assertTrue(html.contains("<label for=\"f-household-" + i + "-name\">氏名"));
            assertTrue(html.contains("<label for=\"f-household-" + i + "-nameKana\">フリガナ"));
            assertTrue(html.contains("<label for=\"f-household-" + i + "-birthDate\">生年月日"));
            assertTrue(html.contains("name=\"household[" + i + "].birthDate\""));
        }
        assertTrue(html.contains("value=\"クルメ イチロウ\""), "what was typed stays");
        assertTrue(html.contains("<a href=\"#f-household-1-birthDate\">世帯員2の生年月日：生年月日を読み取れません</a>"));
        assertTrue(html.contains("<span class=\"field-error\" id=\"e-household-1-birthDate\">"));
    }

    @Test
    void givenAPersonWhoseReferralNamedHouseholdMembersWhenReadThenTheirNamesKanaAndBirthDatesShow()
            throws Exception {
        Object person = json.convertValue(json.readTree("""
                {"caseId":"c","name":"久留米 太郎","nameKana":"クルメ タロウ","birthDate":"1974-05-01","age":52,
                 "household":[
                   {"relation":"PARENT","ageBand":"AGE_75_PLUS","concerns":["DEMENTIA"],"name":"久留米 一郎",
                    "nameKana":"クルメ イチロウ","birthDate":"1946-03-03"},
                   {"relation":"SIBLING","ageBand":"AGE_40_49","concerns":[]}]}"""), Object.class);

        String html = Pages.render("person.html", false,
                Map.of("m", "402036", "caseId", "c", "person", person, "erased", false));

        assertTrue(html.contains("<td data-label=\"氏名\">久留米 一郎</td>"));
        assertTrue(html.contains("<td data-label=\"ふりがな\">クルメ イチロウ</td>"));
        assertTrue(html.contains("<td data-label=\"生年月日\">昭和21年3月3日</td>"));
        assertTrue(html.contains("<td data-label=\"氏名\">—</td>"), "a member referred without a name");
        assertFalse(html.contains("氏名は記録していません"));
    }
}
