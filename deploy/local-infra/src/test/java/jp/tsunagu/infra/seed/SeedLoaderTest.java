package jp.tsunagu.infra.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The loader against a fake of the three APIs that answers as they do, including what the event log makes them
 * answer: a case meeting-service or planning-service has not consumed yet, idempotent repeats, minutes recorded before
 * and plans closed before. As meeting-service does, it puts no case on a past meeting's agenda: every review of the
 * history is ad hoc and needs its reason; an escalated case waits for a review until one takes it off the list, and a
 * review before the escalation arrives leaves it waiting.
 */
class SeedLoaderTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final List<SeedStep> STEPS = SeedHistory.plan(SeedTable.EXPECTED);

    FakeServices fake;
    HttpServer server;

    @BeforeEach
    void start() throws IOException {
        fake = new FakeServices();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", fake::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    SeedLoader loader(Duration patience, ByteArrayOutputStream out) {
        return loader(server.getAddress().getPort(), patience, out);
    }

    SeedLoader loader(int port, Duration patience, ByteArrayOutputStream out) {
        URI base = URI.create("http://127.0.0.1:" + port);
        SeedLoader.Tokens tokens = new SeedLoader.Tokens() {
            @Override
            public String coordinator() {
                return "coordinator";
            }

            @Override
            public String agency(String agencyId) {
                return "agency:" + agencyId;
            }
        };
        return new SeedLoader(new SeedLoader.Services(base, base, base), tokens,
                new PrintStream(out, true, StandardCharsets.UTF_8), patience);
    }

    @Test
    void loadsEveryStepWaitingForTheEventLogAndASecondRunMakesNothing() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        loader(Duration.ofSeconds(10), out).load(STEPS);

        assertEquals(count(SeedStep.Referral.class), fake.cases.size());
        assertEquals(count(SeedStep.Meeting.class), fake.meetings.size());
        assertEquals(count(SeedStep.Minutes.class), fake.held.size());
        assertEquals(count(SeedStep.NewPlan.class), fake.plans.size());
        assertEquals(count(SeedStep.Revision.class), fake.revisions);
        assertEquals(count(SeedStep.Closure.class), fake.closed.size());
        assertEquals(STEPS.stream().filter(s -> s instanceof SeedStep.Minutes)
                .mapToInt(s -> ((SeedStep.Minutes) s).reviews().size()).sum(), fake.reviews);
        assertTrue(fake.refusedAsUnknown > 0, "the fake made the loader wait for the event log");
        assertEquals(0, fake.reviewedBeforeEscalation, "a case reviewed before it was escalated is left waiting");
        assertEquals(Set.of(), fake.waiting, "every new case was reviewed after its escalation, off the waiting list");
        String progress = out.toString(StandardCharsets.UTF_8);
        assertTrue(progress.contains("[1/" + STEPS.size() + "] "), progress.lines().findFirst().orElse(""));
        assertTrue(progress.contains("[" + STEPS.size() + "/" + STEPS.size() + "] "));

        Map<String, Integer> before = fake.snapshot();
        loader(Duration.ofSeconds(10), new ByteArrayOutputStream()).load(STEPS);
        assertEquals(before, fake.snapshot(), "a second run makes nothing twice");
        assertTrue(fake.keys.containsAll(STEPS.stream().map(SeedStep::key).toList()), "every POST carries its key");
    }

    @Test
    void aCaseThatNeverReachesAServiceFailsWithTheStepAndTheAnswer() {
        fake.neverKnown = true;
        SeedLoader.LoadFailed failed = assertThrows(SeedLoader.LoadFailed.class,
                () -> loader(Duration.ofMillis(300), new ByteArrayOutputStream()).load(STEPS));
        assertTrue(failed.getMessage().contains("minutes of 重層的支援会議 held 2021-04-14"), failed.getMessage());
        assertTrue(failed.getMessage().contains("no such case"), failed.getMessage());
    }

    @Test
    void newCasesNeverListedAsWaitingAreReviewedAllTheSameAndLaterMeetingsDoNotWait() {
        fake.neverEscalates = true; // as if routing kept them, or meeting-service lagged past the wait
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        loader(Duration.ofSeconds(3), out).load(STEPS); // the wait gives up after 3 s; a step is repeated within it

        assertEquals(count(SeedStep.Minutes.class), fake.held.size());
        String progress = out.toString(StandardCharsets.UTF_8);
        assertEquals(1, progress.split("never listed as waiting", -1).length - 1, "said once, at the first meeting "
                + "with new cases; later meetings do not wait");
        assertEquals(1, fake.heldWhenListAsked.size(), "the list was looked at before one meeting's minutes only");
    }

    @Test
    void anUnreachableSystemIsNamed() {
        server.stop(0);
        SeedLoader.LoadFailed failed = assertThrows(SeedLoader.LoadFailed.class,
                () -> loader(Duration.ofMillis(300), new ByteArrayOutputStream()).load(STEPS));
        assertTrue(failed.getMessage().contains("./tsunagu up"), failed.getMessage());
    }

    @Test
    void aServiceOutOfReachForAMomentIsWaitedFor() throws Exception {
        int port = server.getAddress().getPort();
        server.stop(0); // down when the load starts, as a service restarting
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        var load = CompletableFuture.runAsync(
                () -> loader(port, Duration.ofSeconds(20), out).load(STEPS));
        Thread.sleep(500);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", fake::handle);
        server.start();

        load.get(60, TimeUnit.SECONDS);
        assertEquals(count(SeedStep.Referral.class), fake.cases.size(), out.toString(StandardCharsets.UTF_8));
        assertEquals(count(SeedStep.Closure.class), fake.closed.size());
    }

    static long count(Class<? extends SeedStep> type) {
        return STEPS.stream().filter(type::isInstance).count();
    }

    /** Just enough of intake, meeting and planning; each service hears of a new case one request late. */
    static final class FakeServices {
        final Map<String, String> cases = new HashMap<>();            // Idempotency-Key → caseId
        final Map<String, String> referralBodies = new HashMap<>();
        final Map<String, String> meetings = new HashMap<>();         // Idempotency-Key → meetingId
        final Map<String, String> scheduled = new HashMap<>();        // meetingId → type|date
        final Set<String> held = new HashSet<>();
        final Map<String, String> plans = new HashMap<>();            // Idempotency-Key → planId
        final Set<String> closed = new HashSet<>();
        final Set<String> revisionKeys = new HashSet<>();
        final Set<String> knownToMeetings = new HashSet<>();
        final Set<String> knownToPlanning = new HashSet<>();
        final Set<String> keys = new HashSet<>();
        final Map<String, String> trackOf = new HashMap<>();          // caseId → the meeting type it waits for
        final Set<String> escalating = new HashSet<>();                // referred, not yet escalated
        final Set<String> askedOnce = new HashSet<>();
        final Set<String> waiting = new HashSet<>();                  // escalated, not yet reviewed
        int reviewedBeforeEscalation;
        boolean neverEscalates;
        final Set<Integer> heldWhenListAsked = new HashSet<>(); // how many minutes were recorded at each look
        int revisions;
        int reviews;
        int refusedAsUnknown;
        boolean neverKnown;

        Map<String, Integer> snapshot() {
            return Map.of("cases", cases.size(), "meetings", meetings.size(), "held", held.size(),
                    "plans", plans.size(), "revisions", revisions, "closed", closed.size(), "reviews", reviews);
        }

        synchronized void handle(HttpExchange x) throws IOException {
            String path = x.getRequestURI().getPath();
            String auth = x.getRequestHeaders().getFirst("Authorization");
            String key = x.getRequestHeaders().getFirst("Idempotency-Key");
            String text = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            JsonNode body = text.isEmpty() ? JSON.missingNode() : JSON.readTree(text);
            if (key != null) {
                keys.add(key);
            }
            boolean coordinator = "Bearer coordinator".equals(auth);
            Matcher m;
            if (x.getRequestMethod().equals("POST") && path.equals("/referrals")) {
                if (auth == null || !auth.startsWith("Bearer agency:") || key == null) {
                    answer(x, 400, "{}");
                } else if (cases.containsKey(key)) {
                    answer(x, text.equals(referralBodies.get(key)) ? 200 : 422,
                            "{\"caseId\":\"" + cases.get(key) + "\"}");
                } else {
                    String caseId = "case-" + cases.size();
                    cases.put(key, caseId);
                    referralBodies.put(key, text);
                    trackOf.put(caseId, body.path("consent").asText().equals("GIVEN") ? "JUUSOU_SHIEN_KAIGI"
                            : "SHIEN_KAIGI"); // routing escalates by consent
                    escalating.add(caseId);
                    answer(x, 201, "{\"caseId\":\"" + caseId + "\",\"status\":\"RECEIVED\"}");
                }
            } else if (!coordinator) {
                answer(x, 403, "{}");
            } else if (path.equals("/agenda/waiting")) {
                String track = x.getRequestURI().getQuery().replace("track=", "");
                var list = JSON.createArrayNode();
                if (neverEscalates) {
                    heldWhenListAsked.add(held.size());
                    answer(x, 200, list.toString());
                    return;
                }
                // routing's escalation reaches meeting-service a moment after the referral: at the second look
                for (String c : List.copyOf(escalating)) {
                    if (!askedOnce.add(c)) {
                        escalating.remove(c);
                        waiting.add(c);
                    }
                }
                waiting.stream().filter(c -> track.equals(trackOf.get(c))).sorted()
                        .forEach(c -> list.addObject().put("caseId", c));
                answer(x, 200, list.toString());
            } else if (x.getRequestMethod().equals("POST") && path.equals("/meetings")) {
                String id = meetings.computeIfAbsent(key, k -> "m-" + meetings.size());
                scheduled.put(id, body.path("type").asText() + "|" + body.path("scheduledOn").asText());
                answer(x, 201, "{\"meetingId\":\"" + id + "\"}");
            } else if ((m = match("/meetings/([^/]+)", path)) != null) {
                String id = m.group(1);
                ObjectNode view = JSON.createObjectNode().put("meetingId", id);
                if (held.contains(id)) {
                    view.put("heldOn", scheduled.get(id).split("\\|")[1]);
                }
                view.putArray("agenda"); // a past meeting takes no case by itself
                answer(x, 200, view.toString());
            } else if ((m = match("/meetings/([^/]+)/minutes", path)) != null) {
                String id = m.group(1);
                if (held.contains(id)) {
                    answer(x, 409, "{\"type\":\"/problems/minutes-exist\",\"status\":409}");
                    return;
                }
                List<String> unknown = new ArrayList<>();
                for (JsonNode r : body.path("reviews")) {
                    if (neverKnown || knownToMeetings.add(r.path("caseId").asText())) {
                        unknown.add(r.path("caseId").asText()); // heard of here for the first time: not yet
                    }
                }
                if (!unknown.isEmpty()) {
                    refusedAsUnknown++;
                    answer(x, 400, "{\"status\":400,\"errors\":[{\"field\":\"reviews[0].caseId\","
                            + "\"message\":\"no such case in this municipality\"}]}");
                    return;
                }
                for (JsonNode r : body.path("reviews")) {
                    if (r.path("reason").asText("").isBlank()) { // an ad-hoc review
                        answer(x, 400, "{\"errors\":[{\"field\":\"reviews.reason\",\"message\":\"required\"}]}");
                        return;
                    }
                }
                for (JsonNode r : body.path("reviews")) {
                    String caseId = r.path("caseId").asText();
                    if (escalating.contains(caseId)) {
                        reviewedBeforeEscalation++;
                    }
                    waiting.remove(caseId);
                }
                reviews += body.path("reviews").size();
                held.add(id);
                answer(x, 201, "{}");
            } else if ((m = match("/cases/([^/]+)/plans", path)) != null) {
                if (plans.containsKey(key)) {
                    answer(x, 200, "{\"planId\":\"" + plans.get(key) + "\"}");
                } else if (knownToPlanning.add(m.group(1))) { // heard of here for the first time: not yet
                    answer(x, 409, "{\"status\":409,\"detail\":\"unknown case: a plan is made for a case referred\"}");
                } else {
                    plans.put(key, "p-" + plans.size());
                    answer(x, 201, "{\"planId\":\"" + plans.get(key) + "\"}");
                }
            } else if ((m = match("/plans/([^/]+)/revisions", path)) != null) {
                if (!revisionKeys.add(key)) {
                    answer(x, 200, "{\"version\":2}");
                } else if (closed.contains(m.group(1))) {
                    revisionKeys.remove(key);
                    answer(x, 409, "{\"detail\":\"closed\"}");
                } else {
                    revisions++;
                    answer(x, 201, "{\"version\":2}");
                }
            } else if ((m = match("/plans/([^/]+)/closure", path)) != null) {
                if (!closed.add(m.group(1))) {
                    answer(x, 409, "{\"detail\":\"plan " + m.group(1) + " is already closed (2022-01-01)\"}");
                } else {
                    answer(x, 201, "{}");
                }
            } else {
                answer(x, 404, "{}");
            }
        }

        private static Matcher match(String regex, String path) {
            Matcher m = Pattern.compile(regex).matcher(path);
            return m.matches() ? m : null;
        }

        private static void answer(HttpExchange x, int status, String json) throws IOException {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().add("Content-Type", "application/json");
            x.sendResponseHeaders(status, bytes.length);
            x.getResponseBody().write(bytes);
            x.close();
        }
    }
}
