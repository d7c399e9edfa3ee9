package jp.tsunagu.system;

import com.fasterxml.jackson.databind.JsonNode;
import jp.tsunagu.contract.codes.FiscalYear;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static jp.tsunagu.system.LocalRunSystemTest.HTTP;
import static jp.tsunagu.system.LocalRunSystemTest.JSON;
import static jp.tsunagu.system.LocalRunSystemTest.REPORTING;
import static jp.tsunagu.system.LocalRunSystemTest.uri;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The public calls {@link HouseholdSystemTest} makes besides those of {@link LocalRunSystemTest}: any method, with
 * {@code Accept-Language: ja} (the refusals are read in Japanese, as the console shows them), waiting for what the
 * services fold asynchronously, and the household figures of the year table.
 */
final class HouseholdCalls {

    private HouseholdCalls() {
    }

    /** A call to a service as the token's caller; a POST gets a fresh Idempotency-Key (ignored where not taken). */
    static HttpResponse<String> call(String method, String service, String path, String token, String body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(service, path))
                .header("Authorization", "Bearer " + token)
                .header("Accept-Language", "ja")
                .header("Accept", "application/json");
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if ("POST".equals(method)) {
            b.header("Idempotency-Key", UUID.randomUUID().toString());
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The call's JSON when it answered {@code status}; fails with the answer otherwise. */
    static JsonNode expectJson(int status, HttpResponse<String> r) throws Exception {
        assertEquals(status, r.statusCode(), r.request().method() + " " + r.uri() + ": " + r.body());
        return r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body());
    }

    /** Calls again (every 200 ms, at most 30 s) until the answer has the status and its JSON passes the test. */
    static JsonNode await(String what, int status, Predicate<JsonNode> done, Call call) throws Exception {
        HttpResponse<String> last = null;
        for (int i = 0; i < 150; i++) {
            last = call.send();
            if (last.statusCode() == status) {
                JsonNode json = last.body().isEmpty() ? JSON.nullNode() : JSON.readTree(last.body());
                if (done.test(json)) {
                    return json;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError(what + " never came; last answer " + (last == null ? "none"
                : last.statusCode() + " " + last.body()));
    }

    @FunctionalInterface
    interface Call {
        HttpResponse<String> send() throws Exception;
    }

    /** The element of a JSON array whose field has the value (null when none). */
    static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode n : array) {
            if (value.equals(n.path(field).asText())) {
                return n;
            }
        }
        return null;
    }

    /** The texts of one field of each element of a JSON array. */
    static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.path(field).asText()));
        return values;
    }

    /** The household figures of the year table (reporting's FigureDefinitions). */
    static final List<String> HOUSEHOLD_FIGURES = List.of("casesSupported", "householdsSupported",
            "multiCaseHouseholds", "householdsWithPlan");

    /**
     * The figures this test reads from the year table of one fiscal year (reporting-service, JSON): the household
     * figures, the 重層的支援会議's distinct cases and the 多機関協働プラン made and closed.
     * A household figure the table does not have is -1 (the assertion then names it).
     */
    static Map<String, Integer> figures(String token, FiscalYear year) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri(REPORTING, "/reports/fiscal-years?from="
                        + year.label() + "&to=" + year.label())).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        JsonNode y = JSON.readTree(r.body()).path("years").get(0);
        Map<String, Integer> figures = new LinkedHashMap<>();
        for (String name : HOUSEHOLD_FIGURES) {
            JsonNode value = y.path(name);
            figures.put(name, value.isNumber() ? value.asInt() : -1);
        }
        figures.put("JUUSOU_SHIEN_KAIGI.distinctCases",
                y.path("meetings").path("JUUSOU_SHIEN_KAIGI").path("distinctCases").asInt());
        figures.put("MULTI_AGENCY.made", y.path("plans").path("MULTI_AGENCY").path("made").asInt());
        figures.put("MULTI_AGENCY.closed", y.path("plans").path("MULTI_AGENCY").path("closed").asInt());
        return figures;
    }

    /** The figures before, each plus its expected change. */
    static Map<String, Integer> plus(Map<String, Integer> before, Map<String, Integer> change) {
        Map<String, Integer> expected = new LinkedHashMap<>(before);
        change.forEach((k, d) -> expected.merge(k, d, Integer::sum));
        return expected;
    }

    /** Waits (at most 60 s) for the year table to show the expected figures; fails with the figures it shows. */
    static void awaitFigures(String token, FiscalYear year, Map<String, Integer> expected) throws Exception {
        Map<String, Integer> now = Map.of();
        for (int i = 0; i < 120; i++) {
            now = figures(token, year);
            if (now.equals(expected)) {
                return;
            }
            Thread.sleep(500);
        }
        assertEquals(expected, now, "the year table " + year.label() + " after the household's story");
    }

    /**
     * Starts a replay of the caller's municipality (again while another one of it runs, as {@code POST /replays}
     * answers 409 then) and waits for its comparison with the live figures.
     */
    static JsonNode replay(Supplier<String> tokens) throws Exception {
        HttpResponse<String> started = null;
        for (int i = 0; i < 120; i++) {
            started = call("POST", REPORTING, "/replays", tokens.get(), "{}");
            if (started.statusCode() != 409) {
                break;
            }
            Thread.sleep(1000);
        }
        String replayId = expectJson(202, started).path("replayId").asText();
        JsonNode run = JSON.nullNode();
        for (int i = 0; i < 600; i++) { // a whole-log replay of a busy test system: minutes, not seconds
            run = expectJson(200, call("GET", REPORTING, "/replays/" + replayId, tokens.get(), null));
            String status = run.path("status").asText();
            if (status.equals("DONE") || status.equals("FAILED")) {
                return run;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("replay " + replayId + " did not finish: " + run);
    }
}
