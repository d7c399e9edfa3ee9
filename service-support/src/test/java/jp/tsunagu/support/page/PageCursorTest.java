package jp.tsunagu.support.page;

import jp.tsunagu.support.problem.ApiProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A cursor sent back altered is a 400 /problems/cursor whatever was altered, never a parse error (a 500). */
class PageCursorTest {

    @ParameterizedTest(name = "{0} read as {1}")
    @CsvSource(delimiter = '|', textBlock = """
            x1y                    | date
            2025-02-30             | date
            +12345-01-01           | date
            x1y                    | instant
            2025-01-01T00:00:00    | instant
            +12345-01-01T00:00:00Z | instant
            1e3                    | number
            99999999999999999999   | number
            """)
    void aKeyPartOfTheWrongKindIsABadCursor(String part, String kind) {
        PageCursor cursor = PageCursor.decode(encode("v1\ns\n" + part), "s", 1);
        ApiProblem problem = assertThrows(ApiProblem.class, () -> {
            switch (kind) {
                case "date" -> cursor.date(0);
                case "instant" -> cursor.instant(0);
                default -> cursor.number(0);
            }
        });
        assertEquals("/problems/cursor", problem.toProblem(null).type());
        assertEquals(400, problem.status());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not base64             | not*base64
            base64 of something    | aGVsbG8sIHdvcmxk
            no key                 | djEKcw
            """)
    void aCursorThatIsNotOursIsABadCursor(String given, String token) {
        assertEquals("/problems/cursor", assertThrows(ApiProblem.class, () -> PageCursor.decode(token, "s", 1))
                .toProblem(null).type());
    }

    @Test
    void aControlCharacterInTheKeyIsABadCursor() {
        assertThrows(ApiProblem.class, () -> PageCursor.decode(encode("v1\ns\nid\u0000"), "s", 1));
    }

    @Test
    void aCursorWeGaveOutReadsBack() {
        PageCursor given = new PageCursor("s", List.of("2025-02-03", "17", "case-1"));
        PageCursor read = PageCursor.decode(given.encode(), "s", 3);
        assertEquals(LocalDate.of(2025, 2, 3), read.date(0));
        assertEquals(17L, read.number(1));
        assertEquals("case-1", read.text(2));
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
