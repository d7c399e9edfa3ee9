package jp.tsunagu.reporting.projection;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which rows a lane holds and which it writes out. No database is asked here: only rows written out are read back
 * (against PostgreSQL in ReplayLaneWritesTest), and these tests ask only for rows held or never written.
 */
class HeldCaseFactsTest {

    @Test
    void pastItsCapacityTheLeastRecentlyFoldedAreWrittenOutDownToThreeQuartersOfIt() {
        // given a lane holding at most 8 rows, with 8 cases folded in order, c0 folded again since
        HeldCaseFacts held = new HeldCaseFacts(8, 100);
        assertEquals(List.of(), held.after(rows(0, 8)));
        assertEquals(List.of("c0"), caseIds(held.before(null, List.of("c0")).await().indefinitely()));
        held.after(rows(0, 1));
        // when a ninth case comes
        List<Sql> writes = held.after(rows(8, 9));
        // then the least recently folded go, down to 6 held: c1, c2, c3 (not c0)
        assertEquals(List.of("c1", "c2", "c3"), writes.stream().map(w -> (String) w.params().getFirst()).toList());
        assertEquals(6, held.size());
        assertTrue(writes.stream().allMatch(w -> w.sql().endsWith("on conflict do nothing")),
                "rows never written go as first rows, which COPY takes straight in");
        // and a case never written out is not looked for in the database (none is given)
        assertTrue(held.before(null, List.of("new")).await().indefinitely().isEmpty());
        // and the flush writes the rest
        assertEquals(6, held.flush().size());
        assertEquals(0, held.size());
    }

    private static List<CaseFactRow> rows(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> CaseFactRow.none("c" + i, "402036")).toList();
    }

    private static List<String> caseIds(Map<String, CaseFactRow> rows) {
        return rows.keySet().stream().sorted().toList();
    }
}
