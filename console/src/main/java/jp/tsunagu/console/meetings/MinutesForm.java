package jp.tsunagu.console.meetings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.qute.TemplateData;
import jakarta.ws.rs.core.MultivaluedMap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The minutes (議事録) as the coordinator types them, field names the same as meeting-service's request (so its
 * problem document's fields name the inputs). Rows are as many as the form sent, plus any asked for with 行を追加;
 * an empty row is not sent. The console judges nothing: every value goes to meeting-service as typed, which says
 * what is wrong and what a meeting may decide.
 *
 * @param attendees who attended: people, each with her agency
 * @param reviews   the cases discussed, in the order discussed
 */
@TemplateData
public record MinutesForm(String heldOn, String startTime, String endTime, String place, String chair, String notes,
                          List<Attendee> attendees, List<Review> reviews) {

    /** Blank attendee rows a new form shows (more with 行を追加). */
    static final int ATTENDEE_ROWS = 4;
    /** Blank role rows a review shows (more with 行を追加). */
    static final int ROLE_ROWS = 2;
    /** Rows read from one form at most: a forged form cannot make the page build thousands. */
    static final int MAX_ROWS = 60;

    private static final Pattern ROW = Pattern.compile("^(attendees|reviews)\\[(\\d+)](.*)$");
    private static final Pattern ROLE = Pattern.compile("^\\.roles\\[(\\d+)](.*)$");
    private static final Pattern GOAL = Pattern.compile("^\\.goals\\[\\d+]$");

    /**
     * A person who attended (出席者) and her agency, or her organisation when it is no agency of the directory (the
     * city's own 担当課, say).
     */
    @TemplateData
    public record Attendee(String name, String agencyId, String organisation) {
        public boolean isEmpty() {
            return name.isBlank() && agencyId.isBlank() && organisation.isBlank();
        }

        Attendee stripped() {
            return new Attendee(name.strip(), agencyId.strip(), organisation.strip());
        }
    }

    /** A role the meeting gave an agency in the plan (役割分担): the agency and what it does. */
    @TemplateData
    public record Role(String agencyId, String responsibility) {
        public boolean isEmpty() {
            return agencyId.isBlank() && responsibility.isBlank();
        }
    }

    /**
     * One case discussed.
     *
     * @param caseId     a case on the agenda (chosen from a list)
     * @param caseNumber the 受付番号 of a case not on the agenda, typed (the page finds its case id)
     * @param goals      the goals (目標), one a line
     * @param reason     why a case not on the agenda was discussed (ad hoc)
     */
    @TemplateData
    public record Review(String caseId, String caseNumber, String outcome, String planType, List<Role> roles,
                         String wish, String goals, String reviewOn, String note, String reason) {

        /** Nothing typed but the case the form put in: not discussed, so not sent (it waits for a next meeting). */
        public boolean isEmpty() {
            return caseNumber.isBlank() && outcome.isBlank() && planType.isBlank()
                    && roles.stream().allMatch(Role::isEmpty) && wish.isBlank() && goals.isBlank()
                    && reviewOn.isBlank() && note.isBlank() && reason.isBlank();
        }

        public List<String> goalList() {
            return Arrays.stream(goals.split("\\R")).map(String::strip).filter(g -> !g.isEmpty()).toList();
        }

        List<Role> sentRoles() {
            return roles.stream().filter(r -> !r.isEmpty()).toList();
        }

        Review withRoles(List<Role> rows) {
            return new Review(caseId, caseNumber, outcome, planType, rows, wish, goals, reviewOn, note, reason);
        }
    }

    /** A new form for a meeting: the scheduled date, time and place; a row for each case on its agenda and one more. */
    public static MinutesForm blank(String scheduledOn, String startsAt, String endsAt, String place,
                                    List<String> agendaCaseIds) {
        List<Review> reviews = new ArrayList<>();
        agendaCaseIds.forEach(id -> reviews.add(blankReview(id)));
        reviews.add(blankReview(""));
        return new MinutesForm(scheduledOn, startsAt, endsAt, place, "", "", blankAttendees(ATTENDEE_ROWS), reviews);
    }

    static Review blankReview(String caseId) {
        List<Role> roles = new ArrayList<>();
        for (int i = 0; i < ROLE_ROWS; i++) {
            roles.add(new Role("", ""));
        }
        return new Review(caseId, "", "", "", roles, "", "", "", "", "");
    }

    private static List<Attendee> blankAttendees(int n) {
        List<Attendee> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new Attendee("", "", ""));
        }
        return rows;
    }

    /** The form as sent, rows as many as it had. */
    public static MinutesForm from(MultivaluedMap<String, String> form) {
        int attendeeRows = rows(form, "attendees[", "");
        List<Attendee> attendees = new ArrayList<>();
        for (int i = 0; i < attendeeRows; i++) {
            String p = "attendees[" + i + "].";
            attendees.add(new Attendee(one(form, p + "name"), one(form, p + "agencyId"), one(form, p + "organisation")));
        }
        int reviewRows = rows(form, "reviews[", "");
        List<Review> reviews = new ArrayList<>();
        for (int i = 0; i < reviewRows; i++) {
            String p = "reviews[" + i + "]";
            int roleRows = rows(form, p + ".roles[", p);
            List<Role> roles = new ArrayList<>();
            for (int j = 0; j < roleRows; j++) {
                String r = p + ".roles[" + j + "].";
                roles.add(new Role(one(form, r + "agencyId"), one(form, r + "responsibility")));
            }
            reviews.add(new Review(one(form, p + ".caseId"), one(form, p + ".caseNumber"), one(form, p + ".outcome"),
                    one(form, p + ".planType"), roles, one(form, p + ".wish"), one(form, p + ".goals"),
                    one(form, p + ".reviewOn"), one(form, p + ".note"), one(form, p + ".reason")));
        }
        return new MinutesForm(one(form, "heldOn"), one(form, "startTime"), one(form, "endTime"), one(form, "place"),
                one(form, "chair"), one(form, "notes"), attendees, reviews);
    }

    /**
     * The same form with the rows 行を追加 asked for: {@code attendees}, {@code reviews} or {@code reviews[2].roles}
     * (anything else adds nothing).
     */
    public MinutesForm withRowAdded(String what) {
        if ("attendees".equals(what) && attendees.size() < MAX_ROWS) {
            List<Attendee> rows = new ArrayList<>(attendees);
            rows.addAll(blankAttendees(2));
            return new MinutesForm(heldOn, startTime, endTime, place, chair, notes, rows, reviews);
        }
        if ("reviews".equals(what) && reviews.size() < MAX_ROWS) {
            List<Review> rows = new ArrayList<>(reviews);
            rows.add(blankReview(""));
            return new MinutesForm(heldOn, startTime, endTime, place, chair, notes, attendees, rows);
        }
        Matcher m = Pattern.compile("^reviews\\[(\\d+)]\\.roles$").matcher(what == null ? "" : what);
        if (m.matches() && Integer.parseInt(m.group(1)) < reviews.size()) {
            int i = Integer.parseInt(m.group(1));
            List<Review> rows = new ArrayList<>(reviews);
            List<Role> roles = new ArrayList<>(rows.get(i).roles());
            if (roles.size() < MAX_ROWS) {
                roles.add(new Role("", ""));
            }
            rows.set(i, rows.get(i).withRoles(roles));
            return new MinutesForm(heldOn, startTime, endTime, place, chair, notes, attendees, rows);
        }
        return this;
    }

    /** The id of the first input of the row {@link #withRowAdded} adds, for the page to put the focus there. */
    public String firstOfAddedRow(String what) {
        if ("attendees".equals(what)) {
            return "f-attendees-" + attendees.size() + "-name";
        }
        if ("reviews".equals(what)) {
            return "f-reviews-" + reviews.size() + "-caseId";
        }
        Matcher m = Pattern.compile("^reviews\\[(\\d+)]\\.roles$").matcher(what == null ? "" : what);
        if (m.matches() && Integer.parseInt(m.group(1)) < reviews.size()) {
            int i = Integer.parseInt(m.group(1));
            return "f-reviews-" + i + "-roles-" + reviews.get(i).roles().size() + "-agencyId";
        }
        return null;
    }

    /**
     * The body of {@code POST /meetings/{id}/minutes}.
     *
     * @param caseIds the case id of each 受付番号 typed for a case not on the agenda (those found)
     */
    public ObjectNode toRequest(ObjectMapper json, Map<String, String> caseIds) {
        ObjectNode body = json.createObjectNode();
        text(body, "heldOn", heldOn);
        details(body, startTime, endTime, place, chair, notes);
        attendees(body.putArray("attendees"), sentAttendees());
        ArrayNode sent = body.putArray("reviews");
        for (Review r : sentReviews()) {
            ObjectNode review = sent.addObject();
            String caseId = r.caseNumber().isBlank() ? r.caseId() : caseIds.getOrDefault(r.caseNumber().strip(), "");
            text(review, "caseId", caseId);
            text(review, "outcome", r.outcome());
            text(review, "planType", r.planType());
            roles(review.putArray("roles"), r.sentRoles());
            text(review, "wish", r.wish());
            if (!r.goalList().isEmpty()) {
                r.goalList().forEach(review.putArray("goals")::add);
            }
            text(review, "reviewOn", r.reviewOn());
            text(review, "note", r.note());
            text(review, "reason", r.reason());
        }
        return body;
    }

    /** The inputs' labels as the form shows them, for the error summary (a review named by its 受付番号). */
    public Map<String, String> labels(Map<String, String> caseNumbers) {
        Map<String, String> labels = new java.util.HashMap<>(Map.of("heldOn", "開催日", "startTime", "開始時刻",
                "endTime", "終了時刻", "place", "会場", "chair", "司会・進行", "notes", "全体の記録",
                "attendees", "出席者", "reviews", "検討した案件", "reason", "訂正の理由"));
        for (int i = 0; i < attendees.size(); i++) {
            labels.put("attendees[" + i + "].name", "出席者" + (i + 1) + "の氏名");
            labels.put("attendees[" + i + "].agencyId", "出席者" + (i + 1) + "の所属機関");
            labels.put("attendees[" + i + "].organisation", "出席者" + (i + 1) + "の所属（一覧にない場合）");
        }
        for (int i = 0; i < reviews.size(); i++) {
            Review r = reviews.get(i);
            String number = r.caseNumber().isBlank() ? caseNumbers.getOrDefault(r.caseId(), "") : r.caseNumber();
            String p = "検討" + (i + 1) + "件目" + (number.isBlank() ? "" : "（" + number.strip() + "）") + "の";
            String f = "reviews[" + i + "].";
            Map.of("caseId", "案件", "caseNumber", "受付番号", "outcome", "結果", "planType", "プランの種類",
                    "wish", "本人の希望", "goals", "目標", "reviewOn", "見直し日", "note", "記録",
                    "reason", "議題外で検討した理由").forEach((name, label) -> labels.put(f + name, p + label));
            for (int j = 0; j < r.roles().size(); j++) {
                labels.put(f + "roles[" + j + "].agencyId", p + "役割" + (j + 1) + "の機関");
                labels.put(f + "roles[" + j + "].responsibility", p + "役割" + (j + 1) + "の内容");
            }
        }
        return labels;
    }

    List<Attendee> sentAttendees() {
        return attendees.stream().filter(a -> !a.isEmpty()).toList();
    }

    List<Review> sentReviews() {
        return reviews.stream().filter(r -> !r.isEmpty()).toList();
    }

    /**
     * meeting-service's field errors turned back into the form's rows (empty rows were not sent, so its
     * {@code reviews[0]} may be the form's second row); a goal's error is about the goals' box.
     */
    public Map<String, String> onForm(Map<String, String> serviceErrors) {
        List<Integer> attendeeRows = sentRows(attendees.stream().map(Attendee::isEmpty).toList());
        List<Integer> reviewRows = sentRows(reviews.stream().map(Review::isEmpty).toList());
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        serviceErrors.forEach((field, message) -> errors.merge(formField(field, attendeeRows, reviewRows), message,
                (a, b) -> a + "／" + b));
        return errors;
    }

    private String formField(String field, List<Integer> attendeeRows, List<Integer> reviewRows) {
        Matcher m = ROW.matcher(field);
        if (!m.matches()) {
            return field;
        }
        int sent = Integer.parseInt(m.group(2));
        String rest = m.group(3);
        if (m.group(1).equals("attendees")) {
            return sent < attendeeRows.size()
                    ? "attendees[" + attendeeRows.get(sent) + "]" + (rest.isEmpty() ? ".agencyId" : rest)
                    : "attendees";
        }
        if (sent >= reviewRows.size()) {
            return "reviews";
        }
        int row = reviewRows.get(sent);
        Matcher role = ROLE.matcher(rest);
        if (role.matches()) {
            List<Integer> roleRows = sentRows(reviews.get(row).roles().stream().map(Role::isEmpty).toList());
            int r = Integer.parseInt(role.group(1));
            return "reviews[" + row + "]" + (r < roleRows.size()
                    ? ".roles[" + roleRows.get(r) + "]" + (role.group(2).isEmpty() ? ".agencyId" : role.group(2))
                    : ".roles[0].agencyId");
        }
        if (GOAL.matcher(rest).matches()) {
            return "reviews[" + row + "].goals";
        }
        if (rest.equals(".caseId") && !reviews.get(row).caseNumber().isBlank()) {
            return "reviews[" + row + "].caseNumber";
        }
        return "reviews[" + row + "]" + (rest.isEmpty() ? ".caseId" : rest);
    }

    static void details(ObjectNode body, String startTime, String endTime, String place, String chair,
                        String notes) {
        text(body, "startTime", startTime);
        text(body, "endTime", endTime);
        text(body, "place", place);
        text(body, "chair", chair);
        text(body, "notes", notes);
    }

    static void attendees(ArrayNode array, List<Attendee> people) {
        for (Attendee a : people) {
            ObjectNode person = array.addObject();
            text(person, "name", a.name());
            text(person, "agencyId", a.agencyId());
            text(person, "organisation", a.organisation());
        }
    }

    static void roles(ArrayNode array, List<Role> roles) {
        for (Role r : roles) {
            ObjectNode role = array.addObject();
            text(role, "agencyId", r.agencyId());
            text(role, "responsibility", r.responsibility());
        }
    }

    private static List<Integer> sentRows(List<Boolean> empty) {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < empty.size(); i++) {
            if (!empty.get(i)) {
                rows.add(i);
            }
        }
        return rows;
    }

    /** How many rows of {@code prefix[i]…} the form has (bounded), only keys under {@code within}. */
    private static int rows(MultivaluedMap<String, String> form, String prefix, String within) {
        int n = 0;
        for (String key : form.keySet()) {
            if (key.startsWith(prefix) && key.startsWith(within)) {
                int end = key.indexOf(']', prefix.length());
                try {
                    n = Math.max(n, Integer.parseInt(key.substring(prefix.length(), end)) + 1);
                } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
                    // not a row of ours
                }
            }
        }
        return Math.min(n, MAX_ROWS);
    }

    static void text(ObjectNode node, String name, String value) {
        if (value != null && !value.isBlank()) {
            node.put(name, value.strip());
        }
    }

    static String one(MultivaluedMap<String, String> form, String name) {
        String v = form.getFirst(name);
        return v == null ? "" : v;
    }

    /** A review's text field of a service's answer, or "" (the services leave out empty fields). */
    static String text(JsonNode node, String name) {
        JsonNode v = node.path(name);
        return v.isMissingNode() || v.isNull() ? "" : v.asText();
    }
}
