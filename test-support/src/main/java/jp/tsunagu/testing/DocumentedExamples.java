package jp.tsunagu.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import static io.restassured.RestAssured.given;

/**
 * The request examples of a service's OpenAPI document are requests the service accepts: an integrator who copies one
 * gets the answer the document promises. {@link #replay} reads the document the running service serves, and sends
 * every example of every operation that takes a JSON body, as documented, with only the ids it names swapped for ids
 * the test has made exist (a documented case id cannot exist in a fresh database); each must get one of the
 * operation's documented 2xx answers, with a JSON body where the document gives it one, with the fields of the answer
 * examples the document shows for that status. An operation that takes a body and documents no example fails the
 * test, as does an example the test gives no way to send.
 */
public final class DocumentedExamples {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DocumentedExamples() {
    }

    /**
     * How the test sends one operation's examples. Values may be read from the answers to the examples sent before
     * it (the case the referral example made, say).
     *
     * @param token   the bearer token of a caller allowed to do it
     * @param path    the value of each path parameter
     * @param swapped documented values (ids) replaced by live ones in the example's body
     * @param then    run on each answer before the next example is sent (to wait for what it started)
     */
    public record Given(String token, Map<String, Function<List<Sent>, String>> path,
                        Map<String, Function<List<Sent>, String>> swapped, Consumer<Sent> then) {

        public static Given as(String token) {
            return new Given(token, Map.of(), Map.of(), sent -> { });
        }

        public Given then(Consumer<Sent> next) {
            return new Given(token, path, swapped, next);
        }

        public Given path(String name, String value) {
            return path(name, sent -> value);
        }

        public Given path(String name, Function<List<Sent>, String> value) {
            Map<String, Function<List<Sent>, String>> p = new LinkedHashMap<>(path);
            p.put(name, value);
            return new Given(token, p, swapped, then);
        }

        public Given swap(String documented, String live) {
            return swap(documented, sent -> live);
        }

        public Given swap(String documented, Function<List<Sent>, String> live) {
            Map<String, Function<List<Sent>, String>> s = new LinkedHashMap<>(swapped);
            s.put(documented, live);
            return new Given(token, path, s, then);
        }
    }

    /** A sent example: what was sent where, and what came back. */
    public record Sent(String operationId, String example, String method, String path, int status, String body) {

        /** A field of the answer's JSON body. */
        public String field(String name) {
            try {
                return JSON.readTree(body).path(name).asText();
            } catch (IOException e) {
                throw new AssertionError(operationId + " answered no JSON: " + body, e);
            }
        }
    }

    /** A field of the latest answer to an example of the operation, for the ids later examples need. */
    public static Function<List<Sent>, String> answered(String operationId, String field) {
        return sent -> sent.reversed().stream().filter(s -> s.operationId().equals(operationId)).findFirst()
                .map(s -> s.field(field))
                .orElseThrow(() -> new AssertionError("no example of " + operationId + " was sent before"));
    }

