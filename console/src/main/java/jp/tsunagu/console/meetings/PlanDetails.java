package jp.tsunagu.console.meetings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Typed once (一度の入力で): a plan made or revised by a meeting's review (プラン作成・再プラン) gets the person's wish,
 * the goals, the review date and what each agency takes on (役割分担) as the minutes recorded them, without the
 * coordinator typing them again. planning-service makes the plan from the review's event, which carries no personal
 * text (events carry roles without their words), so the console copies the minutes' words into the plan with
 * planning's own operation for details a plan does not have yet ({@code PUT /plans/{planId}/details}; for a
 * household's plan, each member's wish and roles' words with {@code PUT /plans/{planId}/subjects/{caseId}}), with the
 * coordinator's token. This class decides, without calling
 * anything, which plan the review made and what it still lacks.
 */
public final class PlanDetails {

    private PlanDetails() {
    }

    /** Where a review's plan stands. */
    public sealed interface State {
        /** planning-service has not made the review's plan yet (its event is on the way). */
        record Waiting() implements State {
        }

        /** The plan has every detail the minutes give, or has moved on (a later 再プラン, closed): nothing to copy. */
        record Done(String planId) implements State {
        }

        /**
         * The plan lacks details the minutes give.
         *
         * @param details the body of {@code PUT /plans/{planId}/details} (goals, review date; for a person's plan her
         *                wish and roles too), empty when the plan has them
         * @param subject for a household's plan (世帯), the body of {@code PUT /plans/{planId}/subjects/{caseId}} for
         *                the review's member (her wish, tags and roles' words), empty when her subject has them
         */
        record Missing(String planId, ObjectNode details, ObjectNode subject) implements State {
            public Missing(String planId, ObjectNode details) {
                this(planId, details, details.objectNode());
            }
        }
    }

    /** Whether the review made or revised a plan and the minutes give any of its details. */
    public static boolean carriesDetails(JsonNode review) {
        String outcome = review.path("outcome").asText();
        return (outcome.equals("PLAN") || outcome.equals("REPLAN"))
                && (!MinutesForm.text(review, "wish").isBlank() || !review.path("goals").isEmpty()
                || !MinutesForm.text(review, "reviewOn").isBlank() || !review.path("roles").isEmpty());
    }

    /**
     * The review's plan among the case's plans ({@code GET /cases/{caseId}/plans}) and what it lacks. The plan is the
     * one of the review's type (多機関協働プラン when none is named) that this meeting adopted (its version 1) or whose
     * version planning wrote as this meeting's 再プラン (the version's reason names the meeting).
     */
    public static State of(ObjectMapper json, String meetingId, JsonNode review, JsonNode plans) {
        String type = review.path("planType").asText("MULTI_AGENCY");
        for (JsonNode plan : plans) {
            if (!plan.path("type").asText().equals(type)) {
                continue;
            }
            JsonNode made = null;
            for (JsonNode v : plan.path("versions")) {
                boolean adopted = v.path("version").asInt() == 1
                        && meetingId.equals(plan.path("adoptedAtMeetingId").asText());
                if (adopted || MinutesForm.text(v, "reason").contains(meetingId)) {
                    made = v;
                }
            }
            if (made == null) {
                continue;
            }
            String planId = plan.path("planId").asText();
            boolean current = made.path("version").asInt() == plan.path("currentVersion").asInt()
                    && !"CLOSED".equals(plan.path("status").asText());
            ObjectNode details = current ? lacking(json, review, made) : json.createObjectNode();
            ObjectNode subject = json.createObjectNode();
            if (plan.hasNonNull("householdId")) {
                // a household's plan (世帯): its version's wish and roles are the household's; this member's own go
                // to her subject (planning's PUT /plans/{planId}/subjects/{caseId}), never onto the household's
                details.remove("wish");
                details.remove("roles");
                JsonNode member = subjectOf(plan, review.path("caseId").asText());
                boolean hers = !MinutesForm.text(review, "wish").isBlank() || !review.path("roles").isEmpty();
                if (current && member.isMissingNode() && hers) {
                    return new State.Waiting(); // she joins the plan from her review's event, on its way
                }
                if (current) {
                    subject = lackingOfSubject(json, review, member);
                }
            }
            return details.isEmpty() && subject.isEmpty() ? new State.Done(planId)
                    : new State.Missing(planId, details, subject);
        }
        return new State.Waiting();
    }

    /** The minutes' details the plan's version has none of (planning refuses to overwrite one: that is a 再プラン). */
    private static ObjectNode lacking(ObjectMapper json, JsonNode review, JsonNode version) {
        ObjectNode body = json.createObjectNode();
        if (!MinutesForm.text(review, "wish").isBlank() && MinutesForm.text(version, "wish").isBlank()) {
            body.put("wish", review.path("wish").asText());
        }
        if (!review.path("goals").isEmpty() && version.path("goals").isEmpty()) {
            body.set("goals", review.path("goals").deepCopy());
        }
        if (!MinutesForm.text(review, "reviewOn").isBlank() && MinutesForm.text(version, "reviewOn").isBlank()) {
            body.put("reviewOn", review.path("reviewOn").asText());
        }
        if (!review.path("roles").isEmpty() && lacksWords(version.path("roles"))) {
            var roles = body.putArray("roles"); // planning's RoleRequest: the agency and what it takes on
            review.path("roles").forEach(r -> roles.addObject().put("agencyId", r.path("agencyId").asText())
                    .put("responsibility", r.path("responsibility").asText()));
        }
        return body;
    }

    /** The review's member among the household plan's subjects (as of its current version); missing if not one. */
    private static JsonNode subjectOf(JsonNode plan, String caseId) {
        for (JsonNode s : plan.path("subjects")) {
            if (caseId.equals(s.path("caseId").asText())) {
                return s;
            }
        }
        return MissingNode.getInstance();
    }

    /** The minutes' words of one member her subject has none of: her wish (and its tags) and her roles' words. */
    private static ObjectNode lackingOfSubject(ObjectMapper json, JsonNode review, JsonNode subject) {
        ObjectNode body = json.createObjectNode();
        if (!MinutesForm.text(review, "wish").isBlank() && MinutesForm.text(subject, "wish").isBlank()) {
            body.put("wish", review.path("wish").asText());
            if (!review.path("wishTags").isEmpty() && subject.path("wishTags").isEmpty()) {
                body.set("wishTags", review.path("wishTags").deepCopy());
            }
        }
        if (!review.path("roles").isEmpty() && lacksWords(subject.path("roles"))) {
            var roles = body.putArray("roles");
            review.path("roles").forEach(r -> roles.addObject().put("agencyId", r.path("agencyId").asText())
                    .put("responsibility", r.path("responsibility").asText()));
        }
        return body;
    }

    /**
     * Whether the version's roles lack words: it has none, or a review's event named their agencies only (events carry
     * no words). Planning takes the minutes' roles then, for the same agencies, and never overwrites words it has.
     */
    private static boolean lacksWords(JsonNode roles) {
        if (roles.isEmpty()) {
            return true;
        }
        for (JsonNode role : roles) {
            if (MinutesForm.text(role, "responsibility").isBlank()) {
                return true;
            }
        }
        return false;
    }
}
