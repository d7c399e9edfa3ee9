package jp.tsunagu.console.plans;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.qute.TemplateData;
import jakarta.ws.rs.core.MultivaluedMap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plan's contents as the 再プラン and 未記入の補完 forms hold them, with planning's field names (so its problem
 * document names the inputs). The console judges nothing: what is typed goes to planning, which says what is wrong.
 * Goals are typed one a line; roles are rows of agency and responsibility, empty rows not sent.
 *
 * @param idempotencyKey one per form shown, so a double click makes one 再プラン
 * @param wishTags       the wish as the catalog's tags, for 参加支援's matching
 * @param goals          one goal a line
 */
@TemplateData
public record PlanForm(String idempotencyKey, String madeOn, String reason, String wish, Set<String> wishTags,
                       String goals, List<RoleRow> roles, String reviewOn) {

    /** Empty role rows offered below the plan's own. */
    static final int SPARE_ROLE_ROWS = 2;
    /** Rows read back from a form at most (planning takes no more roles than this in one plan). */
    static final int MAX_ROLE_ROWS = 20;

    private static final Pattern ROLE_FIELD = Pattern.compile("^roles\\[(\\d+)](.*)$");
    private static final Pattern GOAL_FIELD = Pattern.compile("^goals\\[(\\d+)]$");

    /** A role as typed: the agency (its id in the directory) and what it does. */
    @TemplateData
    public record RoleRow(String agencyId, String responsibility) {
        boolean isEmpty() {
            return agencyId.isBlank() && responsibility.isBlank();
        }
    }

    /** The 再プラン form, filled with the plan's current version, dated today. */
    static PlanForm revisionOf(JsonNode current, String idempotencyKey, String today) {
        List<RoleRow> roles = new ArrayList<>();
        current.path("roles").forEach(r -> roles.add(new RoleRow(r.path("agencyId").asText(""),
                r.path("responsibility").asText(""))));
        Set<String> tags = new LinkedHashSet<>();
        current.path("wishTags").forEach(t -> tags.add(t.asText()));
        List<String> goals = new ArrayList<>();
        current.path("goals").forEach(g -> goals.add(g.asText()));
        return new PlanForm(idempotencyKey, today, "", current.path("wish").asText(""), tags,
                String.join("\n", goals), withSpareRows(roles), current.path("reviewOn").asText(""));
    }

    /** The form for details the current version lacks: empty. */
    static PlanForm blank(String idempotencyKey) {
        return new PlanForm(idempotencyKey, "", "", "", Set.of(), "", withSpareRows(List.of()), "");
    }

    /**
     * The form for details the current version lacks: empty, but for roles whose agencies a meeting named without
     * their words (役割分担), which come with their agencies for the words to be written beside them (planning takes
     * the words for the same agencies only).
     */
    static PlanForm detailsOf(JsonNode current, String idempotencyKey) {
        if (!PlanScreen.rolesLackWords(current)) {
            return blank(idempotencyKey);
        }
        List<RoleRow> roles = new ArrayList<>();
        current.path("roles").forEach(r -> roles.add(new RoleRow(r.path("agencyId").asText(""),
                r.path("responsibility").asText(""))));
        return new PlanForm(idempotencyKey, "", "", "", Set.of(), "", roles, "");
    }

    static PlanForm from(MultivaluedMap<String, String> form) {
        List<RoleRow> roles = new ArrayList<>();
        for (int i = 0; i < MAX_ROLE_ROWS && (form.containsKey("roles[" + i + "].agencyId")
                || form.containsKey("roles[" + i + "].responsibility")); i++) {
            roles.add(new RoleRow(one(form, "roles[" + i + "].agencyId"), one(form, "roles[" + i + "].responsibility")));
        }
        List<String> tags = form.get("wishTags");
        return new PlanForm(one(form, "idempotencyKey"), one(form, "madeOn"), one(form, "reason"), one(form, "wish"),
                tags == null ? Set.of() : new LinkedHashSet<>(tags), one(form, "goals"), roles,
                one(form, "reviewOn"));
    }

    /** {@code POST /plans/{planId}/revisions}: the date and reason, and what is filled in (planning keeps the rest). */
    ObjectNode revision(ObjectMapper json) {
        ObjectNode body = json.createObjectNode();
        text(body, "madeOn", madeOn);
        text(body, "reason", reason);
        contents(body);
        return body;
    }

    /** {@code PUT /plans/{planId}/details}: only what is filled in. */
    ObjectNode details(ObjectMapper json) {
        ObjectNode body = json.createObjectNode();
        contents(body);
        return body;
    }

    /** {@code PUT /plans/{planId}/subjects/{caseId}}: one member's wish, tags and roles, only what is filled in. */
    ObjectNode subjectDetails(ObjectMapper json) {
        ObjectNode body = json.createObjectNode();
        text(body, "wish", wish);
        if (!wishTags.isEmpty()) {
            ArrayNode tags = body.putArray("wishTags");
            wishTags.forEach(tags::add);
        }
        roles(body);
        return body;
    }

    private void contents(ObjectNode body) {
        text(body, "wish", wish);
        if (!wishTags.isEmpty()) {
            ArrayNode tags = body.putArray("wishTags");
            wishTags.forEach(tags::add);
        }
        List<String> lines = goalLines();
        if (!lines.isEmpty()) {
            ArrayNode goals = body.putArray("goals");
            lines.forEach(goals::add);
        }
        roles(body);
        text(body, "reviewOn", reviewOn);
    }

    private void roles(ObjectNode body) {
        List<Integer> rows = sentRoleRows();
        if (!rows.isEmpty()) {
            ArrayNode sent = body.putArray("roles");
            for (int i : rows) {
                ObjectNode role = sent.addObject();
                text(role, "agencyId", roles.get(i).agencyId());
                text(role, "responsibility", roles.get(i).responsibility());
            }
        }
    }

    /** The goals typed, one a line, blank lines left out. */
    List<String> goalLines() {
        return goals.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    /** The rows sent as roles, in order: {@code roles[k]} of the request is row {@code sentRoleRows().get(k)}. */
    List<Integer> sentRoleRows() {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < roles.size(); i++) {
            if (!roles.get(i).isEmpty()) {
                rows.add(i);
            }
        }
        return rows;
    }

    /**
     * Planning's messages by the form's inputs: {@code roles[1].agencyId} of the request is the row it came from,
     * and {@code goals[2]} is said as the goal's place in the textarea.
     */
    Map<String, String> onForm(Map<String, String> errors) {
        Map<String, String> mapped = new LinkedHashMap<>();
        List<Integer> rows = sentRoleRows();
        errors.forEach((field, message) -> {
            Matcher role = ROLE_FIELD.matcher(field);
            Matcher goal = GOAL_FIELD.matcher(field);
            if (role.matches() && Integer.parseInt(role.group(1)) < rows.size()) {
                mapped.merge("roles[" + rows.get(Integer.parseInt(role.group(1))) + "]" + role.group(2), message,
                        (a, b) -> a + "／" + b);
            } else if (goal.matches()) {
                mapped.merge("goals", (Integer.parseInt(goal.group(1)) + 1) + "つ目：" + message, (a, b) -> a + "／" + b);
            } else {
                mapped.merge(field, message, (a, b) -> a + "／" + b);
            }
        });
        return mapped;
    }

    /** The rows shown again after a refusal: as typed, with spare empty rows below. */
    PlanForm withSpareRows() {
        List<RoleRow> typed = new ArrayList<>(roles);
        while (!typed.isEmpty() && typed.getLast().isEmpty()) {
            typed.removeLast();
        }
        return new PlanForm(idempotencyKey, madeOn, reason, wish, wishTags, goals, withSpareRows(typed), reviewOn);
    }

    private static List<RoleRow> withSpareRows(List<RoleRow> roles) {
        List<RoleRow> rows = new ArrayList<>(roles);
        for (int i = 0; i < SPARE_ROLE_ROWS; i++) {
            rows.add(new RoleRow("", ""));
        }
        return rows;
    }

    private static void text(ObjectNode node, String name, String value) {
        if (value != null && !value.isBlank()) {
            node.put(name, value.strip());
        }
    }

    static String one(MultivaluedMap<String, String> form, String name) {
        String v = form.getFirst(name);
        return v == null ? "" : v;
    }
}
