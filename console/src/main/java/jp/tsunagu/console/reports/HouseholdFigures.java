package jp.tsunagu.console.reports;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.TemplateData;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * reporting's households' figures (世帯) of a year, as the year table and the dashboard show them: 支援世帯数,
 * 複数の案件がある世帯, プランのある世帯数, 1世帯あたりの案件数 (and the cases they are counted from). The figures and
 * their definitions are reporting's (its FigureDefinitions); a figure reporting does not give is not shown, never as 0.
 */
public final class HouseholdFigures {

    private HouseholdFigures() {
    }

    /** The figures in the order shown, with their Japanese names (reporting's {@code labels.households} win). */
    static final Map<String, String> ITEMS = items();

    private static Map<String, String> items() {
        Map<String, String> items = new LinkedHashMap<>();
        items.put("casesSupported", "支援した案件数");
        items.put("householdsSupported", "支援世帯数");
        items.put("multiCaseHouseholds", "複数の案件がある世帯");
        items.put("householdsWithPlan", "プランのある世帯数");
        items.put("casesPerHousehold", "1世帯あたりの案件数");
        return items;
    }

    /** A figure over the years: its id, name and each year's value as shown. */
    @TemplateData
    public record Row(String id, String item, List<String> values) {
    }

    /** A figure of one year. */
    @TemplateData
    public record Figure(String id, String label, String value, String unit) {
    }

    /** The rows of the year table ({@code GET /reports/fiscal-years}); none when reporting gives no household figure. */
    public static List<Row> rows(JsonNode answer) {
        JsonNode years = answer.path("years");
        List<Row> rows = new ArrayList<>();
        if (years.isEmpty()) {
            return rows;
        }
        ITEMS.forEach((id, item) -> {
            if (years.get(0).has(id)) {
                List<String> values = new ArrayList<>();
                years.forEach(y -> values.add(value(id, y.path(id))));
                rows.add(new Row(id, item, values));
            }
        });
        return rows;
    }

    /** The dashboard's figures of one year ({@code GET /reports/cases}: {@code year}, {@code labels.households}). */
    public static List<Figure> of(JsonNode year, JsonNode labels) {
        List<Figure> figures = new ArrayList<>();
        ITEMS.forEach((id, item) -> {
            if (year.has(id)) {
                figures.add(new Figure(id, labels.path(id).asText(item), value(id, year.path(id)),
                        id.startsWith("cases") ? "件" : "世帯"));
            }
        });
        return figures;
    }

    /** 3, 1.3; a ratio reporting could not give (no household) as —. */
    static String value(String id, JsonNode v) {
        if (v.isNull() || v.isMissingNode()) {
            return "—";
        }
        if (id.equals("casesPerHousehold") && v.isNumber()) {
            return String.format(java.util.Locale.ROOT, "%.1f", v.asDouble());
        }
        return v.asText();
    }
}
