package jp.tsunagu.infra.identity;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which client a role signs in as, how long a token is kept, and what a refusal says. The token endpoint here answers
 * as Keycloak's does (the real one: {@link RealmApplierTest}).
 */
class IdpTokensTest {

    /** A clock the test moves. */
    static final class MovingClock extends Clock {
        Instant now = Instant.parse("2026-12-04T09:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    HttpServer server;
    final List<String> asked = new ArrayList<>();
    final AtomicInteger issued = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/realms/402036/protocol/openid-connect/token", exchange -> {
            String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String client = "";
            String secret = "";
            for (String pair : form.split("&")) {
                String[] kv = pair.split("=", 2);
                String value = URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
                if (kv[0].equals("client_id")) {
                    client = value;
                } else if (kv[0].equals("client_secret")) {
                    secret = value;
                }
            }
            asked.add(client);
            boolean known = secret.equals("s3cret-" + client) && !client.equals("agency-disabled-01");
            String body = known
                    ? "{\"access_token\":\"token-" + client + "-" + issued.incrementAndGet()
                      + "\",\"expires_in\":300,\"token_type\":\"Bearer\"}"
                    : "{\"error\":\"invalid_client\",\"error_description\":\"Invalid client or Invalid client credentials\"}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(known ? 200 : 401, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    IdpTokens tokens(Path home, Clock clock) {
        IdpHome idpHome = new IdpHome(home);
        for (String client : List.of("agency-kurume-houkatsu-01", "agency-disabled-01", "tsunagu-portal",
                "tsunagu-local-coordinator", "tsunagu-local-analyst", "tsunagu-local-meeting-member")) {
            idpHome.keepSecret("402036", client, "s3cret-" + client);
        }
        return new IdpTokens(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), idpHome, clock);
    }

    @Test
    void eachRoleSignsInAsItsOwnClient(@TempDir Path home) {
        IdpTokens tokens = tokens(home, new MovingClock());
        tokens.forRole("402036", "agency", "kurume-houkatsu-01");
        tokens.forRole("402036", "portal", null);
        tokens.forRole("402036", "coordinator", null);
        tokens.forRole("402036", "meeting-member", null);
        tokens.forRole("402036", "analyst", null);
        assertEquals(List.of("agency-kurume-houkatsu-01", "tsunagu-portal", "tsunagu-local-coordinator",
                "tsunagu-local-meeting-member", "tsunagu-local-analyst"), asked);
    }

    @Test
    void aTokenIsKeptUntilLessThanAMinuteOfItIsLeft(@TempDir Path home) {
        MovingClock clock = new MovingClock();
        IdpTokens tokens = tokens(home, clock);
        String first = tokens.forRole("402036", "coordinator", null);
        clock.now = clock.now.plus(Duration.ofSeconds(239));
        assertEquals(first, tokens.forRole("402036", "coordinator", null), "61 s left: kept");
        clock.now = clock.now.plus(Duration.ofSeconds(2));
        String renewed = tokens.forRole("402036", "coordinator", null);
        assertNotEquals(first, renewed, "59 s left: renewed");
        assertEquals(2, asked.size());
        assertEquals(renewed, tokens.forRole("402036", "coordinator", null));
    }

    @Test
    void aRefusalNamesTheClientAndKeycloaksError(@TempDir Path home) {
        IdentityFailure refused = assertThrows(IdentityFailure.class,
                () -> tokens(home, new MovingClock()).forRole("402036", "agency", "disabled-01"));
        assertTrue(refused.getMessage().contains("agency-disabled-01"), refused.getMessage());
        assertTrue(refused.getMessage().contains("invalid_client"), refused.getMessage());
        assertTrue(refused.getMessage().contains("HTTP 401"), refused.getMessage());
    }

    @Test
    void aClientWithoutASecretFileIsNamed(@TempDir Path home) {
        IdentityFailure missing = assertThrows(IdentityFailure.class,
                () -> tokens(home, new MovingClock()).forRole("402036", "agency", "not-in-directory-01"));
        assertTrue(missing.getMessage().contains("agency-not-in-directory-01"), missing.getMessage());
        assertTrue(asked.isEmpty(), "nothing asked without a secret");
    }
}
