package jp.tsunagu.reporting.replay;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.reporting.projection.LiveProjection;
import jp.tsunagu.reporting.projection.Sql;
import org.flywaydb.core.Flyway;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A replay's own schema ({@code <live schema>_replay_<municipality>}): made afresh by the service's own migrations,
 * without what a load does not need (the feed's numbering trigger and order, the indexes no write uses), and its
 * indexes built once the load is done.
 */
@ApplicationScoped
class ReplaySchema {

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
     * Drops the municipality's earlier replay schema, migrates a new one and answers the definitions of the indexes
     * it deferred ({@link #buildIndexes}).
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
        unlogged(schema);
        return deferIndexes(schema);
    }

    /**
     * Turns the replay's tables unlogged: its load then writes no WAL, the largest share of PostgreSQL's work per
     * row. What that gives up is only the tables' content after a crash of the database (emptied), and a replay's
     * tables are disposable: a replay interrupted by a crash is run again. The migrations' history stays logged.
     */
    private void unlogged(String schema) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            List<String> tables = new ArrayList<>();
            try (var query = connection.prepareStatement("""
                    select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                     where n.nspname = ? and c.relkind = 'r' and c.relpersistence = 'p' and c.relname <> ?
                     order by c.relname""")) {
                query.setString(1, schema);
                query.setString(2, liveFlyway.getConfiguration().getTable());
                try (var rows = query.executeQuery()) {
                    while (rows.next()) {
                        tables.add(rows.getString(1));
                    }
                }
            }
            try (Statement s = connection.createStatement()) {
                for (String table : tables) {
                    s.execute("alter table " + Sql.checkedSchema(schema) + "." + Sql.checkedSchema(table)
                            + " set unlogged");
                }
            }
        }
    }

    /**
     * Drops the replay schema's indexes that no write needs (not unique, so no {@code on conflict} and no key
     * check uses them) and answers their definitions: the load then maintains only the keys, and the indexes are
     * built once, over the loaded tables, before the comparison reads them.
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

    /** The deferred indexes, over the loaded tables, on a connection of the load's (it commits them). */
    static void buildIndexes(Connection connection, List<String> definitions) throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (String definition : definitions) {
                s.execute(definition);
            }
        }
        connection.commit();
    }
}
