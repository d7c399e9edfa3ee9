package jp.tsunagu.intake.importing;

import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.intake.importing.sheet.SheetRefused;
import jp.tsunagu.support.clock.BusinessClock;
import jp.tsunagu.support.problem.ApiProblem;
import org.jboss.logging.Logger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs imports in the background, one at a time per city, on worker threads of their own (reading and checking a
 * sheet is CPU work that must not hold an event loop): the check ({@link ImportCheckPhase}), then for an import the
 * writing of the rows ({@link ImportWritePhase}). Whatever happens, a job ends in a state of its own and frees its
 * city. Keeps the last {@link #KEPT} jobs' reports in memory (they quote cells, so they are never stored).
 */
@ApplicationScoped
public class ImportRunner {

    private static final Logger LOG = Logger.getLogger(ImportRunner.class);
    static final int KEPT = 20;

    private final ImportAudit audit;
    private final ImportCheckPhase checkPhase;
    private final ImportWritePhase writePhase;
    private final BusinessClock clock;
    private final Vertx vertx;
    private final ExecutorService workers = Executors.newFixedThreadPool(2, Thread.ofPlatform().daemon()
            .name("tsunagu-import-", 1).factory());
    /** The running import of each city. */
    private final Map<String, String> runningByCity = new ConcurrentHashMap<>();
    private final Map<String, RunningImport> recent = new LinkedHashMap<>();
    /** The service is stopping: a job that fails now was interrupted by the restart, not failed on its own. */
    private volatile boolean stopping;

    public ImportRunner(ImportAudit audit, ImportCheckPhase checkPhase, ImportWritePhase writePhase,
                        BusinessClock clock, Vertx vertx) {
        this.audit = audit;
        this.checkPhase = checkPhase;
        this.writePhase = writePhase;
        this.clock = clock;
        this.vertx = vertx;
    }

    @PreDestroy
    void stop() {
        stopping = true;
        workers.shutdownNow();
    }

    /**
     * Starts the job unless the city has one running (then answers the running one's id): its audit row is written
     * first (a queued job is audited even if the service stops before it runs; if it cannot be written, 503 and no
     * job). The file's bytes are held only until the check has read them.
     */
    Uni<Optional<String>> start(RunningImport job, byte[] bytes, String charset) {
        String other = runningByCity.putIfAbsent(job.municipality, job.importId);
        if (other != null) {
            return Uni.createFrom().item(Optional.of(other));
        }
        return audit.started(job)
                .onFailure().transform(e -> {
                    runningByCity.remove(job.municipality, job.importId);
                    LOG.warnf("import %s not started: its audit row was not written (%s)", job.importId, chain(e));
                    // no detail: its title (一時的に利用できません) says it, and a new English detail would need its
                    // Japanese in service-support first
                    return ApiProblem.unavailable(null, 30);
                })
                .map(audited -> {
                    job.file = bytes;
                    remember(job);
                    try {
                        workers.execute(() -> run(job, charset));
                    } catch (RuntimeException e) {
                        runningByCity.remove(job.municipality, job.importId);
                        throw e;
                    }
                    return Optional.empty();
                });
    }

    private void remember(RunningImport job) {
        synchronized (recent) {
            recent.put(job.importId, job);
            while (recent.size() > KEPT) {
                String oldest = recent.keySet().iterator().next();
                if (recent.get(oldest).state.running()) {
                    break;
                }
                recent.remove(oldest);
            }
        }
    }

    /** The job as this replica holds it (with its report), if it does. */
    Optional<RunningImport> held(String importId) {
        synchronized (recent) {
            return Optional.ofNullable(recent.get(importId));
        }
    }

    private void run(RunningImport job, String charset) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        ImportState end = ImportState.FAILED;
        try {
            end = checkPhase.check(job, charset, context);
            if (end == ImportState.IMPORTING) {
                job.state = ImportState.IMPORTING;
                writePhase.write(job, context);
                end = ImportState.DONE;
            }
        } catch (SheetRefused e) {
            end = ImportState.REFUSED;
            job.refusal = e.reason();
        } catch (Throwable e) {
            // a restart interrupts; anything else (the database, Kafka, out of memory) is a failure of this run
            end = stopping || Thread.currentThread().isInterrupted() ? ImportState.INTERRUPTED : ImportState.FAILED;
            LOG.errorf("import %s stopped (%s); rows written so far stay, the same file again continues",
                    job.importId, chain(e));
        } finally {
            job.file = null;
            job.fresh = List.of();
            job.finishedAt = clock.now();
            // the city is free before anyone can read that the job ended
            runningByCity.remove(job.municipality, job.importId);
            job.state = end;
        }
        try {
            OnContext.await(context, () -> audit.progress(job));
        } catch (RuntimeException e) {
            LOG.warnf("import %s: audit not updated (%s)", job.importId, chain(e));
        }
        // one line per import, without any value of the file
        LOG.infof("import %s of %s by %s: mode %s, state %s, rows %d, problems %d in %d row(s), created %d, "
                        + "already imported %d, skipped %d, file sha256 %s", job.importId, job.municipality,
                job.startedBy, job.mode, job.state, job.rows, job.problemCount, job.rowsWithProblems,
                job.created, job.alreadyImported, job.skipped, job.fileSha256);
    }

    private static String chain(Throwable e) {
        StringBuilder chain = new StringBuilder();
        for (Throwable t = e; t != null && chain.length() < 500; t = t.getCause()) {
            chain.append(chain.isEmpty() ? "" : " <- ").append(t.getClass().getName());
        }
        return chain.toString();
    }
}
