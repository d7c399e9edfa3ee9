package jp.tsunagu.reporting.replay;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.reporting.projection.LiveProjection;
import jp.tsunagu.reporting.projection.ProjectionBatch;
import jp.tsunagu.reporting.projection.ReportingProjection;
import jp.tsunagu.reporting.projection.Sql;
import org.flywaydb.core.Flyway;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * A replay's own schema ({@code <live schema>_replay_<municipality>}): made afresh by the service's own migrations,
 * without what a load does not need (the feed's numbering trigger and order, the indexes no write uses, the keys of
 * the tables keyed by an event's id), and its keys and indexes built once the load is done.
 */
@ApplicationScoped
class ReplaySchema {

    /** The index a load's lookups of earlier copies use, until the key of {@code case_event} is built. */
    private static final String LOOKUP = "case_event_lookup_during_load";
    private static final String UNIQUE_VIOLATION = "23505";

    private final AgroalDataSource dataSource;
    private final Flyway liveFlyway;
    private final String liveSchema;

    ReplaySchema(AgroalDataSource dataSource, Flyway liveFlyway, LiveProjection live) {
        this.dataSource = dataSource;
        this.liveFlyway = liveFlyway;
        this.liveSchema = live.live().schema();
    }

    String liveSchema() {
        return liveSchema;
    }

    String of(String municipality) {
        return Sql.checkedSchema(liveSchema + "_replay_" + municipality);
    }

    /**
     * Drops the municipality's earlier replay schema, migrates a new one and answers the statements that build the
     * keys and indexes it deferred ({@link #buildIndexes}), the keys first, and then gather its tables' statistics.
     */
    List<String> fresh(String schema) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement s = connection.createStatement()) {
            s.execute("drop schema if exists " + Sql.checkedSchema(schema) + " cascade");
        }
        // the service's own migrations, with the resources Quarkus collected at build time, in the replay's schema
        Flyway.configure(liveFlyway.getConfiguration().getClassLoader())
                .configuration(liveFlyway.getConfiguration())
                .schemas(schema).defaultSchema(schema).createSchemas(true)
                .load().migrate();
        // A replay serves no portal feed: its load neither numbers the feed's entries nor draws the order they are
        // numbered in (case_event.seq: a sequence's next value and a unique index's entry per row, 17 % of a COPY
        // into the table, measured by hand on PostgreSQL 17 with 200,000 rows). Nothing else reads it.
        try (Connection connection = dataSource.getConnection(); Statement s = connection.createStatement()) {
            s.execute("drop trigger if exists case_event_feed on " + Sql.checkedSchema(schema) + ".case_event");
            s.execute("alter table " + Sql.checkedSchema(schema) + ".case_event drop column if exists seq");
        }
        List<String> tables = tables(schema);
        unlogged(schema, tables);
        List<String> indexes = deferIndexes(schema); // first: the load's own lookup index below is kept
        List<String> deferred = new ArrayList<>(deferKeysByEvent(schema));
        deferred.addAll(indexes);
        deferred.add(statistics(schema, tables));
        return deferred;
    }

    /**
     * ANALYZE of every table of the replay's schema, once it is loaded and indexed. Its tables grow from empty with no
     * statistics, so the comparison's planner guessed their sizes, or met autovacuum's when it happened to have run:
     * the read of a year's supported cases ({@code case_fact} joined to four tables' case ids) then took from 37 ms to
     * 24 s, and 21 of the 143 comparisons in bench/results.md before 2026-12-08 took 5–32 s instead of about 2.
     */
    private static String statistics(String schema, List<String> tables) {
        StringJoiner analyze = new StringJoiner(", ", "analyze ", "");
        tables.forEach(table -> analyze.add(qualified(schema, table)));
        return analyze.toString();
    }

    private static String qualified(String schema, String table) {
        return Sql.checkedSchema(schema) + "." + Sql.checkedSchema(table);
    }

    /** The schema's tables but the migrations' history. */
    private List<String> tables(String schema) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); var query = connection.prepareStatement("""
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                 where n.nspname = ? and c.relkind = 'r' and c.relname <> ? order by c.relname""")) {
            query.setString(1, schema);
            query.setString(2, liveFlyway.getConfiguration().getTable());
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
        }
        return tables;
    }

    /**
     * Drops the keys of the tables keyed by an event's id ({@link ReportingProjection#TABLES_KEYED_BY_EVENT}) and
     * answers the statements that build them again after the load, then drop the index its lookups used. Each row
     * there takes a random place in a key's index of many pages, which two lanes write at once: PostgreSQL took
     * 11–14 µs a replayed event with the keys and 8–10 without them (the same system's replay of 200,000 events, two
     * builds taken in turn, 2026-12-07). The lanes do not write an event's rows twice ({@link ProjectionBatch}): its
     * copies are found by a lookup of the ids a lane may have written, over a hash index on
     * {@code case_event.event_id} the load keeps (a lookup, not an order: cheaper to write). Were a row written twice
     * all the same, the key is not built and the replay fails ({@link KeyNotRebuilt}).
     */
    private List<String> deferKeysByEvent(String schema) throws SQLException {
        List<String> after = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement s = connection.createStatement()) {
            for (String table : ReportingProjection.TABLES_KEYED_BY_EVENT) {
                String qualified = Sql.checkedSchema(schema) + "." + Sql.checkedSchema(table);
                try (var key = connection.prepareStatement("""
                        select c.conname, pg_get_constraintdef(c.oid) from pg_constraint c
                          join pg_class t on t.oid = c.conrelid join pg_namespace n on n.oid = t.relnamespace
                         where n.nspname = ? and t.relname = ? and c.contype = 'p'""")) {
                    key.setString(1, schema);
                    key.setString(2, table);
                    try (var rows = key.executeQuery()) {
                        if (!rows.next() || !"PRIMARY KEY (event_id)".equals(rows.getString(2))) {
                            throw new IllegalStateException(table + " is not keyed by event_id alone: the replay's "
                                    + "load cannot defer its key");
                        }
                        String name = Sql.checkedSchema(rows.getString(1));
                        s.execute("alter table " + qualified + " drop constraint " + name);
                        after.add("alter table " + qualified + " add constraint " + name + " primary key (event_id)");
                    }
                }
            }
            s.execute("create index " + LOOKUP + " on " + Sql.checkedSchema(schema)
                    + ".case_event using hash (event_id)");
            after.add("drop index " + Sql.checkedSchema(schema) + "." + LOOKUP);
        }
        return after;
    }

    /**
     * Turns the replay's tables unlogged: its load then writes no WAL, the largest share of PostgreSQL's work per
     * row. What that gives up is only the tables' content after a crash of the database (emptied), and a replay's
     * tables are disposable: a replay interrupted by a crash is run again. The migrations' history stays logged.
     */
    private void unlogged(String schema, List<String> tables) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement s = connection.createStatement()) {
            for (String table : tables) {
                s.execute("alter table " + qualified(schema, table) + " set unlogged");
            }
        }
    }

    /**
     * Drops the replay schema's indexes that no write needs (not unique, so no {@code on conflict} and no key
     * check uses them) and answers their definitions: the load then maintains only the keys it keeps and its own
     * lookup index ({@link #deferKeysByEvent}), and the indexes are built once, over the loaded tables, before the
     * comparison reads them.
     */
    private List<String> deferIndexes(String schema) throws SQLException {
        List<String> definitions = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            List<String> names = new ArrayList<>();
            try (var query = connection.prepareStatement("""
                    select c.relname, pg_get_indexdef(c.oid) from pg_index x
                      join pg_class c on c.oid = x.indexrelid
                      join pg_namespace n on n.oid = c.relnamespace
                     where n.nspname = ? and not x.indisunique order by c.relname""")) {
                query.setString(1, schema);
                try (var rows = query.executeQuery()) {
                    while (rows.next()) {
                        names.add(rows.getString(1));
                        definitions.add(rows.getString(2));
                    }
                }
            }
            try (Statement s = connection.createStatement()) {
                for (String name : names) {
                    s.execute("drop index " + Sql.checkedSchema(schema) + "." + Sql.checkedSchema(name));
                }
            }
        }
        return definitions;
    }

    /**
     * The deferred keys and indexes, over the loaded tables, then their statistics, on a connection of the load's (it
     * commits them).
     *
     * @throws KeyNotRebuilt when a key cannot be built: a row of an event was written twice
     */
    static void buildIndexes(Connection connection, List<String> definitions) throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (String definition : definitions) {
                try {
                    s.execute(definition);
                } catch (SQLException e) {
                    if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                        throw new KeyNotRebuilt(definition, e);
                    }
                    throw e;
                }
            }
        }
        connection.commit();
    }

    /** A replay's load wrote a row of one event twice, so a deferred key could not be built: the replay failed. */
    static final class KeyNotRebuilt extends SQLException {
        KeyNotRebuilt(String definition, SQLException cause) {
            super("a replay's load wrote a row of one event twice; the key was not built: " + definition,
                    cause.getSQLState(), cause);
        }
    }
}
