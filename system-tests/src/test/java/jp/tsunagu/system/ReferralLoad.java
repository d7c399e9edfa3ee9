package jp.tsunagu.system;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Posts referrals as a partner agency's client should: each with its own Idempotency-Key, and a 503 retried with the
 * same key after the Retry-After it names (at most 2 s here, to keep the run short). Counts how each POST ended.
 */
final class ReferralLoad {

    /** The three paths routing knows: an agency in the area, outreach, and the multi-agency meeting. */
    private static final List<String> BODIES = List.of("""
            {"channel":"AGENCY","person":{"name":"負荷 試験","age":81,"area":"荒木"},
             "concerns":["DEMENTIA"],"consent":"UNKNOWN","urgency":"ROUTINE"}""", """
            {"channel":"OUTREACH","person":{"name":"負荷 試験","age":24,"area":"篠山"},
             "concerns":["HIKIKOMORI","ISOLATION"],"consent":"UNKNOWN","urgency":"ROUTINE","hardToReach":true}""", """
            {"channel":"AGENCY","person":{"name":"負荷 試験","age":45,"area":"京町"},
             "household":[{"relation":"PARENT","age":78,"concerns":["DEMENTIA"]}],
             "concerns":["MENTAL_HEALTH","POVERTY","ELDER_CARE"],"consent":"GIVEN","urgency":"ROUTINE"}""");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI referrals;
    private final java.util.function.Supplier<String> token;
    private final int concurrency;

    final AtomicInteger done = new AtomicInteger();
    /** Set to end the load early (the workers finish the referral in hand). */
    final java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
    final AtomicInteger createdFirstTime = new AtomicInteger();
    final AtomicInteger createdAfter503 = new AtomicInteger();
    final AtomicInteger retries503 = new AtomicInteger();
    final AtomicInteger transportErrors = new AtomicInteger();
    final Set<String> caseIds = ConcurrentHashMap.newKeySet();
    final List<String> unexpected = Collections.synchronizedList(new ArrayList<>());

    ReferralLoad(URI referrals, java.util.function.Supplier<String> token, int concurrency) {
        this.referrals = referrals;
        this.token = token;
        this.concurrency = concurrency;
    }

    /** Posts {@code count} referrals on {@code concurrency} threads; the future ends when every one has ended. */
    CompletableFuture<Void> start(int count) {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        AtomicInteger next = new AtomicInteger();
        CompletableFuture<?>[] workers = new CompletableFuture<?>[concurrency];
        for (int t = 0; t < concurrency; t++) {
            workers[t] = CompletableFuture.runAsync(() -> {
                for (int i = next.getAndIncrement(); i < count && !stop.get(); i = next.getAndIncrement()) {
                    postUntilDone(BODIES.get(i % BODIES.size()));
                    done.incrementAndGet();
                }
            }, pool);
        }
        pool.shutdown();
        return CompletableFuture.allOf(workers);
    }

    /** One referral: 201, or 503 retried with the same key; anything else is recorded as unexpected. */
    void postUntilDone(String body) {
        String key = UUID.randomUUID().toString();
        // long enough for an outage and the restart of what died (a JVM and five readiness checks on 2 cores)
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        for (int attempt = 1; System.nanoTime() < deadline; attempt++) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(referrals)
                        .timeout(Duration.ofSeconds(60))
                        .header("Authorization", "Bearer " + token.get())
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", key)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 201) {
                    caseIds.add(JSON.readTree(r.body()).get("caseId").asText());
                    (attempt == 1 ? createdFirstTime : createdAfter503).incrementAndGet();
                    return;
                }
                if (r.statusCode() != 503) {
                    unexpected.add(r.statusCode() + " " + r.body());
                    return;
                }
                retries503.incrementAndGet();
                long wait = r.headers().firstValueAsLong("Retry-After").orElse(1);
                Thread.sleep(Math.min(wait, 2) * 1000);
            } catch (IOException e) {
                transportErrors.incrementAndGet();
                sleep();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        unexpected.add("no 201 within 5 minutes for key " + key);
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    int doneCount() {
        return done.get();
    }

    Map<String, Object> outcome() {
        return Map.of("referrals", done.get(), "201 at once", createdFirstTime.get(),
                "201 after 503", createdAfter503.get(), "503 answers", retries503.get(),
                "transport errors", transportErrors.get(), "unexpected", unexpected.size());
    }
}
