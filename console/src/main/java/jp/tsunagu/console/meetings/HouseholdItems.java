package jp.tsunagu.console.meetings;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.TemplateData;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A meeting's agenda items or reviews as the pages show them: the cases of one household (世帯) together as ONE item
 * under its heading 世帯（受付番号・受付番号） with the minutes' household note, every other case an item of its own.
 * meeting-service says which household a case was discussed with ({@code householdId}) and keeps a household's
 * items adjacent; this only groups what it says, in its order.
 */
public final class HouseholdItems {

    private HouseholdItems() {
    }

    /**
     * One item: a household's cases (householdId, its heading and note) or a single case (householdId null).
     *
     * @param cases the agenda items or reviews, as meeting-service sent them (maps for the templates)
     */
    @TemplateData
    public record Item(String householdId, String label, String note, List<Object> cases) {
        public boolean household() {
            return householdId != null;
        }
    }

    /**
     * Groups agenda items or reviews.
     *
     * @param cases      {@code agenda} or {@code reviews} of the meeting
     * @param households the minutes' household notes ({@code households: [{householdId, note, label?}]}), or missing
     * @param tree       how a JSON node becomes what a template reads
     */
    public static List<Item> of(JsonNode cases, JsonNode households, java.util.function.Function<JsonNode, Object> tree) {
        Map<String, JsonNode> notes = new LinkedHashMap<>();
        households.forEach(h -> notes.put(h.path("householdId").asText(), h));
        List<Item> items = new ArrayList<>();
        Map<String, Integer> open = new LinkedHashMap<>(); // a household's item, should its cases not be adjacent
        for (JsonNode c : cases) {
            String householdId = c.path("householdId").asText("");
            if (householdId.isEmpty()) {
                items.add(new Item(null, null, null, new ArrayList<>(List.of(tree.apply(c)))));
                continue;
            }
            Integer at = open.get(householdId);
            if (at == null) {
                JsonNode said = notes.get(householdId);
                String note = said == null ? null : said.path("note").asText(null);
                at = items.size();
                open.put(householdId, at);
                items.add(new Item(householdId, label(c, said), note, new ArrayList<>()));
            }
            items.get(at).cases().add(tree.apply(c));
        }
        return items;
    }

    /**
     * The household's heading as meeting-service sent it (the item's {@code householdLabel}, else the minutes'
     * {@code households[].householdLabel}): the contract's HouseholdLabel names it, in the order the cases were
     * received, and the console never makes its own. Neither sent (an older minutes): just 世帯.
     */
    static String label(JsonNode item, JsonNode note) {
        String label = item.path("householdLabel").asText("");
        if (label.isBlank() && note != null) {
            label = note.path("householdLabel").asText(note.path("label").asText(""));
        }
        return label.isBlank() ? "世帯" : label;
    }
}
