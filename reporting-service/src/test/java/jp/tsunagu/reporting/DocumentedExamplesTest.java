package jp.tsunagu.reporting;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jp.tsunagu.testing.DocumentedExamples;
import jp.tsunagu.testing.DocumentedExamples.Given;
import jp.tsunagu.testing.TsunaguTestResources;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static jp.tsunagu.reporting.CaseFiguresAndReplayTest.awaitReplay;
import static jp.tsunagu.testing.Tokens.KURUME;
import static jp.tsunagu.testing.Tokens.bearer;
import static jp.tsunagu.testing.Tokens.role;
import static org.hamcrest.Matchers.equalTo;

/** What an analyst's tool copies from the OpenAPI document works as the document says. */
@QuarkusTest
@QuarkusTestResource(TsunaguTestResources.class)
class DocumentedExamplesTest {

    @Test
    void everyDocumentedRequestExampleIsAcceptedAndDoesWhatItSays() {
        String analyst = role("analyst", KURUME);
        // one replay at a time: each example waits for the one before it to finish
        var sent = DocumentedExamples.replay(Map.of("start", Given.as(analyst)
                .then(started -> awaitReplay(bearer(analyst), started.field("replayId")))));

        awaitReplay(bearer(analyst), sent.get(0).field("replayId")).body("figuresEqual", equalTo(true));
        awaitReplay(bearer(analyst), sent.get(1).field("replayId")).body("figuresEqual", equalTo(true))
                .body("definitions.casesHandled", equalTo("DISTINCT_CASES"))
                .body("definitions.made", equalTo("CREATED_ONLY"));
    }
}
