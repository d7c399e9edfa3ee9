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
