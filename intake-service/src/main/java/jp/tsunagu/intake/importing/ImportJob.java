package jp.tsunagu.intake.importing;

import jp.tsunagu.intake.importing.check.RowProblem;
import jp.tsunagu.intake.importing.check.WouldCreate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * An import (取込) of a city's caseload sheet as GET /imports/{importId} answers it: the audit's counts, and while this
 * replica holds its report, what would be created, the problems (the first {@link #MAX_PROBLEMS}; the CSV the first 10,000)
 * and the possible duplicates.
 */
@Schema(name = "ImportJob")
public record ImportJob(String importId, String municipality, String fileName,
                        @Schema(description = "XLSX or CSV; null before the file was read") String format,
                        @Schema(description = "the CSV's character set as read; null for .xlsx") String charset,
                        ImportMode mode, boolean skipBadRows, ImportState state, String stateLabel, String startedBy,
                        Instant startedAt, Instant finishedAt, int rows, int rowsChecked, int rowsWithProblems,
                        int rowsDone, int created, int alreadyImported, int skipped,
                        @Schema(description = "why the file could not be read, in Japanese") String refusal,
                        WouldCreate wouldCreate, List<String> ignoredColumns, List<RowProblem> problems,
                        int problemCount, List<PossibleDuplicate> possibleDuplicates, String report) {

    static final int MAX_PROBLEMS = 1000;

    /** A row that may be the person of an existing case (same kana and birth date): a note, never a problem. */
    public record PossibleDuplicate(int row, String caseNumber) {
        /** What the report says about it. */
        public String note() {
            return "既存の案件 " + caseNumber + " と同じ人かもしれません";
        }
    }

    /** The audit's view: without the problems (GET /imports). */
    ImportJob withoutProblems() {
        return new ImportJob(importId, municipality, fileName, format, charset, mode, skipBadRows, state, stateLabel,
                startedBy, startedAt, finishedAt, rows, rowsChecked, rowsWithProblems, rowsDone, created,
                alreadyImported, skipped, refusal, wouldCreate, ignoredColumns, List.of(), problemCount,
                List.of(), report);
    }
}
