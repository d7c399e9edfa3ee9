package jp.tsunagu.console.plans;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.TemplateData;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The プラン list as a coordinator reads it: the plans planning names as past their review date first (the oldest
 * review date first), then the cases intake names as プラン実施中. Planning decides what is overdue and intake
 * what is in progress; this only puts their two answers on one page, each case once.
 */
public final class PlanRows {

    private PlanRows() {
    }

    /** A plan past its review date, with the 受付番号 of its case when intake named it. */
    @TemplateData
    public record Overdue(String planId, String caseId, String caseNumber, String typeLabel, String reviewOn,
                          int currentVersion) {
    }

    /** A case with a plan in progress, not among the overdue ones. */
    @TemplateData
    public record InProgress(String caseId, String caseNumber, String receivedOn, String area, String ageBand,
                             List<String> concerns, String track) {
    }

    /**
     * @param overdue    planning's {@code GET /plans?overdue=true}
     * @param caseNumbers case id → 受付番号, as intake named them
     */
    public static List<Overdue> overdue(JsonNode overdue, Map<String, String> caseNumbers) {
        List<Overdue> rows = new ArrayList<>();
        for (JsonNode plan : overdue) {
            JsonNode versions = plan.path("versions");
            JsonNode current = versions.path(versions.size() - 1);
            String caseId = plan.path("caseId").asText();
            rows.add(new Overdue(plan.path("planId").asText(), caseId, caseNumbers.get(caseId),
                    plan.path("typeLabel").asText(plan.path("type").asText()), current.path("reviewOn").asText(""),
                    plan.path("currentVersion").asInt(versions.size())));
        }
        rows.sort(Comparator.comparing(Overdue::reviewOn).thenComparing(Overdue::planId));
        return rows;
    }

    /** Intake's page of プラン実施中 cases, without those already listed as overdue. */
    public static List<InProgress> inProgress(JsonNode cases, List<Overdue> overdue) {
        Set<String> listed = new LinkedHashSet<>();
        overdue.forEach(o -> listed.add(o.caseId()));
        List<InProgress> rows = new ArrayList<>();
        for (JsonNode c : cases.path("items")) {
            if (listed.contains(c.path("caseId").asText())) {
                continue;
            }
            List<String> concerns = new ArrayList<>();
            c.path("concerns").forEach(x -> concerns.add(x.asText()));
            rows.add(new InProgress(c.path("caseId").asText(), c.path("caseNumber").asText(null),
                    c.path("receivedOn").asText(""), c.path("area").asText(""), c.path("ageBand").asText(null),
                    concerns, c.path("track").asText(null)));
        }
        return rows;
    }

    /** The 受付番号 of each case on intake's page. */
    public static Map<String, String> caseNumbers(JsonNode cases) {
        Map<String, String> numbers = new HashMap<>();
        for (JsonNode c : cases.path("items")) {
            if (c.hasNonNull("caseNumber")) {
                numbers.put(c.path("caseId").asText(), c.path("caseNumber").asText());
            }
        }
        return numbers;
    }

    /** The overdue plans' cases whose 受付番号 is still to be asked, at most {@code limit} of them. */
    public static List<String> unnamedCases(JsonNode overdue, Map<String, String> caseNumbers, int limit) {
        Set<String> unnamed = new LinkedHashSet<>();
        for (JsonNode plan : overdue) {
            String caseId = plan.path("caseId").asText();
            if (!caseNumbers.containsKey(caseId) && unnamed.size() < limit) {
                unnamed.add(caseId);
            }
        }
        return List.copyOf(unnamed);
    }
}
