package jp.tsunagu.console.meetings;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.qute.TemplateData;
import jakarta.ws.rs.core.MultivaluedMap;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static jp.tsunagu.console.meetings.MinutesForm.one;
import static jp.tsunagu.console.meetings.MinutesForm.text;

/**
 * 臨時の会議を設定する: an ad-hoc meeting as the coordinator schedules it (type, day, time, place, the agencies
 * invited, the waiting cases it discusses), field names as meeting-service's {@code POST /meetings}.
 *
 * @param idempotencyKey one per form shown: a double click or a resend schedules one meeting
 */
@TemplateData
public record NewMeetingForm(String idempotencyKey, String type, String scheduledOn, String startsAt, String endsAt,
                             String place, Set<String> members, List<String> cases) {

    private static final Pattern LISTED = Pattern.compile("^(members|cases)\\[(\\d+)]$");

    public static NewMeetingForm blank(String idempotencyKey) {
        return new NewMeetingForm(idempotencyKey, "JUUSOU_SHIEN_KAIGI", "", "", "", "", Set.of(), List.of());
    }

    public static NewMeetingForm from(MultivaluedMap<String, String> form) {
        List<String> members = form.get("members");
        List<String> cases = form.get("cases");
        return new NewMeetingForm(one(form, "idempotencyKey"), one(form, "type"), one(form, "scheduledOn"),
                one(form, "startsAt"), one(form, "endsAt"), one(form, "place"),
                members == null ? Set.of() : new TreeSet<>(members),
                cases == null ? List.of() : cases.stream().distinct().toList());
    }

    /** The body of {@code POST /meetings}. */
    public ObjectNode toRequest(ObjectMapper json) {
        ObjectNode body = json.createObjectNode();
        text(body, "type", type);
        text(body, "scheduledOn", scheduledOn);
        text(body, "startsAt", startsAt);
        text(body, "endsAt", endsAt);
        text(body, "place", place);
        members.forEach(body.putArray("members")::add);
        cases.forEach(body.putArray("cases")::add);
        return body;
    }

    /**
     * meeting-service's errors on the form: an agency or a case of the lists is about the list's box (checkboxes have
     * no row of their own to stand beside), saying which one.
     *
     * @param names the agency's name or the case's 受付番号 by id
     */
    public Map<String, String> onForm(Map<String, String> serviceErrors, Map<String, String> names) {
        List<String> sentMembers = List.copyOf(members);
        Map<String, String> errors = new LinkedHashMap<>();
        serviceErrors.forEach((field, message) -> {
            Matcher m = LISTED.matcher(field);
            String onForm = field;
            String said = message;
            if (m.matches()) {
                onForm = m.group(1);
                List<String> sent = m.group(1).equals("members") ? sentMembers : cases;
                int i = Integer.parseInt(m.group(2));
                if (i < sent.size()) {
                    said = names.getOrDefault(sent.get(i), sent.get(i)) + "：" + message;
                }
            }
            errors.merge(onForm, said, (a, b) -> a + "／" + b);
        });
        return errors;
    }
}
