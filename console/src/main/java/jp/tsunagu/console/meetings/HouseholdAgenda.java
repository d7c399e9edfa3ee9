package jp.tsunagu.console.meetings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import jp.tsunagu.contract.codes.Coded;
import jp.tsunagu.contract.codes.MeetingType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the household's agenda form offers, from meeting-service's answers: the meetings to come that discuss cases,
 * and the household's members that wait for a review. It only selects and orders; whether a meeting may take the
 * household is meeting-service's to say when asked.
 */
final class HouseholdAgenda {

    private HouseholdAgenda() {
    }

    /** The meetings not yet held whose type reviews cases (重層的支援会議, 支援会議), soonest first. */
    static ArrayNode choices(JsonNode meetings) {
        List<JsonNode> open = new ArrayList<>();
        meetings.forEach(m -> {
            boolean reviews = Coded.parse(MeetingType.class, m.path("type").asText())
                    .map(MeetingType::reviewsCases).orElse(false);
            if (reviews && !m.hasNonNull("heldOn")) {
                open.add(m);
            }
        });
        open.sort(Comparator.comparing((JsonNode m) -> m.path("scheduledOn").asText())
                .thenComparing(m -> m.path("startsAt").asText("")));
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        open.forEach(list::add);
        return list;
    }

    /**
     * What meeting-service placed: the members put on the meeting (受付番号) and those it may not take, each with its
     * Japanese reason as meeting-service gave it (e.g. a member without consent at a 重層的支援会議).
     *
     * @param notPlaced 「R8-000007：理由」
     */
    record Placement(List<String> placed, List<String> notPlaced) {
    }

    /**
     * meeting-service's answer to {@code PUT /households/{id}/agenda}: {@code {placed: [WaitingCase], notPlaced:
     * [{caseId, caseNumber, problem, detail}]}}, or the older plain list of the cases placed.
     *
     * @param numbers the members' 受付番号 by case id (for a case meeting-service sent without its number)
     */
    static Placement placement(JsonNode answer, java.util.Map<String, String> numbers) {
        JsonNode placed = answer == null ? JsonNodeFactory.instance.arrayNode()
                : answer.isArray() ? answer : answer.path("placed");
        List<String> in = new ArrayList<>();
        placed.forEach(c -> in.add(number(c, numbers)));
        List<String> out = new ArrayList<>();
        if (answer != null && !answer.isArray()) {
            answer.path("notPlaced").forEach(c -> {
                String number = number(c, numbers);
                String reason = c.path("detail").asText(c.path("problem").asText("この会議では検討できません"));
                // meeting-service names the case in its reason; the notice names it once, in front
                String own = "^ケース " + java.util.regex.Pattern.quote(number) + ":\\s*";
                out.add(number + "：" + reason.replaceFirst(own, ""));
            });
        }
        return new Placement(in, out);
    }

    private static String number(JsonNode c, java.util.Map<String, String> numbers) {
        String id = c.path("caseId").asText();
        return c.path("caseNumber").asText(numbers.getOrDefault(id, "受付番号なし"));
    }

    /** The waiting cases (GET /agenda/waiting) that are current members of the household. */
    static ArrayNode waitingMembers(JsonNode waiting, JsonNode household) {
        Set<String> members = new HashSet<>();
        household.path("members").forEach(m -> members.add(m.path("caseId").asText()));
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        waiting.forEach(c -> {
            if (members.contains(c.path("caseId").asText())) {
                list.add(c);
            }
        });
        return list;
    }
}
