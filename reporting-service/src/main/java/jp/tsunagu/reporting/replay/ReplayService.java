package jp.tsunagu.reporting.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.Topics;
import jp.tsunagu.contract.codes.FiscalYear;
import jp.tsunagu.contract.events.CloudEventCodec;
import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.TsunaguEvent;
import jp.tsunagu.reporting.figures.Facts;
import jp.tsunagu.reporting.figures.FigureDefinitions;
import jp.tsunagu.reporting.projection.LiveProjection;
import jp.tsunagu.reporting.projection.ProjectionBatch;
import jp.tsunagu.reporting.projection.Sql;
import jp.tsunagu.reporting.projection.SqlRunner;
import jp.tsunagu.support.events.IncomingEvents;
import jp.tsunagu.support.problem.ApiProblem;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Rebuilds one municipality's reporting projections from offset 0 of every stage topic into a fresh schema of its
 * own ({@code <live schema>_replay_<municipality>}), with the same writes the live consumer makes, then checks that
 * the rebuilt figures equal the live ones. The live tables are only read. A replay under other
 * {@link FigureDefinitions} rebuilds the same way and also reports the figures under those definitions.
 * <p>
 * The topics are shared and keyed by case, so a municipality's replay still reads the whole log and skips the other
 * municipalities' events; it writes, counts and compares only its own. One replay per municipality at a time, each on
 * its own thread, and at most {@code tsunagu.replay.at-once} at once in the service (each holds its lanes' JDBC
 * connections and fetches): past that a municipality waits, told only that another replay is running.
 */
@ApplicationScoped
public class ReplayService {

    private static final Logger LOG = Logger.getLogger(ReplayService.class);
    private static final List<String> STAGE_TOPICS = List.of(Topics.INTAKE, Topics.ROUTING, Topics.MEETINGS,
            Topics.PLANS);
    private static final int KEPT_RUNS = 20;

    private final AgroalDataSource dataSource;
    private final Flyway liveFlyway;
    private final String liveSchema;
    private final ReplayLog log;
    private final int workers;
    private final ObjectMapper json;
    private final int atOnce;
    private final java.util.concurrent.Semaphore comparing = new java.util.concurrent.Semaphore(1, true);
    private final Map<String, ReplayRun> runs = new ConcurrentHashMap<>();
    private final ExecutorService worker;

