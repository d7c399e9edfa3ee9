package jp.tsunagu.console.plans;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.TemplateData;
import jp.tsunagu.console.view.FormErrors;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A household plan's subjects (対象の世帯員) as the plan page shows them: each member's case by its 受付番号, her
 * wish where planning gave it to the reader (planning leaves it out for a member whose case she may not read), and
 * the roles for her. The plan's own fields are planning's; the 受付番号 come from intake's household view.
 */
public final class HouseholdSubjects {

    private HouseholdSubjects() {
    }

    /** The name of a member's 未記入の補完 form in a {@link PlanScreen.Attempt}: this, then her case id. */
    static final String FORM = "subject:";

    /**
     * A subject.
     *
     * @param wishShown whether the reader may read her wish (planning sent it, or its tags, even empty)
     * @param roles     the roles for her, as planning sent them (maps for the template)
     * @param missing   what of hers is still empty (wish, wishTags, roles: none, or an agency without its words)
     * @param form      her 未記入の補完 form: as typed after a refusal, else with her roles' agencies to write beside
     * @param errors    planning's messages on that form
     */
    @TemplateData
    public record Subject(String caseId, String caseNumber, String wish, boolean wishShown, List<String> wishTags,
                          Object roles, Set<String> missing, PlanForm form, FormErrors errors) {
        /** The prefix of her form's element ids (a page has one such form per member). */
        public String prefix() {
            return "sub-" + caseId + "-";
        }
    }

    /**
     * The subjects of the plan ({@code subjects} of the plan, else of its current version).
     *
     * @param household intake's household view, or null when it could not be read (the 受付番号 are then left out)
     */
    public static List<Subject> of(JsonNode plan, JsonNode current, JsonNode household, ObjectMapper json) {
        return of(plan, current, household, json, PlanScreen.Attempt.NONE);
    }

    /** The subjects, the member's form named by {@code attempt} as she typed it, with planning's messages. */
    static List<Subject> of(JsonNode plan, JsonNode current, JsonNode household, ObjectMapper json,
                            PlanScreen.Attempt attempt) {
        JsonNode subjects = plan.path("subjects").isArray() ? plan.path("subjects") : current.path("subjects");
        Map<String, String> numbers = new HashMap<>();
        if (household != null) {
            household.path("members").forEach(m -> numbers.put(m.path("caseId").asText(),
                    m.path("caseNumber").asText(null)));
            household.path("formerMembers").forEach(m -> numbers.putIfAbsent(m.path("caseId").asText(),
                    m.path("caseNumber").asText(null)));
        }
        List<Subject> list = new ArrayList<>();
        for (JsonNode s : subjects) {
            String caseId = s.path("caseId").asText();
            // planning leaves out both the wish and its tags where the reader may not read the member's case
            boolean shown = s.hasNonNull("wish") || s.path("wishTags").isArray();
            List<String> tags = new ArrayList<>();
            s.path("wishTags").forEach(t -> tags.add(t.asText()));
            String form = FORM + caseId;
            list.add(new Subject(caseId, numbers.get(caseId), s.path("wish").asText(null), shown, tags,
                    json.convertValue(s.path("roles").isArray() ? s.path("roles") : json.createArrayNode(),
                            Object.class), missing(s, shown),
                    attempt.typedOr(form, PlanForm.detailsOf(s, UUID.randomUUID().toString())),
                    attempt.errorsOf(form)));
        }
        return list;
    }

    /**
     * What of a member's own is still empty: her wish (where the reader may read it; planning leaves it out
     * otherwise), and her roles when there are none or an agency was named without its words (a meeting's 役割分担).
     */
    static Set<String> missing(JsonNode subject, boolean wishShown) {
        Set<String> missing = new LinkedHashSet<>();
        if (wishShown && subject.path("wish").asText("").isBlank()) {
            missing.add("wish");
            if (subject.path("wishTags").isEmpty()) {
                missing.add("wishTags");
            }
        }
        if (subject.path("roles").isEmpty() || PlanScreen.rolesLackWords(subject)) {
            missing.add("roles");
        }
        return missing;
    }

    /** The plan's field, else its current version's (planning may keep a household's wish on each version). */
    public static JsonNode field(JsonNode plan, JsonNode current, String name) {
        return plan.has(name) ? plan.path(name) : current.path(name);
    }
}
