package jp.tsunagu.console.refer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jp.tsunagu.console.view.FormErrors;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The form as an office fills it, sent to intake as typed; intake's errors come back to the inputs they are about. */
class ReferralFormTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void givenAnOfficesFormWhenSentThenIntakeGetsWhatWasTypedWithAgesAsNumbersAndEmptyRowsLeftOut() {
        MultivaluedMap<String, String> typed = new MultivaluedHashMap<>();
        typed.putSingle("idempotencyKey", "k-1");
        typed.putSingle("channel", "AGENCY");
        typed.putSingle("person.name", "久留米 花子");
        typed.putSingle("person.birthDate", "昭和17年5月1日");
        typed.putSingle("person.age", "");
        typed.putSingle("person.area", "篠山");
        typed.putSingle("person.phone", "０９０−１２３４−５６７８");
        typed.putSingle("household[1].relation", "CHILD");
        typed.putSingle("household[1].age", "５２");
        typed.put("concerns", List.of("ELDER_CARE", "DEMENTIA"));
        typed.putSingle("consent", "GIVEN");
        typed.putSingle("urgency", "ROUTINE");

        ObjectNode body = ReferralForm.from(typed).toRequest(json);

        assertEquals("昭和17年5月1日", body.path("person").path("birthDate").asText(), "the 和暦 goes as written");
        assertEquals("０９０−１２３４−５６７８", body.path("person").path("phone").asText(), "intake reads 全角");
        assertFalse(body.path("person").has("age"), "an empty age is not sent");
        assertEquals(1, body.path("household").size(), "the empty first row is not sent");
        assertEquals(52, body.path("household").get(0).path("age").intValue(), "全角 digits are a number");
        assertEquals("[\"DEMENTIA\",\"ELDER_CARE\"]", body.path("concerns").toString());
        assertFalse(body.path("hardToReach").booleanValue());
    }

    @Test
    void givenAnAgeInWordsWhenSentThenItGoesAsTextForIntakeToName() {
        MultivaluedMap<String, String> typed = new MultivaluedHashMap<>();
        typed.putSingle("person.age", "七十");
        assertEquals("七十", ReferralForm.from(typed).toRequest(json).path("person").path("age").asText());
    }

    @Test
    void givenIntakesErrorsAboutTheSentRowsWhenShownThenEachIsBesideTheFormsRowAndNamedInTheSummary() {
        MultivaluedMap<String, String> typed = new MultivaluedHashMap<>();
        typed.putSingle("household[2].relation", "SIBLING");
        typed.putSingle("household[2].age", "200");
        Map<String, String> fromIntake = new LinkedHashMap<>();
        fromIntake.put("person.name", "必須です");
        fromIntake.put("household[0].age", "0〜130の整数で指定してください");

        Map<String, String> onForm = ReferralForm.from(typed).onForm(fromIntake);
        FormErrors errors = new FormErrors(onForm, ReferralPage.LABELS);

        assertEquals("0〜130の整数で指定してください", errors.member(2, "age"), "intake's row 0 is the form's third row");
        assertEquals("f-household-2-age", errors.links().get(1).anchor());
        assertEquals("世帯員3の年齢：0〜130の整数で指定してください", errors.links().get(1).message());
        assertEquals("氏名：必須です", errors.links().get(0).message());
        assertEquals("f-person-name", errors.links().get(0).anchor());
    }

    @Test
    void givenAHouseholdMembersNameKanaAndBirthDateWhenSentThenIntakeGetsThemInThatMembersRow() {
        MultivaluedMap<String, String> typed = new MultivaluedHashMap<>();
        typed.putSingle("household[0].relation", "PARENT");
        typed.putSingle("household[0].name", "久留米 一郎");
        typed.putSingle("household[0].nameKana", "クルメ イチロウ");
        typed.putSingle("household[0].birthDate", "昭和21年3月3日");
        typed.putSingle("household[2].nameKana", "くるめ はなこ");

        ObjectNode body = ReferralForm.from(typed).toRequest(json);

        assertEquals(2, body.path("household").size(), "a row with only a kana is sent, the empty one is not");
        assertEquals("久留米 一郎", body.path("household").get(0).path("name").asText());
        assertEquals("クルメ イチロウ", body.path("household").get(0).path("nameKana").asText());
        assertEquals("昭和21年3月3日", body.path("household").get(0).path("birthDate").asText(), "as written");
        assertEquals("くるめ はなこ", body.path("household").get(1).path("nameKana").asText());
        assertFalse(body.path("household").get(1).has("name"), "an empty name is not sent");
        assertFalse(body.path("household").get(1).has("birthDate"));
    }

    @Test
    void givenIntakesErrorAboutAMembersBirthDateWhenShownThenItIsBesideThatRowsInput() {
        MultivaluedMap<String, String> typed = new MultivaluedHashMap<>();
        typed.putSingle("household[1].birthDate", "昭和99年1月1日");

        Map<String, String> onForm = ReferralForm.from(typed)
                .onForm(Map.of("household[0].birthDate", "生年月日を読み取れません"));
        FormErrors errors = new FormErrors(onForm, ReferralPage.LABELS);

        assertEquals("生年月日を読み取れません", errors.member(1, "birthDate"));
        assertEquals("f-household-1-birthDate", errors.links().get(0).anchor());
        assertEquals("世帯員2の生年月日：生年月日を読み取れません", errors.links().get(0).message());
    }
}
