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
import jp.tsunagu.reporting.projection.HeldCaseFacts;
import jp.tsunagu.reporting.projection.ProjectionBatch;
import jp.tsunagu.reporting.projection.SeenIds;
import jp.tsunagu.reporting.projection.Sql;
import jp.tsunagu.testing.TsunaguTestResources;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static jp.tsunagu.reporting.projection.CaseFactRows.STORED;
import static jp.tsunagu.support.db.SqlValues.instant;
import static jp.tsunagu.support.db.SqlValues.localDate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * What a replay's lane writes, against the replay's own schema in PostgreSQL, over the lane's JDBC runner. It looks
 * up in {@code case_event} only the events it may have written before ({@link SeenIds}): a copy published again
 * later, read in a later poll, must still take its first copy's time, so the case's row is as the first copy left
 * it, and writes none of its rows again under the event's key (the load builds those keys after it). Its inserts go
 * by COPY ({@link CopiedInsert}); it holds its cases' rows of facts between polls ({@link HeldCaseFacts}).
 */
@QuarkusTest
@QuarkusTestResource(TsunaguTestResources.class)
class ReplayLaneWritesTest {

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
        DecidedTwice decided = DecidedTwice.of();
        String caseId = decided.caseId();
        var copy = decided.copy();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            JdbcSqlRunner lane = new JdbcSqlRunner(connection, schema);
            SeenIds written = new SeenIds(100);
            ProjectionBatch.apply(lane, List.of(decided.referral(), decided.routed()), written, STORED)
                    .await().indefinitely();
            connection.commit();
            Object[] afterFirstPoll = stage(lane, caseId);

            // when the copy comes in the lane's next poll
            ProjectionBatch.apply(lane, List.of(copy), written, STORED).await().indefinitely();
            connection.commit();

            // then the case's stage and its time are the first copy's
            assertEquals(Arrays.asList(afterFirstPoll), Arrays.asList(stage(lane, caseId)));

