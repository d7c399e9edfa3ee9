package jp.tsunagu.reporting;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jp.tsunagu.contract.Topics;
import jp.tsunagu.contract.codes.AgeBand;
import jp.tsunagu.contract.codes.Channel;
import jp.tsunagu.contract.codes.Concern;
import jp.tsunagu.contract.codes.Consent;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.ReviewOutcome;
import jp.tsunagu.contract.codes.Urgency;
import jp.tsunagu.contract.events.CloudEventCodec;
import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.IntakeEvent;
import jp.tsunagu.contract.events.MeetingEvent;
import jp.tsunagu.contract.events.SealedData;
import jp.tsunagu.contract.events.TsunaguEvent;
import jp.tsunagu.testing.TopicProbe;
import jp.tsunagu.testing.TsunaguTestResources;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static jp.tsunagu.testing.Tokens.KURUME;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * service-support's batched consumer, on the real broker and database, through reporting's projection: records
 * written together reach the consumer as one poll and are applied in one transaction.
 */
@QuarkusTest
@QuarkusTestResource(TsunaguTestResources.class)
class StageBatchTest {

    @Inject
    DataSource db;

    @Test
    void aDuplicateIsAppliedOnceAndAMalformedRecordInTheMiddleIsSetAsideWhileTheRestApplies() throws Exception {
        String caseId = UUID.randomUUID().toString();
        EventEnvelope<TsunaguEvent> first = review(caseId, "m-1");
        EventEnvelope<TsunaguEvent> second = review(caseId, "m-2");
        EventEnvelope<TsunaguEvent> third = review(caseId, "m-3");
        double before = applied("jp.tsunagu.meeting.case-reviewed.v1");
        List<ProducerRecord<String, byte[]>> batch = List.of(record(first), record(second),
                new ProducerRecord<>(Topics.MEETINGS, caseId, "{\"not\":\"an event\"".getBytes(StandardCharsets.UTF_8)),
                record(first), record(third));
        sendTogether(batch);

        await().atMost(Duration.ofSeconds(30)).until(() -> reviews(caseId) == 3);
        ConsumerRecord<String, byte[]> dead = TopicProbe.await(Topics.DEAD_LETTER,
                r -> caseId.equals(r.key()) && "reporting".equals(header(r, "dead-letter-consumer")),
                Duration.ofSeconds(30));
        assertFalse(header(dead, "dead-letter-reason").isBlank(), "the dead letter says why");
        assertEquals(Topics.MEETINGS, header(dead, "dead-letter-topic"));
        assertEquals(List.of(first.id(), second.id(), third.id()), ledger(caseId));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> applied("jp.tsunagu.meeting.case-reviewed.v1") == before + 3);
    }

    @Test
    void aDatabaseFailureMidBatchAppliesNothingPastItUntilTheDatabaseIsBackThenEverythingOnce() throws Exception {
        String caseId = UUID.randomUUID().toString();
        EventEnvelope<TsunaguEvent> referral = referral(caseId);
        EventEnvelope<TsunaguEvent> first = review(caseId, "m-1");
        EventEnvelope<TsunaguEvent> second = review(caseId, "m-2");
        double before = applied("jp.tsunagu.meeting.case-reviewed.v1");
        // the referral first, on its own: a poll that held it with the reviews would hold it back with them
        TopicProbe.publish(Topics.INTAKE, referral);
        await().atMost(Duration.ofSeconds(30)).until(() -> ledger(caseId).contains(referral.id()));
        execute("alter table reporting.case_review rename to case_review_away");
        try {
            sendTogether(List.of(record(first), record(second)));
            Thread.sleep(3000);
            // the reviews' writes fail: neither is recorded as applied, and the later one does not overtake
            assertEquals(List.of(referral.id()), ledger(caseId));
        } finally {
            execute("alter table reporting.case_review_away rename to case_review");
        }
        await().atMost(Duration.ofSeconds(90)).until(() -> reviews(caseId) == 2);
        assertEquals(List.of(referral.id(), first.id(), second.id()), ledger(caseId));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> applied("jp.tsunagu.meeting.case-reviewed.v1") == before + 2);
        assertTrue(TopicProbe.readAll(Topics.DEAD_LETTER).stream().noneMatch(r -> caseId.equals(r.key())),
                "a failure of the database sets nothing aside");
    }

    private static EventEnvelope<TsunaguEvent> review(String caseId, String meeting) {
        return new EventEnvelope<>(caseId + "/" + meeting, "/tsunagu/meeting-service", Instant.now(),
                LocalDate.of(2024, 7, 1), null, new MeetingEvent.CaseReviewed(caseId, KURUME, caseId + "/" + meeting,
                MeetingType.JUUSOU_SHIEN_KAIGI, LocalDate.of(2024, 7, 1), ReviewOutcome.CONTINUE, null, List.of(),
                false, null));
    }

    private static EventEnvelope<TsunaguEvent> referral(String caseId) {
        return new EventEnvelope<>(caseId + "/referral-received", "/tsunagu/intake-service", Instant.now(),
                LocalDate.of(2024, 6, 1), null, new IntakeEvent.ReferralReceived(caseId, null, KURUME, "a1",
                Channel.AGENCY, LocalDate.of(2024, 6, 1), "荒木", AgeBand.AGE_40_49, List.of(),
                List.of(Concern.DEBT), Consent.GIVEN, Urgency.ROUTINE, false,
                new SealedData("A256GCM", "case/" + caseId + "/1", "bm9uY2U=", "Y2lwaGVy")));
    }

    private static ProducerRecord<String, byte[]> record(EventEnvelope<TsunaguEvent> envelope) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.MEETINGS, envelope.subject(),
                CloudEventCodec.value(envelope.data()));
        CloudEventCodec.headers(envelope).forEach(record.headers()::add);
        return record;
    }

    /** One producer, one flush: the records land together in one partition and come back in one poll. */
    private static void sendTogether(List<ProducerRecord<String, byte[]>> records) throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TsunaguTestResources.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 50);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            var sent = records.stream().map(producer::send).toList();
            producer.flush();
            for (var s : sent) {
                s.get();
            }
        }
    }

    private List<String> ledger(String caseId) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "select event_id from reporting.processed_event where consumer = 'reporting' and event_id like ?"
                        + " order by applied_at, event_id")) {
            s.setString(1, caseId + "/%");
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        }
    }

    private int reviews(String caseId) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "select count(*) from reporting.case_review where case_id = ?")) {
            s.setString(1, caseId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (java.sql.SQLException renamedAway) {
            return -1;
        }
    }

    private void execute(String sql) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static double applied(String type) {
        String metric = "tsunagu_events_applied_total{consumer=\"reporting\",type=\"" + type + "\"}";
        for (String line : given().get("/q/metrics").asString().split("\n")) {
            if (line.startsWith(metric)) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return 0.0;
    }
}
