package jp.tsunagu.reporting.replay;

import jp.tsunagu.reporting.projection.Sql;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which inserts a replay sends by COPY. */
class CopiedInsertTest {

    static final String EVENT = """
            insert into {s}.case_event(event_id, case_id, recorded_at, business_date, summary, coded, version)
            values (:a, :b, :c, :d, :e, :f, :g)
            on conflict do nothing""";

    @Test
    void aProjectionInsertIsTakenApartIntoItsTableColumnsAndConflictClause() {
        CopiedInsert insert = CopiedInsert.of(EVENT).orElseThrow();
        assertEquals("case_event", insert.table());
        assertEquals(List.of("event_id", "case_id", "recorded_at", "business_date", "summary", "coded", "version"),
                insert.columns());
        assertEquals("on conflict do nothing", insert.conflict());
        assertFalse(insert.meetsRowsThere(), "tried straight in first");
        CopiedInsert upsert = CopiedInsert.of("""
                insert into {s}.case_fact(case_id, stage) values (:b, :a)
                on conflict (case_id) do update set stage = excluded.stage""").orElseThrow();
        assertEquals(0, upsert.paramOf()[1], "a column takes the parameter its placeholder names");
        assertEquals(1, upsert.paramOf()[0]);
        assertTrue(upsert.conflict().startsWith("on conflict (case_id) do update"));
        assertTrue(upsert.meetsRowsThere(), "rows written again: through the staging table at once");
    }

    @Test
    void statementsWhoseValuesAreNotOneParameterPerColumnAreNotCopied() {
        assertTrue(CopiedInsert.of("insert into {s}.t(a, b) values (:a, now()) on conflict do nothing").isEmpty());
        assertTrue(CopiedInsert.of("insert into {s}.t(a) values (:a)").isEmpty(), "no conflict clause");
        assertTrue(CopiedInsert.of("update {s}.t set a = :a").isEmpty());
        assertTrue(CopiedInsert.of("insert into {s}.t(a, b) select :a, :b on conflict do nothing").isEmpty());
        assertTrue(CopiedInsert.of("insert into {s}.t(a, n) values (:a, :b) on conflict (a) do update set n = :c")
                .isEmpty(), "a conflict clause with a parameter of its own");
        assertTrue(CopiedInsert.of("insert into {s}.t(a, n) values (:a, :b) on conflict (a) do update set n = 1::int")
                .isPresent(), "a cast is no parameter");
    }
}
