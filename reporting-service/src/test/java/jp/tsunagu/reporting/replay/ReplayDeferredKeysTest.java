package jp.tsunagu.reporting.replay;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jp.tsunagu.reporting.projection.ProjectionBatch;
import jp.tsunagu.reporting.projection.ReportingProjection;
import jp.tsunagu.reporting.projection.SeenIds;
import jp.tsunagu.reporting.projection.Sql;
import jp.tsunagu.testing.TsunaguTestResources;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static jp.tsunagu.reporting.projection.CaseFactRows.STORED;
import static jp.tsunagu.reporting.replay.ReplayLaneWritesTest.CITY;
import static jp.tsunagu.reporting.replay.ReplayLaneWritesTest.ON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A replay's load without the keys of the tables keyed by an event's id ({@link ReplaySchema}): copies of an event
 * left out of them meanwhile ({@link ProjectionBatch}), the keys built after it or the replay failed, the lookup of
 * earlier copies planned by its index, and a key met elsewhere undoing a poll's rows before they go again.
 */
@QuarkusTest
@QuarkusTestResource(TsunaguTestResources.class)
class ReplayDeferredKeysTest {

    /** A line of history, of the columns these tests fill. */
    private static final String LINE = """
            insert into {s}.case_event(event_id, case_id, municipality, event_type, source, business_date,
                                       recorded_at, summary, coded)
            values (:a, :b, :c, :d, :e, :f, :g, :h, :i) on conflict do nothing""";
    private static final OffsetDateTime AT = OffsetDateTime.parse("2025-05-12T01:02:03Z");

