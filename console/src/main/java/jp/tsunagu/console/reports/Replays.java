package jp.tsunagu.console.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.qute.TemplateData;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** reporting's replays as the pages show them: each run's state in Japanese, its definitions, its years. */
public final class Replays {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Map<String, String> STATES = Map.of("RUNNING", "記録を読み込み中",
            "CATCHING_UP", "最新の記録を待っています", "COMPARING", "現在の集計と比較中", "DONE", "完了",
            "FAILED", "失敗");

    private Replays() {
    }

    /** A run in the list. */
    @TemplateData
    public record Row(String replayId, String state, boolean finished, String startedAt, String definitions,
                      Boolean figuresEqual, int differences) {
    }

    public static List<Row> rows(JsonNode runs, Map<String, String> casesHandled, Map<String, String> made) {
        List<Row> rows = new ArrayList<>();
        for (JsonNode r : runs) {
            rows.add(new Row(r.path("replayId").asText(), state(r), !running(r), r.path("startedAt").asText(""),
                    definitions(r, casesHandled, made), r.path("figuresEqual").isBoolean()
                    ? r.path("figuresEqual").asBoolean() : null, r.path("differences").size()));
        }
        return rows;
    }

    public static String state(JsonNode run) {
        String status = run.path("status").asText();
        return STATES.getOrDefault(status, status);
    }

    /** Still to poll: neither done nor failed. */
    public static boolean running(JsonNode run) {
        String status = run.path("status").asText();
        return !status.equals("DONE") && !status.equals("FAILED");
    }

    /** 取扱件数 and 作成件数 as the run defines them, in words. */
    public static String definitions(JsonNode run, Map<String, String> casesHandled, Map<String, String> made) {
        JsonNode d = run.path("definitions");
        String c = d.path("casesHandled").asText("REVIEWS");
        String m = d.path("made").asText("CREATED_AND_REVISED");
        return "取扱件数：" + casesHandled.getOrDefault(c, c) + "／作成件数：" + made.getOrDefault(m, m);
    }

    /**
     * The year tables of {@code figuresUnderDefinitions} ({@code {"R6": {"table": {...}, "cases": …}, …,
     * "stages": …}}) in the shape of {@code GET /reports/fiscal-years}, oldest year first.
     */
    public static JsonNode yearsOf(JsonNode underDefinitions) {
        List<JsonNode> years = new ArrayList<>();
        underDefinitions.fields().forEachRemaining(e -> {
            if (e.getValue().has("table")) {
                years.add(e.getValue().path("table"));
            }
        });
        years.sort(java.util.Comparator.comparingInt(y -> y.path("fiscalYear").asInt()));
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode array = answer.putArray("years");
        years.forEach(array::add);
        return answer;
    }

    public static String firstYear(JsonNode underDefinitions) {
        JsonNode years = yearsOf(underDefinitions).path("years");
        return years.isEmpty() ? null : years.get(0).path("fiscalYear").asText();
    }

    public static String lastYear(JsonNode underDefinitions) {
        JsonNode years = yearsOf(underDefinitions).path("years");
        return years.isEmpty() ? null : years.get(years.size() - 1).path("fiscalYear").asText();
    }
}
