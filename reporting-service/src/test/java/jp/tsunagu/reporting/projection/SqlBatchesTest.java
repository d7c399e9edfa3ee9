package jp.tsunagu.reporting.projection;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How a batch's writes are put together: inserts that do nothing on conflict as one multi-row statement each. */
class SqlBatchesTest {

    private static final String EVENT = """
            insert into {s}.case_event(event_id, case_id) values (:a, :b) on conflict do nothing""";
    private static final String FACT = """
            insert into {s}.case_fact(case_id, stage) values (:a, :b)
            on conflict (case_id) do update set stage = excluded.stage""";

    @Test
    void rowsOfAnInsertThatDoesNothingOnConflictGoInOneStatementAndUpsertsStayOneByOneInOrder() {
        List<Sql> batches = Sql.inBatches(List.of(Sql.of(EVENT, "e1", "c1"), Sql.of(FACT, "c1", "RECEIVED"),
                Sql.of(EVENT, "e2", "c1"), Sql.of(FACT, "c1", "ROUTED")));
        assertEquals(3, batches.size());
        assertEquals("insert into reporting.case_event(event_id, case_id) values (?1, ?2), (?3, ?4) on conflict do nothing",
                batches.get(0).in("reporting"));
        assertEquals(List.of("e1", "c1", "e2", "c1"), batches.get(0).jdbcParams());
        assertEquals("insert into r.case_event(event_id, case_id) values (?, ?), (?, ?) on conflict do nothing",
                batches.get(0).jdbcIn("r"));
        assertEquals(List.of("c1", "RECEIVED"), batches.get(1).jdbcParams(), "the upsert keeps its order");
        assertEquals(List.of("c1", "ROUTED"), batches.get(2).jdbcParams());
    }

    @Test
    void placeholdersAreTheSameWhetherATextIsWorkedOutTheFirstTimeOrFromItsKeptShape() {
        String twice = "update {s}.case_fact set stage = :b where case_id = :a and stage <> :b";
        for (int run = 0; run < 2; run++) {
            Sql w = Sql.of(twice, "c1", "ROUTED");
            assertEquals("update r.case_fact set stage = $2 where case_id = $1 and stage <> $2", w.positional("r"));
            assertEquals("update r.case_fact set stage = ? where case_id = ? and stage <> ?", w.jdbcIn("r"));
            assertEquals(List.of("ROUTED", "c1", "ROUTED"), w.jdbcParams());
        }
        Sql rows = Sql.inBatches(List.of(Sql.of(EVENT, "e1", "c1"), Sql.of(EVENT, "e2", "c1"))).get(0);
        assertEquals("insert into r.case_event(event_id, case_id) values ($1, $2), ($3, $4) on conflict do nothing",
                rows.positional("r"));
        assertEquals(List.of("e1", "c1", "e2", "c1"), rows.jdbcParams());
        Sql six = Sql.inBatches(java.util.stream.IntStream.range(0, 6).mapToObj(i -> Sql.of(EVENT, "e" + i, "c"))
                .toList()).get(0);
        assertEquals("insert into r.case_event(event_id, case_id) values (?, ?), (?, ?), (?, ?), (?, ?), (?, ?), (?, ?)"
                + " on conflict do nothing", six.jdbcIn("r"), "numbers of two digits are placeholders too");
        assertTrue(six.positional("r").endsWith("($9, $10), ($11, $12) on conflict do nothing"));
        assertThrows(IllegalArgumentException.class, () -> six.jdbcIn("R; drop"), "a schema checked before");
    }

    @Test
    void aSingleRowIsLeftAsItIsAndLargeBatchesAreSplit() {
        assertEquals(List.of(Sql.of(EVENT, "e1", "c1")), Sql.inBatches(List.of(Sql.of(EVENT, "e1", "c1"))));
        List<Sql> many = java.util.stream.IntStream.range(0, 2500).mapToObj(i -> Sql.of(EVENT, "e" + i, "c")).toList();
        List<Sql> batches = Sql.inBatches(many);
        assertEquals(3, batches.size());
        assertEquals(2000, batches.get(0).params().size());
        assertEquals(List.of("e2000", "c"), batches.get(2).params().subList(0, 2));
    }
}
