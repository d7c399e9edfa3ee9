package jp.tsunagu.infra.identity;

import jp.tsunagu.infra.EmbeddedDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The local run's PostgreSQL has the database Keycloak keeps its realms in, and keeps it across a restart. */
class KeycloakDatabaseTest {

    @Test
    void theEmbeddedPostgresHasKeycloaksDatabase(@TempDir Path dir) throws Exception {
        for (int start = 0; start < 2; start++) {
            try (EmbeddedDatabase db = EmbeddedDatabase.start(dir.resolve("pg"), 0, true);
                 Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + db.port() + "/"
                         + EmbeddedDatabase.KEYCLOAK_DATABASE, EmbeddedDatabase.USER, "");
                 ResultSet rs = c.createStatement().executeQuery("select current_database(), "
                         + "pg_encoding_to_char(encoding) from pg_database where datname = current_database()")) {
                assertTrue(rs.next());
                assertEquals("keycloak", rs.getString(1));
                assertEquals("UTF8", rs.getString(2));
            }
        }
    }
}