    /**
     * Sends each documented example of the operations named, in the order given, and checks every operation that
     * takes a JSON body is among them. Returns what was sent, so the test can go on from it (the case an example
     * made, say).
     */
    public static List<Sent> replay(Map<String, Given> operations) {
        JsonNode doc = document();
        Map<String, Operation> documented = operationsWithBodies(doc);
        List<String> problems = new ArrayList<>();
        for (Operation op : documented.values()) {
            if (op.examples().isEmpty()) {
                problems.add(op.method() + " " + op.template() + " (" + op.id() + ") takes a JSON body and documents "
                        + "no example of it");
            } else if (!operations.containsKey(op.id())) {
                problems.add("the examples of " + op.id() + " are not replayed by this test");
            }
        }
        for (String id : operations.keySet()) {
            if (!documented.containsKey(id)) {
                problems.add(id + " is not an operation of the document that takes a JSON body");
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(String.join("\n", problems));
        }
        List<Sent> sent = new ArrayList<>();
        for (var entry : operations.entrySet()) {
            Operation op = documented.get(entry.getKey());
            Given g = entry.getValue();
            for (var example : op.examples().entrySet()) {
                Sent answer = send(op, example.getKey(), example.getValue(), g, sent);
                sent.add(answer);
                g.then().accept(answer);
            }
        }
        return sent;
    }

    private static Sent send(Operation op, String name, String documentedBody, Given g, List<Sent> before) {
        String body = documentedBody;
        for (var swap : g.swapped().entrySet()) {
            if (!body.contains(swap.getKey())) {
                throw new AssertionError("the example " + name + " of " + op.id() + " no longer holds "
                        + swap.getKey() + ", which the test swaps for a live id: " + body);
            }
            body = body.replace(swap.getKey(), swap.getValue().apply(before));
        }
        String path = op.template();
        for (var p : g.path().entrySet()) {
            path = path.replace("{" + p.getKey() + "}", p.getValue().apply(before));
        }
        if (path.contains("{")) {
            throw new AssertionError(op.id() + ": no value for a path parameter of " + path);
        }
        RequestSpecification request = given().header("Authorization", "Bearer " + g.token())
                .contentType("application/json").body(body);
        if (op.idempotencyKey()) {
            request = request.header("Idempotency-Key", "example-" + UUID.randomUUID());
        }
        Response answer = request.request(op.method(), path);
        int status = answer.getStatusCode();
        String label = op.method() + " " + path + " with the example " + name + " of " + op.id();
        JsonNode documentedAnswer = op.responses().path(Integer.toString(status));
        if (status < 200 || status > 299 || documentedAnswer.isMissingNode()) {
            throw new AssertionError(label + " answered " + status + ", not a documented success ("
                    + op.responses().properties().stream().map(Map.Entry::getKey).toList() + "):\n"
                    + answer.asString() + "\nsent:\n" + body);
        }
        JsonNode json = documentedAnswer.path("content").path("application/json");
        if (!json.isMissingNode()) {
            JsonNode live;
            try {
                live = JSON.readTree(answer.asString());
            } catch (IOException e) {
                throw new AssertionError(label + " documents a JSON answer and gave: " + answer.asString(), e);
            }
            // a documented answer shows the fields the live one has, no more and no fewer
            for (var documented : json.path("examples").properties()) {
                JsonNode value = documented.getValue().path("value");
                if (value.isTextual()) {
                    try {
                        value = JSON.readTree(value.asText());
                    } catch (IOException e) {
                        throw new AssertionError(op.id() + "'s answer example " + documented.getKey()
                                + " is not JSON", e);
                    }
                }
                if (value.isObject() && live.isObject() && !fields(value).equals(fields(live))) {
                    throw new AssertionError(label + " answered the fields " + fields(live) + "; the documented "
                            + "answer " + documented.getKey() + " shows " + fields(value));
                }
            }
        }
        return new Sent(op.id(), name, op.method(), path, status, answer.asString());
    }

    private static java.util.Set<String> fields(JsonNode object) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private record Operation(String id, String method, String template, boolean idempotencyKey,
                             Map<String, String> examples, JsonNode responses) {
    }

    private static Map<String, Operation> operationsWithBodies(JsonNode doc) {
        Map<String, Operation> found = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            var path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                var method = methods.next();
                JsonNode json = method.getValue().path("requestBody").path("content").path("application/json");
                if (json.isMissingNode()) {
                    continue;
                }
                Map<String, String> examples = new LinkedHashMap<>();
                json.path("examples").properties().forEach(e -> examples.put(e.getKey(), text(e.getValue().path("value"))));
                if (json.has("example")) {
                    examples.put("example", text(json.get("example")));
                }
                boolean key = false;
                for (JsonNode parameter : method.getValue().path("parameters")) {
                    key |= "Idempotency-Key".equalsIgnoreCase(parameter.path("name").asText())
                            && "header".equals(parameter.path("in").asText());
                }
                String id = method.getValue().path("operationId").asText();
                found.put(id, new Operation(id, method.getKey().toUpperCase(java.util.Locale.ROOT), path.getKey(),
                        key, examples, method.getValue().path("responses")));
            }
        }
        return found;
    }

    /** An example's value: smallrye-openapi keeps a JSON text example as a string, a parsed one as JSON. */
    private static String text(JsonNode value) {
        return value.isTextual() ? value.asText() : value.toString();
    }

    private static JsonNode document() {
        try {
            return JSON.readTree(given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
