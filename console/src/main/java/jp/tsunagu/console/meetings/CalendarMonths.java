package jp.tsunagu.console.meetings;

import com.fasterxml.jackson.databind.JsonNode;
import jp.tsunagu.contract.codes.Wareki;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The calendar's meetings by month: those to come (from today, and any not yet held today) in date order, and those
 * past (held, or whose day has gone) newest month first.
 */
public final class CalendarMonths {

    private CalendarMonths() {
    }

    /** A month's meetings, as {@code GET /meetings} lists them, in date and time order. */
    public record Month(String label, List<JsonNode> meetings) {
    }

    public record Split(List<Month> upcoming, List<Month> past) {
    }

    public static Split of(JsonNode meetings, LocalDate today) {
        List<JsonNode> upcoming = new ArrayList<>();
        List<JsonNode> past = new ArrayList<>();
        for (JsonNode m : meetings) {
            LocalDate on = LocalDate.parse(m.path("scheduledOn").asText());
            boolean held = m.hasNonNull("heldOn");
            (held || on.isBefore(today) ? past : upcoming).add(m);
        }
        Comparator<JsonNode> byTime = Comparator.comparing((JsonNode m) -> m.path("scheduledOn").asText())
                .thenComparing(m -> m.path("startsAt").asText(""))
                .thenComparing(m -> m.path("type").asText());
        upcoming.sort(byTime);
        past.sort(byTime);
        List<Month> pastMonths = months(past);
        java.util.Collections.reverse(pastMonths);
        return new Split(months(upcoming), pastMonths);
    }

    private static List<Month> months(List<JsonNode> meetings) {
        Map<YearMonth, List<JsonNode>> by = new LinkedHashMap<>();
        meetings.forEach(m -> by.computeIfAbsent(YearMonth.from(LocalDate.parse(m.path("scheduledOn").asText())),
                k -> new ArrayList<>()).add(m));
        List<Month> months = new ArrayList<>();
        by.forEach((month, list) -> months.add(new Month(label(month), list)));
        return months;
    }

    /** 令和8年12月. */
    static String label(YearMonth month) {
        String day = Wareki.format(month.atDay(1));
        return day.substring(0, day.length() - "1日".length());
    }
}
