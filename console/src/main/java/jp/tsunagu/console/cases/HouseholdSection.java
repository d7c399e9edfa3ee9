package jp.tsunagu.console.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.qute.TemplateData;
import jp.tsunagu.console.view.FormErrors;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The case page's 世帯 section: the household the case is in, intake's suggestions (世帯候補, coordinators), and the
 * form a coordinator sent if intake refused it, with what she typed and intake's messages.
 *
 * @param householdId the case's household, null when none
 * @param suggestions intake's suggestions, each with {@code formId}, the prefix of its forms' ids
 * @param action      the form sent: {@code link}, {@code dismissal} or {@code unlinking}; null when none was
 * @param other       the suggested case the sent form was about (null for unlinking)
 */
@TemplateData
public record HouseholdSection(String householdId, List<Object> suggestions, String action, String other,
                               FormErrors errors, String reason) {

    /** Labels of the section's inputs, for the error summaries. */
    static final Map<String, String> LABELS = Map.of("reason", "理由", "caseIds", "案件", "caseId", "案件");

    /** What a form sent and intake refused. */
    record Sent(String action, String other, FormErrors errors, String reason) {
        static final Sent NONE = new Sent(null, null, FormErrors.NONE, "");
    }

    /** The section of intake's suggestions (anything but an array is none), each numbered for its forms' ids. */
    static HouseholdSection of(ObjectMapper json, String householdId, JsonNode suggestions, Sent sent) {
        List<Object> shown = new ArrayList<>();
        if (suggestions.isArray()) {
            for (JsonNode s : suggestions) {
                ObjectNode numbered = s.isObject() ? ((ObjectNode) s).deepCopy() : json.createObjectNode();
                numbered.put("formId", "s" + shown.size() + "-");
                shown.add(json.convertValue(numbered, Object.class));
            }
        }
        return new HouseholdSection(householdId, shown, sent.action(), sent.other(), sent.errors(), sent.reason());
    }

    /** Whether the form sent and refused was this one ({@code other}: the suggestion's case, or null). */
    public boolean failed(String form, Object about) {
        return form.equals(action) && (about == null ? other == null : about.toString().equals(other));
    }

    public FormErrors errorsOf(String form, Object about) {
        return failed(form, about) ? errors : FormErrors.NONE;
    }

    public String reasonOf(String form, Object about) {
        return failed(form, about) ? reason : "";
    }
}
