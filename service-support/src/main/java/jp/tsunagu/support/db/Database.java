package jp.tsunagu.support.db;

import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The service's schema through the reactive PostgreSQL client: plain SQL with {@code $1, $2, …} parameters, rows read
 * by a mapper. A transaction's connection travels with the Vert.x duplicated context it was opened on (a request, a
 * consumer batch, a scheduled run), so the records classes run their statements in the caller's transaction without
 * passing it along; outside one, each statement runs on its own.
 */
@ApplicationScoped
public class Database {

    private static final String KEY = Database.class.getName() + ".transaction";

    private final Pool pool;

    public Database(Pool pool) {
        this.pool = pool;
    }

    /**
     * Runs {@code work} in one transaction, committed when its {@code Uni} succeeds and rolled back when it fails;
     * joins the caller's transaction when one is already open on this context.
     */
    public <T> Uni<T> inTransaction(Supplier<Uni<T>> work) {
        if (transaction().isPresent()) {
            return Uni.createFrom().deferred(() -> work.get());
        }
        return pool.withTransaction(connection -> Uni.createFrom().deferred(() -> {
            ContextLocals.put(KEY, connection);
            return work.get();
        }).eventually(() -> ContextLocals.remove(KEY)));
    }

    /**
     * Rows of a query, each made a value by {@code mapper} as the client decodes it, on the connection's event loop:
     * a mapper only reads the row.
     */
    public <T> Uni<List<T>> list(String sql, Function<Row, T> mapper, Object... params) {
        // mapped as the client decodes each row, so a large result is not also held as rows (reporting's figures)
        return client().preparedQuery(sql).mapping(mapper).execute(tuple(params)).map(values -> {
            List<T> out = new ArrayList<>(values.size());
            for (T value : values) {
                out.add(value);
            }
            return out;
        });
    }

    /** The first row of a query, if any. */
    public <T> Uni<Optional<T>> first(String sql, Function<Row, T> mapper, Object... params) {
        return list(sql, mapper, params).map(rows -> rows.stream().findFirst());
    }

    /** Runs a statement; answers how many rows it changed. */
    public Uni<Integer> update(String sql, Object... params) {
        return execute(sql, params).map(RowSet::rowCount);
    }

    /**
     * Runs a statement on a pooled connection of its own, outside any transaction open here: what it writes stays
     * even when the caller's transaction rolls back (a record of a refused request).
     */
    public Uni<Integer> updateAlone(String sql, Object... params) {
        return pool.preparedQuery(sql).execute(tuple(params)).map(RowSet::rowCount);
    }

    /**
     * The first row of a statement run like {@link #updateAlone}: committed by itself, before (never inside) the
     * caller's transaction, so a lock it takes is held for that one statement only. Call it before opening the
     * transaction: run while one is open here, it waits for a second pooled connection, and a pool full of such
     * transactions would wait for each other forever.
     */
    public <T> Uni<Optional<T>> firstAlone(String sql, Function<Row, T> mapper, Object... params) {
        return pool.preparedQuery(sql).execute(tuple(params)).map(rows -> {
            var it = rows.iterator();
            return it.hasNext() ? Optional.of(mapper.apply(it.next())) : Optional.empty();
        });
    }

    /** Runs one statement once per parameter row (the client pipelines them: one round trip's worth of waiting). */
    public Uni<Void> updateEach(String sql, List<Tuple> rows) {
        return rows.isEmpty() ? Uni.createFrom().voidItem()
                : client().preparedQuery(sql).executeBatch(rows).replaceWithVoid();
    }

    /** Answers whether the database takes a query within the pool's connect timeout. */
    public Uni<Boolean> answers() {
        return pool.query("select 1").execute().replaceWith(true);
    }

    private Uni<RowSet<Row>> execute(String sql, Object[] params) {
        return client().preparedQuery(sql).execute(tuple(params));
    }

    /**
     * The parameters as a tuple. A {@code String[]} passed alone for {@code = any($1)} arrives here as the varargs
     * array itself (Java spreads it); an array the compiler made for varargs is exactly {@code Object[]}, so any
     * other array type is the one parameter it looks like.
     */
    private static Tuple tuple(Object[] params) {
        Object[] values = params.getClass() == Object[].class ? params : new Object[]{params};
        return Tuple.from(Arrays.asList(values));
    }

    /** The open transaction's connection, or the pool. */
    private SqlClient client() {
        return transaction().<SqlClient>map(c -> c).orElse(pool);
    }

    private static Optional<SqlConnection> transaction() {
        return VertxContext.isOnDuplicatedContext() ? ContextLocals.get(KEY) : Optional.empty();
    }
}
