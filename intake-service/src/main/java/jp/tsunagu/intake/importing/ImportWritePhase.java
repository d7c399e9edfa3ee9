package jp.tsunagu.intake.importing;

import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.codes.CaseNumber;
import jp.tsunagu.intake.importing.check.ImportRow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import static jp.tsunagu.intake.importing.OnContext.await;

/**
 * The second half of an import, on its job thread: the checked rows not in yet, a group at a time, {@link #PARALLEL}
 * groups in flight, each in its own transaction on a context of its own (a database connection executes one
 * statement at a time: more connections, more of the database). Each group's 受付番号 are taken here, one group
 * after another, before its transaction starts, so they follow the sheet's rows.
 */
@ApplicationScoped
class ImportWritePhase {

    /** Rows per transaction: a group's events are acknowledged together. */
    static final int GROUP = 50;
    /** Groups written at once, each in its own transaction. */
    static final int PARALLEL = 3;

    private final ImportAudit audit;
    private final ImportTransactions transactions;

    ImportWritePhase(ImportAudit audit, ImportTransactions transactions) {
        this.audit = audit;
        this.transactions = transactions;
    }

    void write(RunningImport job, Context context) {
        List<CompletableFuture<Integer>> inFlight = new ArrayList<>();
        try {
            write(job, context, inFlight);
        } catch (RuntimeException | Error e) {
            // the groups still in flight end (committed or not) before the city is free again
            inFlight.forEach(group -> group.exceptionally(failed -> 0).join());
            throw e;
        }
    }

    private void write(RunningImport job, Context context, List<CompletableFuture<Integer>> inFlight) {
        List<ImportRow> fresh = job.fresh;
        for (int from = 0; from < fresh.size(); from += GROUP) {
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("the service is stopping");
            }
            List<ImportRow> group = fresh.subList(from, Math.min(fresh.size(), from + GROUP));
            if (inFlight.size() == PARALLEL) {
                done(job, inFlight.removeFirst(), context);
            }
            Map<String, CaseNumber> numbers = await(context, () -> transactions.numbers(job.municipality, group));
            inFlight.add(OnContext.start(VertxContext.createNewDuplicatedContext(context),
                    () -> transactions.importGroup(job.importId, job.municipality, group, numbers))
                    .thenApply(created -> {
                        synchronized (job) {
                            job.created += created;
                            job.alreadyImported += group.size() - created;
                            job.rowsDone += group.size();
                        }
                        return created;
                    }));
        }
        while (!inFlight.isEmpty()) {
            done(job, inFlight.removeFirst(), context);
        }
    }

    private void done(RunningImport job, CompletableFuture<Integer> group, Context context) {
        try {
            group.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        await(context, () -> audit.progress(job));
    }
}
