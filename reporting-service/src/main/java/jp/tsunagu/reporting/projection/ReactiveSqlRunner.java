package jp.tsunagu.reporting.projection;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.List;

/** Statements on the current reactive session (the caller opens the session or transaction). */
public final class ReactiveSqlRunner implements SqlRunner {

    private final String schema;

    public ReactiveSqlRunner(String schema) {
        this.schema = Sql.checkedSchema(schema);
    }

    @Override
    public String schema() {
        return schema;
    }

    @Override
    public Uni<List<Object[]>> query(Sql query) {
        return Panache.getSession().chain(s -> bind(s.createNativeQuery(query.in(schema), Object[].class), query)
                .getResultList());
    }

    /** A batch's writes, with the rows of each insert in one statement ({@link Sql#inBatches}). */
    @Override
    public Uni<Void> execute(List<Sql> writes) {
        return run(Sql.inBatches(writes), 0);
    }

    private Uni<Void> run(List<Sql> writes, int next) {
        if (next == writes.size()) {
            return Uni.createFrom().voidItem();
        }
        Sql w = writes.get(next);
        return Panache.getSession().chain(s -> bind(s.<Object>createNativeQuery(w.in(schema)), w).executeUpdate())
                .chain(() -> run(writes, next + 1));
    }

    private static <T> Mutiny.SelectionQuery<T> bind(Mutiny.SelectionQuery<T> q, Sql sql) {
        for (int i = 0; i < sql.params().size(); i++) {
            q.setParameter(String.valueOf((char) ('a' + i)), sql.params().get(i));
        }
        return q;
    }

    private static Mutiny.Query<Object> bind(Mutiny.Query<Object> q, Sql sql) {
        boolean ordinal = sql.ordinal();
        for (int i = 0; i < sql.params().size(); i++) {
            if (ordinal) {
                q.setParameter(i + 1, sql.params().get(i));
            } else {
                q.setParameter(String.valueOf((char) ('a' + i)), sql.params().get(i));
            }
        }
        return q;
    }
}
