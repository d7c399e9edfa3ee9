package jp.tsunagu.console.reports;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.TemplateData;
import jp.tsunagu.contract.codes.Coded;
import jp.tsunagu.contract.codes.RoutingDecision;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * reporting's figures of a year ({@code GET /reports/cases}) as tables a person reads: each breakdown with the
 * Japanese labels reporting sends with it, largest first; routing by agency with one column per outcome; the median
 * days. The counts and what they count are reporting's.
 */
public final class Figures {

    private Figures() {
    }

    /** A label and its count. */
    @TemplateData
    public record Count(String label, int count) {
    }

    /** A breakdown: its caption and counts. */
    @TemplateData
    public record Breakdown(String id, String caption, List<Count> counts) {
    }

    /** A median: what it measures, the days (null when there were no cases) and over how many cases. */
    @TemplateData
    public record Median(String label, Double days, int cases) {
        /** 14日, 13.5日; null when there were no cases. */
        public String daysText() {
            if (days == null) {
                return null;
            }
            return (days == Math.rint(days) ? String.valueOf(days.longValue()) : String.format("%.1f", days)) + "日";
        }
    }

    /** An agency's routing outcomes, in the table's column order. */
    @TemplateData
    public record AgencyRow(String agency, List<Integer> counts) {
    }

    /** The page's content. */
    @TemplateData
    public record Page(String yearLabel, int referrals, List<Breakdown> breakdowns, List<String> outcomeLabels,
                       List<AgencyRow> routing, List<Median> medians, int open, Breakdown stages) {
    }

    /** Routing outcomes as the dashboard names them: the contract's decisions, then the agency's answers. */
    private static final Map<String, String> OUTCOMES = outcomes();

    private static Map<String, String> outcomes() {
        Map<String, String> labels = new LinkedHashMap<>(Coded.labels(RoutingDecision.class));
        labels.put("ACCEPTED", "受入");
        labels.put("DECLINED", "辞退");
        labels.put("OVERDUE", "回答期限切れ");
        return labels;
    }

    /** @param agencyName an agency id → its name in the directory (reporting names 多機関協働事業 itself) */
    public static Page of(JsonNode answer, UnaryOperator<String> agencyName) {
        JsonNode year = answer.path("year");
        JsonNode labels = answer.path("labels");
        List<Breakdown> breakdowns = List.of(
                breakdown("by-channel", "相談の経路", year.path("byChannel"), labels.path("channels")),
                breakdown("by-urgency", "緊急度", year.path("byUrgency"), labels.path("urgencies")),
                breakdown("by-concern", "本人・世帯の課題（複数計上）", year.path("byConcern"), labels.path("concerns")),
                breakdown("by-field", "分野（複数計上）", year.path("byField"), labels.path("fields")));
        // the outcomes present, in the order above, then any other reporting gives
        Set<String> present = new LinkedHashSet<>();
        year.path("routingByAgency").forEach(a -> a.fieldNames().forEachRemaining(present::add));
        List<String> columns = new ArrayList<>(OUTCOMES.keySet());
        columns.retainAll(present);
        present.stream().filter(o -> !columns.contains(o)).forEach(columns::add);
        List<AgencyRow> routing = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = year.path("routingByAgency").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> agency = it.next();
            routing.add(new AgencyRow(agencyName.apply(agency.getKey()),
                    columns.stream().map(c -> agency.getValue().path(c).asInt()).toList()));
        }
        // the busiest first
        routing.sort(Comparator.comparingInt((AgencyRow r) -> r.counts().stream().mapToInt(Integer::intValue).sum())
                .reversed().thenComparing(AgencyRow::agency));
        JsonNode medians = year.path("medianDays");
        List<Median> timing = List.of(median("受付からつなぎ先の決定まで", medians.path("toRouting")),
                median("受付から最初の会議まで", medians.path("toFirstMeeting")),
                median("受付から最初のプランまで", medians.path("toFirstPlan")));
        List<Count> stages = new ArrayList<>();
        answer.path("stages").path("byStage").fields().forEachRemaining(e -> stages.add(
                new Count(labels.path("stages").path(e.getKey()).asText(e.getKey()), e.getValue().asInt())));
        return new Page(year.path("label").asText(year.path("code").asText()), year.path("referrals").asInt(),
                breakdowns, columns.stream().map(c -> OUTCOMES.getOrDefault(c, c)).toList(), routing, timing,
                answer.path("stages").path("open").asInt(), new Breakdown("by-stage", "現在の段階", stages));
    }

    private static Breakdown breakdown(String id, String caption, JsonNode counts, JsonNode labels) {
        List<Count> rows = new ArrayList<>();
        counts.fields().forEachRemaining(e -> rows.add(new Count(label(e.getKey(), labels), e.getValue().asInt())));
        rows.sort(Comparator.comparingInt(Count::count).reversed());
        return new Breakdown(id, caption, rows);
    }

    private static String label(String code, JsonNode labels) {
        return "NONE".equals(code) && !labels.has(code) ? "該当なし" : labels.path(code).asText(code);
    }

    private static Median median(String label, JsonNode m) {
        return new Median(label, m.path("days").isNumber() ? m.path("days").asDouble() : null, m.path("cases").asInt());
    }
}
