package jp.tsunagu.infra.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Keycloak's admin REST API as the bootstrap admin of the master realm (client {@code admin-cli}, password grant).
 * The master realm's tokens live a minute, so the token is renewed before each call that would outlive it.
 */
final class KeycloakAdmin {

    static final ObjectMapper JSON = new ObjectMapper();

    /** An answer of the admin API. */
    record Answer(int status, String body, String location) {
        JsonNode json() {
            try {
                return body == null || body.isBlank() ? JSON.missingNode() : JSON.readTree(body);
            } catch (IOException notJson) {
                return JSON.missingNode();
            }
        }
    }

    static final int SIGN_IN_ATTEMPTS = 5;
    static final Duration RETRY_PAUSE = Duration.ofSeconds(2);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI idp;
    private final String username;
    private final String password;
    private final Duration retryPause;
    private String token;
    private Instant renewAt = Instant.MIN;

    KeycloakAdmin(URI idp, String username, String password) {
        this(idp, username, password, RETRY_PAUSE);
    }

    KeycloakAdmin(URI idp, String username, String password, Duration retryPause) {
        this.idp = idp;
        this.username = username;
        this.password = password;
        this.retryPause = retryPause;
    }

    Answer get(String path) {
        return send("GET", path, null);
    }

    Answer post(String path, Object body) {
        return send("POST", path, body);
    }

    /** The call, which must answer one of {@code expected}; else the failure names the call and the answer. */
    Answer expect(Answer answer, String what, int... expected) {
        for (int status : expected) {
            if (answer.status() == status) {
                return answer;
            }
        }
        throw new IdentityFailure("Keycloak が " + what + " を受け付けませんでした / Keycloak refused to " + what
                + ": HTTP " + answer.status() + " " + oneLine(answer.body()));
    }

    Answer send(String method, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(idp.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token())
                .header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(write(body)));
        }
        HttpResponse<String> response = call(request.build());
        return new Answer(response.statusCode(), response.body(),
                response.headers().firstValue("Location").orElse(null));
    }

    private String token() {
        if (token != null && Instant.now().isBefore(renewAt)) {
            return token;
        }
        HttpRequest request = HttpRequest.newBuilder(idp.resolve("/realms/master/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "password",
                        "client_id", "admin-cli", "username", username, "password", password))))
                .build();
        HttpResponse<String> response = call(request);
        // a server error may pass (a Keycloak that does not validate its pooled connections answers 500 once per
        // connection that died with a database restart); a refusal (4xx) is final
        for (int retry = 1; response.statusCode() >= 500 && retry < SIGN_IN_ATTEMPTS; retry++) {
            pause(retryPause);
            response = call(request);
        }
        JsonNode answer = new Answer(response.statusCode(), response.body(), null).json();
        if (response.statusCode() != 200 || !answer.hasNonNull("access_token")) {
            throw new IdentityFailure("Keycloak の管理者 " + username + " としてサインインできません / cannot sign in to "
                    + "Keycloak's master realm as " + username + ": HTTP " + response.statusCode() + " "
                    + answer.path("error").asText("") + " " + answer.path("error_description").asText(""));
        }
        token = answer.get("access_token").asText();
        renewAt = Instant.now().plusSeconds(Math.max(0, answer.path("expires_in").asLong(60) - 15));
        return token;
    }

    private HttpResponse<String> call(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IdentityFailure("Keycloak に接続できません / cannot reach Keycloak at " + idp + " (" + e
                    + "); is it running? ./tsunagu status");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IdentityFailure("中断されました / interrupted");
        }
    }

    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IdentityFailure("中断されました / interrupted");
        }
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static String segment(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String oneLine(String text) {
        String line = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
