package jp.tsunagu.reporting.replay;

import io.smallrye.mutiny.Uni;
import jp.tsunagu.reporting.projection.Sql;
import jp.tsunagu.reporting.projection.SqlRunner;
import org.postgresql.PGStatement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Statements over one JDBC connection, on the replay's own thread (the {@link Uni}s it returns are already
 * resolved). The rows of one poll's projection inserts go by COPY.
 */
final class JdbcSqlRunner implements SqlRunner {

    private static final int MAX_INSERTS = 200;
    private static final int FETCH_ROWS = 5_000;
    private static final String UNIQUE_VIOLATION = "23505";

    private final Connection connection;
    private final String schema;
    private final Map<String, Optional<CopiedInsert>> inserts = new HashMap<>();
    private final CopyText copyText = new CopyText();
    /** Rows sent by COPY (straight in or through the staging table), the rest having gone as statements. */
    private long copiedRows;

    JdbcSqlRunner(Connection connection, String schema) {
        this.connection = connection;
        this.schema = Sql.checkedSchema(schema);
    }

    long copiedRows() {
        return copiedRows;
    }

    @Override
    public String schema() {
        return schema;
    }

    @Override
    public Uni<List<Object[]>> query(Sql query) {
        try (PreparedStatement ps = connection.prepareStatement(query.jdbcIn(schema))) {
            // planned for the tables as they are at each run: they grow from empty during a load, and a plan kept
            // from when they were empty (a sequential scan) made each poll's lookup by key scan a growing table
            ps.unwrap(PGStatement.class).setPrepareThreshold(0);
            bind(ps, query);
            return Uni.createFrom().item(read(ps, row -> row));
        } catch (SQLException e) {
            return Uni.createFrom().failure(e);
        }
    }

    /**
     * Rows read a few thousand at a time through a cursor, each made a value as it arrives: the driver otherwise reads
     * the whole result before the first row (a cursor needs a transaction: a statement in autocommit gets its own).
     */
    @Override
    public <T> Uni<List<T>> query(Sql query, Function<Object[], T> row) {
        boolean autoCommit;
        try {
            autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            return Uni.createFrom().failure(e);
        }
        Uni<List<T>> answer;
        // no setPrepareThreshold(0) as in query(Sql): these reads come after a load, on tables already full
        try (PreparedStatement ps = connection.prepareStatement(query.jdbcIn(schema))) {
            ps.setFetchSize(FETCH_ROWS);
            bind(ps, query);
            answer = Uni.createFrom().item(read(ps, row));
        } catch (SQLException | RuntimeException e) { // a row the mapper refuses fails the read, as in the live runner
            answer = Uni.createFrom().failure(e);
        }
        return autoCommit ? endRead(answer) : answer;
    }

    /** Ends the transaction a read in autocommit was given (it only read: a rollback leaves nothing behind). */
    private <T> Uni<List<T>> endRead(Uni<List<T>> answer) {
        try {
            try {
                connection.rollback();
            } finally {
                connection.setAutoCommit(true);
            }
            return answer;
        } catch (SQLException e) {
            return answer.onItem().failWith(() -> e);
        }
    }

    private static <T> List<T> read(PreparedStatement ps, Function<Object[], T> row) throws SQLException {
        List<T> values = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Object[] r = new Object[columns];
                for (int i = 0; i < columns; i++) {
                    r[i] = rs.getObject(i + 1);
                }
                values.add(row.apply(r));
            }
        }
        return values;
    }

    /**
     * A poll's writes, one statement text after another in the order each first appears (as {@link Sql#inBatches}
     * orders them): the rows of a projection insert in one COPY ({@link CopiedInsert}), straight into its table, any
     * other statement's as JDBC batches. All under one savepoint: when a row meets a key (a copy of a row there), it
     * undoes them all, and they are written again with every projection insert's rows through its staging table,
     * which gives the insert's {@code on conflict} its say. Any other failure is undone too, and thrown. A savepoint
     * per insert cost two more round trips each, for a key met in few polls.
     */
    @Override
    public Uni<Void> execute(List<Sql> writes) {
        try {
            List<List<Sql>> groups = List.copyOf(Sql.byStatement(writes));
            List<Optional<CopiedInsert>> copied = new ArrayList<>(groups.size());
            boolean anyStraight = false;
            for (List<Sql> same : groups) {
                Optional<CopiedInsert> insert = same.size() > 1 ? copiedInsert(same.getFirst()) : Optional.empty();
                copied.add(insert);
                anyStraight |= insert.isPresent() && !insert.get().meetsRowsThere();
            }
            if (!anyStraight) {
                write(groups, copied, false);
                return Uni.createFrom().voidItem();
            }
            long copiedBefore = copiedRows;
            Savepoint before = connection.setSavepoint();
            try {
                write(groups, copied, true);
                connection.releaseSavepoint(before);
            } catch (SQLException e) {
                connection.rollback(before);
                connection.releaseSavepoint(before);
                copiedRows = copiedBefore;
                if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
                write(groups, copied, false);
            }
            return Uni.createFrom().voidItem();
        } catch (SQLException e) {
            return Uni.createFrom().failure(e);
        }
    }

    private void write(List<List<Sql>> groups, List<Optional<CopiedInsert>> copied, boolean straight)
            throws SQLException {
        for (int i = 0; i < groups.size(); i++) {
            List<Sql> same = groups.get(i);
            Optional<CopiedInsert> insert = copied.get(i);
            if (insert.isEmpty() || !copiedAll(insert.get(), same, straight)) {
                batched(same);
            }
        }
    }

    /** Whether COPY took the rows: not when one of their values has no COPY text here (nothing is written then). */
    private boolean copiedAll(CopiedInsert insert, List<Sql> rows, boolean straight) throws SQLException {
        CopyText text;
        try {
            text = insert.text(rows, copyText);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (straight && !insert.meetsRowsThere()) {
            insert.straight(connection, schema, text);
        } else {
            insert.staged(connection, schema, text);
        }
        copiedRows += rows.size();
        return true;
    }

    private Optional<CopiedInsert> copiedInsert(Sql statement) {
        if (statement.ordinal()) {
            return Optional.empty();
        }
        Optional<CopiedInsert> known = inserts.get(statement.sql());
        if (known == null) {
            known = CopiedInsert.of(statement.sql());
            if (inserts.size() < MAX_INSERTS) { // the projections' texts are constants: a few dozen
                inserts.put(statement.sql(), known);
            }
        }
        return known;
    }

    private void batched(List<Sql> writes) throws SQLException {
        Map<String, PreparedStatement> open = new LinkedHashMap<>();
        try {
            for (Sql w : Sql.inBatches(writes)) {
                String text = w.jdbcIn(schema);
                PreparedStatement ps = open.get(text);
                if (ps == null) {
                    ps = connection.prepareStatement(text);
                    open.put(text, ps);
                }
                bind(ps, w);
                ps.addBatch();
            }
            for (PreparedStatement ps : open.values()) {
                ps.executeBatch();
            }
        } finally {
            for (PreparedStatement ps : open.values()) {
                try {
                    ps.close();
                } catch (SQLException ignored) {
                    // closing after a failure; the failure is what is reported
                }
            }
        }
    }

    private static void bind(PreparedStatement ps, Sql sql) throws SQLException {
        List<Object> params = sql.jdbcParams();
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
    }
}
