package jp.tsunagu.reporting.projection;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The merge of a case's facts: whatever order its events' facts arrive in, the same row. */
class CaseFactRowTest {

    private static final LocalDate APRIL = LocalDate.of(2024, 4, 1);
    private static final OffsetDateTime T = OffsetDateTime.parse("2024-04-01T00:00:00Z");

    private static final CaseFactRow RECEIVED = new CaseFactRow("c", "402036", APRIL, "AGENCY", "HIKIKOMORI", "a0",
            "ROUTINE", null, null, null, null, null, null, "RECEIVED", T, null);
    private static final CaseFactRow ROUTED = new CaseFactRow("c", "402036", null, null, null, null, null,
            APRIL.plusDays(2), "ROUTED", "a1", "ELDERLY", null, null, "ROUTED", T.plusSeconds(2), null);
    private static final CaseFactRow REROUTED = new CaseFactRow("c", "402036", null, null, null, null, null,
            APRIL.plusDays(9), "ESCALATED", null, "POVERTY", null, null, "ESCALATED", T.plusSeconds(9), null);
    private static final CaseFactRow MET = new CaseFactRow("c", "402036", null, null, null, null, null, null, null,
            null, null, APRIL.plusDays(20), null, "IN_MEETING", T.plusSeconds(20), null);
    private static final CaseFactRow MET_AGAIN = new CaseFactRow("c", "402036", null, null, null, null, null, null,
            null, null, null, APRIL.plusDays(40), null, "IN_MEETING", T.plusSeconds(40), null);
    private static final CaseFactRow PLANNED = new CaseFactRow("c", "402036", null, null, null, null, null, null, null,
            null, null, null, APRIL.plusDays(30), "PLAN_ACTIVE", T.plusSeconds(30), null);
    /** joined to the person's first case c0 (duplicate-confirmed; its stage comes with its own write) */
    private static final CaseFactRow JOINED = new CaseFactRow("c", "402036", null, null, null, null, null, null, null,
            null, null, null, null, null, null, "c0");

    @Test
    void everyOrderGivesTheSameRow() {
        CaseFactRow expected = new CaseFactRow("c", "402036", APRIL, "AGENCY", "HIKIKOMORI", "a0", "ROUTINE",
                APRIL.plusDays(2), "ROUTED", "a1", "ELDERLY", APRIL.plusDays(20), APRIL.plusDays(30), "CLOSED",
                T.plusSeconds(40), "c0"); // joined: closed for good, whichever stage came latest
        List<CaseFactRow> facts = List.of(RECEIVED, ROUTED, REROUTED, MET, MET_AGAIN, PLANNED, JOINED);
        for (List<CaseFactRow> order : permutations(facts)) {
            CaseFactRow row = order.get(0);
            for (CaseFactRow next : order.subList(1, order.size())) {
                row = row.merge(next);
            }
            assertEquals(expected, row, order.toString());
        }
    }

    @Test
    void aCopyOfAnEventChangesNothing() {
        CaseFactRow row = RECEIVED.merge(ROUTED).merge(PLANNED);
        assertEquals(row, row.merge(ROUTED).merge(PLANNED).merge(RECEIVED));
    }

    private static List<List<CaseFactRow>> permutations(List<CaseFactRow> items) {
        if (items.size() <= 1) {
            return List.of(items);
        }
        List<List<CaseFactRow>> all = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<CaseFactRow> rest = new ArrayList<>(items);
            CaseFactRow first = rest.remove(i);
            for (List<CaseFactRow> tail : permutations(rest)) {
                List<CaseFactRow> one = new ArrayList<>();
                one.add(first);
                one.addAll(tail);
                all.add(one);
            }
        }
        return all;
    }
}
