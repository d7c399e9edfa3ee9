package jp.tsunagu.system;

import com.sun.net.httpserver.HttpServer;

import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Where the identity provider sends a signed-in person back: the console's address ({@code ./tsunagu port console}),
 * answered here by the test in place of the console (stopped meanwhile), taking the authorization code. It also makes the PKCE pair
 * the console would (RFC 7636, S256).
 */
final class ConsoleRedirect implements AutoCloseable {

    private final HttpServer server;
    private final BlockingQueue<Map<String, String>> arrivals = new LinkedBlockingQueue<>();
    final String redirectUri;

    ConsoleRedirect(int port) throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", exchange -> {
            // the provider's redirect only: a browser also asks the site for its icon, late and without a query
            if (exchange.getRequestURI().getPath().equals("/callback")) {
                arrivals.add(query(exchange.getRequestURI().getRawQuery()));
            }
            byte[] page = "<!doctype html><html lang=\"ja\"><title>サインインしました</title><p>サインインしました</p></html>"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        server.start();
        redirectUri = "http://127.0.0.1:" + port + "/callback";
    }

    /** The query the provider redirected with (code and state, or error), or null if it never came. */
    Map<String, String> awaitArrival(long seconds) throws InterruptedException {
        return arrivals.poll(seconds, TimeUnit.SECONDS);
    }

    void forgetArrivals() {
        arrivals.clear();
    }

    static Map<String, String> query(String raw) {
        Map<String, String> q = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    q.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return q;
    }

    /** A PKCE verifier and its S256 challenge. */
    record Pkce(String verifier, String challenge) {
        static Pkce make() throws Exception {
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
            return new Pkce(verifier, challenge);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
