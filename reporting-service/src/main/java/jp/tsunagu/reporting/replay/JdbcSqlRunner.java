package jp.tsunagu.reporting.replay;

import io.smallrye.mutiny.Uni;
import jp.tsunagu.reporting.projection.Sql;
import jp.tsunagu.reporting.projection.SqlRunner;
import org.postgresql.PGStatement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Statements over one JDBC connection, on the replay's own thread (the {@link Uni}s it returns are already
 * resolved). The writes of one poll go as JDBC batches.
 */
final class JdbcSqlRunner implements SqlRunner {

    private final Connection connection;
    private final String schema;

    JdbcSqlRunner(Connection connection, String schema) {
        this.connection = connection;
        this.schema = Sql.checkedSchema(schema);
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
            List<Object[]> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Object[] row = new Object[columns];
                    for (int i = 0; i < columns; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    rows.add(row);
                }
            }
            return Uni.createFrom().item(rows);
        } catch (SQLException e) {
            return Uni.createFrom().failure(e);
        }
    }

    /** A poll's writes in the order {@link Sql#inBatches} gives, each statement's as one JDBC batch. */
    @Override
    public Uni<Void> execute(List<Sql> writes) {
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
            return Uni.createFrom().voidItem();
        } catch (SQLException e) {
            return Uni.createFrom().failure(e);
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
