package jp.tsunagu.intake.importing;

import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.intake.importing.check.CheckedSheet;
import jp.tsunagu.intake.importing.check.ImportRow;
import jp.tsunagu.intake.importing.check.SheetCheck;
import jp.tsunagu.intake.importing.check.WouldCreate;
import jp.tsunagu.intake.importing.sheet.SheetReader;
import jp.tsunagu.intake.importing.sheet.SheetRefused;
import jp.tsunagu.intake.referral.ReferralRules;
import jp.tsunagu.intake.search.PersonIndex;
import jp.tsunagu.intake.search.SearchKeys;
import jp.tsunagu.support.clock.BusinessClock;
import jp.tsunagu.support.db.Database;
import jp.tsunagu.support.directory.AgencyDirectories;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Runs imports in the background, one at a time per city, on worker threads of their own (reading and checking a
 * sheet is CPU work that must not hold an event loop): read and check the sheet, look up rows already imported and
 * possible duplicates, and for an import write the new rows a group at a time ({@link ImportTransactions}). Keeps
 * the last {@link #KEPT} jobs' reports in memory (they quote cells, so they are never stored).
 */
@ApplicationScoped
public class ImportRunner {

    private static final Logger LOG = Logger.getLogger(ImportRunner.class);
    static final int KEPT = 20;
    /** Rows per transaction: a group's events are acknowledged together. */
    static final int GROUP = 50;
    /** Groups written at once, each in its own transaction. */
    static final int PARALLEL = 3;
    /** Duplicate look-ups sent side by side. */
    private static final int LOOKUPS = 100;

    private final ImportConfig config;
    private final ImportAudit audit;
    private final ImportTransactions transactions;
    private final ReferralRules rules;
    private final AgencyDirectories directories;
    private final PersonIndex persons;
    private final Database database;
    private final BusinessClock clock;
    private final Vertx vertx;
    private final ExecutorService workers = Executors.newFixedThreadPool(2, Thread.ofPlatform().daemon()
            .name("tsunagu-import-", 1).factory());
    /** The running import of each city. */
    private final Map<String, String> runningByCity = new ConcurrentHashMap<>();
    private final Map<String, RunningImport> recent = new LinkedHashMap<>();

    public ImportRunner(ImportConfig config, ImportAudit audit, ImportTransactions transactions, ReferralRules rules,
                        AgencyDirectories directories, PersonIndex persons, Database database,
                        BusinessClock clock, Vertx vertx) {
        this.config = config;
        this.audit = audit;
        this.transactions = transactions;
        this.rules = rules;
        this.directories = directories;
        this.persons = persons;
        this.database = database;
        this.clock = clock;
        this.vertx = vertx;
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }

    /** The running import of the city, if one runs: a second one waits for it (409). */
    Optional<String> running(String municipality) {
        return Optional.ofNullable(runningByCity.get(municipality));
    }

    /**
     * Starts the job unless the city has one running (then answers the running one's id). The bytes are held only
     * while the job runs.
     */
    Optional<String> start(RunningImport job, byte[] bytes, String charset) {
        String other = runningByCity.putIfAbsent(job.municipality, job.importId);
        if (other != null) {
            return Optional.of(other);
        }
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
        try {
            workers.execute(() -> run(job, bytes, charset));
        } catch (RuntimeException e) {
            runningByCity.remove(job.municipality, job.importId);
            throw e;
        }
        return Optional.empty();
    }

    /** The job as this replica holds it (with its report), if it does. */
    Optional<RunningImport> held(String importId) {
        synchronized (recent) {
            return Optional.ofNullable(recent.get(importId));
        }
    }

    private void run(RunningImport job, byte[] bytes, String charset) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        ImportState end;
        try {
            await(context, () -> audit.started(job));
            end = check(job, bytes, charset, context);
            if (end == ImportState.IMPORTING) {
                job.state = ImportState.IMPORTING;
                write(job, context);
                end = ImportState.DONE;
            }
        } catch (SheetRefused e) {
            end = ImportState.REFUSED;
            job.refusal = e.reason();
        } catch (RuntimeException e) {
            end = ImportState.INTERRUPTED;
            LOG.errorf("import %s stopped (%s); rows written so far stay, the same file again continues",
                    job.importId, chain(e));
        }
        job.fresh = List.of();
        job.finishedAt = clock.now();
        // the city is free before anyone can read that the job ended
        runningByCity.remove(job.municipality, job.importId);
        job.state = end;
        try {
            await(context, () -> audit.progress(job));
        } catch (RuntimeException e) {
            LOG.warnf("import %s: audit not updated (%s)", job.importId, chain(e));
        }
        // one line per import, without any value of the file
        LOG.infof("import %s of %s by %s: mode %s, state %s, rows %d, problems %d in %d row(s), created %d, "
                        + "already imported %d, skipped %d, file sha256 %s", job.importId, job.municipality,
                job.startedBy, job.mode, job.state, job.rows, job.problems.size(), job.rowsWithProblems,
                job.created, job.alreadyImported, job.skipped, job.fileSha256);
    }

    /** Reads and checks the sheet, keeps the good rows not imported before; answers the state it leads to. */
    private ImportState check(RunningImport job, byte[] bytes, String charset, Context context) {
        CheckedSheet checked;
        try (SheetReader sheet = SheetReader.open(bytes, charset, config.limits())) {
            job.format = sheet.format().name();
            job.charset = sheet.charset();
            checked = new SheetCheck(rules, directories.view(), config.joinedOn())
                    .check(sheet, job.municipality, job.fileSha256, clock.today(), n -> job.rowsChecked = n);
        }
        job.rows = checked.rows();
        job.rowsChecked = checked.rows();
        job.rowsWithProblems = checked.rowsWithProblems();
        job.ignoredColumns = List.copyOf(checked.ignoredColumns());
        job.problems = List.copyOf(checked.problems());
        Set<String> in = await(context, () -> transactions.alreadyImported(job.municipality,
                checked.good().stream().map(ImportRow::rowKey).toList()));
        List<ImportRow> fresh = checked.good().stream().filter(r -> !in.contains(r.rowKey())).toList();
        job.alreadyImported = checked.good().size() - fresh.size();
        job.possibleDuplicates = await(context, () -> duplicates(job.municipality, fresh));
        job.wouldCreate = WouldCreate.of(fresh);
        boolean clean = job.problems.isEmpty();
        ImportState next;
        if (job.mode == ImportMode.CHECK) {
            next = clean ? ImportState.CHECKED : ImportState.CHECK_FAILED;
        } else if (!clean && !job.skipBadRows) {
            next = ImportState.CHECK_FAILED;
        } else {
            job.skipped = job.rowsWithProblems;
            job.rowsDone = job.alreadyImported + job.skipped;
            job.fresh = fresh;
            next = ImportState.IMPORTING;
        }
        await(context, () -> audit.progress(job));
        return next;
    }

    /**
     * The rows a group at a time, {@link #PARALLEL} groups in flight, each in its own transaction on a context of
     * its own (a database connection executes one statement at a time: more connections, more of the database).
     */
    private void write(RunningImport job, Context context) {
        List<CompletableFuture<Integer>> inFlight = new ArrayList<>();
        try {
            write(job, context, inFlight);
        } catch (RuntimeException e) {
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
            inFlight.add(start(VertxContext.createNewDuplicatedContext(context),
                    () -> transactions.importGroup(job.importId, job.municipality, group)).thenApply(created -> {
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

    /** Rows whose person may be an existing open case's (the same look-up a live referral's duplicate mark uses). */
    private Uni<List<ImportJob.PossibleDuplicate>> duplicates(String municipality, List<ImportRow> rows) {
        List<ImportRow> named = rows.stream()
                .filter(r -> r.referral().personal().nameKana() != null
                        && !r.referral().personal().nameKana().isBlank()).toList();
        Uni<Map<Integer, String>> found = Uni.createFrom().item(new ConcurrentHashMap<>());
        for (int from = 0; from < named.size(); from += LOOKUPS) {
            List<ImportRow> some = named.subList(from, Math.min(named.size(), from + LOOKUPS));
            found = found.call(byRow -> Uni.join().all(some.stream().map(r -> persons.possibleDuplicateOf(
                            municipality, r.referral().personal().nameKana(),
                            SearchKeys.birthDate(r.referral().personal().birthDate()))
                    .invoke(c -> c.ifPresent(caseId -> byRow.put(r.row(), caseId)))).toList())
                    .andFailFast());
        }
        return found.chain(byRow -> byRow.isEmpty() ? Uni.createFrom().item(List.of()) : database.list(
                        "select case_id, case_number from case_status where case_id = any($1)",
                        row -> Map.entry(row.getString(0), String.valueOf(row.getString(1))),
                        (Object) byRow.values().stream().distinct().toArray(String[]::new))
                .map(numbers -> {
                    Map<String, String> numberOf = new LinkedHashMap<>();
                    numbers.forEach(e -> numberOf.put(e.getKey(), e.getValue()));
                    List<ImportJob.PossibleDuplicate> notes = new ArrayList<>();
                    byRow.forEach((row, caseId) -> notes.add(new ImportJob.PossibleDuplicate(row,
                            numberOf.getOrDefault(caseId, caseId))));
                    notes.sort(Comparator.comparingInt(ImportJob.PossibleDuplicate::row));
                    return notes;
                }));
    }

    /** Runs reactive work on the job's own Vert.x context (its transactions live there) and waits for it here. */
    private static <T> T await(Context context, Supplier<Uni<T>> work) {
        try {
            return start(context, work).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private static <T> CompletableFuture<T> start(Context context, Supplier<Uni<T>> work) {
        CompletableFuture<T> done = new CompletableFuture<>();
        context.runOnContext(ignored -> Uni.createFrom().deferred(work::get).subscribe()
                .with(done::complete, done::completeExceptionally));
        return done;
    }

    private static String chain(Throwable e) {
        StringBuilder chain = new StringBuilder();
        for (Throwable t = e; t != null && chain.length() < 500; t = t.getCause()) {
            chain.append(chain.isEmpty() ? "" : " <- ").append(t.getClass().getName());
        }
        return chain.toString();
    }
}
