package jp.tsunagu.intake.importing.check;

import java.util.List;

/**
 * A sheet read and checked.
 *
 * @param rows              the rows below the header that are not empty
 * @param good              the rows without a problem, in the sheet's order
 * @param problems          every problem, in the sheet's order (a header problem first, then no row is checked)
 * @param rowsWithProblems  how many rows have at least one problem
 * @param ignoredColumns    the headers not imported (not a problem)
 * @param keyedByCaseNumber the sheet has a 管理番号 column, so rows are known by it rather than by file and row
 */
public record CheckedSheet(int rows, List<ImportRow> good, List<RowProblem> problems, int rowsWithProblems,
                           List<String> ignoredColumns, boolean keyedByCaseNumber) {

    /** Nothing wrong anywhere: the file may be imported as it is. */
    public boolean clean() {
        return problems.isEmpty();
    }
}