    @Inject
    ReplaySchema schemas;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void theTablesKeyedByEventGetTheirKeysAfterTheLoadAndCopiesAreLeftOutMeanwhile() throws Exception {
        // given a fresh replay schema: its tables keyed by an event's id have no key during the load
        String schema = schemas.of(CITY);
        List<String> deferred = schemas.fresh(schema);
        assertEquals(List.of(), keys(schema), "no key on case_event, routing_outcome, plan_change");
        ReplayLaneWritesTest.DecidedTwice decided = ReplayLaneWritesTest.DecidedTwice.of();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            JdbcSqlRunner lane = new JdbcSqlRunner(connection, schema);
            SeenIds written = new SeenIds(100);
            // when a poll holds the decision twice and the next poll a third copy
            ProjectionBatch.apply(lane, List.of(decided.referral(), decided.routed(), decided.copy()), written,
                    STORED).await().indefinitely();
            connection.commit();
            ProjectionBatch.apply(lane, List.of(decided.copy()), written, STORED).await().indefinitely();
            connection.commit();
            // then each event's rows are there once, and the keys are built after the load
            assertEquals(List.of(decided.referral().id(), decided.routed().id()), lane.query(Sql.of(
                    "select event_id from {s}.case_event order by recorded_at")).await().indefinitely()
                    .stream().map(r -> r[0]).toList());
            assertEquals(1, lane.query(Sql.of("select event_id from {s}.routing_outcome")).await().indefinitely()
                    .size());
            ReplaySchema.buildIndexes(connection, deferred);
            assertEquals(List.of("case_event", "plan_change", "routing_outcome"), keys(schema));
            assertEquals(0L, lane.query(Sql.of("""
                    select count(*) from pg_indexes where schemaname = :a and indexname like '%lookup%'""", schema))
                    .await().indefinitely().getFirst()[0], "the load's lookup index is gone with it");
            // and every table has its statistics (reltuples -1: never analyzed), for the comparison's planner
            assertEquals(List.of(), lane.query(Sql.of("""
                    select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                     where n.nspname = :a and c.relkind = 'r' and c.reltuples < 0
                       and c.relname <> 'flyway_schema_history'""", schema))
                    .await().indefinitely().stream().map(r -> r[0]).toList());
        }
    }

    @Test
    void aRowOfAnEventWrittenTwiceLeavesItsKeyUnbuiltAndTheReplayFails() throws Exception {
        String schema = schemas.of(CITY);
        List<String> deferred = schemas.fresh(schema);
        String insert = """
                insert into {s}.routing_outcome(event_id, case_id, municipality, agency_id, outcome, business_date)
                values (:a, :b, :c, :d, :e, :f) on conflict do nothing""";
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            JdbcSqlRunner lane = new JdbcSqlRunner(connection, schema);
            // a writer that did not leave a copy out: nothing refuses it during the load
            lane.execute(List.of(Sql.of(insert, "r-1", "c-1", CITY, "a", "ROUTED", ON),
                    Sql.of(insert, "r-1", "c-1", CITY, "a", "ROUTED", ON))).await().indefinitely();
            connection.commit();
            ReplaySchema.KeyNotRebuilt failed = assertThrows(
                    ReplaySchema.KeyNotRebuilt.class, () -> ReplaySchema.buildIndexes(connection, deferred));
            connection.rollback();
            assertTrue(failed.getMessage().contains("routing_outcome"),
                    failed.getMessage());
        }
    }

    @Test
    void aPollsLookupOfEarlierCopiesGoesByTheIndexOnATableWithoutStatistics() throws Exception {
        // given a load's case_event of 20,000 rows, never analysed, and a poll's 300 ids to look up
        String schema = schemas.of(CITY);
        schemas.fresh(schema);
        List<Sql> rows = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            rows.add(Sql.of(LINE, "e-" + i, "c-" + i, CITY, "t", "/s", ON, AT, "s", true));
        }
        String[] ids = IntStream.range(0, 300).mapToObj(i -> "e-" + i * 7).toArray(String[]::new);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            JdbcSqlRunner lane = new JdbcSqlRunner(connection, schema);
            try (var s = connection.createStatement()) { // no statistics meanwhile, as in a load
                s.execute("alter table " + schema + ".case_event set (autovacuum_enabled = false)");
            }
            lane.execute(rows).await().indefinitely();
            connection.commit();
            Sql lookup = Sql.of("explain " + ProjectionBatch.EARLIER_COPIES, new Object[]{ids});
            // when a poll's transaction plans the lookup, then it reads the index; without, the table
            try (var s = connection.createStatement()) {
                s.execute(ReplayLane.SHARE_TRANSACTION);
            }
            String planned = plan(lane, lookup);
            connection.rollback();
            String unset = plan(lane, lookup);
            connection.rollback();
            assertTrue(planned.contains("Bitmap Index Scan on case_event_lookup") && !planned.contains("Seq Scan"),
                    planned);
            assertTrue(unset.contains("Seq Scan"),
                    "the planner scans the table otherwise, which this test would not tell apart: " + unset);
        }
    }

    private static String plan(JdbcSqlRunner lane, Sql explain) {
        return lane.query(explain).await().indefinitely().stream().map(r -> (String) r[0])
                .collect(Collectors.joining("\n"));
    }

    /** The tables of the schema that have a primary key, among those keyed by an event's id. */
    private List<String> keys(String schema) throws Exception {
        try (Connection connection = dataSource.getConnection(); var query = connection.prepareStatement("""
                select t.relname from pg_constraint c join pg_class t on t.oid = c.conrelid
                  join pg_namespace n on n.oid = t.relnamespace
                 where n.nspname = ? and c.contype = 'p' and t.relname = any(?) order by t.relname""")) {
            query.setString(1, schema);
            query.setArray(2, connection.createArrayOf("text",
                    ReportingProjection.TABLES_KEYED_BY_EVENT.toArray()));
            List<String> tables = new ArrayList<>();
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            return tables;
        }
    }

    @Test
    void aKeyMetInAPollUndoesTheRowsWrittenWithoutKeysBeforeTheyGoAgain() throws Exception {
        // given a review already there (its table keeps its key during the load)
        String schema = schemas.of(CITY);
        schemas.fresh(schema);
        String review = """
                insert into {s}.case_review(meeting_id, case_id, municipality, meeting_type, held_on, outcome)
                values (:a, :b, :c, :d, :e, :f) on conflict do nothing""";
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            JdbcSqlRunner lane = new JdbcSqlRunner(connection, schema);
            lane.execute(List.of(Sql.of(review, "m-1", "c-1", CITY, "T", ON, "PLAN"))).await().indefinitely();
            connection.commit();
            long before = lane.copiedRows();
            // when one poll writes two lines of history (no key: straight in), then that review again and another
            lane.execute(List.of(Sql.of(LINE, "e-1", "c-1", CITY, "t", "/s", ON, AT, "1", true),
                    Sql.of(LINE, "e-2", "c-2", CITY, "t", "/s", ON, AT, "2", true),
                    Sql.of(review, "m-1", "c-1", CITY, "T", ON, "CLOSE"),
                    Sql.of(review, "m-1", "c-2", CITY, "T", ON, "PLAN"))).await().indefinitely();
            connection.commit();
            // then the review met undid the lines too, and all went again through the staging tables: each line once
            assertEquals(List.of("e-1", "e-2"), lane.query(Sql.of("select event_id from {s}.case_event order by 1"))
                    .await().indefinitely().stream().map(r -> r[0]).toList());
            assertEquals(List.of("c-1 PLAN", "c-2 PLAN"), lane.query(Sql.of(
                    "select case_id, outcome from {s}.case_review order by 1")).await().indefinitely().stream()
                    .map(r -> r[0] + " " + r[1]).toList(), "the first review kept, the other added");
            assertEquals(4, lane.copiedRows() - before, "counted once, as written");
        }
    }

}
