package jp.tsunagu.intake.importing;

import jp.tsunagu.intake.importing.check.RowProblem;
import jp.tsunagu.intake.importing.check.WouldCreate;

import java.time.Instant;
import java.util.List;

/**
 * An import this replica runs or ran: its counters move while the worker goes through the sheet (GET shows them),
 * and it holds the report (problems quote cells, so they live here in memory only, never in the audit).
 */
final class RunningImport {

    final String importId;
    final String municipality;
    final String fileName;
    final String fileSha256;
    final ImportMode mode;
    final boolean skipBadRows;
    final String startedBy;
    final Instant startedAt;

    volatile ImportState state = ImportState.CHECKING;
    volatile Instant finishedAt;
    volatile String format;
    volatile String charset;
    volatile int rows;
    volatile int rowsChecked;
    volatile int rowsWithProblems;
    volatile int rowsDone;
    volatile int created;
    volatile int alreadyImported;
    volatile int skipped;
    volatile String refusal;
    volatile WouldCreate wouldCreate;
    volatile List<String> ignoredColumns = List.of();
    /** The problems kept (the checker keeps the first ones of a very bad file); {@link #problemCount} counts all. */
    volatile List<RowProblem> problems = List.of();
    volatile int problemCount;
    volatile List<ImportJob.PossibleDuplicate> possibleDuplicates = List.of();
    /** The rows an import is to write (held only while it runs: they hold the persons). */
    volatile List<jp.tsunagu.intake.importing.check.ImportRow> fresh = List.of();
    /** The uploaded file, until the check has read it (a 50 MB file is not held while the rows are written). */
    volatile byte[] file;

    /** What a POST /imports started: by whom, when, with which file (its name and sha256) and mode. */
    record Start(String importId, String municipality, String fileName, String fileSha256, ImportMode mode,
                 boolean skipBadRows, String startedBy, Instant startedAt) {
    }

    RunningImport(Start start) {
        this.importId = start.importId();
        this.municipality = start.municipality();
        this.fileName = start.fileName();
        this.fileSha256 = start.fileSha256();
        this.mode = start.mode();
        this.skipBadRows = start.skipBadRows();
        this.startedBy = start.startedBy();
        this.startedAt = start.startedAt();
    }

    ImportJob view() {
        List<RowProblem> all = problems;
        return new ImportJob(importId, municipality, fileName, format, charset, mode, skipBadRows, state,
                state.label(), startedBy, startedAt, finishedAt, rows, rowsChecked, rowsWithProblems, rowsDone,
                created, alreadyImported, skipped, refusal, wouldCreate, ignoredColumns,
                all.size() > ImportJob.MAX_PROBLEMS ? all.subList(0, ImportJob.MAX_PROBLEMS) : all, problemCount,
                possibleDuplicates, ImportResource.reportPath(importId));
    }
}
