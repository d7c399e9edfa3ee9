package jp.tsunagu.intake.importing.sheet;

/**
 * One pass over an uploaded list, streaming: the rows are read one by one, never all of a sheet's cells at once.
 * Which reader reads the file is decided by its bytes, never by its name.
 */
public interface SheetReader extends AutoCloseable {

    /**
     * @param charset for a CSV: "UTF-8", "Shift_JIS" (read as windows-31j / CP932, which is what Excel writes), or null
     *                (also "auto") to detect: a BOM → UTF-8; valid UTF-8 → UTF-8; else CP932. Ignored for .xlsx.
     * @throws SheetRefused the file as a whole cannot be read (see {@link SheetRefused})
     */
    static SheetReader open(byte[] bytes, String charset, ImportLimits limits) throws SheetRefused {
        return SheetOpener.open(bytes, charset, limits);
    }

    /**
     * The character set a request names, as {@link #open} takes it: "UTF-8", "Shift_JIS" (also SJIS, CP932, MS932,
     * windows-31j) or "auto" (also blank); empty when the name is not one of these.
     */
    static java.util.Optional<String> charsetNamed(String requested) {
        return CsvCharset.canonical(requested);
    }

    SheetFormat format();

    /** null for .xlsx; "UTF-8" or "Shift_JIS" for a CSV. */
    String charset();

    /**
     * The next row that is not entirely empty (the first is the header), or null at the end.
     *
     * @throws SheetRefused when a limit is passed (rows, columns, a cell's length) or the file breaks off
     */
    SheetRow next();

    @Override
    void close();
}
