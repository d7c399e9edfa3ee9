package jp.tsunagu.console.refer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.qute.TemplateData;
import jakarta.ws.rs.core.MultivaluedMap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The 紹介 form as an office fills it, field names the same as intake-service's (so its problem document's fields
 * name the inputs). The console judges nothing: every value goes to intake as typed, which says what is wrong.
 *
 * @param idempotencyKey one per form shown: a double click or a reload sends the same key, and intake makes one case
 * @param household      always {@link #ROWS} rows; empty rows are not sent
 */
@TemplateData
public record ReferralForm(String idempotencyKey, String receivedOn, String channel, String name, String nameKana,
                           String birthDate, String age, String address, String area, String phone,
                           List<Member> household, Set<String> concerns, String consent, String urgency,
                           boolean hardToReach, String summary) {

    /** Household rows on the form (intake takes up to 20; more can be added with the API). */
    public static final int ROWS = 3;

    private static final Pattern MEMBER_FIELD = Pattern.compile("^household\\[(\\d+)](.*)$");

    /**
     * A household member as typed. The name, kana and birth date are optional: intake seals them with the person's
     * data and matches them against other cases' people for 世帯候補; they never travel in an event.
     */
    @TemplateData
    public record Member(String relation, String age, Set<String> concerns, String name, String nameKana,
                         String birthDate) {
        static final Member EMPTY = new Member("", "", Set.of(), "", "", "");

        boolean isEmpty() {
            return relation.isBlank() && age.isBlank() && concerns.isEmpty() && name.isBlank() && nameKana.isBlank()
                    && birthDate.isBlank();
        }
    }

    public static ReferralForm blank(String idempotencyKey, String today) {
        List<Member> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            rows.add(Member.EMPTY);
        }
        return new ReferralForm(idempotencyKey, today, "AGENCY", "", "", "", "", "", "", "", rows, Set.of(),
                "UNKNOWN", "ROUTINE", false, "");
    }

    public static ReferralForm from(MultivaluedMap<String, String> form) {
        List<Member> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            String p = "household[" + i + "].";
            rows.add(new Member(one(form, p + "relation"), one(form, p + "age"), many(form, p + "concerns"),
                    one(form, p + "name"), one(form, p + "nameKana"), one(form, p + "birthDate")));
        }
        return new ReferralForm(one(form, "idempotencyKey"), one(form, "receivedOn"), one(form, "channel"),
                one(form, "person.name"), one(form, "person.nameKana"), one(form, "person.birthDate"),
                one(form, "person.age"), one(form, "person.address"), one(form, "person.area"),
                one(form, "person.phone"), rows, many(form, "concerns"), one(form, "consent"), one(form, "urgency"),
                "true".equals(one(form, "hardToReach")), one(form, "summary"));
    }

    /** The body of {@code POST /referrals}. */
    public ObjectNode toRequest(ObjectMapper json) {
        ObjectNode body = json.createObjectNode();
        text(body, "receivedOn", receivedOn);
        text(body, "channel", channel);
        ObjectNode person = body.putObject("person");
        text(person, "name", name);
        text(person, "nameKana", nameKana);
        text(person, "birthDate", birthDate);
        number(person, "age", age);
        text(person, "address", address);
        text(person, "area", area);
        text(person, "phone", phone);
        ArrayNode members = body.putArray("household");
        for (Member m : household) {
            if (!m.isEmpty()) {
                ObjectNode member = members.addObject();
                text(member, "relation", m.relation());
                text(member, "name", m.name());
                text(member, "nameKana", m.nameKana());
                text(member, "birthDate", m.birthDate());
                number(member, "age", m.age());
                m.concerns().forEach(member.putArray("concerns")::add);
            }
        }
        concerns.forEach(body.putArray("concerns")::add);
        text(body, "consent", consent);
        text(body, "urgency", urgency);
        body.put("hardToReach", hardToReach);
        text(body, "summary", summary);
        return body;
    }

    /**
     * Intake's field errors with the household's indexes turned back into the form's rows (empty rows were not sent,
     * so intake's {@code household[0]} may be the form's second row).
     */
    public Map<String, String> onForm(Map<String, String> serviceErrors) {
        List<Integer> sentRows = new ArrayList<>();
        for (int i = 0; i < household.size(); i++) {
            if (!household.get(i).isEmpty()) {
                sentRows.add(i);
            }
        }
        Map<String, String> errors = new LinkedHashMap<>();
        serviceErrors.forEach((field, message) -> {
            Matcher m = MEMBER_FIELD.matcher(field);
            String onForm = field;
            if (m.matches()) {
                int sent = Integer.parseInt(m.group(1));
                onForm = sent < sentRows.size() ? "household[" + sentRows.get(sent) + "]" + m.group(2) : "household";
            }
            errors.merge(onForm, message, (a, b) -> a + "／" + b);
        });
        return errors;
    }

    /** An age as a number when it is one (全角 digits too); otherwise as typed, for intake to name. */
    private static void number(ObjectNode node, String name, String value) {
        if (value.isBlank()) {
            return;
        }
        try {
            node.put(name, Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            node.put(name, value);
        }
    }

    private static void text(ObjectNode node, String name, String value) {
        if (!value.isBlank()) {
            node.put(name, value);
        }
    }

    private static String one(MultivaluedMap<String, String> form, String name) {
        String v = form.getFirst(name);
        return v == null ? "" : v;
    }

    private static Set<String> many(MultivaluedMap<String, String> form, String name) {
        List<String> v = form.get(name);
        return v == null ? Set.of() : new TreeSet<>(v);
    }
}
