package jp.tsunagu.reporting.projection;

import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a replay lane remembers of the ids it wrote: never a false "no"; a small share of false "may have". */
class SeenIdsTest {

    @Test
    void everyRecordedIdMayBeThereAndFewOthersSeemTo() {
        // given a filter sized for 100,000 ids, holding the routing decisions of 100,000 cases
        SeenIds seen = new SeenIds(100_000);
        IntStream.range(0, 100_000).forEach(i -> seen.recorded("case-" + i + "/r"));

        // then each of them may be there, and of 100,000 other ids about 1 % seem to be (each a lookup, no more)
        assertEquals(100_000, IntStream.range(0, 100_000).filter(i -> seen.mayHave("case-" + i + "/r")).count());
        long falseMayHave = IntStream.range(0, 100_000).filter(i -> seen.mayHave("case-" + i + "/referral-received"))
                .count();
        assertTrue(falseMayHave < 3_000, falseMayHave + " of 100,000 ids never recorded seemed recorded");
    }

    @Test
    void beyondItsSizeItOnlyLooksUpMore() {
        // given a filter sized for 10 ids, holding 20,000
        SeenIds seen = new SeenIds(10);
        IntStream.range(0, 20_000).forEach(i -> seen.recorded("e-" + i));

        // then still every recorded id may be there
        assertTrue(IntStream.range(0, 20_000).allMatch(i -> seen.mayHave("e-" + i)));
    }

    @Test
    void anEmptyLaneHasWrittenNothing() {
        SeenIds seen = new SeenIds(0);
        assertTrue(IntStream.range(0, 1_000).noneMatch(i -> seen.mayHave("e-" + i)));
    }

    @Test
    void idsBeyondAsciiAreRememberedAsWell() {
        // given ids of Japanese text and of a character outside the basic plane (hashed from their UTF-8 bytes)
        SeenIds seen = new SeenIds(1_000);
        IntStream.range(0, 1_000).forEach(i -> seen.recorded("相談-" + i + "-\uD842\uDFB7"));

        // then each may be there, and few ids differing in one character seem to be
        assertTrue(IntStream.range(0, 1_000).allMatch(i -> seen.mayHave("相談-" + i + "-\uD842\uDFB7")));
        long falseMayHave = IntStream.range(0, 1_000).filter(i -> seen.mayHave("相談-" + i + "-\uD842\uDFB8"))
                .count();
        assertTrue(falseMayHave < 50, falseMayHave + " of 1,000 ids never recorded seemed recorded");
    }
}
