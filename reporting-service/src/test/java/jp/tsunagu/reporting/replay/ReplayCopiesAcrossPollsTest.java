package jp.tsunagu.reporting.replay;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jp.tsunagu.contract.codes.AgeBand;
import jp.tsunagu.contract.codes.Channel;
import jp.tsunagu.contract.codes.Concern;
import jp.tsunagu.contract.codes.Consent;
import jp.tsunagu.contract.codes.Field;
import jp.tsunagu.contract.codes.Urgency;
import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.IntakeEvent;
import jp.tsunagu.contract.events.RoutingEvent;
import jp.tsunagu.contract.events.SealedData;
import jp.tsunagu.contract.events.TsunaguEvent;
import jp.tsunagu.reporting.projection.EarlierCopies;
import jp.tsunagu.reporting.projection.ProjectionBatch;
import jp.tsunagu.reporting.projection.SeenEventIds;
import jp.tsunagu.reporting.projection.Sql;
import jp.tsunagu.testing.TsunaguTestResources;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * A replay's lane looks up in {@code case_event} only the events it may have written before ({@link SeenEventIds}):
 * a copy published again later, read in a later poll, must still take its first copy's time, so the case's row is
 * as the first copy left it. Against the replay's own schema in PostgreSQL, over the lane's JDBC runner.
 */
@QuarkusTest
@QuarkusTestResource(TsunaguTestResources.class)
class ReplayCopiesAcrossPollsTest {

    static final String CITY = "999999"; // a replay schema no other test uses
    static final LocalDate ON = LocalDate.of(2025, 5, 12);

    @Inject
    ReplaySchema schemas;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void aCopyInALaterPollKeepsTheFirstCopysTime() throws Exception {
        // given a replay schema, a referral and its routing decision written in one poll
        String schema = schemas.of(CITY);
        schemas.fresh(schema);
        String caseId = "copy-" + UUID.randomUUID();
        Instant first = Instant.parse("2025-05-12T01:00:00Z");
        var referral = envelope(caseId + "/referral-received", first, referral(caseId));
        var routed = envelope(caseId + "/r", first.plusSeconds(60), routed(caseId));
        // routing died after Kafka acknowledged its decision and published it again, an hour later
        var copy = envelope(caseId + "/r", first.plusSeconds(3600), routed(caseId));
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            JdbcSqlRunner lane = new JdbcSqlRunner(connection, schema);
            SeenEventIds written = new SeenEventIds(100);
            ProjectionBatch.apply(lane, List.of(referral, routed), written).await().indefinitely();
            connection.commit();
            Object[] afterFirstPoll = stage(lane, caseId);

            // when the copy comes in the lane's next poll
            ProjectionBatch.apply(lane, List.of(copy), written).await().indefinitely();
            connection.commit();

            // then the case's stage and its time are the first copy's
            assertEquals(Arrays.asList(afterFirstPoll), Arrays.asList(stage(lane, caseId)));

            // as the live consumer's lookup of every event gives
            ProjectionBatch.apply(lane, List.of(copy), EarlierCopies.ANYWHERE).await().indefinitely();
            assertEquals(Arrays.asList(afterFirstPoll), Arrays.asList(stage(lane, caseId)),
                    "looking every event up gives the first copy's time too");
            connection.rollback();
            // and a lane that had forgotten it wrote the decision would have taken the copy's later time
            ProjectionBatch.apply(lane, List.of(copy), new SeenEventIds(100)).await().indefinitely();
            assertNotEquals(Arrays.asList(afterFirstPoll), Arrays.asList(stage(lane, caseId)),
                    "without the lookup the copy's own time is taken: this test can tell");
            connection.rollback();
        }
    }

    private static Object[] stage(JdbcSqlRunner lane, String caseId) {
        return lane.query(Sql.of("select stage, stage_at from {s}.case_fact where case_id = :a", caseId))
                .await().indefinitely().getFirst();
    }

    private static EventEnvelope<TsunaguEvent> envelope(String id, Instant at, TsunaguEvent event) {
        return new EventEnvelope<>(id, "/tsunagu/test", at, ON, null, event);
    }

    private static IntakeEvent.ReferralReceived referral(String caseId) {
        return new IntakeEvent.ReferralReceived(caseId, null, CITY, null, Channel.AGENCY, ON, "中部",
                AgeBand.AGE_40_49, List.of(), List.of(Concern.HIKIKOMORI), Consent.GIVEN, Urgency.ROUTINE, false,
                new SealedData("A256GCM", "case/" + caseId + "/1", "bm9uY2U=", "Y2lwaGVy"));
    }

    private static RoutingEvent.CaseRouted routed(String caseId) {
        return new RoutingEvent.CaseRouted(caseId, CITY, "nagareyama-houkatsu", List.of(Field.ELDERLY), List.of(),
                "r", "d");
    }
}