            // as the live consumer's lookup of every event gives
            ProjectionBatch.apply(lane, List.of(copy), EarlierCopies.ANYWHERE, STORED).await().indefinitely();
            assertEquals(Arrays.asList(afterFirstPoll), Arrays.asList(stage(lane, caseId)),
                    "looking every event up gives the first copy's time too");
            connection.rollback();
            // and a lane that had forgotten it wrote the decision would have taken the copy's later time
            ProjectionBatch.apply(lane, List.of(copy), new SeenIds(100), STORED).await().indefinitely();
            assertNotEquals(Arrays.asList(afterFirstPoll), Arrays.asList(stage(lane, caseId)),
                    "without the lookup the copy's own time is taken: this test can tell");
            connection.rollback();
        }
    }

    @Test
    void copiesInOnePollGoInByCopyAndTheFirstCopyIsKept() throws Exception {
        // given a referral, its routing decision and a later copy of the decision, all in one poll
        String schema = schemas.of(CITY);
        schemas.fresh(schema);
        DecidedTwice decided = DecidedTwice.of();
        String caseId = decided.caseId();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            JdbcSqlRunner lane = new JdbcSqlRunner(connection, schema);
            // when the lane writes the poll
            ProjectionBatch.apply(lane, List.of(decided.referral(), decided.routed(), decided.copy()),
                            new SeenIds(100), STORED)
                    .await().indefinitely();
            connection.commit();
            // then the decision's line of history and the case's stage carry the first copy's time
            List<Object[]> lines = lane.query(Sql.of("""
                    select event_id, recorded_at from {s}.case_event where case_id = :a order by recorded_at""",
                    caseId)).await().indefinitely();
            assertEquals(2, lines.size(), "one line per event, the copy's left out");
            assertEquals(decided.routed().time(), instant(lines.get(1)[1]));
            assertEquals(decided.routed().time(), instant(stage(lane, caseId)[1]));
        }
    }

    @Test
    void whatGoesByCopyIsReadBackAsItWasWritten() throws Exception {
        String schema = schemas.of(CITY);
        List<String> deferred = schemas.fresh(schema);
        String insert = """
                insert into {s}.case_event(event_id, case_id, municipality, event_type, source, business_date,
                                           recorded_at, summary, coded)
                values (:a, :b, :c, :d, :e, :f, :g, :h, :i) on conflict do nothing""";
        var at = OffsetDateTime.parse("2025-05-12T01:02:03.456789Z");
        // COPY reads a backslash, a tab and line ends specially
        String awkward = "相談\\t受付\\N\t改行\n復帰\r「８０５０」 \\\\ end";
        try (Connection connection = dataSource.getConnection()) {
            try (var s = connection.createStatement()) {
                s.execute("discard temp"); // the pooled connection's staging tables of earlier tests
            }
            connection.setAutoCommit(false);
            // the key a load defers, built at once: this is about COPY meeting a key
            ReplaySchema.buildIndexes(connection, deferred);
            JdbcSqlRunner lane = new JdbcSqlRunner(connection, schema);
            // rows none of which is there go straight in
            lane.execute(List.of(Sql.of(insert, "e-5", "c-1", CITY, "t", "/s", ON, at, "5", true),
                    Sql.of(insert, "e-6", "c-1", CITY, "t", "/s", ON, at, "6", true))).await().indefinitely();
            assertEquals(0L, stagingTables(lane), "no staging table for rows that went straight in");
            assertEquals(2, lane.copiedRows(), "by COPY");
            lane.execute(List.of(
                    Sql.of(insert, "e-1", "c-1", CITY, "t", "/s", ON, at, awkward, true),
                    Sql.of(insert, "e-2", "c-1", CITY, "t", "/s", ON, at, null, false),
                    Sql.of(insert, "e-1", "c-1", CITY, "t", "/s", ON, at, "a copy, left out", true)))
                    .await().indefinitely();
            assertEquals(5, lane.copiedRows(), "through the staging table by COPY too");
            connection.commit();
            List<Object[]> rows = lane.query(Sql.of("""
                    select event_id, business_date, recorded_at, summary, coded from {s}.case_event
                     where case_id = :a order by event_id""", "c-1")).await().indefinitely();
            assertEquals(4, rows.size());
            assertEquals(1L, stagingTables(lane), "a row met twice: through a staging table");
            assertEquals(List.of("e-1", ON, at.toInstant(), awkward, true), List.of(rows.get(0)[0],
                    localDate(rows.get(0)[1]),
                    instant(rows.get(0)[2]), rows.get(0)[3], rows.get(0)[4]));
            assertEquals(Arrays.asList("e-2", null, false), Arrays.asList(rows.get(1)[0], rows.get(1)[3],
                    rows.get(1)[4]));
            // two writes in one transaction, each with a row already there (from the last commit, from the first
            // write): each goes through the staging table
            lane.execute(List.of(Sql.of(insert, "e-3", "c-1", CITY, "t", "/s", ON, at, "3", true),
                    Sql.of(insert, "e-1", "c-1", CITY, "t", "/s", ON, at, "later", true))).await().indefinitely();
            lane.execute(List.of(Sql.of(insert, "e-4", "c-1", CITY, "t", "/s", ON, at, "4", true),
                    Sql.of(insert, "e-3", "c-1", CITY, "t", "/s", ON, at, "later", true))).await().indefinitely();
            connection.commit();
            assertEquals(List.of("e-1 " + awkward, "e-2 null", "e-3 3", "e-4 4", "e-5 5", "e-6 6"), lane.query(Sql.of(
                    "select event_id, summary from {s}.case_event where case_id = :a order by event_id", "c-1"))
                    .await().indefinitely().stream().map(r -> r[0] + " " + r[1]).toList());
        }
    }

    @Test
    void aStagingTableWrittenTwiceInOneTransactionHoldsOnlyTheSecondWritesRows() throws Exception {
        String schema = schemas.of(CITY);
        schemas.fresh(schema);
        String upsert = """
                insert into {s}.meeting_held(meeting_id, municipality, type, held_on) values (:a, :b, :c, :d)
                on conflict (meeting_id) do update set type = excluded.type""";
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            JdbcSqlRunner lane = new JdbcSqlRunner(connection, schema);
            lane.execute(List.of(Sql.of(upsert, "m-1", CITY, "A", ON), Sql.of(upsert, "m-0", CITY, "A", ON)))
                    .await().indefinitely();
            connection.commit();
            // m-1 is there: both writes go through the staging table; rows the first left there would meet m-1
            // twice in the second ("cannot affect row a second time") or put their type back
            lane.execute(List.of(Sql.of(upsert, "m-1", CITY, "B", ON), Sql.of(upsert, "m-2", CITY, "B", ON)))
                    .await().indefinitely();
            lane.execute(List.of(Sql.of(upsert, "m-1", CITY, "C", ON), Sql.of(upsert, "m-3", CITY, "C", ON)))
                    .await().indefinitely();
            connection.commit();
            assertEquals(List.of("m-0 A", "m-1 C", "m-2 B", "m-3 C"), lane.query(Sql.of(
                    "select meeting_id, type from {s}.meeting_held order by meeting_id")).await().indefinitely()
                    .stream().map(r -> r[0] + " " + r[1]).toList());
        }
    }

    @Test
    void rowsWithAValueCopyHasNoTextForGoAsStatements() throws Exception {
        String schema = schemas.of(CITY);
        schemas.fresh(schema);
        String insert = """
                insert into {s}.case_review_correction(meeting_id, case_id, version, outcome)
                values (:a, :b, :c, :d) on conflict do nothing""";
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            JdbcSqlRunner lane = new JdbcSqlRunner(connection, schema);
            lane.execute(List.of(Sql.of(insert, "m-1", "c-1", (short) 1, "CONTINUE"),
                    Sql.of(insert, "m-1", "c-2", (short) 2, "CONTINUE"))).await().indefinitely();
            assertEquals(0, lane.copiedRows(), "as statements");
            connection.commit();
            assertEquals(List.of("c-1 1", "c-2 2"), lane.query(Sql.of(
                    "select case_id, version from {s}.case_review_correction order by case_id"))
                    .await().indefinitely().stream().map(r -> r[0] + " " + r[1]).toList());
        }
    }

    @Test
    void aLaneHoldingItsCasesRowsWritesWhatReadingAndWritingThemEachPollWrites() throws Exception {
        // given three cases' referrals in one poll and their decisions in two later polls, once as the live consumer
        // writes them (rows read and written each poll) and once by a lane holding at most one row, so that rows are
        // written out, read back and written out again
        String schema = schemas.of(CITY);
        schemas.fresh(schema);
        Instant at = Instant.parse("2025-05-12T01:00:00Z");
        List<List<EventEnvelope<TsunaguEvent>>> stored = polls("stored-", at);
        List<List<EventEnvelope<TsunaguEvent>>> held = polls("held-", at);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            JdbcSqlRunner lane = new JdbcSqlRunner(connection, schema);
            HeldCaseFacts facts = new HeldCaseFacts(1, 100);
            // when each poll is written
            for (int poll = 0; poll < stored.size(); poll++) {
                ProjectionBatch.apply(lane, stored.get(poll), new SeenIds(100), STORED).await().indefinitely();
                ProjectionBatch.apply(lane, held.get(poll), new SeenIds(100), facts).await().indefinitely();
                connection.commit();
            }
            assertEquals(1, facts.size(), "it held one row at the end");
            lane.execute(facts.flush()).await().indefinitely();
            connection.commit();
            // then every case's row is the same either way
            for (int c = 0; c < 3; c++) {
                assertEquals(Arrays.asList(facts(lane, "stored-" + c)), Arrays.asList(facts(lane, "held-" + c)));
            }
            assertEquals("ROUTED", facts(lane, "held-2")[0], "the decision of the case written out twice is there");
        }
    }

    /** Three cases: their referrals in one poll, the first two cases' decisions in the next, the third's last. */
    static List<List<EventEnvelope<TsunaguEvent>>> polls(String prefix, Instant at) {
        List<EventEnvelope<TsunaguEvent>> referrals = new java.util.ArrayList<>();
        List<EventEnvelope<TsunaguEvent>> decisions = new java.util.ArrayList<>();
        for (int c = 0; c < 3; c++) {
            String caseId = prefix + c;
            referrals.add(envelope(caseId + "/referral-received", at.plusSeconds(c), referral(caseId)));
            decisions.add(envelope(caseId + "/r", at.plusSeconds(60 + c), routed(caseId)));
        }
        return List.of(referrals, decisions.subList(0, 2), decisions.subList(2, 3));
    }

    /** The row of facts but its case id, its routing decision first. */
    private static Object[] facts(JdbcSqlRunner lane, String caseId) {
        return lane.query(Sql.of("""
                select decision, municipality, received_on, channel, concerns, referring_agency, urgency, routed_on,
                       routed_agency, fields, first_meeting_on, first_plan_on, stage, stage_at, duplicate_of,
                       latest_stage, status_time, open_plans, closed_plans, household_id
                  from {s}.case_fact where case_id = :a""", caseId)).await().indefinitely().getFirst();
    }

    /**
     * A case's referral, its routing decision a minute later, and a copy of the decision published an hour later
     * (routing died after Kafka acknowledged it, and published it again).
     */
    record DecidedTwice(String caseId, EventEnvelope<TsunaguEvent> referral,
                                EventEnvelope<TsunaguEvent> routed, EventEnvelope<TsunaguEvent> copy) {

        static DecidedTwice of() {
            String caseId = "copy-" + UUID.randomUUID();
            Instant first = Instant.parse("2025-05-12T01:00:00Z");
            return new DecidedTwice(caseId,
                    envelope(caseId + "/referral-received", first, ReplayLaneWritesTest.referral(caseId)),
                    envelope(caseId + "/r", first.plusSeconds(60), ReplayLaneWritesTest.routed(caseId)),
                    envelope(caseId + "/r", first.plusSeconds(3600), ReplayLaneWritesTest.routed(caseId)));
        }
    }

    private static long stagingTables(JdbcSqlRunner lane) {
        return (Long) lane.query(Sql.of("""
                select count(*) from pg_class where relnamespace = pg_my_temp_schema() and relkind = 'r'
                   and relname like 'copy\\_case\\_event\\_%'""")).await().indefinitely().getFirst()[0];
    }

    private static Object[] stage(JdbcSqlRunner lane, String caseId) {
        return lane.query(Sql.of("select stage, stage_at from {s}.case_fact where case_id = :a", caseId))
                .await().indefinitely().getFirst();
    }

    static EventEnvelope<TsunaguEvent> envelope(String id, Instant at, TsunaguEvent event) {
        return new EventEnvelope<>(id, "/tsunagu/test", at, ON, null, event);
    }

    static IntakeEvent.ReferralReceived referral(String caseId) {
        return new IntakeEvent.ReferralReceived(caseId, null, CITY, null, Channel.AGENCY, ON, "中部",
                AgeBand.AGE_40_49, List.of(), List.of(Concern.HIKIKOMORI), Consent.GIVEN, Urgency.ROUTINE, false,
                new SealedData("A256GCM", "case/" + caseId + "/1", "bm9uY2U=", "Y2lwaGVy"));
    }

    private static RoutingEvent.CaseRouted routed(String caseId) {
        return new RoutingEvent.CaseRouted(caseId, CITY, "nagareyama-houkatsu", List.of(Field.ELDERLY), List.of(),
                "r", "d");
    }
}
