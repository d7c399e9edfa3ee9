package jp.tsunagu.console.plans;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.qute.TemplateData;
import jakarta.ws.rs.core.MultivaluedMap;

import java.util.HashMap;
import java.util.Map;

import static jp.tsunagu.console.plans.PlanForm.one;

/**
 * The plan page's smaller forms as typed, with planning's field names: 終結, a placement (参加支援のマッチング) and a
 * follow-up (定着支援). Each is sent as typed; planning says what is wrong.
 */
public final class PlanForms {

    private PlanForms() {
    }

    /** The inputs' labels as the page shows them, for the error summary (role rows as 機関（2）, 役割（2）). */
    static final Map<String, String> LABELS = labels();

    private static Map<String, String> labels() {
        Map<String, String> labels = new HashMap<>(Map.ofEntries(Map.entry("madeOn", "再プランの日"),
                Map.entry("reason", "理由"), Map.entry("wish", "本人の希望"), Map.entry("wishTags", "希望のタグ"),
                Map.entry("goals", "目標"), Map.entry("roles", "役割"), Map.entry("reviewOn", "見直し日"),
                Map.entry("closedOn", "終結日"), Map.entry("resourceId", "参加先"), Map.entry("placedOn", "参加開始日"),
                Map.entry("side", "相手"), Map.entry("on", "実施日"), Map.entry("note", "記録")));
        for (int i = 0; i < PlanForm.MAX_ROLE_ROWS; i++) {
            labels.put("roles[" + i + "].agencyId", "機関（" + (i + 1) + "）");
            labels.put("roles[" + i + "].responsibility", "役割（" + (i + 1) + "）");
        }
        return Map.copyOf(labels);
    }

    /** 終結: the day and why. */
    @TemplateData
    public record Closure(String closedOn, String reason) {

        static Closure from(MultivaluedMap<String, String> form) {
            return new Closure(one(form, "closedOn"), one(form, "reason"));
        }

        ObjectNode request(ObjectMapper json) {
            ObjectNode body = json.createObjectNode();
            text(body, "closedOn", closedOn);
            text(body, "reason", reason);
            return body;
        }
    }

    /** A placement: the resource chosen among the suggestions and the day the person starts there. */
    @TemplateData
    public record Placement(String idempotencyKey, String resourceId, String placedOn) {

        static Placement from(MultivaluedMap<String, String> form) {
            return new Placement(one(form, "idempotencyKey"), one(form, "resourceId"), one(form, "placedOn"));
        }

        ObjectNode request(ObjectMapper json) {
            ObjectNode body = json.createObjectNode();
            text(body, "resourceId", resourceId);
            text(body, "placedOn", placedOn);
            return body;
        }
    }

    /**
     * A follow-up of one placement.
     *
     * @param side PERSON (本人) or HOST (受け入れ先)
     */
    @TemplateData
    public record FollowUp(String idempotencyKey, String placementId, String side, String on, String note) {

        static FollowUp from(String placementId, MultivaluedMap<String, String> form) {
            return new FollowUp(one(form, "idempotencyKey"), placementId, one(form, "side"), one(form, "on"),
                    one(form, "note"));
        }

        ObjectNode request(ObjectMapper json) {
            ObjectNode body = json.createObjectNode();
            text(body, "side", side);
            text(body, "on", on);
            text(body, "note", note);
            return body;
        }
    }

    private static void text(ObjectNode node, String name, String value) {
        if (value != null && !value.isBlank()) {
            node.put(name, value.strip());
        }
    }
}
