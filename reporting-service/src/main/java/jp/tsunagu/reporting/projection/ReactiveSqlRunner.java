package jp.tsunagu.reporting.projection;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jp.tsunagu.support.db.Database;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Statements through the reactive PostgreSQL client, in the caller's transaction when one is open on this context
 * (the consumer's batch), each on its own otherwise (the figures' reads).
 */
public final class ReactiveSqlRunner implements SqlRunner {

    private final Database database;
    private final String schema;

    public ReactiveSqlRunner(Database database, String schema) {
        this.database = database;
        this.schema = Sql.checkedSchema(schema);
    }

    @Override
    public String schema() {
        return schema;
    }

    /** Each row's column values by position, as the client reads them (LocalDate, OffsetDateTime, Long, String…). */
    @Override
    public Uni<List<Object[]>> query(Sql query) {
        return query(query, row -> row);
    }

    @Override
    public <T> Uni<List<T>> query(Sql query, Function<Object[], T> row) {
        return database.list(query.positional(schema), r -> row.apply(columns(r)), query.params().toArray());
    }

    /**
     * A batch's writes, with the rows of each insert in one statement ({@link Sql#inBatches}); writes of the same
     * statement next to each other (the case_fact upserts) go as one pipelined batch, in their order.
     */
    @Override
    public Uni<Void> execute(List<Sql> writes) {
        return run(Sql.inBatches(writes), 0);
    }

    private Uni<Void> run(List<Sql> writes, int next) {
        if (next == writes.size()) {
            return Uni.createFrom().voidItem();
        }
        Sql first = writes.get(next);
        List<Tuple> rows = new ArrayList<>();
        int end = next;
        while (end < writes.size() && writes.get(end).sql().equals(first.sql())) {
            rows.add(Tuple.from(writes.get(end).params()));
            end++;
        }
        int after = end;
        return database.updateEach(first.positional(schema), rows).chain(() -> run(writes, after));
    }

    private static Object[] columns(Row row) {
        Object[] values = new Object[row.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = row.getValue(i);
        }
        return values;
    }
}