    public ReplayService(AgroalDataSource dataSource, Flyway liveFlyway, LiveProjection live, ObjectMapper json,
                         ReplayLog log) {
        ReplayConfig config = log.config();
        this.log = log;
        this.workers = Math.max(1, config.workers());
        this.atOnce = Math.max(1, config.atOnce());
        this.worker = Executors.newFixedThreadPool(atOnce, r -> {
            Thread t = new Thread(r, "tsunagu-replay");
            t.setDaemon(true);
            return t;
        });
        this.dataSource = dataSource;
        this.liveFlyway = liveFlyway;
        this.liveSchema = live.live().schema();
        this.json = json;
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /** @param municipality the requester's: the run replays its events only, and is theirs to see */
    public synchronized ReplayRun start(FigureDefinitions definitions, String requestedBy, String municipality) {
        List<ReplayRun> running = runs.values().stream().filter(r -> r.finishedAt == null).toList();
        running.stream().filter(r -> r.municipality.equals(municipality)).findAny().ifPresent(r -> {
            throw ApiProblem.conflict("replay-running",
                    "replay " + r.id + " of your municipality is still running: one at a time");
        });
        if (running.size() >= atOnce) {
            // another municipality's: neither which nor how large
            throw ApiProblem.conflict("replay-running", "another replay is running; try again when it is done");
        }
        ReplayRun run = new ReplayRun(UUID.randomUUID().toString(), definitions, requestedBy, municipality);
        runs.put(run.id, run);
        runs.values().stream().filter(r -> r.finishedAt != null).sorted(Comparator.comparing(r -> r.startedAt))
                .limit(Math.max(0, runs.size() - KEPT_RUNS)).toList().forEach(r -> runs.remove(r.id));
        worker.submit(() -> replay(run));
        return run;
    }

    /** A run of the municipality's (another municipality's run is not found). */
    public Optional<ReplayRun> run(String id, String municipality) {
        return Optional.ofNullable(runs.get(id)).filter(r -> r.municipality.equals(municipality));
    }

    /** The municipality's runs, newest first. */
    public Collection<ReplayRun> runs(String municipality) {
        return runs.values().stream().filter(r -> r.municipality.equals(municipality))
                .sorted(Comparator.comparing((ReplayRun r) -> r.startedAt).reversed()).toList();
    }

    private void replay(ReplayRun run) {
        String schema = liveSchema + "_replay_" + run.municipality;
        run.schema = schema;
        List<String> deferredIndexes;
        try {
            freshSchema(schema);
            deferredIndexes = deferIndexes(schema);
            run.migratedAt = Instant.now();
        } catch (Exception e) {
            fail(run, e);
            return;
        }
        List<Lane> lanes = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> new Thread(r, "tsunagu-replay-lane"));
        try {
            List<TopicPartition> partitions = new ArrayList<>();
            try (KafkaConsumer<String, byte[]> probe = log.consumer()) {
                for (String topic : STAGE_TOPICS) {
                    Optional.ofNullable(probe.partitionsFor(topic)).orElse(List.of())
                            .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
                }
            }
            // A case's events have the same partition number on every stage topic (keyed by case id, same partition
            // counts), so lanes that split by partition number write disjoint cases and never wait for each other.
            for (int w = 0; w < workers; w++) {
                int lane = w;
                List<TopicPartition> own = partitions.stream().filter(tp -> tp.partition() % workers == lane).toList();
                if (!own.isEmpty() || lanes.isEmpty() && w == workers - 1) { // one lane even with no topics yet
                    lanes.add(new Lane(own, log.consumer(), dataSource.getConnection(), schema));
                }
            }
            Lane first = lanes.get(0);
            Map<TopicPartition, Long> begin = first.consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> end = first.consumer.endOffsets(partitions);
            run.logTotal = count(begin, end);
            LOG.infof("replay %s: %d records of the shared log from %d partitions into schema %s, %d lanes", run.id,
                    run.logTotal, partitions.size(), schema, lanes.size());
            for (int round = 0; ; round++) {
                List<java.util.concurrent.Future<Void>> loads = new ArrayList<>();
                for (Lane lane : lanes) {
                    Map<TopicPartition, Long> upTo = end;
                    loads.add(pool.submit(() -> {
                        readUpTo(lane, upTo, run);
                        return null;
                    }));
                }
                for (var load : loads) {
                    load.get();
                }
                run.status = ReplayRun.Status.CATCHING_UP;
                boolean liveCaughtUp = log.awaitLive(end);
                Map<TopicPartition, Long> latest = first.consumer.endOffsets(partitions);
                if (latest.equals(end) && liveCaughtUp || round == 5) {
                    if (!liveCaughtUp) {
                        LOG.warnf("replay %s: the live consumer had not caught up; figures may differ by the events "
                                + "still in flight", run.id);
                    }
                    break;
                }
                end = latest;
                run.logTotal = count(begin, end);
            }
            // each consumer may still hold a prefetched fetch (tens of MB): gone before the comparison needs the heap
            lanes.forEach(Lane::releaseConsumer);
            run.loadedAt = Instant.now();
            run.total = run.done.get();
            buildIndexes(first.connection, deferredIndexes);
            run.indexedAt = Instant.now();
            run.status = ReplayRun.Status.COMPARING;
            // one comparison at a time: it holds a municipality-year of facts, the heap's largest need (bench/run);
            // two replays load side by side, but their comparisons take turns
            comparing.acquire();
            try {
                run.comparisonStartedAt = Instant.now();
                run.outcome = compare(first.connection, first.target, run.definitions, run.municipality);
            } finally {
                comparing.release();
            }
            run.comparedAt = Instant.now();
            run.finishedAt = run.comparedAt;
            run.status = ReplayRun.Status.DONE;
            LOG.infof("replay %s: %d events, %d skipped, figures equal: %s", run.id, run.done.get(),
                    run.skipped.get(), run.outcome.allEqual());
        } catch (Exception e) {
            fail(run, e);
        } finally {
            pool.shutdownNow();
            lanes.forEach(Lane::close);
        }
    }

    /**
     * One lane of a replay: the partitions it reads, its consumer, and its own connection to the replay's schema
     * written by its own thread, so the lane decodes a poll while the previous one is written.
     */
    private static final class Lane implements AutoCloseable {
        final KafkaConsumer<String, byte[]> consumer;
        final Connection connection;
        final JdbcSqlRunner target;
        final ExecutorService writer = Executors.newSingleThreadExecutor(r -> new Thread(r, "tsunagu-replay-writer"));

        Lane(List<TopicPartition> partitions, KafkaConsumer<String, byte[]> consumer, Connection connection,
             String schema) throws java.sql.SQLException {
            this.consumer = consumer;
            this.connection = connection;
            connection.setAutoCommit(false);
            this.target = new JdbcSqlRunner(connection, schema);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }

