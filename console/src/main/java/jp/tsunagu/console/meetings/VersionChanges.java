package jp.tsunagu.console.meetings;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.TemplateData;
import jp.tsunagu.contract.codes.Coded;
import jp.tsunagu.contract.codes.PlanType;
import jp.tsunagu.contract.codes.ReviewOutcome;
import jp.tsunagu.contract.codes.Wareki;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What each correction (訂正) changed, before → after, read from two consecutive versions of the minutes as
 * meeting-service keeps them ({@code GET /meetings/{id}/minutes/versions}): the meeting's record, the attendees, and
 * each review by its case, written as people read them (labels, 令和 dates, agency names).
 */
public final class VersionChanges {

    private VersionChanges() {
    }

    /** One thing a correction changed. */
    @TemplateData
    public record Change(String what, String before, String after) {
    }

    /** The changes made by each version after the first, by version number. */
    public static Map<Integer, List<Change>> of(JsonNode versions, Function<String, String> agencyName) {
        Map<Integer, List<Change>> changes = new LinkedHashMap<>();
        JsonNode previous = null;
        for (JsonNode v : versions) {
            if (previous != null) {
                changes.put(v.path("version").asInt(), between(previous, v, agencyName));
            }
            previous = v;
        }
        return changes;
    }

    static List<Change> between(JsonNode before, JsonNode after, Function<String, String> agencyName) {
        List<Change> changes = new ArrayList<>();
        JsonNode hb = before.path("held");
        JsonNode ha = after.path("held");
        add(changes, "開始時刻", Amendment.clock(MinutesForm.text(hb, "startTime")),
                Amendment.clock(MinutesForm.text(ha, "startTime")));
        add(changes, "終了時刻", Amendment.clock(MinutesForm.text(hb, "endTime")),
                Amendment.clock(MinutesForm.text(ha, "endTime")));
        add(changes, "会場", MinutesForm.text(hb, "place"), MinutesForm.text(ha, "place"));
        add(changes, "司会・進行", MinutesForm.text(hb, "chair"), MinutesForm.text(ha, "chair"));
        add(changes, "全体の記録", MinutesForm.text(hb, "notes"), MinutesForm.text(ha, "notes"));
        add(changes, "出席者", attendees(before.path("attendees"), agencyName),
                attendees(after.path("attendees"), agencyName));
        Map<String, JsonNode> earlier = new LinkedHashMap<>();
        before.path("reviews").forEach(r -> earlier.put(r.path("caseId").asText(), r));
        for (JsonNode r : after.path("reviews")) {
            JsonNode b = earlier.get(r.path("caseId").asText());
            if (b == null) {
                continue;
            }
            String c = "受付番号 " + MinutesForm.text(r, "caseNumber").transform(n -> n.isEmpty() ? "（なし）" : n) + "の";
            add(changes, c + "結果", label(ReviewOutcome.class, b, "outcome"), label(ReviewOutcome.class, r, "outcome"));
            add(changes, c + "プランの種類", label(PlanType.class, b, "planType"), label(PlanType.class, r, "planType"));
            add(changes, c + "役割分担", roles(b, agencyName), roles(r, agencyName));
            add(changes, c + "本人の希望", MinutesForm.text(b, "wish"), MinutesForm.text(r, "wish"));
            add(changes, c + "目標", lines(b.path("goals")), lines(r.path("goals")));
            add(changes, c + "見直し日", date(MinutesForm.text(b, "reviewOn")), date(MinutesForm.text(r, "reviewOn")));
            add(changes, c + "記録", MinutesForm.text(b, "note"), MinutesForm.text(r, "note"));
        }
        return changes;
    }

    private static void add(List<Change> changes, String what, String before, String after) {
        if (!Objects.equals(before, after)) {
            changes.add(new Change(what, before.isEmpty() ? "（なし）" : before, after.isEmpty() ? "（なし）" : after));
        }
    }

    /** People with their agencies (田中 一郎（地域包括支援センター）); older minutes name agencies only. */
    private static String attendees(JsonNode attendees, Function<String, String> agencyName) {
        List<String> people = new ArrayList<>();
        for (JsonNode a : attendees) {
            if (a.isTextual()) {
                people.add(agencyName.apply(a.asText()));
            } else {
                String agency = MinutesForm.text(a, "agencyId");
                people.add(MinutesForm.text(a, "name") + (agency.isEmpty() ? "" : "（" + agencyName.apply(agency) + "）"));
            }
        }
        return String.join("、", people);
    }

    private static String roles(JsonNode review, Function<String, String> agencyName) {
        List<String> roles = new ArrayList<>();
        for (JsonNode r : review.path("roles")) {
            String words = MinutesForm.text(r, "responsibility");
            roles.add(agencyName.apply(MinutesForm.text(r, "agencyId")) + (words.isEmpty() ? "" : "：" + words));
        }
        return String.join("／", roles);
    }

    private static String lines(JsonNode list) {
        List<String> lines = new ArrayList<>();
        list.forEach(g -> lines.add(g.asText()));
        return String.join("／", lines);
    }

    private static String date(String iso) {
        return iso.isEmpty() ? "" : Wareki.format(LocalDate.parse(iso));
    }

    private static <E extends Enum<E> & Coded> String label(Class<E> type, JsonNode node, String field) {
        String code = MinutesForm.text(node, field);
        return Coded.parse(type, code).map(Coded::label).orElse(code);
    }
}
