package jp.tsunagu.intake.importing.sheet;

/**
 * A file refused as a whole (nothing of it is checked or written); the reason in Japanese for the coordinator. It never
 * quotes a cell's value (a cell may be personal).
 */
public final class SheetRefused extends RuntimeException {

    /** A renamed .exe, a PDF, a zip that is no workbook. */
    public static final String NOT_A_SHEET = "Excel（.xlsx）かCSVのファイルではありません";
    /** The old binary Excel format, which is not read (it has no streaming reader worth trusting). */
    public static final String OLD_EXCEL = "古い形式のExcel（.xls）のファイルです。Excelで「.xlsx」かCSVとして保存し直してください";
    /** A zip bomb, or a workbook simply too large once inflated. */
    public static final String TOO_LARGE_INFLATED = "展開すると大きすぎるファイルです";
    public static final String UNREADABLE_CHARSET = "文字コードが読めません（UTF-8かShift_JISで保存してください）";
    public static final String EMPTY = "空のファイルです";
    /** A workbook whose insides contradict themselves (a style or shared string that is not there, a bad reference). */
    public static final String BROKEN = "ファイルが壊れています（Excelで開いて、保存し直してください）";

    private final String reason;

    public SheetRefused(String reason) {
        super(reason);
        this.reason = reason;
    }

    public SheetRefused(String reason, Throwable cause) {
        super(reason, cause);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }

    static SheetRefused tooLarge(long maxBytes) {
        return new SheetRefused("ファイルが大きすぎます（" + maxBytes / (1024 * 1024) + "MBまで）");
    }

    static SheetRefused tooManyRows(int maxRows) {
        return new SheetRefused("行が多すぎます（" + maxRows + "行まで。ファイルを分けてください）");
    }

    static SheetRefused tooManyColumns(int maxColumns, int row) {
        return new SheetRefused(row + "行目の列が多すぎます（" + maxColumns + "列まで）");
    }

    static SheetRefused rowOutOfSheet(int maxRow) {
        return new SheetRefused("Excelの最後の行（" + maxRow + "行目）より下にセルがあります。ファイルが壊れています");
    }

    /** Row 0: a text outside any row (a shared string), whose row is not known yet. */
    static SheetRefused cellTooLong(int maxCellChars, int row) {
        return new SheetRefused((row > 0 ? row + "行目に" : "") + maxCellChars + "文字を超えるセルがあります");
    }
}
