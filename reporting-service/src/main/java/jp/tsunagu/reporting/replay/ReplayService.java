package jp.tsunagu.reporting.replay;

import io.agroal.api.AgroalDataSource;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.reporting.figures.FigureDefinitions;
import jp.tsunagu.support.problem.ApiProblem;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The service's replays: each rebuilds one municipality's reporting projections from offset 0 of every stage topic
 * into a fresh schema of its own ({@link ReplaySchema}), with the same writes the live consumer makes
 * ({@link ReplayLoad}), then checks that the rebuilt figures equal the live ones ({@link ReplayComparison}). The live
 * tables are only read. A replay under other {@link FigureDefinitions} rebuilds the same way and also reports the
 * figures under those definitions.
 * <p>
 * The topics are shared and keyed by case, so a municipality's replay still reads the whole log and skips the other
 * municipalities' events; it writes, counts and compares only its own. One replay per municipality at a time, each on
 * its own thread, and at most {@code tsunagu.replay.at-once} at once in the service (each holds its lanes' JDBC
 * connections and fetches): past that a municipality waits, told only that another replay is running. The last
 * {@value #KEPT_RUNS} finished runs are kept to be looked at.
 */
@ApplicationScoped
public class ReplayService {

    private static final Logger LOG = Logger.getLogger(ReplayService.class);
    private static final int KEPT_RUNS = 20;

    private final AgroalDataSource dataSource;
    private final ReplaySchema schemas;
    private final ReplayComparison comparison;
    private final ReplayLog log;
    private final int workers;
    private final int atOnce;
    private final Map<String, ReplayRun> runs = new ConcurrentHashMap<>();
    private final ExecutorService worker;

    ReplayService(AgroalDataSource dataSource, ReplaySchema schemas, ReplayComparison comparison, ReplayLog log) {
        ReplayConfig config = log.config();
        this.dataSource = dataSource;
        this.schemas = schemas;
        this.comparison = comparison;
        this.log = log;
        this.workers = Math.max(1, config.workers());
        this.atOnce = Math.max(1, config.atOnce());
        this.worker = Executors.newFixedThreadPool(atOnce, r -> {
            Thread t = new Thread(r, "tsunagu-replay");
            t.setDaemon(true);
            return t;
        });
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
        List<String> deferredIndexes;
        try {
            run.schema = schemas.of(run.municipality);
            deferredIndexes = schemas.fresh(run.schema);
            run.migratedAt = Instant.now();
        } catch (Exception e) {
            fail(run, e);
            return;
        }
        try (ReplayLoad load = new ReplayLoad(log, dataSource, run.schema, workers)) {
            load.load(run);
            run.loadedAt = Instant.now();
            run.total = run.done.get();
            ReplaySchema.buildIndexes(load.first().connection(), deferredIndexes);
            run.indexedAt = Instant.now();
            run.status = ReplayRun.Status.COMPARING;
            run.outcome = comparison.compare(load.first().connection(), load.first().target(), run);
            run.comparedAt = Instant.now();
            run.logSettled = settled(load, run);
            run.finishedAt = Instant.now();
            run.status = ReplayRun.Status.DONE;
            LOG.infof("replay %s: %d events, %d skipped, figures equal: %s", run.id, run.done.get(),
                    run.skipped.get(), run.outcome.allEqual());
        } catch (Exception e) {
            fail(run, e);
        }
    }

    /**
     * Whether the live figures stood where the replay's did; a broker that cannot answer makes it "not settled", never
     * a failed replay whose comparison is done.
     */
    private static boolean settled(ReplayLoad load, ReplayRun run) {
        try {
            if (load.logSettled()) {
                return true;
            }
            LOG.warnf("replay %s: the live consumer had not read as far, or the log grew while it ran; a difference "
                    + "may be events still in flight", run.id);
        } catch (RuntimeException e) {
            LOG.warnf("replay %s: whether the log moved could not be asked (%s): counted as moved", run.id,
                    e.getClass().getName());
        }
        return false;
    }

    private static void fail(ReplayRun run, Exception e) {
        // the classes only: a database or broker message can quote SQL or values; a lane's failure comes wrapped
        StringBuilder chain = new StringBuilder();
        for (Throwable t = e; t != null && chain.length() < 500; t = t.getCause()) {
            chain.append(chain.isEmpty() ? "" : " <- ").append(t.getClass().getName());
        }
        LOG.errorf("replay %s failed: %s", run.id, chain);
        Throwable root = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        run.failure = root.getClass().getSimpleName() + " (the replay stopped; the live tables are untouched)";
        run.finishedAt = Instant.now();
        run.status = ReplayRun.Status.FAILED;
    }
}
