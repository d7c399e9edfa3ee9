package jp.tsunagu.infra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real broker and database start, keep their data across a restart, and dev tokens carry the contract's claims. */
class LocalInfraTest {

    @Test
    void kafkaStartsFormatsOnceAndRestarts(@TempDir Path dir) throws Exception {
        KafkaNode node = new KafkaNode(dir, freePort(), freePort(), 1).start(Duration.ofSeconds(60));
        try {
            assertTrue(Files.exists(dir.resolve("data/meta.properties")));
        } finally {
            node.stop();
        }
        String firstMeta = Files.readString(dir.resolve("data/meta.properties"));
        KafkaNode again = new KafkaNode(dir, freePort(), freePort(), 1).start(Duration.ofSeconds(60));
        again.stop();
        assertEquals(firstMeta, Files.readString(dir.resolve("data/meta.properties")), "storage formatted only once");
    }

    @Test
    void postgresKeepsItsDataAcrossRestarts(@TempDir Path dir) throws Exception {
        int port = freePort();
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir.resolve("pg"), port, true);
             Connection c = DriverManager.getConnection(db.jdbcUrl(), EmbeddedDatabase.USER, "")) {
            c.createStatement().execute("create table kept(x int)");
            c.createStatement().execute("insert into kept values (42)");
        }
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir.resolve("pg"), port, true);
             Connection c = DriverManager.getConnection(db.jdbcUrl(), EmbeddedDatabase.USER, "");
             ResultSet rs = c.createStatement().executeQuery("select x from kept")) {
            assertTrue(rs.next());
            assertEquals(42, rs.getInt(1));
        }
    }

    @Test
    void tokensCarryTheContractClaims(@TempDir Path dir) {
        String token = DevKeys.in(dir).token("u1", "agency", "kurume-houkatsu-01", "402036", Duration.ofMinutes(5));
        String[] parts = token.split("\\.");
        assertEquals(3, parts.length);
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertTrue(claims.contains("\"groups\":[\"agency\"]"), claims);
        assertTrue(claims.contains("\"municipality\":\"402036\""), claims);
        assertTrue(claims.contains("\"agency\":\"kurume-houkatsu-01\""), claims);
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
