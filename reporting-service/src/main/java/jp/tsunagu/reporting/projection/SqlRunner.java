package jp.tsunagu.reporting.projection;

import io.smallrye.mutiny.Uni;

import java.util.List;

/**
 * Runs reporting's statements against one schema. The live service runs them on the reactive session; a replay runs
 * them over JDBC on its own thread. Projections and figures are written once, against this.
 */
public interface SqlRunner {

    String schema();

    Uni<List<Object[]>> query(Sql query);

    Uni<Void> execute(List<Sql> writes);
}
