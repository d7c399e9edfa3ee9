package jp.tsunagu.console.reports;

import com.fasterxml.jackson.databind.ObjectMapper;
import jp.tsunagu.console.rendering.Pages;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 再集計's page of one replay, rendered from reporting's answer (the spec's ReplayView) as the console shows it. */
class ReplayPageRenderingTest {

    private final ObjectMapper json = new ObjectMapper();

    private String page(boolean equal, Boolean settled) throws Exception {
        String view = """
                {"replayId":"r-1","status":"DONE","eventsDone":27,"eventsTotal":27,"logReadPercent":100,
                 "eventsSkipped":0,"eventsPerSecond":900,"startedAt":"2026-12-06T01:00:00Z",
                 "finishedAt":"2026-12-06T01:00:09Z","figuresEqual":%s,%s
                 "differences":%s}""".formatted(equal, settled == null ? "" : "\"logSettled\":" + settled + ",",
                equal ? "[]" : "[{\"figure\":\"R8.referrals\",\"live\":46,\"replayed\":45}]");
        Map<String, Object> data = new HashMap<>();
        data.put("m", "402036");
        data.put("tab", "replays");
        data.put("r", json.convertValue(json.readTree(view), Object.class));
        data.put("running", false);
        data.put("definitions", "現在の定義");
        return Pages.render("reports/replay.html", false, data);
    }

    @Test
    void givenAReplayRunWhileEventsStillArrivedWhenShownThenSheIsToldTheDifferencesMayBeEventsInFlight()
            throws Exception {
        String html = page(false, false);

        assertTrue(html.contains("1件の数値が一致しませんでした。"), html);
        assertTrue(html.contains("<div class=\"notice info\" role=\"note\" id=\"replay-unsettled\"><p>比較したとき、"
                + "現在の集計が最新の記録まで反映されていなかったか、再集計の間に新しい記録が届いていました（システムが稼働中でした）。"
                + "一致しなかった数値は、処理中の記録によるものかもしれません。記録の少ない時間（夜間など）にもう一度再集計すると"
                + "確かめられます。同じ表示が続くときは、集計への反映が遅れていないか、システムの管理者に確認してください。</p></div>"),
                html);
    }

    @Test
    void givenEqualFiguresWhileEventsStillArrivedWhenShownThenTheNoteSaysSoWithoutSpeakingOfDifferences()
            throws Exception {
        String html = page(true, false);

        assertTrue(html.contains("現在の集計と一致しました。"));
        assertTrue(html.contains("id=\"replay-unsettled\""));
        assertFalse(html.contains("一致しなかった数値は"));
    }

    @Test
    void givenASettledReplayOrAnAnswerWithoutTheFieldWhenShownThenThereIsNoNote() throws Exception {
        assertFalse(page(false, true).contains("replay-unsettled"));
        assertFalse(page(true, null).contains("replay-unsettled"), "an older reporting does not say: nothing shown");
    }
}
