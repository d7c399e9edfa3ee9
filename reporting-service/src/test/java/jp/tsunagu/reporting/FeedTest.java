package jp.tsunagu.reporting;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jp.tsunagu.contract.Topics;
import jp.tsunagu.contract.codes.Consent;
import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.IntakeEvent;
import jp.tsunagu.contract.events.TsunaguEvent;
import jp.tsunagu.testing.TopicProbe;
import jp.tsunagu.testing.TsunaguTestResources;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static jp.tsunagu.testing.Tokens.KURUME;
import static jp.tsunagu.testing.Tokens.NAGAREYAMA;
import static jp.tsunagu.testing.Tokens.bearer;
import static jp.tsunagu.testing.Tokens.role;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The portal feed delivers case events as SSE and resumes after Last-Event-ID. */
@QuarkusTest
@QuarkusTestResource(TsunaguTestResources.class)
class FeedTest {

    @TestHTTPResource("/feed/cases")
    URI feed;

    @Test
    void caseEventsArriveAsServerSentEventsAndTheFeedResumes() throws Exception {
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        publish(first);
        String firstId = readUntil(null, first, role("coordinator", KURUME)).get(0);
        publish(second);
        List<String> resumed = readUntil(firstId, second, role("coordinator", KURUME));
        assertTrue(Long.parseLong(resumed.get(0)) > Long.parseLong(firstId), "resumes after Last-Event-ID");
        assertFalse(resumed.contains(firstId), "nothing at or before Last-Event-ID again");
    }

    @Test
    void eachMunicipalityNumbersItsOwnFeedSoAnotherCitysActivityLeavesNoGap() throws Exception {
        String before = UUID.randomUUID().toString();
        String elsewhere = UUID.randomUUID().toString();
        String after = UUID.randomUUID().toString();
        publish(before, KURUME);
        long a = Long.parseLong(readUntil(null, before, role("coordinator", KURUME)).get(0));
        publish(elsewhere, NAGAREYAMA);
        readUntil(null, elsewhere, role("coordinator", NAGAREYAMA));
        publish(after, KURUME);
        long b = Long.parseLong(readUntil(Long.toString(a), after, role("coordinator", KURUME)).get(0));
        assertEquals(a + 1, b, "the next id of the city's own feed, whatever happened elsewhere");
    }

    @Test
    void aBatchOfEventsFromTwoCitiesIsNumberedWithoutGapOrRepeatInEach() throws Exception {
        String mark = UUID.randomUUID().toString();
        publish(mark, KURUME);
        long a = Long.parseLong(readUntil(null, mark, role("coordinator", KURUME)).get(0));
        // published back to back, so the consumer takes them in batches that mix the two cities
        List<String> kurume = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String k = UUID.randomUUID().toString();
            kurume.add(k);
            publish(k, KURUME);
            publish(UUID.randomUUID().toString(), NAGAREYAMA);
        }
        List<Long> ids = new ArrayList<>();
        for (String caseId : kurume) {
            if (lines.stream().noneMatch(l -> l.startsWith("data:") && l.contains(caseId))) {
                readUntil(Long.toString(a), caseId, role("coordinator", KURUME))
                        .forEach(id -> ids.add(Long.parseLong(id)));
            }
        }
        List<Long> distinct = ids.stream().distinct().sorted().toList();
        assertEquals(java.util.stream.LongStream.rangeClosed(a + 1, a + 20).boxed().toList(), distinct,
                "Kurume's twenty events are numbered " + (a + 1) + " to " + (a + 20));
    }

    @Test
    void thePortalFollowsCasesByPseudonymWithoutSummaries() throws Exception {
        String caseId = UUID.randomUUID().toString();
        publish(caseId);
        String pseudonym = jp.tsunagu.reporting.export.Pseudonymizer.withSalt(
                "test-only-feed-pseudonym-key".getBytes(StandardCharsets.UTF_8)).pseudonym(caseId);
        List<String> seen = readUntil(null, pseudonym, role("portal", KURUME));
        assertFalse(lines.stream().anyMatch(l -> l.contains(caseId)), "no case id in the portal's feed");
        assertFalse(lines.stream().anyMatch(l -> l.contains("\"summary\"")), "no summary in the portal's feed");
        assertFalse(seen.isEmpty());
    }

    private final List<String> lines = new ArrayList<>();

    /** Reads the stream until an event about {@code caseId}; returns the ids seen, that event's id first. */
    private List<String> readUntil(String lastEventId, String caseId, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(feed).header("Accept", "text/event-stream")
                .header("Authorization", bearer(token)).timeout(Duration.ofSeconds(60));
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient().send(request.GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        List<String> ids = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String id = null;
            for (String line; (line = in.readLine()) != null; ) {
                lines.add(line);
                if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                    ids.add(id);
                } else if (line.startsWith("data:") && line.contains(caseId)) {
                    ids.remove(id);
                    ids.add(0, id);
                    return ids;
                }
            }
        }
        throw new AssertionError("stream ended before the event of " + caseId);
    }

    private static void publish(String caseId) {
        publish(caseId, KURUME);
    }

    private static void publish(String caseId, String municipality) {
        TopicProbe.publish(Topics.INTAKE, new EventEnvelope<TsunaguEvent>(caseId + "/consent", "/tsunagu/test",
                Instant.now(), LocalDate.of(2024, 6, 1), null,
                new IntakeEvent.ConsentRecorded(caseId, municipality, Consent.GIVEN, LocalDate.of(2024, 6, 1))));
    }
}
