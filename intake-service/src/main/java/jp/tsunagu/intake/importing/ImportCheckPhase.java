package jp.tsunagu.intake.importing;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.intake.importing.check.CheckedSheet;
import jp.tsunagu.intake.importing.check.ImportRow;
import jp.tsunagu.intake.importing.check.SheetCheck;
import jp.tsunagu.intake.importing.check.WouldCreate;
import jp.tsunagu.intake.importing.sheet.SheetReader;
import jp.tsunagu.intake.referral.ReferralRules;
import jp.tsunagu.intake.search.PersonIndex;
import jp.tsunagu.intake.search.SearchKeys;
import jp.tsunagu.support.clock.BusinessClock;
import jp.tsunagu.support.db.Database;
import jp.tsunagu.support.directory.AgencyDirectories;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static jp.tsunagu.intake.importing.OnContext.await;

/**
 * The first half of an import, on its job thread: read and check the sheet, then look up the rows already imported
 * and the possible duplicates; it decides whether the rows are written.
 */
@ApplicationScoped
class ImportCheckPhase {

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

    ImportCheckPhase(ImportConfig config, ImportAudit audit, ImportTransactions transactions, ReferralRules rules,
                     AgencyDirectories directories, PersonIndex persons, Database database, BusinessClock clock) {
        this.config = config;
        this.audit = audit;
        this.transactions = transactions;
        this.rules = rules;
        this.directories = directories;
        this.persons = persons;
        this.database = database;
        this.clock = clock;
    }

    /**
     * Reads and checks the sheet (then lets go of the file's bytes), keeps the good rows not imported before;
     * answers the state it leads to.
     */
    ImportState check(RunningImport job, String charset, Context context) {
        CheckedSheet checked;
        try (SheetReader sheet = SheetReader.open(job.file, charset, config.limits())) {
            job.format = sheet.format().name();
            job.charset = sheet.charset();
            checked = new SheetCheck(rules, directories.view(), config.joinedOn())
                    .check(sheet, job.municipality, job.fileSha256, clock.today(), n -> job.rowsChecked = n);
        } finally {
            // the import writes from the checked rows: the upload is not held while they are written
            job.file = null;
        }
        job.rows = checked.rows();
        job.rowsChecked = checked.rows();
        job.rowsWithProblems = checked.rowsWithProblems();
        job.ignoredColumns = List.copyOf(checked.ignoredColumns());
        job.problems = List.copyOf(checked.problems());
        // the checker keeps the first problems of a very bad file and counts them all
        job.problemCount = checked.problemCount();
        Set<String> in = await(context, () -> transactions.alreadyImported(job.municipality,
                checked.good().stream().map(ImportRow::rowKey).toList()));
        List<ImportRow> fresh = checked.good().stream().filter(r -> !in.contains(r.rowKey())).toList();
        job.alreadyImported = checked.good().size() - fresh.size();
        job.possibleDuplicates = await(context, () -> duplicates(job.municipality, fresh));
        job.wouldCreate = WouldCreate.of(fresh);
        ImportState next;
        if (job.mode == ImportMode.CHECK) {
            next = job.problemCount == 0 ? ImportState.CHECKED : ImportState.CHECK_FAILED;
        } else if (job.problemCount > 0 && (!job.skipBadRows || fileProblem(checked))) {
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
     * A problem of the file or its header (a required column missing, no header, no such city): no row was checked,
     * so skipping bad rows would import nothing and call it done. Such a sheet always ends as CHECK_FAILED.
     */
    static boolean fileProblem(CheckedSheet checked) {
        return checked.problems().stream().anyMatch(p -> p.row() == 0)
                || (!checked.problems().isEmpty() && checked.rowsWithProblems() == 0);
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
}
