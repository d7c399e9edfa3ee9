package jp.tsunagu.testing;

import jp.tsunagu.contract.Topics;
import jp.tsunagu.contract.codes.Consent;
import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.IntakeEvent;
import jp.tsunagu.contract.events.RoutingEvent;
import jp.tsunagu.contract.events.TsunaguEvent;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * What every Tsunagu service must do from its first day, run against the real broker and database: be ready, publish
 * its OpenAPI document and metrics, consume the stage topics it needs (each event applied once, even when
 * redelivered) and send a record that is not an event to the dead-letter topic while later events still apply.
 * A service's test class extends this, annotated {@code @QuarkusTest @QuarkusTestResource(TsunaguTestResources.class)}.
 */
public abstract class StageServiceChecks {

    /** A topic this service consumes, and an event valid on it. */
    protected abstract String consumedTopic();

    protected TsunaguEvent sampleEvent(String caseId) {
        return switch (consumedTopic()) {
            case Topics.INTAKE -> new IntakeEvent.ConsentRecorded(caseId, Tokens.KURUME, Consent.GIVEN,
                    LocalDate.of(2024, 6, 1));
            case Topics.ROUTING -> new RoutingEvent.RoutingAccepted(caseId, Tokens.KURUME, "kurume-houkatsu-01");
            default -> throw new IllegalStateException("override sampleEvent for " + consumedTopic());
        };
    }

    /** The ledger name of the consumer that applies {@link #consumedTopic()}. */
    protected abstract String consumerName();

    @Test
    void isReadyWithoutAToken() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void publishesOpenApiAndMetrics() throws Exception {
        OpenApiLint.check(given().get("/q/openapi?format=json").then().statusCode(200)
                .body("openapi", notNullValue()).extract().asString());
        given().get("/q/metrics").then().statusCode(200);
    }

    @Test
    void appliesEachConsumedEventOnceAndDeadLettersPoison() {
        String poisonKey = "poison-" + UUID.randomUUID();
        ProducerRecord<String, byte[]> poison = new ProducerRecord<>(consumedTopic(), poisonKey,
                "garbage".getBytes(StandardCharsets.UTF_8));
        TopicProbe.send(poison);

        String caseId = UUID.randomUUID().toString();
        EventEnvelope<TsunaguEvent> envelope = new EventEnvelope<>("test/" + caseId, "/tsunagu/test", Instant.now(),
                LocalDate.of(2024, 6, 1), null, sampleEvent(caseId));
        String metric = "tsunagu_events_applied_total{consumer=\"" + consumerName() + "\",type=\"" + envelope.type()
                + "\"}";
        double before = appliedCount(metric);
        TopicProbe.publish(consumedTopic(), envelope);
        TopicProbe.publish(consumedTopic(), envelope);

        await().atMost(Duration.ofSeconds(30)).until(() -> appliedCount(metric) >= before + 1.0);
        TopicProbe.await(Topics.DEAD_LETTER, r -> poisonKey.equals(r.key()),
                Duration.ofSeconds(30));
        // the redelivered copy is skipped by the ledger, not applied a second time
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> appliedCount(metric) == before + 1.0);
    }

    private static double appliedCount(String metric) {
        String body = given().get("/q/metrics").asString();
        for (String line : body.split("\n")) {
            if (line.startsWith(metric)) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return 0.0;
    }
}
