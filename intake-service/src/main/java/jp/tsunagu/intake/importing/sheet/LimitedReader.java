package jp.tsunagu.intake.importing.sheet;

import java.util.List;

/**
 * What both readers share: empty rows are skipped (a city's list has them between blocks), cells are trimmed, and the
 * rows after the header are counted against the limit as they are read (the file is refused at the first row too
 * many, before anything of it is written).
 */
abstract class LimitedReader implements SheetReader {

    protected final ImportLimits limits;
    private int rows;

    LimitedReader(ImportLimits limits) {
        this.limits = limits;
    }

    /** The next row as stored, empty or not (cells already trimmed), or null at the end. */
    protected abstract SheetRow readRow();

    @Override
    public final SheetRow next() {
        SheetRow row;
        do {
            row = readRow();
            if (row == null) {
                return null;
            }
        } while (empty(row.cells()));
        if (rows++ > limits.maxRows()) { // the first row is the header
            throw SheetRefused.tooManyRows(limits.maxRows());
        }
        return row;
    }

    private static boolean empty(List<String> cells) {
        for (String c : cells) {
            if (!c.isEmpty()) {
                return false;
            }
        }
        return true;
    }
}
