package jp.tsunagu.reporting.projection;

import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.IntakeEvent;
import jp.tsunagu.contract.events.TsunaguEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A case's row of facts knows the household (世帯) it is in now, and case_fact stores it. */
class CaseFactHouseholdTest {

    private static final String CITY = "402036";
    private static final LocalDate ON = LocalDate.of(2024, 12, 10);

    @Test
    void linkedTheCaseIsInTheHousehold() {
        // given a case, when it is linked to h1, then its row (and the stored column) says h1
        CaseFactRow row = fold(CaseFactRow.none("c", CITY), linked("h1"));
        assertEquals("h1", row.householdId());
        assertEquals("h1", CaseFactColumns.write(row).params().getLast());
    }

    @Test
    void unlinkedTheCaseIsInNoHousehold() {
        // given a case linked to h1, when it is unlinked from h1, then it is in no household
        assertNull(fold(CaseFactRow.none("c", CITY), linked("h1"), unlinked("h1")).householdId());
    }

    @Test
    void linkedAgainAfterwardsTheLatestLinkHolds() {
        // given a case unlinked from h1 and linked to h2, an unlinking from h1 (not its household now) changes nothing
        CaseFactRow row = fold(CaseFactRow.none("c", CITY), linked("h1"), unlinked("h1"), linked("h2"));
        assertEquals("h2", row.householdId());
        assertEquals("h2", fold(row, unlinked("h1")).householdId());
    }

    @Test
    void readBackAsWritten() {
        CaseFactRow row = fold(CaseFactRow.none("c", CITY), linked("h1"));
        Object[] columns = CaseFactColumns.write(row).params().toArray();
        columns[1] = CITY; // the municipality column is char(6): read back padded, trimmed
        assertEquals(row.householdId(), CaseFactColumns.read(columns).householdId());
    }

    private static EventEnvelope<TsunaguEvent> linked(String household) {
        return new EventEnvelope<>("e-link-" + household + System.nanoTime(), "/t", Instant.now(), ON, null,
                new IntakeEvent.HouseholdLinked("c", "R6-000001", CITY, household, ON));
    }

    private static EventEnvelope<TsunaguEvent> unlinked(String household) {
        return new EventEnvelope<>("e-unlink-" + household + System.nanoTime(), "/t", Instant.now(), ON, null,
                new IntakeEvent.HouseholdUnlinked("c", "R6-000001", CITY, household, ON));
    }

    @SafeVarargs
    private static CaseFactRow fold(CaseFactRow row, EventEnvelope<TsunaguEvent>... events) {
        for (EventEnvelope<TsunaguEvent> e : List.of(events)) {
            row = row.after(e.data(), e.time(), ReportingProjection.writes(e).facts());
        }
        return row;
    }
}
