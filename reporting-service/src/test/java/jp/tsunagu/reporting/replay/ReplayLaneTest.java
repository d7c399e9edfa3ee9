package jp.tsunagu.reporting.replay;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.TsunaguEvent;
import jp.tsunagu.reporting.projection.Sql;
import jp.tsunagu.testing.TsunaguTestResources;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import static jp.tsunagu.reporting.replay.ReplayLaneWritesTest.CITY;
import static jp.tsunagu.reporting.replay.ReplayLaneWritesTest.envelope;
import static jp.tsunagu.reporting.replay.ReplayLaneWritesTest.polls;
import static jp.tsunagu.reporting.replay.ReplayLaneWritesTest.referral;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A replay's lane as the load drives it: shares of events handed to its writer thread, ahead of their writing, then
 * the round's end. Against the replay's own schema in PostgreSQL.
 */
@QuarkusTest
@QuarkusTestResource(TsunaguTestResources.class)
class ReplayLaneTest {

    private static final Instant AT = Instant.parse("2025-05-12T01:00:00Z");

    @Inject
    ReplaySchema schemas;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void theRoundsEndLeavesEveryShareAndEveryHeldRowOfFactsInTheTables() throws Exception {
        // given a lane that holds its cases' rows of facts between shares
        String schema = schemas.of(CITY);
        schemas.fresh(schema);
        String prefix = "lane-" + UUID.randomUUID() + "-";
        try (ReplayLane lane = new ReplayLane(dataSource.getConnection(), schema, 100)) {
            lane.expect(10);
            ReplayRun run = run();

            // when three shares are handed to it, more than it writes ahead, and the round ends
            for (List<EventEnvelope<TsunaguEvent>> share : polls(prefix, AT)) {
                lane.write(share, run);
            }
            lane.endRound();

            // then every event is written, and the held rows of facts are in the table with their decisions
            assertEquals(6L, count(lane, "select count(*) from {s}.case_event where case_id like :a", prefix + "%"));
            assertEquals(3L, count(lane, "select count(*) from {s}.case_fact where case_id like :a"
                    + " and routed_agency is not null", prefix + "%"));
            assertEquals(6L, run.done.get());
        }
    }

    @Test
    void aShareThatFailsFailsTheLaneAndNoShareHandedAfterItIsWritten() throws Exception {
        String schema = schemas.of(CITY);
        schemas.fresh(schema);
        String prefix = "failing-" + UUID.randomUUID() + "-";
        List<List<EventEnvelope<TsunaguEvent>>> polls = polls(prefix, AT);
        String later = prefix + "later";
        try (ReplayLane lane = new ReplayLane(dataSource.getConnection(), schema, 0);
             Connection other = dataSource.getConnection(); Statement s = other.createStatement()) {
            lane.expect(10);
            ReplayRun run = run();
            // given the referrals written, and the decisions handed to the lane while another transaction locks
            // their table
            decisionsWaitingForALock(lane, polls, run, other, schema);

            // when another case's referral is handed behind them, and the other transaction drops the table the
            // decisions wait for
            lane.write(List.of(envelope(later + "/referral-received", AT, referral(later))), run);
            s.execute("drop table " + schema + ".routing_outcome");
            other.commit();

            // then the round's end throws the decisions' failure, the first share stays written, and the share
            // handed after the failed one is not written, though it was already waiting
            ExecutionException failure = assertThrows(ExecutionException.class, lane::endRound);
            assertTrue(rootCause(failure) instanceof SQLException, rootCause(failure).toString());
            assertEquals(3L, count(lane, "select count(*) from {s}.case_event where case_id like :a", prefix + "%"));
            assertEquals(0L, count(lane, "select count(*) from {s}.case_event where case_id = :a", later));
        }
    }

    @Test
    void aFailedShareIsToldAtTheNextCheckWithNoShareHandedAfterIt() throws Exception {
        String schema = schemas.of(CITY);
        schemas.fresh(schema);
        List<List<EventEnvelope<TsunaguEvent>>> polls = polls("told-" + UUID.randomUUID() + "-", AT);
        try (ReplayLane lane = new ReplayLane(dataSource.getConnection(), schema, 0);
             Connection other = dataSource.getConnection(); Statement s = other.createStatement()) {
            lane.expect(10);
            ReplayRun run = run();
            // given the referrals written, and the decisions handed to the lane while their table is locked
            decisionsWaitingForALock(lane, polls, run, other, schema);

            // when the table is dropped under them, and nothing more is handed to the lane (its share fills slowly)
            s.execute("drop table " + schema + ".routing_outcome");
            other.commit();

            // then the reader's check after a poll throws the failure once the writer has met it
            await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
                ExecutionException failure = assertThrows(ExecutionException.class, lane::checkWritten);
                assertTrue(rootCause(failure) instanceof SQLException, rootCause(failure).toString());
            });
        }
    }

    /** Writes the referrals, locks the decisions' table from {@code other}, then hands the decisions to the lane. */
    private static void decisionsWaitingForALock(ReplayLane lane, List<List<EventEnvelope<TsunaguEvent>>> polls,
                                                 ReplayRun run, Connection other, String schema) throws Exception {
        lane.write(polls.get(0), run);
        lane.endRound();
        other.setAutoCommit(false);
        try (Statement s = other.createStatement()) {
            s.execute("lock table " + schema + ".routing_outcome in access exclusive mode");
        }
        lane.write(polls.get(1), run);
    }

    private static ReplayRun run() {
        return new ReplayRun(UUID.randomUUID().toString(), null, "test", CITY);
    }

    private static long count(ReplayLane lane, String sql, String value) {
        return (Long) lane.target().query(Sql.of(sql, value)).await().indefinitely().getFirst()[0];
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
