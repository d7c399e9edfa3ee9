package jp.tsunagu.console.meetings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.qute.TemplateData;
import jakarta.ws.rs.core.MultivaluedMap;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The households (世帯) of a minutes form: the review rows of one household's cases under one heading
 * 世帯（受付番号・受付番号）, with the household's note (世帯としての検討), sent as meeting-service's
 * {@code households: [{householdId, note}]}. Which case belongs to which household is what meeting-service said on
 * the agenda items and reviews ({@code householdId}); the console judges nothing.
 *
 * @param notes   one per household, in the order its first row comes
 * @param opens   the review row a household's heading comes before → its index in {@code notes}
 * @param closes  the review rows a household's group ends with
 */
@TemplateData
public record MinutesHouseholds(List<Note> notes, Map<Integer, Integer> opens, Set<Integer> closes) {

    /** At most this many household notes are read back from a form (a forged form builds no more). */
    static final int MAX_NOTES = 30;
    private static final Pattern NOTE = Pattern.compile("^households\\[(\\d+)](.*)$");

    /** A household of the minutes: its id, heading, the note as typed (or recorded). */
    @TemplateData
    public record Note(String householdId, String label, String note) {
    }

    public static final MinutesHouseholds NONE = new MinutesHouseholds(List.of(), Map.of(), Set.of());

    /** The household whose heading comes before review row {@code row}, or null. */
    public Note opens(int row) {
        Integer n = opens.get(row);
        return n == null ? null : notes.get(n);
    }

    /** Its index in the form ({@code households[i].note}). */
    public int indexOf(Note note) {
        return notes.indexOf(note);
    }

    public boolean closes(int row) {
        return closes.contains(row);
    }

    /**
     * The groups for the form's review rows.
     *
     * @param meeting the meeting: {@code agenda[].householdId/householdLabel}, {@code reviews[].householdId},
     *                {@code households[]} (the notes recorded, when held)
     * @param rowCaseIds each review row's case id, in the form's order
     * @param typed   the notes as typed, by household id (none for a new form: then the recorded ones)
     */
    public static MinutesHouseholds of(JsonNode meeting, List<String> rowCaseIds, Map<String, String> typed) {
        Map<String, String> householdOf = new HashMap<>();
        Map<String, String> labels = new HashMap<>();
        for (String list : List.of("agenda", "reviews")) {
            for (JsonNode c : meeting.path(list)) {
                String h = c.path("householdId").asText("");
                if (h.isEmpty()) {
                    continue;
                }
                String caseId = c.path("caseId").asText();
                householdOf.putIfAbsent(caseId, h);
                if (!c.path("householdLabel").asText("").isBlank()) {
                    labels.putIfAbsent(h, c.path("householdLabel").asText());
                }
            }
        }
        Map<String, String> recorded = new HashMap<>();
        for (JsonNode h : meeting.path("households")) {
            String id = h.path("householdId").asText();
            recorded.put(id, h.path("note").asText(""));
            String label = h.path("label").asText(h.path("householdLabel").asText(""));
            if (!label.isBlank()) {
                labels.putIfAbsent(id, label);
            }
        }
        List<Note> notes = new ArrayList<>();
        Map<Integer, Integer> opens = new HashMap<>();
        Set<Integer> closes = new HashSet<>();
        Set<String> seen = new HashSet<>();
        String current = null; // the household whose group the rows are in
        for (int i = 0; i < rowCaseIds.size(); i++) {
            String h = householdOf.get(rowCaseIds.get(i));
            if (h == null || !h.equals(current) && seen.contains(h)) {
                current = null; // no household, or one whose group ended earlier: the row is shown on its own
                continue;
            }
            if (!h.equals(current)) {
                seen.add(h);
                current = h;
                opens.put(i, notes.size());
                notes.add(new Note(h, labels.getOrDefault(h, "世帯"),
                        typed.containsKey(h) ? typed.get(h) : recorded.getOrDefault(h, "")));
            }
            if (i + 1 == rowCaseIds.size() || !h.equals(householdOf.get(rowCaseIds.get(i + 1)))) {
                closes.add(i);
            }
        }
        return new MinutesHouseholds(notes, opens, closes);
    }

    /** The notes as the form sent them, by household id. */
    public static Map<String, String> typed(MultivaluedMap<String, String> form) {
        Map<String, String> typed = new LinkedHashMap<>();
        for (int i = 0; i < MAX_NOTES && form.containsKey("households[" + i + "].householdId"); i++) {
            typed.put(MinutesForm.one(form, "households[" + i + "].householdId"),
                    MinutesForm.one(form, "households[" + i + "].note"));
        }
        return typed;
    }

    /** Adds {@code households: [{householdId, note}]} for each note typed (none typed: nothing added). */
    public void addTo(ObjectNode request) {
        List<Note> sent = sent();
        if (sent.isEmpty()) {
            return;
        }
        ArrayNode households = request.putArray("households");
        sent.forEach(n -> households.addObject().put("householdId", n.householdId()).put("note", n.note().strip()));
    }

    private List<Note> sent() {
        return notes.stream().filter(n -> !n.note().isBlank()).toList();
    }

    /**
     * meeting-service's errors about {@code households[k]} of the request, on the form's note of that household
     * (notes left empty were not sent); others as they were.
     */
    public Map<String, String> onForm(Map<String, String> errors) {
        List<Note> sent = sent();
        Map<String, String> mapped = new LinkedHashMap<>();
        errors.forEach((field, message) -> {
            Matcher m = NOTE.matcher(field);
            String to = field;
            if (m.matches()) {
                int k = Integer.parseInt(m.group(1));
                to = k < sent.size() ? "households[" + notes.indexOf(sent.get(k)) + "].note" : "reviews";
            }
            mapped.merge(to, message, (a, b) -> a + "／" + b);
        });
        return mapped;
    }

    /** The notes' labels for the error summary: 世帯（R8-000001・R8-000007）の世帯としての検討. */
    public Map<String, String> labels() {
        Map<String, String> labels = new HashMap<>();
        for (int i = 0; i < notes.size(); i++) {
            labels.put("households[" + i + "].note", notes.get(i).label() + "の世帯としての検討");
        }
        return labels;
    }
}
