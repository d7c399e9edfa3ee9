package jp.tsunagu.reporting.projection;

import io.smallrye.mutiny.Uni;

import java.util.List;
import java.util.function.Function;

/**
 * Runs reporting's statements against one schema. The live service runs them through the reactive PostgreSQL client;
 * a replay runs them over JDBC on its own thread. Projections and figures are written once, against this.
 */
public interface SqlRunner {

    String schema();

    /**
     * Each row's column values by position, as either driver reads them: read them through {@code SqlValues} (dates,
     * times), as {@code Number} (counts) or as {@code String}.
     */
    Uni<List<Object[]>> query(Sql query);

    /**
     * Each row made a value by {@code row} as it is read, its column values as {@link #query(Sql)} gives them: a
     * large result (a year of a city's facts) is then never held as rows and as values at once.
     */
    <T> Uni<List<T>> query(Sql query, Function<Object[], T> row);

    Uni<Void> execute(List<Sql> writes);
}
