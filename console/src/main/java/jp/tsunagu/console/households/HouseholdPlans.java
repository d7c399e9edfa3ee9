package jp.tsunagu.console.households;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quarkus.qute.TemplateData;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The household page's プラン from planning's {@code GET /households/{id}/plans}: each plan's type and status as
 * planning names them, its subjects by 受付番号 (from intake's view of the household) and its roles (機関 and, where
 * given, what it does), the household-wide ones and each member's. It only reads what planning sent; which plans and
 * roles the reader may see is planning's to decide.
 */
public final class HouseholdPlans {

    private HouseholdPlans() {
    }

    /**
     * One plan as the page lists it.
     *
     * @param subjects the subjects' 受付番号 joined by ・ (a case the household view does not number is left out)
     * @param roles    「機関名：役割」 or just the agency, each once
     */
    @TemplateData
    public record Row(String planId, String typeLabel, boolean open, String subjects, List<String> roles) {
        /** 実施中 / 終結 (planning's ACTIVE / CLOSED). */
        public String statusLabel() {
            return open ? "実施中" : "終結";
        }
    }

    /**
     * The rows, in planning's order.
     *
     * @param plans       planning's answer (a list of PlanView)
     * @param household   intake's household view (its members' 受付番号)
     * @param agencyNames agency names by id, from the municipality's directory
     */
    public static List<Row> of(JsonNode plans, JsonNode household, Map<String, String> agencyNames) {
        Map<String, String> numbers = HouseholdScreen.caseNumbers(household);
        List<Row> rows = new ArrayList<>();
        for (JsonNode plan : plans) {
            List<String> subjects = new ArrayList<>();
            Set<String> roles = new LinkedHashSet<>();
            plan.path("householdRoles").forEach(r -> roles.add(role(r, agencyNames)));
            for (JsonNode s : subjects(plan)) {
                String number = numbers.get(s.path("caseId").asText());
                if (number != null) {
                    subjects.add(number);
                }
                s.path("roles").forEach(r -> roles.add(role(r, agencyNames)));
            }
            rows.add(new Row(plan.path("planId").asText(), plan.path("typeLabel").asText("プラン"),
                    !"CLOSED".equals(plan.path("status").asText()), String.join("・", subjects),
                    List.copyOf(roles)));
        }
        return rows;
    }

    /** A plan's subjects; a person's plan written before subjects existed names its one case. */
    private static JsonNode subjects(JsonNode plan) {
        if (plan.path("subjects").isArray() && !plan.path("subjects").isEmpty()) {
            return plan.path("subjects");
        }
        ArrayNode one = JsonNodeFactory.instance.arrayNode();
        if (plan.path("caseId").isTextual()) {
            one.addObject().put("caseId", plan.path("caseId").asText());
        }
        return one;
    }

    private static String role(JsonNode role, Map<String, String> agencyNames) {
        String agencyId = role.path("agencyId").asText();
        String name = role.path("agencyName").asText(agencyNames.getOrDefault(agencyId, agencyId));
        String responsibility = role.path("responsibility").asText("").strip();
        return responsibility.isEmpty() ? name : name + "：" + responsibility;
    }
}
