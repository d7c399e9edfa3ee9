package jp.tsunagu.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jp.tsunagu.infra.DevKeys;
import jp.tsunagu.infra.EmbeddedDatabase;
import jp.tsunagu.infra.KafkaNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The shared test resource of every service: a real single-node KRaft Kafka broker (child process) and a real
 * PostgreSQL, both on free ports in a scratch directory, and a JWT key pair. Put the same
 * {@code @QuarkusTestResource(TsunaguTestResources.class)} on every test class so Quarkus starts them once per module.
 *
 * <p>{@code TSUNAGU_KAFKA_BOOTSTRAP} points the tests at an external cluster instead, and {@code TSUNAGU_DB_URL}
 * (with {@code TSUNAGU_DB_USER}, {@code TSUNAGU_DB_PASSWORD}) at an external PostgreSQL, e.g.
 * {@code postgresql://db:5432/tsunagu_test}.
 */
public class TsunaguTestResources implements QuarkusTestResourceLifecycleManager {

    private static DevKeys keys;
    private static String bootstrapServers;

    private KafkaNode kafka;
    private EmbeddedDatabase database;
    private Path scratch;

    @Override
    public Map<String, String> start() {
        // every answer a test gets must be one the service's OpenAPI document lists
        if (io.restassured.RestAssured.filters().stream().noneMatch(f -> f instanceof DocumentedStatuses)) {
            io.restassured.RestAssured.filters(new DocumentedStatuses());
        }
        try {
            scratch = Files.createTempDirectory("tsunagu-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> config = new HashMap<>();
        keys = DevKeys.in(scratch.resolve("keys"));
        // the module tests' offline issuer: the default OIDC tenant, switched on only here, trusts the test key pair
        config.put("quarkus.oidc.tenant-enabled", "true");
        config.put("quarkus.oidc.public-key", keys.publicKeyBase64());
        config.put("quarkus.oidc.token.issuer", DevKeys.ISSUER);
        config.put("tsunagu.identity.allowed-clients", "tsunagu-console,tsunagu-portal,agency-{agency}");

        String externalKafka = System.getenv("TSUNAGU_KAFKA_BOOTSTRAP");
        if (externalKafka != null && !externalKafka.isBlank()) {
            bootstrapServers = externalKafka;
        } else {
            kafka = new KafkaNode(scratch.resolve("kafka"), freePort(), freePort(), 3).start(Duration.ofSeconds(90));
            bootstrapServers = kafka.bootstrapServers();
        }
        config.put("kafka.bootstrap.servers", bootstrapServers);

        String externalDb = System.getenv("TSUNAGU_DB_URL");
        String reactiveUrl;
        String user;
        String password;
        if (externalDb != null && !externalDb.isBlank()) {
            reactiveUrl = externalDb.replaceFirst("^jdbc:", "");
            user = System.getenv().getOrDefault("TSUNAGU_DB_USER", "postgres");
            password = System.getenv().getOrDefault("TSUNAGU_DB_PASSWORD", "");
        } else {
            database = EmbeddedDatabase.start(scratch.resolve("pg"), 0, false);
            reactiveUrl = database.reactiveUrl();
            user = EmbeddedDatabase.USER;
            password = "";
        }
        config.put("tsunagu.db.url", reactiveUrl);
        config.put("quarkus.datasource.username", user);
        config.put("quarkus.datasource.password", password);
        return config;
    }

    @Override
    public void stop() {
        if (kafka != null) {
            kafka.stop();
        }
        if (database != null) {
            database.close();
        }
    }

    /** The bootstrap servers of the running broker, for tests that read or write topics directly. */
    public static String bootstrapServers() {
        return bootstrapServers;
    }

    static DevKeys keys() {
        if (keys == null) {
            throw new IllegalStateException("TsunaguTestResources has not started");
        }
        return keys;
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
