package jp.tsunagu.contract.events;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The record's time attributes read exactly as the JDK's parsers read them, whatever the text. */
class AttributeTimesTest {

    @Test
    void everyTimeTheCodecWritesIsReadAsTheJdkReadsIt() {
        // given 100,000 instants of years 0000–9999, whole seconds and milli-, micro- and nanosecond fractions
        SplittableRandom random = new SplittableRandom(32);
        long first = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long last = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        int[] steps = {1_000_000_000, 1_000_000, 1_000, 1};
        for (int i = 0; i < 100_000; i++) {
            int step = steps[i % steps.length];
            Instant at = Instant.ofEpochSecond(random.nextLong(first, last + 1),
                    random.nextInt(1_000_000_000) / step * step);

            // then its text (as the codec writes it) reads back as the same instant, as Instant.parse reads it
            String text = at.toString();
            assertEquals(at, AttributeTimes.instant(text), text);
            assertEquals(Instant.parse(text), AttributeTimes.instant(text), text);
            String day = text.substring(0, 10);
            assertEquals(LocalDate.parse(day), AttributeTimes.localDate(day), day);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-05-12T01:02:03Z", "2025-05-12T01:02:03.4Z", "2025-05-12T01:02:03.45Z",
            "2025-05-12T01:02:03.1234Z", "2025-05-12T01:02:03.12345Z", "2025-05-12T01:02:03.1234567Z",
            "2025-05-12T01:02:03.12345678Z", "2025-05-12T01:02:03.123456789Z", "2024-02-29T23:59:59.9Z",
            "2025-05-12T01:02:03+09:00", "2025-05-12t01:02:03z", "2025-05-12T24:00:00Z", "2025-05-12T24:30:00Z",
            "2016-12-31T23:59:60Z", "+12025-05-12T01:02:03Z", "2025-05-12T01:02:03.1234567890Z",
            "2025-05-12T01:02:03.Z", "2025-02-30T01:02:03Z", "2025-13-01T00:00:00Z", "2025-05-12T01:02:60Z",
            "2025-05-12T01:60:03Z", "2025-05-12 01:02:03Z", "2025-05-12T01:02:0xZ", "２０２５-05-12T01:02:03Z",
            "1900-02-29T00:00:00Z", "2000-02-29T00:00:00Z", "0000-01-01T00:00:00Z", "2025-05-12T01:02:03",
            "2025-05-12", "", "not a time"})
    void anyOtherTextIsAcceptedOrRefusedAsTheJdkDoes(String text) {
        assertSameOutcome(() -> Instant.parse(text), () -> AttributeTimes.instant(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-05-12", "0000-01-01", "9999-12-31", "2024-02-29", "2025-02-29", "2025-04-31",
            "2025-00-10", "2025-5-12", "+12025-05-12", "2025/05/12", "2025-05-1x", "２０２５-05-12", "20250512",
            ""})
    void anyDateIsAcceptedOrRefusedAsTheJdkDoes(String text) {
        assertSameOutcome(() -> LocalDate.parse(text), () -> AttributeTimes.localDate(text), text);
    }

    private static void assertSameOutcome(Callable<Object> jdk, Callable<Object> ours, String text) {
        assertEquals(outcome(jdk), outcome(ours), text);
    }

    /** The value read, or the refusal's type and the text it names. */
    private static Object outcome(Callable<Object> read) {
        try {
            return read.call();
        } catch (DateTimeParseException e) {
            return "refused: " + e.getParsedString() + " at " + e.getErrorIndex();
        } catch (DateTimeException e) {
            return "refused: " + e.getMessage();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
