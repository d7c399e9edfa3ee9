package jp.tsunagu.reporting.replay;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jp.tsunagu.reporting.projection.Sql;
import jp.tsunagu.testing.TsunaguTestResources;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A read whose rows are made values as they arrive ({@code SqlRunner.query(Sql, Function)}: the replay's comparison
 * reads a year of a city's facts so) gets every row through the cursor, over more rows than one fetch, and leaves the
 * connection as it found it: in autocommit, or in the caller's transaction.
 */
@QuarkusTest
@QuarkusTestResource(TsunaguTestResources.class)
class JdbcSqlRunnerReadTest {

    static final Sql TWELVE_THOUSAND = Sql.of("select g, 'R' || (g % 7) from generate_series(1, :a) g", 12_000);

    @Inject
    AgroalDataSource dataSource;

    @Test
    void inAutocommitEveryRowArrivesAndTheConnectionStaysInAutocommit() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            JdbcSqlRunner runner = new JdbcSqlRunner(connection, "reporting");
            List<String> values = runner.query(TWELVE_THOUSAND, r -> r[0] + ":" + r[1]).await().indefinitely();
            assertEquals(12_000, values.size());
            assertEquals("1:R1", values.getFirst());
            assertEquals("12000:R2", values.getLast());
            assertTrue(connection.getAutoCommit());
        }
    }

    @Test
    void insideATransactionTheReadLeavesTheTransactionOpen() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement s = connection.createStatement()) {
                s.execute("create temporary table read_test (n int) on commit drop");
                s.execute("insert into read_test values (1)");
            }
            JdbcSqlRunner runner = new JdbcSqlRunner(connection, "reporting");
            assertEquals(12_000, runner.query(TWELVE_THOUSAND, r -> r[0]).await().indefinitely().size());
            assertFalse(connection.getAutoCommit());
            // the table dropped at commit is still there: the read neither committed nor rolled back
            assertEquals(List.of(1), runner.query(Sql.of("select n from read_test"), r -> ((Number) r[0]).intValue())
                    .await().indefinitely());
            connection.rollback();
        }
    }
}
