package jp.tsunagu.reporting.replay;

import jp.tsunagu.reporting.projection.Sql;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which inserts a replay sends by COPY, and the text it sends. */
class CopiedInsertTest {

    private static final String EVENT = """
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
        CopiedInsert upsert = CopiedInsert.of("""
                insert into {s}.case_fact(case_id, stage) values (:b, :a)
                on conflict (case_id) do update set stage = excluded.stage""").orElseThrow();
        assertEquals(0, upsert.paramOf()[1], "a column takes the parameter its placeholder names");
        assertEquals(1, upsert.paramOf()[0]);
        assertTrue(upsert.conflict().startsWith("on conflict (case_id) do update"));
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

    @Test
    void theTextEscapesWhatCopyReadsSpeciallyAndWritesEachTypeAsPostgreSqlReadsIt() {
        CopiedInsert insert = CopiedInsert.of(EVENT).orElseThrow();
        OffsetDateTime at = OffsetDateTime.of(2025, 5, 12, 1, 0, 0, 0, ZoneOffset.UTC);
        String text = new String(insert.text(List.of(
                Sql.of(EVENT, "e1", "c1", at.plusNanos(456_000), LocalDate.of(2025, 5, 12), "相談\t受付\\N\n改行\r",
                        true, 3),
                Sql.of(EVENT, "e2", null, at.plusNanos(123_456_000), null, null, false, null),
                Sql.of(EVENT, "e3", "c", OffsetDateTime.of(987, 12, 31, 23, 59, 59, 7_000, ZoneOffset.ofHours(9)),
                        null, "", false, Integer.MIN_VALUE))),
                StandardCharsets.UTF_8);
        assertEquals("""
                e1\tc1\t2025-05-12 01:00:00.000456+00\t2025-05-12\t相談\\t受付\\\\N\\n改行\\r\tt\t3
                e2\t\\N\t2025-05-12 01:00:00.123456+00\t\\N\t\\N\tf\t\\N
                e3\tc\t0987-12-31 14:59:59.000007+00\t\\N\t\tf\t-2147483648
                """, text);
        assertThrows(IllegalArgumentException.class,
                () -> insert.text(List.of(Sql.of(EVENT, "e3", "c", at, null, new Object(), true, 1))),
                "a value of a type it has no text for is refused, not written as its toString");
        assertThrows(IllegalArgumentException.class,
                () -> insert.text(List.of(Sql.of(EVENT, "e3", "c", at.plusNanos(1), null, null, true, 1))),
                "a time finer than PostgreSQL keeps is left to JDBC, which rounds it as it always did");
        assertThrows(IllegalArgumentException.class,
                () -> insert.text(List.of(Sql.of(EVENT, "e3", "c", at, LocalDate.of(10_000, 1, 1), null, true, 1))));
    }
}
