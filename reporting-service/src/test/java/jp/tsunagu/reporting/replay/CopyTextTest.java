package jp.tsunagu.reporting.replay;

import jp.tsunagu.reporting.projection.Sql;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The text a replay sends by COPY. */
class CopyTextTest {

    private static final String EVENT = CopiedInsertTest.EVENT;

    @Test
    void theTextEscapesWhatCopyReadsSpeciallyAndWritesEachTypeAsPostgreSqlReadsIt() {
        int[] columns = CopiedInsert.of(EVENT).orElseThrow().paramOf();
        CopyText buffer = new CopyText();
        OffsetDateTime at = OffsetDateTime.of(2025, 5, 12, 1, 0, 0, 0, ZoneOffset.UTC);
        String text = buffer.of(List.of(
                Sql.of(EVENT, "e1", "c1", at.plusNanos(456_000), LocalDate.of(2025, 5, 12), "相談\t受付\\N\n改行\r",
                        true, 3),
                Sql.of(EVENT, "e2", null, at.plusNanos(123_456_000), null, null, false, null),
                Sql.of(EVENT, "e3", "c", OffsetDateTime.of(987, 12, 31, 23, 59, 59, 7_000, ZoneOffset.ofHours(9)),
                        null, "", false, Integer.MIN_VALUE)), columns).toString();
        assertEquals("""
                e1\tc1\t2025-05-12 01:00:00.000456+00\t2025-05-12\t相談\\t受付\\\\N\\n改行\\r\tt\t3
                e2\t\\N\t2025-05-12 01:00:00.123456+00\t\\N\t\\N\tf\t\\N
                e3\tc\t0987-12-31 14:59:59.000007+00\t\\N\t\tf\t-2147483648
                """, text);
        assertThrows(IllegalArgumentException.class,
                () -> buffer.of(List.of(Sql.of(EVENT, "e3", "c", at, null, new Object(), true, 1)), columns),
                "a value of a type it has no text for is refused, not written as its toString");
        assertThrows(IllegalArgumentException.class,
                () -> buffer.of(List.of(Sql.of(EVENT, "e3", "c", at.plusNanos(1), null, null, true, 1)), columns),
                "a time finer than PostgreSQL keeps is left to JDBC, which rounds it as it always did");
        assertThrows(IllegalArgumentException.class,
                () -> buffer.of(List.of(Sql.of(EVENT, "e3", "c", at, LocalDate.of(10_000, 1, 1), null, true,
                        1)), columns));
    }

    @Test
    void everyCharacterIsWrittenAsUtf8AndTheBufferIsReusedForTheNextRows() throws Exception {
        int[] one = {0};
        String text = "ascii é ß 相談 😀 \uD800 end"; // 2-, 3- and 4-byte characters, an unpaired surrogate
        CopyText buffer = new CopyText();
        byte[] written = buffer.of(List.of(Sql.of("x", text)), one).toString().getBytes(StandardCharsets.UTF_8);
        assertArrayEquals((text + "\n").getBytes(StandardCharsets.UTF_8), written, "as String.getBytes writes it");
        String large = "長".repeat(300_000);
        assertEquals(large + "\n", buffer.of(List.of(Sql.of("x", large)), one).toString(), "grown past its size");
        assertEquals("b\n", buffer.of(List.of(Sql.of("x", "b")), one).toString(), "the earlier rows gone");
    }
}
