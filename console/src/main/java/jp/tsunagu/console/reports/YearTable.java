package jp.tsunagu.console.reports;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.TemplateData;
import jp.tsunagu.contract.codes.Coded;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.PlanType;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * reporting's year table ({@code GET /reports/fiscal-years}) laid out for the screen as the city files it: one
 * column per 年度, rows grouped by meeting and plan type (開催回数・取扱件数, 作成件数・うち再プラン・終結件数).
 * The figures and their definitions are reporting's; this only puts them in rows, in the order reporting lists the
 * types, with the contract's Japanese names.
 */
public final class YearTable {

    private YearTable() {
    }

    /** A group of rows (a meeting or plan type) and its rows. */
    @TemplateData
    public record Group(String id, String label, List<Row> rows) {
    }

    /** An item and its value in each year. */
    @TemplateData
    public record Row(String id, String item, List<Integer> values) {
    }

    /** The table: its year columns (令和6年度 …) and groups. */
    @TemplateData
    public record Table(String municipalityName, List<String> years, List<Group> groups) {
        public boolean isEmpty() {
            return years.isEmpty();
        }
    }

    private static final Map<String, String> MEETING_ITEMS = Map.of("held", "開催回数",
            "casesHandled", "取扱件数（延べ）", "distinctCases", "取扱実件数");
    /** Under a replay's other definitions 取扱件数 and 作成件数 count what was chosen, and 再プラン is no part of it. */
    private static final Map<String, String> OTHER_MEETING_ITEMS = Map.of("held", "開催回数",
            "casesHandled", "取扱件数（選んだ数え方）", "distinctCases", "取扱実件数");
    private static final List<String> MEETING_ORDER = List.of("held", "casesHandled", "distinctCases");
    private static final Map<String, String> PLAN_ITEMS = Map.of("made", "作成件数", "replans", "（うち、再プラン）",
            "closed", "終結件数");
    private static final Map<String, String> OTHER_PLAN_ITEMS = Map.of("made", "作成件数（選んだ数え方）",
            "replans", "再プラン件数", "closed", "終結件数");
    private static final List<String> PLAN_ORDER = List.of("made", "replans", "closed");

    /** The table under the contract's definitions, as {@code GET /reports/fiscal-years} gives it. */
    public static Table of(JsonNode answer) {
        return of(answer, MEETING_ITEMS, PLAN_ITEMS);
    }

    /** A replay's table under the definitions she chose ({@code figuresUnderDefinitions}, as years). */
    public static Table underOtherDefinitions(JsonNode answer) {
        return of(answer, OTHER_MEETING_ITEMS, OTHER_PLAN_ITEMS);
    }

    private static Table of(JsonNode answer, Map<String, String> meetingItems, Map<String, String> planItems) {
        JsonNode years = answer.path("years");
        List<String> labels = new ArrayList<>();
        years.forEach(y -> labels.add(y.path("label").asText(y.path("code").asText())));
        List<Group> groups = new ArrayList<>();
        if (!years.isEmpty()) {
            groups.addAll(groups(years, "meetings", MEETING_ORDER, meetingItems,
                    code -> label(MeetingType.class, code)));
            groups.addAll(groups(years, "plans", PLAN_ORDER, planItems, code -> label(PlanType.class, code)));
        }
        return new Table(answer.path("municipalityName").asText(""), labels, groups);
    }

    private static List<Group> groups(JsonNode years, String part, List<String> order, Map<String, String> items,
                                      Function<String, String> typeLabel) {
        List<Group> groups = new ArrayList<>();
        for (Iterator<String> types = years.get(0).path(part).fieldNames(); types.hasNext(); ) {
            String type = types.next();
            List<Row> rows = new ArrayList<>();
            for (String item : order) {
                if (!years.get(0).path(part).path(type).has(item)) {
                    continue; // an item reporting does not give is not shown as 0
                }
                List<Integer> values = new ArrayList<>();
                years.forEach(y -> values.add(y.path(part).path(type).path(item).asInt()));
                rows.add(new Row(type + "-" + item, items.get(item), values));
            }
            groups.add(new Group(type, typeLabel.apply(type), rows));
        }
        return groups;
    }

    private static <E extends Enum<E> & Coded> String label(Class<E> type, String code) {
        return Coded.parse(type, code).map(Coded::label).orElse(code);
    }
}
