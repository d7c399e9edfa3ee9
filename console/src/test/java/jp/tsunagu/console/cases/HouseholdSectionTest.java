package jp.tsunagu.console.cases;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jp.tsunagu.console.services.Answer;
import jp.tsunagu.console.view.FormErrors;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The case page's 世帯: a refused form shows intake's words in that form only, with what was typed. */
class HouseholdSectionTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void givenIntakesSuggestionsWhenShownThenEachHasItsOwnFormIdsAndAnythingElseIsNone() throws Exception {
        HouseholdSection section = HouseholdSection.of(json, null, json.readTree("""
                [{"caseId":"a","caseNumber":"R8-000001","basisLabel":"住所が一致"},
                 {"caseId":"b","caseNumber":"R8-000002","householdId":"h-1"}]"""), HouseholdSection.Sent.NONE);

        assertEquals(2, section.suggestions().size());
        assertEquals("s0-", ((Map<?, ?>) section.suggestions().get(0)).get("formId"));
        assertEquals("s1-", ((Map<?, ?>) section.suggestions().get(1)).get("formId"));
        assertEquals("h-1", ((Map<?, ?>) section.suggestions().get(1)).get("householdId"));
        assertTrue(HouseholdSection.of(json, null, json.readTree("{\"title\":\"Not Found\"}"),
                HouseholdSection.Sent.NONE).suggestions().isEmpty(), "a problem document is no suggestion");
    }

    @Test
    void givenARefusedDismissalWhenShownThenOnlyThatSuggestionsFormHasTheMessageAndTheReasonTyped()
            throws Exception {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        form.putSingle("other", "b");
        form.putSingle("reason", "  ");
        Answer answer = new Answer(422, json.readTree("""
                {"status":422,"errors":[{"field":"reason","message":"理由を入力してください"}]}"""));

        HouseholdSection section = HouseholdSection.of(json, null, json.createArrayNode(),
                CaseHousehold.refused("dismissal", form, answer));

        assertTrue(section.failed("dismissal", "b"));
        assertFalse(section.failed("dismissal", "a"));
        assertFalse(section.failed("link", "b"));
        assertEquals("理由を入力してください", section.errorsOf("dismissal", "b").get("reason"));
        assertNull(section.errorsOf("dismissal", "a").get("reason"));
        assertEquals("  ", section.reasonOf("dismissal", "b"), "what she typed comes back as typed");
        assertEquals("理由：理由を入力してください", section.errorsOf("dismissal", "b").links().get(0).message());
    }

    @Test
    void givenAConflictWhenLinkingThenIntakesDetailIsSaidInTheLinkFormWithoutAnAnchor() throws Exception {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        form.putSingle("other", "b");
        Answer answer = new Answer(409, json.readTree("""
                {"status":409,"title":"Conflict","householdId":"h-9",
                 "detail":"案件 R8-000012 はすでに世帯（R8-000010・R8-000011）に属しています"}"""));

        HouseholdSection.Sent sent = CaseHousehold.refused("link", form, answer);

        assertEquals("b", sent.other());
        assertEquals(List.of(new FormErrors.Link(null,
                "案件 R8-000012 はすでに世帯（R8-000010・R8-000011）に属しています")), sent.errors().links());
    }

    @Test
    void givenALinkRefusedNamingFieldsWhenShownThenTheMessagesAreSaidWithTheirLabels() throws Exception {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        form.putSingle("other", "b");
        Answer answer = new Answer(422, json.readTree("""
                {"status":422,"errors":[{"field":"caseIds","message":"同じ案件を世帯にすることはできません"}]}"""));

        FormErrors errors = CaseHousehold.refused("link", form, answer).errors();

        assertEquals(List.of(new FormErrors.Link(null, "案件：同じ案件を世帯にすることはできません")), errors.links());
    }

    @Test
    void givenARefusalWithoutAProblemDocumentWhenShownThenItIsStillSaid() {
        HouseholdSection.Sent sent = CaseHousehold.refused("unlinking", new MultivaluedHashMap<>(),
                new Answer(403, null));

        assertNull(sent.other());
        assertEquals("記録できませんでした（403）。", sent.errors().get(""));
        assertEquals("", sent.reason());
    }
}
