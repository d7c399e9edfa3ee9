package jp.tsunagu.infra.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

/** JSON over HTTP to the running local system, for the launcher's commands; every failure says what it tried. */
public final class LocalApi {

    static final ObjectMapper JSON = new ObjectMapper();

    /** An answer: its status and its body read as JSON (a missing node when the body is not JSON). */
    record Answer(int status, JsonNode body, String text) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Asked before each request: a command may outlive one token (they live 5 minutes). */
    private final Supplier<String> token;

    LocalApi(Supplier<String> token) {
        this.token = token;
    }

    Answer get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET(), "GET " + uri);
    }

    Answer post(URI uri, JsonNode body, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request, "POST " + uri);
    }

    /** A file's bytes as they are (an import's sheet), with its name in {@code X-File-Name} (percent-encoded UTF-8). */
    Answer postFile(URI uri, byte[] bytes, String fileName) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Content-Type", "application/octet-stream")
                .header("X-File-Name", java.net.URLEncoder.encode(fileName, java.nio.charset.StandardCharsets.UTF_8)
                        .replace("+", "%20"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        return send(request, "POST " + uri);
    }

    /** The body as bytes (a report file), or a failure naming the status. */
    byte[] getBytes(URI uri) {
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).GET()
                    .header("Authorization", "Bearer " + token.get()).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new CommandFailed("GET " + uri + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new CommandFailed("GET " + uri + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandFailed("GET " + uri + " interrupted");
        }
    }

    private Answer send(HttpRequest.Builder request, String what) {
        try {
            HttpResponse<String> response = http.send(request.header("Authorization", "Bearer " + token.get())
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body;
            try {
                body = JSON.readTree(response.body());
            } catch (IOException notJson) {
                body = JSON.missingNode();
            }
            return new Answer(response.statusCode(), body == null ? JSON.missingNode() : body, response.body());
        } catch (IOException e) {
            throw new CommandFailed(what + " failed: " + e.getMessage() + " (is the system up? ./tsunagu status)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandFailed(what + " interrupted");
        }
    }

    /** A command that cannot go on; its message is for the person at the terminal. */
    public static final class CommandFailed extends RuntimeException {
        CommandFailed(String message) {
            super(message);
        }
    }
}
