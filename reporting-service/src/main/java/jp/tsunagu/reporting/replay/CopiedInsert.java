package jp.tsunagu.reporting.replay;

import jp.tsunagu.reporting.projection.Sql;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rows of one projection insert ({@code insert into {s}.table(columns) values (:a, …) on conflict …}), sent in
 * one COPY: straight into the table, or into a staging table of the session and inserted from there in the order
 * they came, with the insert's own {@code on conflict} (its runner, {@link JdbcSqlRunner#execute}, sends a poll's
 * rows that way when one of them met a key, and rows written again over rows there). Either gives what running
 * the rows one by one gives, without PostgreSQL parsing, binding and planning a multi-row statement of thousands of
 * parameters per poll (more than half of its CPU in a replay, measured). Only a replay's lane uses it: its tables are
 * fresh and its connection its own.
 *
 * @param table    the table, in the statement's schema
 * @param columns  the inserted columns
 * @param paramOf  for each column, the index of its value among the statement's parameters
 * @param conflict the statement's {@code on conflict …}
 */
record CopiedInsert(String table, List<String> columns, int[] paramOf, String conflict) {

    private static final Pattern ONE_ROW_INSERT = Pattern.compile("(?s)\\s*insert into \\{s}\\.([a-z_]+)\\s*"
            + "\\(([^()]*)\\)\\s*values\\s*\\(([^()]*)\\)\\s*(on conflict .*?)\\s*");
    private static final Pattern NAME = Pattern.compile("[a-z_]+");
    private static final Pattern PARAM = Pattern.compile(":([a-z])");
    private static final Pattern PARAM_IN_TEXT = Pattern.compile("(?<!:):[a-z]\\b");

    /** The insert's parts, or nothing for a statement whose values are not its parameters one per column. */
    static Optional<CopiedInsert> of(String sql) {
        Matcher m = ONE_ROW_INSERT.matcher(sql);
        if (!m.matches()) {
            return Optional.empty();
        }
        List<String> columns = Arrays.stream(m.group(2).split(",")).map(String::trim).toList();
        List<String> values = Arrays.stream(m.group(3).split(",")).map(String::trim).toList();
        if (columns.size() != values.size() || !columns.stream().allMatch(c -> NAME.matcher(c).matches())
                || PARAM_IN_TEXT.matcher(m.group(4)).find()) { // the conflict clause goes as it is: no parameters
            return Optional.empty();
        }
        int[] paramOf = new int[values.size()];
        for (int i = 0; i < values.size(); i++) {
            Matcher param = PARAM.matcher(values.get(i));
            if (!param.matches()) {
                return Optional.empty();
            }
            paramOf[i] = param.group(1).charAt(0) - 'a';
        }
        return Optional.of(new CopiedInsert(m.group(1), columns, paramOf, m.group(4)));
    }

    /**
     * Whether its rows are written again over rows already there ({@code do update}: the rows of facts a lane read
     * back, or, in a lane that holds none, every row of facts): straight in, those already there would meet their
     * key, so they go through the staging table at once.
     */
    boolean meetsRowsThere() {
        return conflict.contains(" do update");
    }

    /**
     * The rows' text for COPY.
     *
     * @throws IllegalArgumentException for a value COPY's text is not made for here ({@link CopyText#of}): the caller
     *                                  writes the rows another way
     */
    CopyText text(List<Sql> rows, CopyText buffer) {
        return buffer.of(rows, paramOf);
    }

    /**
     * Writes the rows straight into {@code schema}'s table by COPY: a replay's tables start empty and most polls hold
     * no copy. A key met on the way fails it (SQL state 23505) with the transaction, which the caller's savepoint
     * undoes before it writes them {@link #staged}.
     */
    void straight(Connection connection, String schema, CopyText text) throws SQLException {
        copy(connection, Sql.checkedSchema(schema) + "." + table + " (" + String.join(", ", columns) + ")", text);
    }

    /**
     * Writes the rows through a staging table, inserted from there in the order they came with the insert's own
     * {@code on conflict}. The staging table is named after the table and its columns, so a pooled connection that
     * kept it from an earlier replay finds the same one; it empties at each commit.
     */
    void staged(Connection connection, String schema, CopyText text) throws SQLException {
        String target = Sql.checkedSchema(schema) + "." + table;
        String list = String.join(", ", columns);
        String staging = "copy_" + table + "_" + Integer.toHexString(String.join(",", columns).hashCode() & 0x7fffffff);
        try (Statement s = connection.createStatement()) {
            // COPY fills the columns it names; the position says which copy of a row came first
            s.execute("create temp table if not exists " + staging + " on commit delete rows as select " + list
                    + " from " + target + " with no data; alter table pg_temp." + staging
                    + " add column if not exists copy_position bigint generated always as identity");
        }
        copy(connection, "pg_temp." + staging + " (" + list + ")", text);
        try (Statement s = connection.createStatement()) {
            // taken out as they go in: a transaction may write the same table twice before its commit empties it
            s.execute("with staged as (delete from pg_temp." + staging + " returning " + list
                    + ", copy_position) insert into " + target + " (" + list + ") select " + list
                    + " from staged order by copy_position " + conflict);
        }
    }

    /** The text sent from the lane's own buffer, without the driver's copy of it through a stream. */
    private static void copy(Connection connection, String into, CopyText text) throws SQLException {
        CopyIn in = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + into + " from stdin");
        try {
            text.writeTo(in);
            in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }
}
