package jp.tsunagu.reporting.projection;

import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.TsunaguEvent;
import jp.tsunagu.testing.SampleEvents;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportingProjectionTest {

    @Test
    void everyEventTypeIsHandledAndNoWriteCarriesThePersonalBlock() {
        for (TsunaguEvent event : SampleEvents.oneOfEach("case-1")) {
            List<Sql> writes = rows(ReportingProjection.writes(envelope(event)));
            for (Sql w : writes) {
                assertTrue(w.sql().contains("{s}."), "every table is schema-qualified: " + w.sql());
                w.params().forEach(p -> assertFalse(String.valueOf(p).contains(SampleEvents.CIPHERTEXT),
                        event.getClass().getSimpleName() + " writes the sealed personal data"));
                assertEquals(w.params().size(), w.jdbcParams().size(), "each parameter placed once: " + w.sql());
            }
        }
    }

    @Test
    void whatEachEventWrites() {
        var events = SampleEvents.oneOfEach("case-1");
        assertEquals(List.of("case_event"), tables(events.get(0)), "a referral: its history line");
        assertEquals(2, ReportingProjection.writes(envelope(events.get(0))).facts().size(), "its facts, its stage");
        assertEquals(List.of("case_event", "routing_outcome"), tables(events.get(3)));
        assertEquals(2, ReportingProjection.writes(envelope(events.get(3))).facts().size());
        assertEquals(List.of(), tables(events.get(9)), "a directory change is not about a case");
        assertTrue(ReportingProjection.writes(envelope(events.get(9))).facts().isEmpty());
        assertEquals(List.of("meeting_held"), tables(events.get(13)));
        assertEquals(List.of("case_event", "plan_change"), tables(events.get(14)));
        // found by type: the sample's household events (issue 30) now come after the duplicates'
        TsunaguEvent confirmed = events.stream()
                .filter(e -> e instanceof jp.tsunagu.contract.events.IntakeEvent.DuplicateConfirmed).findFirst()
                .orElseThrow();
        assertEquals(List.of("case_event", "case_event"), tables(confirmed),
                "a confirmed duplicate: its own line, and one in the history of the case it joins");
        Sql joined = rows(ReportingProjection.writes(envelope(confirmed))).get(1);
        assertEquals("case-0", joined.params().get(1));
        assertEquals("e-DuplicateConfirmed/joined", joined.params().get(0));
        TsunaguEvent dismissed = events.stream()
                .filter(e -> e instanceof jp.tsunagu.contract.events.IntakeEvent.DuplicateDismissed).findFirst()
                .orElseThrow();
        assertEquals(List.of("case_event"), tables(dismissed), "a dismissed one: a line");
        TsunaguEvent linked = events.stream()
                .filter(e -> e instanceof jp.tsunagu.contract.events.IntakeEvent.HouseholdLinked).findFirst()
                .orElseThrow();
        TsunaguEvent unlinked = events.stream()
                .filter(e -> e instanceof jp.tsunagu.contract.events.IntakeEvent.HouseholdUnlinked).findFirst()
                .orElseThrow();
        assertEquals(List.of("case_event"), tables(linked), "household-linked: a line of history");
        assertEquals(List.of(new CaseFact.Household("household-1", true), CaseFact.Stage.FOLDED),
                ReportingProjection.writes(envelope(linked)).facts(), "and the household the case is in now");
        assertEquals(List.of(new CaseFact.Household("household-1", false), CaseFact.Stage.FOLDED),
                ReportingProjection.writes(envelope(unlinked)).facts(), "household-unlinked: out of it");
        TsunaguEvent imported = events.getLast();
        assertTrue(imported instanceof jp.tsunagu.contract.events.IntakeEvent.CaseImported);
        assertEquals(List.of("case_event"), tables(imported), "case-imported: a line of history");
        assertEquals(List.of(CaseFact.Stage.FOLDED), ReportingProjection.writes(envelope(imported)).facts(),
                "no fact of its own: routing's and planning's imported events count its stages");
    }

    @Test
    void rowsKeyedByTheEventAreItsOwnAndItsCaseEventLineIsAmongThem() {
        // a replay's load finds an event's earlier copy by its line in case_event, and leaves out the copy's rows
        // under its own key: every event that writes such rows must write that line, and no other row may be there
        for (TsunaguEvent event : SampleEvents.oneOfEach("case-1")) {
            EventEnvelope<TsunaguEvent> e = envelope(event);
            ReportingProjection.Writes writes = ReportingProjection.writes(e);
            String name = event.getClass().getSimpleName();
            for (Sql row : writes.ofEvent()) {
                assertTrue(ReportingProjection.TABLES_KEYED_BY_EVENT.contains(table(row)), name + ": " + row.sql());
                assertTrue(String.valueOf(row.params().getFirst()).startsWith(e.id()),
                        name + ": keyed by the event's id, or one made from it: " + row.params().getFirst());
            }
            for (Sql row : writes.others()) {
                assertFalse(ReportingProjection.TABLES_KEYED_BY_EVENT.contains(table(row)), name + ": " + row.sql());
            }
            if (!writes.ofEvent().isEmpty()) {
                Sql first = writes.ofEvent().getFirst();
                assertEquals(List.of("case_event", e.id()), List.of(table(first), first.params().getFirst()),
                        name + " writes its own line of history first");
                assertFalse(writes.facts().isEmpty(), name + ": an event keyed so is looked up as an event of a case");
            }
        }
    }

    @Test
    void aCopyOfAnEventWritesNothingUnderTheEventsKeyButItsOtherRowsStill() {
        // given a decision recorded before the batch, and a batch of a referral, two copies of it, and that decision
        var events = SampleEvents.oneOfEach("case-1");
        EventEnvelope<TsunaguEvent> referral = envelope(events.get(0));
        EventEnvelope<TsunaguEvent> routed = envelope(events.get(3));
        EventEnvelope<TsunaguEvent> minutes = envelope(events.get(13));
        List<EventEnvelope<TsunaguEvent>> batch = List.of(referral, minutes, referral, routed, minutes);
        // when its rows are made
        List<Sql> rows = ProjectionBatch.rows(batch,
                batch.stream().map(ReportingProjection::writes).toList(), java.util.Set.of(routed.id()));
        // then the referral's line is there once, the decision's not at all, and rows keyed otherwise all go (their
        // keys decide, as ever)
        assertEquals(List.of("case_event " + referral.id(), "meeting_held", "meeting_held"),
                rows.stream().map(r -> table(r) + (r.sql().contains("case_event(") ? " " + r.params().getFirst()
                        : "")).toList());
    }

    @Test
    void onlyTheServicesOwnSchemaNamesEnterTheSql() {
        Sql w = Sql.of("insert into {s}.t(a, b) values (:a, :b)", 1, 2);
        assertEquals("insert into reporting_replay.t(a, b) values (?, ?)", w.jdbcIn("reporting_replay"));
        assertThrows(IllegalArgumentException.class, () -> w.in("reporting; drop table x"));
        assertThrows(IllegalArgumentException.class, () -> w.in("Reporting"));
    }

    private static List<String> tables(TsunaguEvent event) {
        return rows(ReportingProjection.writes(envelope(event))).stream().map(ReportingProjectionTest::table).toList();
    }

    /** Every row an event writes, those keyed by the event first. */
    private static List<Sql> rows(ReportingProjection.Writes writes) {
        return java.util.stream.Stream.concat(writes.ofEvent().stream(), writes.others().stream()).toList();
    }

    private static String table(Sql w) {
        return w.sql().replaceAll("(?s).*?\\{s}\\.([a-z_]+).*", "$1");
    }

    private static EventEnvelope<TsunaguEvent> envelope(TsunaguEvent event) {
        return new EventEnvelope<>("e-" + event.getClass().getSimpleName(), "/tsunagu/test", Instant.now(),
                LocalDate.of(2024, 6, 26), null, event);
    }
}
