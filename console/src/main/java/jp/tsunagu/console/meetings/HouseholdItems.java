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
        List<List<String>> numbers = new ArrayList<>();
        for (JsonNode c : cases) {
            String householdId = c.path("householdId").asText("");
            if (householdId.isEmpty()) {
                items.add(new Item(null, null, null, new ArrayList<>(List.of(tree.apply(c)))));
                numbers.add(new ArrayList<>());
                continue;
            }
            Integer at = open.get(householdId);
            if (at == null) {
                JsonNode said = notes.get(householdId);
                String label = c.path("householdLabel").asText(said == null ? "" : said.path("label").asText(
                        said.path("householdLabel").asText("")));
                String note = said == null ? null : said.path("note").asText(null);
                at = items.size();
                open.put(householdId, at);
                items.add(new Item(householdId, label, note, new ArrayList<>()));
                numbers.add(new ArrayList<>());
            }
            items.get(at).cases().add(tree.apply(c));
            numbers.get(at).add(c.path("caseNumber").asText("受付番号なし"));
        }
        // a heading meeting-service did not send is made as it makes it: 世帯（R8-000001・R8-000007）
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            if (item.household() && item.label().isBlank()) {
                items.set(i, new Item(item.householdId(), label(numbers.get(i)), item.note(), item.cases()));
            }
        }
        return items;
    }

    /** 世帯（R8-000001・R8-000007）. */
    static String label(List<String> caseNumbers) {
        return "世帯（" + String.join("・", caseNumbers) + "）";
    }
}
