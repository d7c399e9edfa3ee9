package jp.tsunagu.intake.importing.check;

import java.util.List;

/**
 * A sheet read and checked.
 *
 * @param rows              the rows below the header that are not empty
 * @param good              the rows without a problem, in the sheet's order
 * @param problems          the problems in the sheet's order (a header problem first, then no row is checked): the
 *                          first {@value SheetCheck#MAX_PROBLEMS} only
 * @param problemCount      every problem, counted (also those past the first {@value SheetCheck#MAX_PROBLEMS})
 * @param rowsWithProblems  how many rows have at least one problem (exact)
 * @param ignoredColumns    the headers not imported (not a problem)
 * @param keyedByCaseNumber the sheet has a 管理番号 column, so rows are known by it rather than by file and row
 */
public record CheckedSheet(int rows, List<ImportRow> good, List<RowProblem> problems, int problemCount,
                           int rowsWithProblems, List<String> ignoredColumns, boolean keyedByCaseNumber) {

    /** Nothing wrong anywhere: the file may be imported as it is. */
    public boolean clean() {
        return problemCount == 0;
    }
}
