package jp.tsunagu.infra.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.tsunagu.infra.EmbeddedDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The realms against a real Keycloak, started as the local run starts it (its built distribution, its database in
 * the embedded PostgreSQL, the bootstrap admin tsunagu-admin). It takes about half a minute, so it runs only when
 * asked: {@code -Dtsunagu.keycloak.dist=<the unpacked keycloak-26.5.6 after kc.sh build --db=postgres>}.
 */
@EnabledIfSystemProperty(named = "tsunagu.keycloak.dist", matches = ".+")
class RealmApplierTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String CONSOLE = "http://127.0.0.1:8080";

    static Path home;
    static EmbeddedDatabase db;
    static Process keycloak;
    static URI idp;

    @BeforeAll
    static void startKeycloak() throws Exception {
        home = Files.createTempDirectory("tsunagu-idp-test");
        db = EmbeddedDatabase.start(home.resolve("postgres"), 0, false);
        String password = UUID.randomUUID().toString();
        IdpHome.write(new IdpHome(home).adminPasswordFile(), password + "\n");
        int port = freePort();
        idp = URI.create("http://127.0.0.1:" + port);
        Path dist = Path.of(System.getProperty("tsunagu.keycloak.dist"));
        ProcessBuilder start = new ProcessBuilder(dist.resolve("bin/kc.sh").toString(), "start", "--optimized",
                "--http-enabled=true", "--http-host=127.0.0.1", "--http-port=" + port,
                "--http-management-port=" + freePort(), "--hostname-strict=false")
                .redirectErrorStream(true).redirectOutput(home.resolve("keycloak.log").toFile());
        Map<String, String> env = start.environment();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("KC_DB_URL", "jdbc:postgresql://127.0.0.1:" + db.port() + "/" + EmbeddedDatabase.KEYCLOAK_DATABASE);
        env.put("KC_DB_USERNAME", EmbeddedDatabase.USER);
        env.put("KC_DB_PASSWORD", "");
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", IdentityCommands.DEFAULT_ADMIN);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", password);
        env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx384m");
        // its own transaction log, not the distribution's (a local run may use the same distribution meanwhile)
        env.put("JAVA_OPTS_APPEND", "-Dquarkus.transaction-manager.object-store.directory=" + home.resolve("kc-tx"));
        keycloak = start.start();
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (true) {
            assertTrue(keycloak.isAlive(), () -> "Keycloak exited: " + log());
            try {
                if (http.send(HttpRequest.newBuilder(idp.resolve("/realms/master")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    break;
                }
            } catch (IOException notYet) {
                // still starting
            }
            assertTrue(System.nanoTime() < deadline, () -> "Keycloak not up in 180 s: " + log());
            Thread.sleep(500);
        }
    }

    @AfterAll
    static void stopKeycloak() throws Exception {
        if (keycloak != null) {
            keycloak.descendants().forEach(ProcessHandle::destroy);
            keycloak.destroy();
            keycloak.waitFor();
        }
        if (db != null) {
            db.close();
        }
        try (var files = Files.walk(home)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    @Test
    void realmsAreCreatedThenLeftAsTheCityChangedThemThenCompletedWithANewAgency() throws Exception {
        assertEquals(List.of("realm 122203 (流山市): created", "realm 402036 (久留米市): created"),
                realmLines(Optional.empty()));

        IdpTokens tokens = new IdpTokens(idp, new IdpHome(home));
        JsonNode claims = claims(tokens.forRole("402036", "agency", "kurume-houkatsu-01"));
        assertEquals(idp + "/realms/402036", claims.path("iss").asText());
        assertTrue(texts(claims.path("aud")).contains("tsunagu"), claims.toString());
        assertEquals("agency-kurume-houkatsu-01", claims.path("azp").asText());
        assertEquals("402036", claims.path("municipality").asText());
        assertEquals("kurume-houkatsu-01", claims.path("agency").asText());
        assertTrue(texts(claims.path("groups")).contains("agency"), claims.toString());
        assertFalse(claims.path("sub").asText().isEmpty());
        assertEquals("service-account-agency-kurume-houkatsu-01", claims.path("preferred_username").asText());
        assertTrue(claims.path("exp").asLong() - claims.path("iat").asLong() <= 300);
        JsonNode coordinator = claims(tokens.forRole("122203", "coordinator", null));
        assertTrue(texts(coordinator.path("groups")).contains("coordinator"), coordinator.toString());
        assertTrue(coordinator.path("agency").isMissingNode(), coordinator.toString());

        // a city's administrator disables an agency's client: a run leaves it disabled, and it gets no token
        KeycloakAdmin admin = new KeycloakAdmin(idp, IdentityCommands.DEFAULT_ADMIN, new IdpHome(home).adminPassword());
        String id = admin.get("/admin/realms/402036/clients?clientId=agency-kurume-houkatsu-02").json().get(0)
                .path("id").asText();
        ObjectNode disabled = (ObjectNode) admin.get("/admin/realms/402036/clients/" + id).json();
        disabled.put("enabled", false);
        admin.expect(admin.send("PUT", "/admin/realms/402036/clients/" + id, disabled), "disable", 204);
        assertEquals(List.of("realm 122203 (流山市): up to date", "realm 402036 (久留米市): up to date"),
                realmLines(Optional.empty()));
        IdentityFailure refused = assertThrows(IdentityFailure.class,
                () -> tokens.forRole("402036", "agency", "kurume-houkatsu-02"));
        assertTrue(refused.getMessage().contains("agency-kurume-houkatsu-02"), refused.getMessage());
        assertTrue(refused.getMessage().contains("invalid_client") || refused.getMessage().contains("unauthorized"),
                refused.getMessage());

        // the directory gains an agency: its group, client and service account are added, nothing else
        Path directories = home.resolve("directories");
        Files.createDirectories(directories);
        ObjectNode directory;
        try (InputStream in = jp.tsunagu.contract.directory.Directories.class.getResourceAsStream("402036.json")) {
            directory = (ObjectNode) JSON.readTree(in);
        }
        ObjectNode added = ((ObjectNode) directory.path("agencies").get(0)).deepCopy();
        added.put("id", "kurume-new-01").put("name", "新設の相談支援機関");
        ((ArrayNode) directory.path("agencies")).add(added);
        Files.writeString(directories.resolve("402036.json"), directory.toString());
        assertEquals(List.of("realm 122203 (流山市): up to date", "realm 402036 (久留米市): added: group "
                        + "/agencies/kurume-new-01, client agency-kurume-new-01, user service-account-agency-kurume-new-01"),
                realmLines(Optional.of(directories)));
        JsonNode newAgency = claims(tokens.forRole("402036", "agency", "kurume-new-01"));
        assertEquals("kurume-new-01", newAgency.path("agency").asText());
        assertTrue(texts(newAgency.path("groups")).contains("agency"), newAgency.toString());
        assertEquals(List.of("realm 122203 (流山市): up to date", "realm 402036 (久留米市): up to date"),
                realmLines(Optional.of(directories)));
        assertFalse(admin.get("/admin/realms/402036/clients/" + id).json().path("enabled").asBoolean(true),
                "still disabled");
    }

    /** Runs idp-realms in the local profile; its lines about realms. */
    static List<String> realmLines(Optional<Path> directories) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        IdentityCommands.idpRealms(idp, home, CONSOLE, Profile.LOCAL, directories, IdentityCommands.DEFAULT_ADMIN,
                new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("realm ")).toList();
    }

    static JsonNode claims(String token) throws IOException {
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    static List<String> texts(JsonNode node) {
        if (node.isTextual()) {
            return List.of(node.asText());
        }
        return java.util.stream.StreamSupport.stream(node.spliterator(), false).map(JsonNode::asText).toList();
    }

    static String log() {
        try {
            List<String> lines = Files.readAllLines(home.resolve("keycloak.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
