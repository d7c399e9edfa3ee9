package jp.tsunagu.console.plans;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The プラン list: planning's overdue plans first, then intake's cases in progress, each case once. */
class PlanRowsTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void givenOverduePlansAndCasesInProgressWhenListedThenTheOldestReviewComesFirstAndNoCaseTwice() throws Exception {
        JsonNode overdue = json.readTree("""
                [{"planId":"p-b","caseId":"c-2","type":"OUTREACH","typeLabel":"アウトリーチプラン","currentVersion":2,
                  "versions":[{"version":1,"reviewOn":"2026-01-01"},{"version":2,"reviewOn":"2026-11-20"}]},
                 {"planId":"p-a","caseId":"c-9","type":"MULTI_AGENCY","typeLabel":"多機関協働プラン","currentVersion":1,
                  "versions":[{"version":1,"reviewOn":"2026-10-01"}]}]""");
        JsonNode cases = json.readTree("""
                {"items":[{"caseId":"c-1","caseNumber":"R8-000001","receivedOn":"2026-12-01","area":"荒木",
                           "ageBand":"AGE_50_64","concerns":["HIKIKOMORI"]},
                          {"caseId":"c-2","caseNumber":"R8-000002","receivedOn":"2026-11-01","area":"篠山",
                           "concerns":[]}],"next":"abc"}""");

        Map<String, String> numbers = PlanRows.caseNumbers(cases);
        List<PlanRows.Overdue> late = PlanRows.overdue(overdue, numbers);
        List<PlanRows.InProgress> rest = PlanRows.inProgress(cases, late);

        assertEquals(List.of("p-a", "p-b"), late.stream().map(PlanRows.Overdue::planId).toList());
        assertEquals("2026-11-20", late.get(1).reviewOn(), "the current version's review date");
        assertEquals("R8-000002", late.get(1).caseNumber());
        assertNull(late.get(0).caseNumber(), "a case intake did not name on this page");
        assertEquals(List.of("c-1"), rest.stream().map(PlanRows.InProgress::caseId).toList(),
                "c-2 is already among the overdue");
        assertEquals(List.of("c-9"), PlanRows.unnamedCases(overdue, numbers, 20));
        assertEquals(List.of(), PlanRows.unnamedCases(overdue, numbers, 0));
    }
}
