package jp.tsunagu.console.households;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Intake's household view as the page shows it: the agencies, plans and meetings name their members' cases by
 * 受付番号 (intake sends case ids), in the order the view lists the members. A case id the view does not number
 * (not one of its members, current or former) is left out: the page names no case the reader was not shown.
 */
public final class HouseholdScreen {

    private HouseholdScreen() {
    }

    /** A copy of the view whose {@code agencies}, {@code plans} and {@code meetings} each carry {@code caseNumbers}. */
    public static ObjectNode numbered(JsonNode view) {
        ObjectNode copy = view.deepCopy();
        Map<String, String> numbers = caseNumbers(view);
        for (String list : List.of("agencies", "plans", "meetings")) {
            for (JsonNode item : copy.path(list)) {
                if (item instanceof ObjectNode o) {
                    o.put("caseNumbers", joined(o.path("caseIds"), numbers));
                }
            }
        }
        return copy;
    }

    /** 受付番号 by case id, of the members and the former members. */
    static Map<String, String> caseNumbers(JsonNode view) {
        Map<String, String> numbers = new HashMap<>();
        for (String list : List.of("members", "formerMembers")) {
            for (JsonNode m : view.path(list)) {
                if (m.hasNonNull("caseId") && m.hasNonNull("caseNumber")) {
                    numbers.putIfAbsent(m.path("caseId").asText(), m.path("caseNumber").asText());
                }
            }
        }
        return numbers;
    }

    private static String joined(JsonNode caseIds, Map<String, String> numbers) {
        List<String> named = new ArrayList<>();
        for (JsonNode id : caseIds) {
            String number = numbers.get(id.asText());
            if (number != null) {
                named.add(number);
            }
        }
        return String.join("・", named);
    }
}
