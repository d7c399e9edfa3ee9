package jp.tsunagu.bench;

import jp.tsunagu.contract.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * HTTP load on intake: closed-loop saturation (N clients posting back to back) and open-loop end-to-end latency
 * (referrals at a fixed rate, each until its routing decision is on the routing topic).
 */
final class HttpLoad {

    static final String REFERRAL = """
            {"channel":"AGENCY","person":{"name":"性能 試験","age":81,"area":"荒木"},
             "concerns":["DEMENTIA"],"consent":"UNKNOWN","urgency":"ROUTINE"}""";

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(4)).build();
    private final String token;

    HttpLoad(String token) {
        this.token = token;
    }

    record Result(String name, long ok, long errors, double seconds, long[] latenciesNanos) {

        double perSecond() {
            return ok / seconds;
        }

        double percentileMs(double p) {
            if (latenciesNanos.length == 0) {
                return Double.NaN;
            }
            long[] sorted = latenciesNanos.clone();
            Arrays.sort(sorted);
            int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
        }

        String line() {
            return String.format("%-34s %8.1f /s   p50 %7.1f ms   p99 %7.1f ms   (%d ok, %d errors, %.0f s)", name,
                    perSecond(), percentileMs(50), percentileMs(99), ok, errors, seconds);
        }
    }

    /**
     * A saturation and, when {@code measured} is given, that process's CPU time over the measured requests alone
     * (after this JVM's own warm-up, so that neither the server nor the driver is measured half-compiled).
     */
    record Saturation(Result result, Duration cpu) {

        /** The measured process's CPU milliseconds per request of the measured window (errors included). */
        String cpuLine(long pid) {
            return String.format("CPU ms per request of process %d, its own: %.3f (%d requests)", pid,
                    cpu.toNanos() / 1e6 / (result.ok() + result.errors()), result.ok() + result.errors());
        }
    }

    /**
     * {@code clients} threads posting back to back for {@code seconds}, after {@code warmup} seconds of the same
     * (JIT, connection pools; 0 when the caller warmed up already and counts CPU over the measured requests alone);
     * {@code measured} may be null.
     */
    Saturation saturate(String name, URI uri, int clients, int warmup, int seconds, ProcessHandle measured)
            throws Exception {
        if (warmup > 0) {
            run(uri, clients, warmup, null);
        }
        Duration before = measured == null ? Duration.ZERO : cpuOf(measured);
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        long[] counts = run(uri, clients, seconds, latencies);
        Duration cpu = measured == null ? Duration.ZERO : cpuOf(measured).minus(before);
        return new Saturation(new Result(name, counts[0], counts[1], seconds,
                latencies.stream().mapToLong(Long::longValue).toArray()), cpu);
    }

    private static Duration cpuOf(ProcessHandle process) {
        return process.info().totalCpuDuration()
                .orElseThrow(() -> new IllegalStateException("no CPU time for process " + process.pid()));
    }

    private long[] run(URI uri, int clients, int seconds, List<Long> latencies) throws Exception {
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            pool.submit(() -> {
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> r = http.send(post(uri), HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() == 201) {
                            ok.incrementAndGet();
                            if (latencies != null) {
                                latencies.add(System.nanoTime() - t0);
                            }
                        } else {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 120L, TimeUnit.SECONDS);
        return new long[] {ok.get(), errors.get()};
    }

    private HttpRequest post(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(REFERRAL)).build();
    }

    /** The end-to-end latencies and the line of their three legs ({@link #breakdown}). */
    record EndToEnd(Result result, String legs) {
    }

    /**
     * Open loop: one referral every 1/rate s for {@code seconds}, after {@code warmup} seconds of the same whose
     * referrals are not counted (this JVM's own compiling and connections: a 30 s run's first seconds held most of
     * its 99th percentile). The routing decision's arrival is seen by one consumer of the routing topic (no polling
     * of the system, which would load what is measured); a referral's latency is from when it was due (so time queued
     * behind earlier ones counts) to when its first routing event was read. Referrals whose decision has not arrived
     * 60 s after the last was due count as errors.
     */
    EndToEnd endToEnd(URI intake, String bootstrap, int rate, int warmup, int seconds) throws Exception {
        Map<String, Long> arrived = new ConcurrentHashMap<>();
        Map<String, Long> written = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        java.util.concurrent.CountDownLatch listening = new java.util.concurrent.CountDownLatch(1);
        Thread listener = new Thread(() -> listen(bootstrap, arrived, written, stop, listening), "e2e-listener");
        listener.start();
        listening.await(30, TimeUnit.SECONDS);

        ExecutorService workers = Executors.newFixedThreadPool(64);
        if (warmup > 0) {
            openLoop(intake, workers, rate, warmup, new OpenLoop());
        }
        OpenLoop measured = new OpenLoop();
        openLoop(intake, workers, rate, seconds, measured);
        workers.shutdown();
        workers.awaitTermination(120, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && !arrived.keySet().containsAll(measured.due.keySet())) {
            Thread.sleep(100);
        }
        stop.set(true);
        listener.join();
        long[] latencies = measured.due.entrySet().stream().filter(e -> arrived.containsKey(e.getKey()))
                .mapToLong(e -> Math.max(0, arrived.get(e.getKey()) - e.getValue())).toArray();
        long missing = measured.due.size() - latencies.length;
        return new EndToEnd(new Result("end to end at " + rate + "/s (POST → routing decision)", latencies.length,
                measured.errors.get() + missing, seconds, latencies),
                breakdown(measured.due, measured.answered, written, arrived));
    }

    /** The referrals of one open loop: when each was due and answered (by case id), and the failed ones. */
    private record OpenLoop(Map<String, Long> due, Map<String, Long> answered, AtomicLong errors) {
        OpenLoop() {
            this(new ConcurrentHashMap<>(), new ConcurrentHashMap<>(), new AtomicLong());
        }
    }

    /** Submits one referral every 1/rate s for {@code seconds}; returns once the last is submitted. */
    private void openLoop(URI intake, ExecutorService workers, int rate, int seconds, OpenLoop loop)
            throws InterruptedException {
        ScheduledExecutorService clock = Executors.newScheduledThreadPool(2);
        int total = rate * seconds;
        AtomicLong started = new AtomicLong();
        long periodNanos = 1_000_000_000L / rate;
        var schedule = clock.scheduleAtFixedRate(() -> {
            if (started.getAndIncrement() >= total) {
                return;
            }
            long t0 = System.nanoTime();
            workers.submit(() -> {
                try {
                    HttpResponse<String> r = http.send(post(intake.resolve("/referrals")),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 201) {
                        String caseId = JSON.readTree(r.body()).path("caseId").asText();
                        loop.answered.put(caseId, System.nanoTime());
                        loop.due.put(caseId, t0);
                    } else {
                        loop.errors.incrementAndGet();
                    }
                } catch (Exception e) {
                    loop.errors.incrementAndGet();
                }
                return null;
            });
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        while (started.get() < total) {
            Thread.sleep(100);
        }
        schedule.cancel(false);
        clock.shutdown();
    }

    /**
     * Where the end-to-end time went, in three legs, each as its 50th and 99th percentile: from due to intake's
     * answer (the POST), from the answer to routing's decision written (its record's timestamp, stamped by routing's
     * producer on this machine), from written to read by the listener. The legs' percentiles do not add up to the total's.
     */
    private static String breakdown(Map<String, Long> due, Map<String, Long> answered, Map<String, Long> written,
                                    Map<String, Long> arrived) {
        long nanoTimeToEpochNanos = System.currentTimeMillis() * 1_000_000L - System.nanoTime();
        List<Long> post = new ArrayList<>();
        List<Long> routing = new ArrayList<>();
        List<Long> read = new ArrayList<>();
        for (var e : due.entrySet()) {
            Long answer = answered.get(e.getKey());
            Long writtenAt = written.get(e.getKey());
            Long readAt = arrived.get(e.getKey());
            if (answer == null || writtenAt == null || readAt == null) {
                continue;
            }
            long writtenNanos = writtenAt * 1_000_000L - nanoTimeToEpochNanos;
            post.add(answer - e.getValue());
            routing.add(Math.max(0, writtenNanos - answer));
            read.add(Math.max(0, readAt - writtenNanos));
        }
        return String.format("  legs, 50th/99th percentile: POST answered %s ms; routing's decision written %s ms after; "
                + "read %s ms after that", legs(post), legs(routing), legs(read));
    }

    private static String legs(List<Long> nanos) {
        Result r = new Result("", nanos.size(), 0, 1, nanos.stream().mapToLong(Long::longValue).toArray());
        return String.format("%.1f/%.1f", r.percentileMs(50), r.percentileMs(99));
    }

    /** Notes when the first routing event of each case is read, from the topic's end at the start onward. */
    private static void listen(String bootstrap, Map<String, Long> arrived, Map<String, Long> written,
                               AtomicBoolean stop, java.util.concurrent.CountDownLatch listening) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ROUTING).stream()
                    .map(i -> new TopicPartition(Topics.ROUTING, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            listening.countDown();
            while (!stop.get()) {
                var records = consumer.poll(Duration.ofMillis(20));
                long now = System.nanoTime();
                records.forEach(r -> {
                    if (arrived.putIfAbsent(r.key(), now) == null) {
                        written.put(r.key(), r.timestamp());
                    }
                });
            }
        }
    }
}
