package jp.tsunagu.intake.importing.check;

/**
 * One thing wrong with a sheet, for the coordinator who fixes it. It quotes the cell (which may be personal): a report
 * of problems is for coordinators only, never logged.
 *
 * @param row    the row number as Excel shows it (the header row's for a header problem, 0 for the file)
 * @param column the sheet's own header of the column ("" for a file or header problem)
 * @param value  the cell as written ("" when empty), cut to {@value #MAX_VALUE} characters
 * @param reason why, in Japanese
 */
public record RowProblem(int row, String column, String value, String reason) {

    /** How much of a cell a problem quotes: enough to find it, not a 10,000-character cell a thousand times over. */
    public static final int MAX_VALUE = 200;

    public RowProblem {
        value = shorten(value, MAX_VALUE);
    }

    /** The text cut to at most {@code max} characters (code points), with 「…」 when cut. */
    static String shorten(String text, int max) {
        if (text == null || text.length() <= max || text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
    }

    @Override
    public String toString() {
        return "RowProblem[" + row + ", " + column + ", " + reason + ", value not shown]";
    }
}
