package jp.tsunagu.console.meetings;

import io.quarkus.qute.TemplateData;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import jp.tsunagu.console.web.Ids;

import java.util.List;

/**
 * The meeting page's note after 会議の議題に追加 (世帯): the members placed on the agenda and those meeting-service
 * did not take, with its reason, carried by the redirect's query ({@code placed}, {@code notPlaced}). Shown only when
 * the page is reached from the console itself (a link from another site cannot make the page say anything).
 */
public class HouseholdNotice {

    /** A 受付番号 as the services write it. */
    private static final java.util.regex.Pattern CASE_NUMBER = java.util.regex.Pattern.compile("[A-Z]{1,2}\\d{1,2}-\\d{6}|受付番号なし");
    /** Longer than any reason meeting-service gives: a longer one is cut. */
    static final int MAX_REASON = 300;

    @QueryParam("placed")
    List<String> placed;
    @QueryParam("notPlaced")
    List<String> notPlaced;
    @HeaderParam("Sec-Fetch-Site")
    String fetchSite;

    /** What the page shows. */
    @TemplateData
    public record Shown(List<String> placed, List<String> notPlaced) {
        public boolean any() {
            return !placed.isEmpty() || !notPlaced.isEmpty();
        }
    }

    Shown shown() {
        return shown(placed, notPlaced, fetchSite);
    }

    static Shown shown(List<String> placed, List<String> notPlaced, String fetchSite) {
        if (Ids.fromAnotherSite(fetchSite)) {
            return new Shown(List.of(), List.of());
        }
        List<String> in = placed == null ? List.of()
                : placed.stream().filter(n -> CASE_NUMBER.matcher(n).matches()).toList();
        List<String> out = notPlaced == null ? List.of() : notPlaced.stream()
                .filter(n -> CASE_NUMBER.matcher(n.split("：", 2)[0]).matches())
                .map(n -> n.length() > MAX_REASON ? n.substring(0, MAX_REASON) + "…" : n).toList();
        return new Shown(in, out);
    }
}
