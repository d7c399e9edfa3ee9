package jp.tsunagu.console.meetings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static jp.tsunagu.console.meetings.MinutesForm.text;

/**
 * A correction of the minutes (議事録の訂正) as the coordinator makes it: the form is filled with the minutes as they
 * stand, she changes what was wrong, and only what she changed is sent with her reason (meeting-service keeps what a
 * correction does not name, and decides what may be corrected).
 */
public final class Amendment {

    private static final Pattern REVIEW = Pattern.compile("^reviews\\[(\\d+)](.*)$");

    private Amendment() {
    }

    /** The minutes as meeting-service answers them ({@code GET /meetings/{id}}), as the form shows them. */
    public static MinutesForm current(JsonNode meeting) {
        JsonNode held = meeting.path("held");
        List<MinutesForm.Attendee> attendees = new ArrayList<>();
        for (JsonNode a : meeting.path("attendees")) {
            // people with their agencies; minutes recorded before that name agencies only
            attendees.add(a.isTextual() ? new MinutesForm.Attendee("", a.asText(), "")
                    : new MinutesForm.Attendee(text(a, "name"), text(a, "agencyId"), text(a, "organisation")));
        }
        attendees.add(new MinutesForm.Attendee("", "", ""));
        List<MinutesForm.Review> reviews = new ArrayList<>();
        for (JsonNode r : meeting.path("reviews")) {
            List<MinutesForm.Role> roles = new ArrayList<>();
            for (JsonNode role : r.path("roles")) {
                roles.add(new MinutesForm.Role(text(role, "agencyId"), text(role, "responsibility")));
            }
            roles.add(new MinutesForm.Role("", ""));
            List<String> goals = new ArrayList<>();
            r.path("goals").forEach(g -> goals.add(g.asText()));
            reviews.add(new MinutesForm.Review(text(r, "caseId"), "", text(r, "outcome"), text(r, "planType"), roles,
                    text(r, "wish"), String.join("\n", goals), text(r, "reviewOn"), text(r, "note"),
                    text(r, "adHocReason")));
        }
        return new MinutesForm(text(meeting, "heldOn"), clock(text(held, "startTime")), clock(text(held, "endTime")),
                text(held, "place"), text(held, "chair"), text(held, "notes"), attendees, reviews);
    }

    /**
     * The body of {@code POST /meetings/{id}/minutes/amendments}: the reason and what differs from the minutes as they
     * stand; a review by its case, with only its fields that changed. The rows are the same reviews in the same order
     * (the correction form lets her change them, not add or remove cases).
     */
    public static ObjectNode request(ObjectMapper json, MinutesForm current, MinutesForm edited, String reason) {
        ObjectNode body = json.createObjectNode();
        text(body, "reason", reason);
        changed(body, "startTime", current.startTime(), edited.startTime());
        changed(body, "endTime", current.endTime(), edited.endTime());
        changed(body, "place", current.place(), edited.place());
        changed(body, "chair", current.chair(), edited.chair());
        changed(body, "notes", current.notes(), edited.notes());
        if (!current.sentAttendees().stream().map(MinutesForm.Attendee::stripped).toList()
                .equals(edited.sentAttendees().stream().map(MinutesForm.Attendee::stripped).toList())) {
            MinutesForm.attendees(body.putArray("attendees"), edited.sentAttendees());
        }
        ArrayNode reviews = json.createArrayNode();
        for (int i = 0; i < Math.min(current.reviews().size(), edited.reviews().size()); i++) {
            MinutesForm.Review before = current.reviews().get(i);
            MinutesForm.Review after = edited.reviews().get(i);
            ObjectNode review = json.createObjectNode();
            changed(review, "outcome", before.outcome(), after.outcome());
            changed(review, "planType", before.planType(), after.planType());
            if (!roles(before).equals(roles(after))) {
                MinutesForm.roles(review.putArray("roles"), after.sentRoles());
            }
            changed(review, "wish", before.wish(), after.wish());
            if (!before.goalList().equals(after.goalList())) {
                after.goalList().forEach(review.putArray("goals")::add);
            }
            changed(review, "reviewOn", before.reviewOn(), after.reviewOn());
            changed(review, "note", before.note(), after.note());
            if (!review.isEmpty()) {
                reviews.add(json.createObjectNode().put("caseId", before.caseId()).setAll(review));
            }
        }
        if (!reviews.isEmpty()) {
            body.set("reviews", reviews);
        }
        return body;
    }

    /**
     * meeting-service's field errors on the correction form: its {@code reviews[k]} is the k-th review it was sent,
     * which is the form's row of that case.
     */
    public static Map<String, String> onForm(ObjectNode sent, MinutesForm edited,
                                                       Map<String, String> serviceErrors) {
        List<String> sentCases = new ArrayList<>();
        sent.path("reviews").forEach(r -> sentCases.add(r.path("caseId").asText()));
        Map<String, String> errors = new LinkedHashMap<>();
        serviceErrors.forEach((field, message) -> {
            String onForm = field;
            Matcher m = REVIEW.matcher(field);
            if (m.matches() && Integer.parseInt(m.group(1)) < sentCases.size()) {
                String caseId = sentCases.get(Integer.parseInt(m.group(1)));
                for (int i = 0; i < edited.reviews().size(); i++) {
                    if (edited.reviews().get(i).caseId().equals(caseId)) {
                        onForm = "reviews[" + i + "]" + m.group(2).replaceAll("^\\.goals\\[\\d+]$", ".goals");
                    }
                }
            } else if (field.startsWith("attendees[")) {
                onForm = edited.onForm(Map.of(field, message)).keySet().iterator().next();
            }
            errors.merge(onForm, message, (a, b) -> a + "／" + b);
        });
        return errors;
    }

    /** {@code 14:00:00} → {@code 14:00}: the form's time input holds minutes only. */
    static String clock(String time) {
        return time.length() > 5 ? time.substring(0, 5) : time;
    }

    private static void changed(ObjectNode node, String name, String before, String after) {
        if (!Objects.equals(before.strip(), after.strip())) {
            node.put(name, after.strip()); // emptied is sent as empty, for meeting-service to say whether it may be
        }
    }

    private static List<MinutesForm.Role> roles(MinutesForm.Review r) {
        return r.sentRoles().stream().map(x -> new MinutesForm.Role(x.agencyId().strip(), x.responsibility().strip()))
                .toList();
    }
}
