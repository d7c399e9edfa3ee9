package jp.tsunagu.infra.identity;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The admin's sign-in outlasts a Keycloak that answers 500 while its database connections are renewed, and names the
 * answer when it does not. The endpoints here answer as Keycloak's do (the real one: {@link RealmApplierTest}).
 */
class KeycloakAdminTest {

    HttpServer server;
    final AtomicInteger signIns = new AtomicInteger();
    volatile int failingSignIns;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/realms/master/protocol/openid-connect/token", exchange -> {
            exchange.getRequestBody().readAllBytes();
            boolean fail = signIns.incrementAndGet() <= failingSignIns;
            byte[] body = (fail ? "{\"error\":\"unknown_error\"}"
                    : "{\"access_token\":\"admin-token\",\"expires_in\":60}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(fail ? 500 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/admin/realms/402036", exchange -> {
            boolean signedIn = "Bearer admin-token".equals(exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.sendResponseHeaders(signedIn ? 204 : 401, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    KeycloakAdmin admin() {
        return new KeycloakAdmin(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), "tsunagu-admin", "pw",
                Duration.ofMillis(10));
    }

    @Test
    void aSignInAnsweredWithAServerErrorIsTriedAgain() {
        failingSignIns = 2;
        assertEquals(204, admin().get("/admin/realms/402036").status());
        assertEquals(3, signIns.get());
    }

    @Test
    void aKeycloakThatKeepsFailingIsNamedWithItsAnswerAfterAFewAttempts() {
        failingSignIns = Integer.MAX_VALUE;
        IdentityFailure failure = assertThrows(IdentityFailure.class, () -> admin().get("/admin/realms/402036"));
        assertTrue(failure.getMessage().contains("HTTP 500 unknown_error"), failure.getMessage());
        assertEquals(KeycloakAdmin.SIGN_IN_ATTEMPTS, signIns.get());
    }
}