        private boolean consumerOpen = true;

        void releaseConsumer() {
            if (consumerOpen) {
                consumerOpen = false;
                consumer.close();
            }
        }

        @Override
        public void close() {
            writer.shutdownNow();
            releaseConsumer();
            try {
                connection.close();
            } catch (java.sql.SQLException ignored) {
                // the pool takes the connection back or drops it
            }
        }
    }

    private static void fail(ReplayRun run, Exception e) {
        // the classes only: a database or broker message can quote SQL or values; a lane's failure comes wrapped
        StringBuilder chain = new StringBuilder();
        for (Throwable t = e; t != null && chain.length() < 500; t = t.getCause()) {
            chain.append(chain.isEmpty() ? "" : " <- ").append(t.getClass().getName());
        }
        LOG.errorf("replay %s failed: %s", run.id, chain);
        Throwable root = e instanceof java.util.concurrent.ExecutionException && e.getCause() != null ? e.getCause() : e;
        run.failure = root.getClass().getSimpleName() + " (the replay stopped; the live tables are untouched)";
        run.finishedAt = Instant.now();
        run.status = ReplayRun.Status.FAILED;
    }

    private void freshSchema(String schema) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement s = connection.createStatement()) {
            s.execute("drop schema if exists " + Sql.checkedSchema(schema) + " cascade");
        }
        // the service's own migrations, with the resources Quarkus collected at build time, in the replay's schema
        Flyway.configure(liveFlyway.getConfiguration().getClassLoader())
                .configuration(liveFlyway.getConfiguration())
                .schemas(schema).defaultSchema(schema).createSchemas(true)
                .load().migrate();
        // a replay serves no portal feed: its load does not number the feed's entries
        try (Connection connection = dataSource.getConnection(); Statement s = connection.createStatement()) {
            s.execute("drop trigger if exists case_event_feed on " + Sql.checkedSchema(schema) + ".case_event");
        }
    }

    /**
     * Reads the lane's partitions up to {@code end}. A poll is decoded into events while the lane's
     * writer still writes the previous one (at most one behind, in order: a case's writes never overtake each other).
     */
    private void readUpTo(Lane lane, Map<TopicPartition, Long> end, ReplayRun run) throws Exception {
        Map<TopicPartition, Long> own = new HashMap<>();
        lane.consumer.assignment().forEach(tp -> own.put(tp, end.getOrDefault(tp, 0L)));
        java.util.concurrent.Future<?> writing = null;
        while (!reached(lane.consumer, own)) {
            ConsumerRecords<String, byte[]> records = lane.consumer.poll(Duration.ofMillis(500));
            if (!records.isEmpty()) {
                run.read();
            }
            List<EventEnvelope<TsunaguEvent>> writes = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> record : records) {
                try {
                    EventEnvelope<TsunaguEvent> event = IncomingEvents.read(record);
                    if (run.municipality.equals(event.data().municipality())) {
                        writes.add(event);
                    }
                } catch (CloudEventCodec.MalformedEventException e) {
                    run.skipped.incrementAndGet(); // the live consumer dead-lettered it too
                }
            }
            int read = records.count();
            if (writing != null) {
                writing.get();
            }
            writing = lane.writer.submit(() -> {
                write(lane, writes, run);
                run.done.addAndGet(writes.size());
                run.logRead.addAndGet(read);
                return null;
            });
        }
        if (writing != null) {
            writing.get();
        }
    }

    private static void write(Lane lane, List<EventEnvelope<TsunaguEvent>> writes, ReplayRun run) throws Exception {
        if (writes.isEmpty()) {
            return;
        }
        try (Statement s = lane.connection.createStatement()) {
            // The replay's tables are disposable (a failed replay is run again), so its commits need not wait for
            // the disk. "local": the pooled connection goes back with the default.
            s.execute("set local synchronous_commit = off");
        }
        ProjectionBatch.apply(lane.target, writes).await().indefinitely();
        lane.connection.commit();
        run.wrote();
    }

    /**
     * Drops the replay schema's indexes that no write needs (not unique, so no {@code on conflict} and no key
     * check uses them) and answers their definitions: the load then maintains only the keys, and the indexes are
     * built once, over the loaded tables, before the comparison reads them.
     */
    private List<String> deferIndexes(String schema) throws java.sql.SQLException {
        List<String> definitions = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            List<String> names = new ArrayList<>();
            try (var query = connection.prepareStatement("""
                    select c.relname, pg_get_indexdef(c.oid) from pg_index x
                      join pg_class c on c.oid = x.indexrelid
                      join pg_namespace n on n.oid = c.relnamespace
                     where n.nspname = ? and not x.indisunique order by c.relname""")) {
                query.setString(1, schema);
                try (var rows = query.executeQuery()) {
                    while (rows.next()) {
                        names.add(rows.getString(1));
                        definitions.add(rows.getString(2));
                    }
                }
            }
            try (Statement s = connection.createStatement()) {
                for (String name : names) {
                    s.execute("drop index " + Sql.checkedSchema(schema) + "." + Sql.checkedSchema(name));
                }
            }
        }
        return definitions;
    }

    private static void buildIndexes(Connection connection, List<String> definitions) throws java.sql.SQLException {
        try (Statement s = connection.createStatement()) {
            for (String definition : definitions) {
                s.execute(definition);
            }
        }
        connection.commit();
    }

    private static boolean reached(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private ReplayRun.Outcome compare(Connection connection, JdbcSqlRunner replayed, FigureDefinitions definitions,
                                      String municipality) throws Exception {
        connection.setAutoCommit(true);
        JdbcSqlRunner live = new JdbcSqlRunner(connection, liveSchema);
        Map<String, LocalDate[]> spans = new TreeMap<>();
        for (SqlRunner db : List.of(live, replayed)) {
            for (Object[] r : db.query(Sql.of("""
                    select municipality, min(d), max(d) from (
                      select municipality, business_date d from {s}.case_event
                      union all select municipality, held_on from {s}.meeting_held
                      union all select municipality, business_date from {s}.plan_change
                      union all select municipality, business_date from {s}.routing_outcome) x
                    where municipality = :a group by municipality""", municipality)).await().indefinitely()) {
                LocalDate from = jp.tsunagu.support.db.SqlValues.localDate(r[1]);
                LocalDate to = jp.tsunagu.support.db.SqlValues.localDate(r[2]);
                spans.merge(((String) r[0]).trim(), new LocalDate[]{from, to}, (a, b) -> new LocalDate[]{
                        a[0].isBefore(b[0]) ? a[0] : b[0], a[1].isAfter(b[1]) ? a[1] : b[1]});
            }
        }
        Map<String, List<FigureComparison.Difference>> differences = new LinkedHashMap<>();
        Map<String, JsonNode> underDefinitions = new HashMap<>();
        boolean allEqual = true;
        for (Map.Entry<String, LocalDate[]> e : spans.entrySet()) { // the one municipality replayed, if it has events
            FiscalYear from = FiscalYear.of(e.getValue()[0]);
            FiscalYear to = FiscalYear.of(e.getValue()[1]);
            if (to.year() - from.year() > 30) {
                from = new FiscalYear(to.year() - 30);
            }
            // A year at a time: a municipality's facts of all years at once did not fit a 192 MB heap at 250,000
            // cases (bench/run, 1,000,000 events); one year's do, for live and replay side by side.
            Set<FigureComparison.Difference> diff = new LinkedHashSet<>();
            ObjectNode other = json.createObjectNode();
            for (int y = from.year(); y <= to.year(); y++) {
                FiscalYear year = new FiscalYear(y);
                // one side's facts at a time: a year of a large city's facts live and replayed together did not
                // fit reporting's heap (bench/run, 250,000 cases followed live); their figures are small
                JsonNode liveFigures = FigureComparison.figures(json,
                        Facts.load(live, municipality, year, year).await().indefinitely(), year, year,
                        FigureDefinitions.CONTRACT);
                Facts replayFacts = Facts.load(replayed, municipality, year, year).await().indefinitely();
                diff.addAll(FigureComparison.differences(municipality, liveFigures,
                        FigureComparison.figures(json, replayFacts, year, year, FigureDefinitions.CONTRACT)));
                if (!definitions.equals(FigureDefinitions.CONTRACT)) {
                    other.setAll((ObjectNode) FigureComparison.figures(json, replayFacts, year, year, definitions));
                }
            }
            differences.put(municipality, List.copyOf(diff));
            allEqual &= diff.isEmpty();
            if (!definitions.equals(FigureDefinitions.CONTRACT)) {
                underDefinitions.put(municipality, other);
            }
        }
        return new ReplayRun.Outcome(allEqual, differences, underDefinitions);
    }

    private static long count(Map<TopicPartition, Long> begin, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().mapToLong(e -> e.getValue() - begin.getOrDefault(e.getKey(), 0L)).sum();
    }
}
