package jp.tsunagu.intake.importing.check;

/**
 * One thing wrong with a sheet, for the coordinator who fixes it. It quotes the cell (which may be personal): a report
 * of problems is for coordinators only, never logged.
 *
 * @param row    the row number as Excel shows it (the header row's for a header problem, 0 for the file)
 * @param column the sheet's own header of the column ("" for a file or header problem)
 * @param value  the cell as written ("" when empty)
 * @param reason why, in Japanese
 */
public record RowProblem(int row, String column, String value, String reason) {

    @Override
    public String toString() {
        return "RowProblem[" + row + ", " + column + ", " + reason + ", value not shown]";
    }
}
