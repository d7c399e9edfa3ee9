package jp.tsunagu.console.plans;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.qute.TemplateData;
import jakarta.ws.rs.core.MultivaluedMap;
import jp.tsunagu.console.plans.PlanForm.RoleRow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 世帯のプラン as the coordinator types it, with planning's field names ({@code POST /households/{id}/plans}): one
 * plan whose subjects are the members chosen, each with 本人の願い and roles, and the household's wish (世帯の願い),
 * goals and roles. The console judges nothing: planning says which member may not be a subject and why.
 *
 * @param idempotencyKey one per form shown, so a double click makes one plan
 * @param goals          one goal a line
 * @param members        one row per current member of the household (chosen or not)
 * @param householdRoles roles for the whole household (世帯全体の役割)
 */
@TemplateData
public record HouseholdPlanForm(String idempotencyKey, String type, String madeOn, String adoptedAtMeetingId,
                                String reviewOn, String householdWish, String goals, List<Member> members,
                                List<RoleRow> householdRoles) {

    /** Empty role rows a member and the household are offered. */
    static final int ROLE_ROWS = 2;
    /** Rows read back from one form at most. */
    static final int MAX_ROWS = 20;
    /** The plan a household most often has: 多機関協働プラン. */
    static final String DEFAULT_TYPE = "MULTI_AGENCY";

    private static final Pattern MEMBER_FIELD = Pattern.compile("^members\\[(\\d+)](.*)$");
    private static final Pattern ROLE_FIELD = Pattern.compile("^\\.roles\\[(\\d+)](.*)$");
    private static final Pattern HOUSEHOLD_ROLE_FIELD = Pattern.compile("^householdRoles\\[(\\d+)](.*)$");
    private static final Pattern GOAL_FIELD = Pattern.compile("^goals\\[(\\d+)]$");

    /**
     * A member's row: her case (受付番号 as people name it), whether she is a subject of this plan, 本人の願い and
     * what each agency takes on for her.
     */
    @TemplateData
    public record Member(String caseId, String caseNumber, String name, boolean subject, String wish,
                         List<RoleRow> roles) {
    }

    /** The person's name where intake shows it to her (else null: 閲覧権限がありません or 消去済み). */
    private static String name(JsonNode member) {
        return member.path("person").path("name").asText(null);
    }

    /** A new form: every current member a subject, dated today, a 多機関協働プラン. */
    static HouseholdPlanForm blank(JsonNode household, String idempotencyKey, String today) {
        List<Member> members = new ArrayList<>();
        household.path("members").forEach(m -> members.add(new Member(m.path("caseId").asText(),
                m.path("caseNumber").asText(""), name(m), true, "", rows(List.of()))));
        return new HouseholdPlanForm(idempotencyKey, DEFAULT_TYPE, today, "", "", "", "", members, rows(List.of()));
    }

    /** The same form with no plan type chosen (the household has a plan already: she chooses which to add). */
    HouseholdPlanForm withoutType() {
        return new HouseholdPlanForm(idempotencyKey, "", madeOn, adoptedAtMeetingId, reviewOn, householdWish, goals,
                members, householdRoles);
    }

    /** The form as sent; members' 受付番号 from the household (the form sends case ids only). */
    static HouseholdPlanForm from(MultivaluedMap<String, String> form, JsonNode household) {
        Map<String, JsonNode> byCase = new HashMap<>();
        household.path("members").forEach(m -> byCase.put(m.path("caseId").asText(), m));
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < MAX_ROWS && form.containsKey("members[" + i + "].row"); i++) {
            String p = "members[" + i + "]";
            String caseId = PlanForm.one(form, p + ".row");
            JsonNode known = byCase.getOrDefault(caseId, MissingNode.getInstance());
            members.add(new Member(caseId, known.path("caseNumber").asText(""), name(known),
                    form.containsKey(p + ".caseId"),
                    PlanForm.one(form, p + ".wish"), roles(form, p + ".roles")));
        }
        return new HouseholdPlanForm(PlanForm.one(form, "idempotencyKey"), PlanForm.one(form, "type"),
                PlanForm.one(form, "madeOn"), PlanForm.one(form, "adoptedAtMeetingId"), PlanForm.one(form, "reviewOn"),
                PlanForm.one(form, "householdWish"), PlanForm.one(form, "goals"), members,
                roles(form, "householdRoles"));
    }

    private static List<RoleRow> roles(MultivaluedMap<String, String> form, String prefix) {
        List<RoleRow> roles = new ArrayList<>();
        for (int j = 0; j < MAX_ROWS && (form.containsKey(prefix + "[" + j + "].agencyId")
                || form.containsKey(prefix + "[" + j + "].responsibility")); j++) {
            roles.add(new RoleRow(PlanForm.one(form, prefix + "[" + j + "].agencyId"),
                    PlanForm.one(form, prefix + "[" + j + "].responsibility")));
        }
        return roles;
    }

    /** The body of {@code POST /households/{householdId}/plans}: members chosen, empty rows and fields not sent. */
    ObjectNode request(ObjectMapper json) {
        ObjectNode body = json.createObjectNode();
        text(body, "type", type);
        text(body, "madeOn", madeOn);
        text(body, "adoptedAtMeetingId", adoptedAtMeetingId);
        text(body, "reviewOn", reviewOn);
        text(body, "householdWish", householdWish);
        List<String> lines = goals.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (!lines.isEmpty()) {
            lines.forEach(body.putArray("goals")::add);
        }
        ArrayNode sent = body.putArray("members");
        for (int i : subjectRows()) {
            Member m = members.get(i);
            ObjectNode member = sent.addObject().put("caseId", m.caseId());
            text(member, "wish", m.wish());
            roles(member, "roles", m.roles());
        }
        roles(body, "householdRoles", householdRoles);
        return body;
    }

    private static void roles(ObjectNode node, String name, List<RoleRow> rows) {
        List<Integer> sent = sentRows(rows);
        if (!sent.isEmpty()) {
            ArrayNode roles = node.putArray(name);
            sent.forEach(j -> {
                ObjectNode role = roles.addObject();
                text(role, "agencyId", rows.get(j).agencyId());
                text(role, "responsibility", rows.get(j).responsibility());
            });
        }
    }

    /** The rows of the members chosen: {@code members[k]} of the request is row {@code subjectRows().get(k)}. */
    List<Integer> subjectRows() {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i).subject()) {
                rows.add(i);
            }
        }
        return rows;
    }

    private static List<Integer> sentRows(List<RoleRow> rows) {
        List<Integer> sent = new ArrayList<>();
        for (int j = 0; j < rows.size(); j++) {
            if (!rows.get(j).isEmpty()) {
                sent.add(j);
            }
        }
        return sent;
    }

    /**
     * Planning's messages by the form's inputs: {@code members[1].caseId} of the request is the row of the second
     * member chosen, a role's index the row it came from, {@code goals[2]} said as the goal's place.
     */
    Map<String, String> onForm(Map<String, String> errors) {
        List<Integer> subjects = subjectRows();
        Map<String, String> mapped = new LinkedHashMap<>();
        errors.forEach((field, message) -> mapped.merge(formField(field, subjects), prefix(field) + message,
                (a, b) -> a + "／" + b));
        return mapped;
    }

    private String formField(String field, List<Integer> subjects) {
        Matcher member = MEMBER_FIELD.matcher(field);
        if (member.matches()) {
            int k = Integer.parseInt(member.group(1));
            if (k >= subjects.size()) {
                return "members";
            }
            int row = subjects.get(k);
            Matcher role = ROLE_FIELD.matcher(member.group(2));
            if (role.matches()) {
                List<Integer> sent = sentRows(members.get(row).roles());
                int r = Integer.parseInt(role.group(1));
                return "members[" + row + "].roles[" + (r < sent.size() ? sent.get(r) : 0) + "]"
                        + (role.group(2).isEmpty() ? ".agencyId" : role.group(2));
            }
            return "members[" + row + "]" + (member.group(2).isEmpty() || member.group(2).equals(".caseId")
                    ? ".caseId" : member.group(2));
        }
        Matcher household = HOUSEHOLD_ROLE_FIELD.matcher(field);
        if (household.matches()) {
            List<Integer> sent = sentRows(householdRoles);
            int r = Integer.parseInt(household.group(1));
            return "householdRoles[" + (r < sent.size() ? sent.get(r) : 0) + "]"
                    + (household.group(2).isEmpty() ? ".agencyId" : household.group(2));
        }
        return GOAL_FIELD.matcher(field).matches() ? "goals" : field;
    }

    private static String prefix(String field) {
        Matcher goal = GOAL_FIELD.matcher(field);
        return goal.matches() ? (Integer.parseInt(goal.group(1)) + 1) + "つ目：" : "";
    }

    /** The inputs' labels for the error summary: a member's named by her 受付番号. */
    Map<String, String> labels() {
        Map<String, String> labels = new HashMap<>(Map.of("type", "プランの種類", "madeOn", "作成日",
                "adoptedAtMeetingId", "採択した会議", "reviewOn", "見直し日", "householdWish", "世帯の願い",
                "goals", "目標", "members", "対象の世帯員", "householdRoles", "世帯全体の役割"));
        for (int i = 0; i < members.size(); i++) {
            String who = members.get(i).caseNumber().isBlank() ? "世帯員" + (i + 1) : members.get(i).caseNumber();
            labels.put("members[" + i + "].caseId", who + "（対象）");
            labels.put("members[" + i + "].wish", who + "の本人の願い");
            for (int j = 0; j < members.get(i).roles().size(); j++) {
                labels.put("members[" + i + "].roles[" + j + "].agencyId", who + "の役割" + (j + 1) + "の機関");
                labels.put("members[" + i + "].roles[" + j + "].responsibility", who + "の役割" + (j + 1) + "の内容");
            }
        }
        for (int j = 0; j < householdRoles.size(); j++) {
            labels.put("householdRoles[" + j + "].agencyId", "世帯全体の役割" + (j + 1) + "の機関");
            labels.put("householdRoles[" + j + "].responsibility", "世帯全体の役割" + (j + 1) + "の内容");
        }
        return labels;
    }

    /** The same form with spare empty role rows below what was typed, to show again after a refusal. */
    HouseholdPlanForm withSpareRows() {
        List<Member> rows = members.stream().map(m -> new Member(m.caseId(), m.caseNumber(), m.name(), m.subject(),
                m.wish(), rows(m.roles()))).toList();
        return new HouseholdPlanForm(idempotencyKey, type, madeOn, adoptedAtMeetingId, reviewOn, householdWish, goals,
                rows, rows(householdRoles));
    }

    private static List<RoleRow> rows(List<RoleRow> typed) {
        List<RoleRow> rows = new ArrayList<>(typed);
        while (!rows.isEmpty() && rows.getLast().isEmpty()) {
            rows.removeLast(); // only trailing empty rows: the rows an error names keep their places
        }
        for (int i = 0; i < ROLE_ROWS; i++) {
            rows.add(new RoleRow("", ""));
        }
        return rows;
    }

    private static void text(ObjectNode node, String name, String value) {
        if (value != null && !value.isBlank()) {
            node.put(name, value.strip());
        }
    }
}
