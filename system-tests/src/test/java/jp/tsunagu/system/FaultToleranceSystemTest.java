package jp.tsunagu.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.tsunagu.contract.Topics;
import jp.tsunagu.contract.events.CloudEventCodec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What dies, and what is lost: nothing. The whole system runs on a 3-broker KRaft cluster (replication factor 3,
 * {@code min.insync.replicas=2}), started by {@code TSUNAGU_KAFKA_NODES=3 ./tsunagu up} on ports shifted by 2000,
 * and the tests kill its processes with SIGKILL (brokers, services) or stop PostgreSQL while referrals flow.
 *
 * <p>Every check counts from outside: the rows of each projection in PostgreSQL, the records on the topics, the
 * consumer groups' committed offsets. {@code -Dtsunagu.fault.referrals=N} sets the size of the first run (10,000 by
 * default, as the issue asks); the figures of a run are written to {@code target/fault-report.md}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultToleranceSystemTest {

    static final int REFERRALS = Integer.getInteger("tsunagu.fault.referrals", 10_000);
    static final String MUNICIPALITY = "402036";
    /** The consumer groups of the five services (a replay reads without one). */
    static final List<String> GROUPS = List.of("intake-case-status", "routing-service", "meeting-service",
            "planning-service", "reporting-service");

    // The load comes from one agency; the per-agency limit (20 a second) is raised as a city may for a bulk import.
    static final LocalSystem CLUSTER = new LocalSystem(LocalSystem.ROOT,
            Path.of(System.getProperty("tsunagu.cluster-home", "target/tsunagu-cluster-home")).toAbsolutePath(), 2000,
            Map.of("TSUNAGU_KAFKA_NODES", "3",
                    "TSUNAGU_RATE_LIMIT_PER_MINUTE", "6000000", "TSUNAGU_RATE_LIMIT_BURST", "100000"));
    static final ObjectMapper JSON = new ObjectMapper();
    static final Map<String, Object> REPORT = new LinkedHashMap<>();

    static ClusterProbe probe;
    static java.util.function.Supplier<String> referrer;
    /** Every case the system answered 201 for, over all tests. */
    static final Set<String> CASES = new TreeSet<>();

    @BeforeAll
    static void startCluster() throws Exception {
        Instant start = Instant.now();
        CLUSTER.startFresh();
        REPORT.put("cluster start (./tsunagu up, 3 brokers, PostgreSQL, 5 services)", seconds(start));
        probe = new ClusterProbe("127.0.0.1:11092,127.0.0.1:11094,127.0.0.1:11096", CLUSTER.postgresUrl());
        referrer = CLUSTER.tokens("agency", "--agency", "kurume-kikan-01", "--municipality", MUNICIPALITY);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        try {
            if (probe != null) {
                probe.close();
            }
            StringBuilder md = new StringBuilder("# Fault tests: figures of the last run\n\n");
            REPORT.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
            Files.writeString(Path.of("target/fault-report.md"), md.toString());
            System.out.println(md);
        } finally {
            CLUSTER.run("stop");
        }
    }

    @Test
    @Order(1)
    void referralsPostedWhileThePartitionLeaderIsKilledTwiceAreAllKeptOnce() throws Exception {
        probe.awaitFullIsr(Topics.STAGES, 3, Duration.ofSeconds(60));
        ReferralLoad load = load(16);
        Instant start = Instant.now();
        CompletableFuture<Void> posting = load.start(REFERRALS);

        List<String> kills = new ArrayList<>();
        for (int fraction : new int[] {5, 2}) {
            int at = REFERRALS / fraction;
            awaitDone(load::doneCount, at, posting);
            int leader = probe.leader(Topics.INTAKE, 0);
            Instant killed = Instant.now();
            CLUSTER.kill("kafka-" + leader);
            probe.await("a new leader for " + Topics.INTAKE + "-0", Duration.ofSeconds(60), () -> {
                try {
                    int now = probe.leader(Topics.INTAKE, 0);
                    return now != -1 && now != leader;
                } catch (Exception e) {
                    return false;
                }
            });
            kills.add("kafka-" + leader + " killed at " + load.doneCount() + " referrals, new leader after "
                    + seconds(killed) + " s");
            CLUSTER.run("up"); // starts the killed broker again; everything else is left as it is
            probe.awaitFullIsr(Topics.STAGES, 3, Duration.ofSeconds(120));
        }
        posting.get(15, TimeUnit.MINUTES);
        double postSeconds = seconds(start);
        REPORT.put("leader kills", kills);
        REPORT.put("referrals posted", load.outcome() + " in " + postSeconds + " s");

        // a client-side timeout is retried with the same key like a 503, so it loses nothing; it is reported
        assertTrue(load.unexpected.isEmpty(), "every POST ends in 201 or a retried 503: " + load.unexpected);
        assertEquals(REFERRALS, load.caseIds.size(), "one case per referral");
        CASES.addAll(load.caseIds);

        probe.awaitConverged(CASES.size(), Duration.ofMinutes(10));
        REPORT.put("referrals until every projection has them all", seconds(start) + " s");
        assertCasesAreExactly(CASES);
        assertEveryDecisionPublishedOnceAndAsStored();
    }

    @Test
    @Order(2)
    void whenOneOfTwoRoutingInstancesIsKilledTheOtherTakesOverWithoutLosingOrDoublingADecision() throws Exception {
        CLUSTER.run("add-instance", "routing-service");
        int count = Math.max(300, REFERRALS / 5);
        ReferralLoad load = load(8);
        CompletableFuture<Void> posting = load.start(count);
        awaitDone(load::doneCount, count / 3, posting);
        long lagAtKill = probe.lag("routing-service");
        CLUSTER.kill("routing-service"); // the first instance: both share the group's partitions
        Instant killed = Instant.now();
        posting.get(10, TimeUnit.MINUTES);
        assertTrue(load.unexpected.isEmpty(), load.unexpected.toString());
        CASES.addAll(load.caseIds);

        probe.awaitConverged(CASES.size(), Duration.ofMinutes(10));
        REPORT.put("routing instance killed", "at " + count / 3 + " of " + count + " referrals, routing lag then "
                + lagAtKill + "; routing-service-2 had every decision made " + seconds(killed) + " s later");
        assertCasesAreExactly(CASES);
        assertEveryDecisionPublishedOnceAndAsStored();
        CLUSTER.run("up"); // the killed instance comes back and joins the group again
    }

    @Test
    @Order(3)
    void aConsumerServiceKilledFiveTimesMidStreamEndsEqualToAFreshReplay() throws Exception {
        // referrals flow until the fifth kill, so that every kill meets work in hand; two clients, so the backlog
        // stays a few thousand events while the five restarts take their minutes
        ReferralLoad load = load(2);
        CompletableFuture<Void> posting = load.start(Integer.MAX_VALUE);
        List<Long> lagAtKills = new ArrayList<>();
        for (int kill = 1; kill <= 5; kill++) {
            int at = load.doneCount() + Math.max(100, REFERRALS / 40);
            awaitDone(load::doneCount, at, posting);
            probe.await("reporting-service to have work in hand", Duration.ofSeconds(60), () -> {
                try {
                    return probe.lag("reporting-service") > 0;
                } catch (Exception e) {
                    return false;
                }
            });
            lagAtKills.add(probe.lag("reporting-service"));
            CLUSTER.kill("reporting-service");
            CLUSTER.run("up");
        }
        load.stop.set(true);
        posting.get(10, TimeUnit.MINUTES);
        assertTrue(load.unexpected.isEmpty(), load.unexpected.toString());
        CASES.addAll(load.caseIds);
        probe.awaitConverged(CASES.size(), Duration.ofMinutes(10));
        REPORT.put("reporting-service killed 5 times", "lag at each kill " + lagAtKills + ", "
                + load.caseIds.size() + " referrals meanwhile");

        Instant replay = Instant.now();
        String out = CLUSTER.run("replay");
        assertTrue(out.contains("equals the live one"), out);
        REPORT.put("replay after the kills", "figures equal, " + seconds(replay) + " s");
        assertEquals(0, probe.lag("reporting-service"));
        assertCasesAreExactly(CASES);
    }

    @Test
    @Order(4)
    void postgresqlStoppedForThirtySecondsSkipsNoEventAndTheProjectionsConverge() throws Exception {
        int deadLettersBefore = probe.records(Topics.DEAD_LETTER).size();
        int count = Math.max(300, REFERRALS / 10);
        ReferralLoad load = load(8);
        load.start(count).get(10, TimeUnit.MINUTES);
        CASES.addAll(load.caseIds);
        Map<String, Long> lagAtStop = probe.lag();

        CLUSTER.terminate("postgres");
        Instant stopped = Instant.now();
        // A referral during the outage may wait for the database or get a 503; either way it must end in 201.
        ReferralLoad during = load(1);
        CompletableFuture<Void> oneDuring = CompletableFuture.runAsync(() -> during.postUntilDone(
                "{\"channel\":\"WALK_IN\",\"person\":{\"name\":\"停止 試験\",\"age\":60,\"area\":\"荒木\"},"
                        + "\"concerns\":[\"POVERTY\"],\"consent\":\"GIVEN\",\"urgency\":\"ROUTINE\"}"));
        Thread.sleep(Math.max(0, 30_000 - Duration.between(stopped, Instant.now()).toMillis()));
        CLUSTER.run("up"); // starts PostgreSQL again on its data
        oneDuring.get(5, TimeUnit.MINUTES);
        double duringSeconds = seconds(stopped);
        assertTrue(during.unexpected.isEmpty(), during.unexpected.toString());
        assertEquals(1, during.caseIds.size(), "the referral posted during the outage is created");
        CASES.addAll(during.caseIds);

        probe.awaitConverged(CASES.size(), Duration.ofMinutes(10));
        REPORT.put("PostgreSQL stopped 30 s", "lag at the stop " + lagAtStop + "; converged "
                + seconds(stopped) + " s after the stop; the referral posted during it: " + during.outcome()
                + ", answered " + duringSeconds + " s after the stop");
        assertEquals(deadLettersBefore, probe.records(Topics.DEAD_LETTER).size(), "no event was dead-lettered");
        assertCasesAreExactly(CASES);
    }

    @Test
    @Order(5)
    void aPoisonEventGoesToTheDeadLetterTopicWithItsReasonAndLaterEventsStillApply() throws Exception {
        String poisonKey = "poison-" + UUID.randomUUID();
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:11092,127.0.0.1:11094,127.0.0.1:11096");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.INTAKE, poisonKey,
                    "{\"not\":\"an event\"".getBytes(StandardCharsets.UTF_8))).get(30, TimeUnit.SECONDS);
        }
        ReferralLoad load = load(1);
        load.start(3).get(2, TimeUnit.MINUTES);
        CASES.addAll(load.caseIds);
        probe.awaitConverged(CASES.size(), Duration.ofMinutes(5));

        List<ConsumerRecord<String, byte[]>> dead = probe.records(Topics.DEAD_LETTER).stream()
                .filter(r -> poisonKey.equals(r.key())).toList();
        Set<String> reasons = dead.stream().map(r -> ClusterProbe.header(r, "dead-letter-reason"))
                .collect(Collectors.toSet());
        // each service that reads the intake topic set it aside once, with the reason it could not read it
        assertEquals(GROUPS.size(), dead.size(), "one dead letter per consumer group: " + reasons);
        assertFalse(reasons.contains(null), "every dead letter says why");
        REPORT.put("poison event", dead.size() + " dead letters, reasons " + reasons);
        assertCasesAreExactly(CASES);
    }

    // --- checks -----------------------------------------------------------------------------------------------

    /** Each per-case projection holds exactly these cases, and the intake topic one referral for each. */
    static void assertCasesAreExactly(Set<String> cases) throws Exception {
        for (String table : ClusterProbe.PER_CASE_PROJECTIONS) {
            Set<String> ids = new TreeSet<>();
            try (Connection c = probe.db(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select case_id from " + table)) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            assertEquals(cases, ids, table + " holds exactly the accepted cases");
        }
        assertEquals(cases.size(), probe.count("select count(*) from reporting.case_event "
                + "where event_type = 'jp.tsunagu.intake.referral-received.v1'"), "reporting counted each referral once");
        Map<String, Integer> received = new HashMap<>();
        int records = 0;
        for (ConsumerRecord<String, byte[]> r : probe.records(Topics.INTAKE)) {
            if ("jp.tsunagu.intake.referral-received.v1".equals(ClusterProbe.header(r, CloudEventCodec.H_TYPE))) {
                records++;
                received.merge(r.key(), 1, Integer::sum);
            }
        }
        assertEquals(cases, new TreeSet<>(received.keySet()), "the intake topic holds a referral for each case");
        REPORT.put("intake topic", records + " referral records for " + received.size() + " cases"
                + " (a record repeated by a retry after a 503 carries the same event id; consumers apply it once)");
        long referralsReported = reportedReferrals();
        assertEquals(cases.size(), referralsReported, "GET /reports/cases counts every referral once");
    }

    /**
     * Every routing event id stands for one decision: all its copies on the topic carry the same data, there is
     * one first decision per case, and routing's own table holds the decision that was published.
     */
    static void assertEveryDecisionPublishedOnceAndAsStored() throws Exception {
        Map<String, List<byte[]>> copies = new HashMap<>();
        Map<String, String> firstDecisionType = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : probe.records(Topics.ROUTING)) {
            String id = ClusterProbe.header(r, CloudEventCodec.H_ID);
            copies.computeIfAbsent(id, k -> new ArrayList<>()).add(r.value());
            if (id.equals(r.key() + "/routing/1")) {
                firstDecisionType.put(r.key(), ClusterProbe.header(r, CloudEventCodec.H_TYPE) + " "
                        + JSON.readTree(r.value()).path("agencyId").asText(""));
            }
        }
        List<String> differing = copies.entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(v -> !Arrays.equals(v, e.getValue().get(0))))
                .map(Map.Entry::getKey).toList();
        assertEquals(List.of(), differing, "event ids published twice with different decisions");
        assertEquals(CASES, new TreeSet<>(firstDecisionType.keySet()), "one first decision per case");

        Map<String, String> stored = new HashMap<>();
        try (Connection c = probe.db(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select case_id, decision, coalesce(agency_id, '') from routing.case_routing")) {
            while (rs.next()) {
                stored.put(rs.getString(1), rs.getString(2) + " " + rs.getString(3));
            }
        }
        List<String> mismatched = new ArrayList<>();
        firstDecisionType.forEach((caseId, published) -> {
            String[] type = published.split(" ", 2);
            String decision = type[0].contains("case-routed") ? "ROUTED"
                    : type[0].contains("outreach-requested") ? "OUTREACH" : "ESCALATED";
            if (!stored.get(caseId).equals(decision + " " + type[1])) {
                mismatched.add(caseId + ": published " + published + ", stored " + stored.get(caseId));
            }
        });
        assertEquals(List.of(), mismatched, "routing's table holds the decision it published");
        REPORT.put("routing topic", copies.size() + " event ids, " + copies.values().stream().mapToInt(List::size).sum()
                + " records, 0 ids with differing copies, " + firstDecisionType.size() + " first decisions");
    }

    /** The referral figure of this fiscal year, as the city's analysts read it. */
    static long reportedReferrals() throws Exception {
        String analyst = CLUSTER.token("analyst", "--municipality", MUNICIPALITY);
        var response = LocalRunSystemTest.HTTP.send(java.net.http.HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + CLUSTER.port("reporting-service") + "/reports/cases"))
                .header("Authorization", "Bearer " + analyst).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body()).path("year").path("referrals").asLong(-1);
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    static ReferralLoad load(int concurrency) {
        return new ReferralLoad(URI.create("http://127.0.0.1:" + CLUSTER.port("intake-service") + "/referrals"), referrer,
                concurrency);
    }

    static void awaitDone(IntSupplier done, int atLeast, CompletableFuture<Void> posting) throws Exception {
        while (done.getAsInt() < atLeast) {
            if (posting.isDone()) {
                posting.get(); // surfaces the load's failure
                return;
            }
            Thread.sleep(100);
        }
    }

    static double seconds(Instant since) {
        return Math.round(Duration.between(since, Instant.now()).toMillis() / 100.0) / 10.0;
    }
}
