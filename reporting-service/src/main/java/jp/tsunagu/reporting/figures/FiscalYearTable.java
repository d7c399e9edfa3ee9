package jp.tsunagu.reporting.figures;

import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.PlanType;
import jp.tsunagu.support.http.Html;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The figures laid out as seed 000 lays them out: one row per item (会議の開催回数・取扱件数, プランの作成件数・
 * うち再プラン・終結件数), one column per fiscal year labelled by 令和 (R3 …). Used for CSV and HTML alike; the HTML
 * page also shows the households' figures (世帯) under it, which seed 000's table has no rows for.
 */
public final class FiscalYearTable {

    private FiscalYearTable() {
    }

    /** A row: the group (会議名 / プラン名), the item, and one value per year. */
    public record Row(String group, String item, List<Integer> values) {
    }

    public static List<Row> rows(List<FiscalYearFigures.Year> years) {
        List<Row> rows = new ArrayList<>();
        for (MeetingType type : FiscalYearFigures.CASE_MEETINGS) {
            rows.add(row(type.label(), "開催回数", years, y -> y.meetings().get(type).held()));
            rows.add(row(type.label(), "取扱件数", years, y -> y.meetings().get(type).casesHandled()));
        }
        for (PlanType type : PlanType.values()) {
            rows.add(row(type.label(), "作成件数", years, y -> y.plans().get(type).made()));
            rows.add(row(type.label(), "（うち、再プラン）", years, y -> y.plans().get(type).replans()));
            rows.add(row(type.label(), "終結件数", years, y -> y.plans().get(type).closed()));
        }
        return rows;
    }

    public static String csv(List<FiscalYearFigures.Year> years) {
        StringBuilder sb = new StringBuilder("区分,項目");
        years.forEach(y -> sb.append(',').append(y.label()));
        sb.append("\r\n");
        for (Row r : rows(years)) {
            sb.append(r.group()).append(',').append(r.item());
            r.values().forEach(v -> sb.append(',').append(v));
            sb.append("\r\n");
        }
        return sb.toString();
    }

    public static String html(String municipalityName, List<FiscalYearFigures.Year> years) {
        StringBuilder sb = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="ja"><head><meta charset="utf-8"><title>重層的支援体制整備事業の実績</title>
                <style>body{font-family:sans-serif}table{border-collapse:collapse}th,td{border:1px solid #888;
                padding:4px 10px}td.n{text-align:right}</style></head><body>
                """);
        sb.append("<h1>").append(Html.escape(municipalityName)).append(" 重層的支援体制整備事業の実績</h1>\n<table>\n<tr><th colspan=\"2\"></th>");
        years.forEach(y -> sb.append("<th>").append(y.label()).append("</th>"));
        sb.append("</tr>\n");
        List<Row> rows = rows(years);
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            sb.append("<tr>");
            if (i == 0 || !rows.get(i - 1).group().equals(r.group())) {
                long span = rows.stream().filter(x -> x.group().equals(r.group())).count();
                sb.append("<th rowspan=\"").append(span).append("\">").append(Html.escape(r.group())).append("</th>");
            }
            sb.append("<td>").append(Html.escape(r.item())).append("</td>");
            r.values().forEach(v -> sb.append("<td class=\"n\">").append(v).append("</td>"));
            sb.append("</tr>\n");
        }
        sb.append("</table>\n<p>定義: 開催回数＝議事録の開催日がその年度の会議、取扱件数＝その議事録の検討件数（延べ）、"
                + "作成件数＝作成と再プラン（業務日付がその年度）、終結件数＝終結（同）。世帯のプランは1件と数えます。</p>\n");
        return households(sb, years).append("</body></html>\n").toString();
    }

    /** The households' figures (世帯) under the table, with what each counts: not part of seed 000's layout. */
    private static StringBuilder households(StringBuilder sb, List<FiscalYearFigures.Year> years) {
        sb.append("<h2>世帯</h2>\n<table>\n<tr><th></th>");
        years.forEach(y -> sb.append("<th>").append(y.label()).append("</th>"));
        sb.append("</tr>\n");
        Map<String, Function<FiscalYearFigures.Year, Object>> values = new LinkedHashMap<>();
        values.put("casesSupported", FiscalYearFigures.Year::casesSupported);
        values.put("householdsSupported", FiscalYearFigures.Year::householdsSupported);
        values.put("multiCaseHouseholds", FiscalYearFigures.Year::multiCaseHouseholds);
        values.put("householdsWithPlan", FiscalYearFigures.Year::householdsWithPlan);
        values.put("casesPerHousehold", y -> y.casesPerHousehold() == null ? "—" : y.casesPerHousehold());
        values.forEach((figure, value) -> {
            sb.append("<tr><td>").append(Html.escape(FigureDefinitions.HOUSEHOLD_LABELS.get(figure))).append("</td>");
            years.forEach(y -> sb.append("<td class=\"n\">").append(value.apply(y)).append("</td>"));
            sb.append("</tr>\n");
        });
        sb.append("</table>\n<dl>\n");
        FigureDefinitions.HOUSEHOLD_DEFINITIONS.forEach((figure, definition) -> sb.append("<dt>")
                .append(Html.escape(FigureDefinitions.HOUSEHOLD_LABELS.get(figure))).append("</dt><dd>")
                .append(Html.escape(definition)).append("</dd>\n"));
        return sb.append("</dl>\n");
    }

    private static Row row(String group, String item, List<FiscalYearFigures.Year> years,
                           ToIntFunction<FiscalYearFigures.Year> value) {
        return new Row(group, item, years.stream().map(value::applyAsInt).toList());
    }
}
