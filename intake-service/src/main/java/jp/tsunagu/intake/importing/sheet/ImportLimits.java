package jp.tsunagu.intake.importing.sheet;

/**
 * How large an uploaded list may be before it is refused as a whole (tsunagu.import.*): the file's own size, what its
 * zip inflates to (an .xlsx), the rows below the header, the columns of a row and the characters of one cell.
 */
public record ImportLimits(long maxBytes, long maxInflatedBytes, int maxRows, int maxColumns, int maxCellChars) {

    public ImportLimits {
        if (maxBytes <= 0 || maxInflatedBytes <= 0 || maxRows <= 0 || maxColumns <= 0 || maxCellChars <= 0) {
            throw new IllegalArgumentException("import limits must be positive");
        }
    }

    /** 50 MB, 200 MB inflated, 100,000 rows, 200 columns, 10,000 characters a cell. */
    public static ImportLimits defaults() {
        return new ImportLimits(50L * 1024 * 1024, 200L * 1024 * 1024, 100_000, 200, 10_000);
    }
}
