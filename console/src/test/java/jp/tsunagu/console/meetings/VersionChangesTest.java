package jp.tsunagu.console.meetings;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each correction's changes, before → after, as people read them. */
class VersionChangesTest {

    @Test
    void givenTwoVersionsWhenComparedThenEachChangedItemIsNamedWithItsBeforeAndAfter() throws Exception {
        var versions = new ObjectMapper().readTree("""
                [{"version":1,"attendees":[{"name":"田中 一郎","agencyId":"a-1"}],"held":{"place":"401会議室"},
                  "reviews":[{"caseId":"c-1","caseNumber":"R8-000001","outcome":"CONTINUE","note":"会えていない"},
                             {"caseId":"c-2","caseNumber":"R8-000002","outcome":"WATCH"}]},
                 {"version":2,"reason":"誤記","attendees":[{"name":"田中 一郎","agencyId":"a-1"}],
                  "held":{"place":"401会議室"},
                  "reviews":[{"caseId":"c-1","caseNumber":"R8-000001","outcome":"PLAN","planType":"MULTI_AGENCY",
                              "roles":[{"agencyId":"a-1","responsibility":"見守り"}],"reviewOn":"2027-03-24",
                              "note":"会えていない"},
                             {"caseId":"c-2","caseNumber":"R8-000002","outcome":"WATCH"}]}]""");

        Map<Integer, List<VersionChanges.Change>> changes = VersionChanges.of(versions,
                id -> Map.of("a-1", "地域包括支援センター").getOrDefault(id, id));

        assertEquals(List.of(
                new VersionChanges.Change("受付番号 R8-000001の結果", "継続", "プラン作成"),
                new VersionChanges.Change("受付番号 R8-000001のプランの種類", "（なし）", "多機関協働プラン"),
                new VersionChanges.Change("受付番号 R8-000001の役割分担", "（なし）", "地域包括支援センター：見守り"),
                new VersionChanges.Change("受付番号 R8-000001の見直し日", "（なし）", "令和9年3月24日")), changes.get(2));
    }
}
