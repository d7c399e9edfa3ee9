package jp.tsunagu.intake.importing.sheet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A CSV as Excel writes it (RFC 4180: commas, "quoted" cells with "" for a quote and line breaks inside, CRLF or LF),
 * decoded as it is read. A row keeps at most the column limit of cells: empty cells past it are dropped (Excel pads a
 * row to its used range), a value past it refuses the file, so a line of a million commas costs nothing.
 */
final class CsvSheetReader extends LimitedReader {

    private final Reader in;
    private final CsvCharset charset;
    private final char[] buffer = new char[8192];
    private int position;
    private int length;
    private int record;
    private boolean ended;

    private CsvSheetReader(Reader in, CsvCharset charset, ImportLimits limits) {
        super(limits);
        this.in = in;
        this.charset = charset;
    }

    static CsvSheetReader open(byte[] bytes, CsvCharset charset, ImportLimits limits) {
        Reader reader = new InputStreamReader(new ByteArrayInputStream(bytes, charset.offset(),
                bytes.length - charset.offset()), charset.decoder());
        return new CsvSheetReader(reader, charset, limits);
    }

    @Override
    public SheetFormat format() {
        return SheetFormat.CSV;
    }

    @Override
    public String charset() {
        return charset.name();
    }

    @Override
    protected SheetRow readRow() {
        if (ended) {
            return null;
        }
        int c = read();
        if (c < 0) {
            ended = true;
            return null;
        }
        record++;
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean inQuotes = false;
        while (true) {
            if (inQuotes) {
                if (c < 0) {
                    inQuotes = false; // a quote never closed: the rest of the file is this cell (limits still apply)
                    continue;
                }
                if (c == '"') {
                    int d = read();
                    if (d == '"') {
                        append(cell, '"');
                    } else {
                        inQuotes = false;
                        c = d;
                        continue;
                    }
                } else {
                    append(cell, (char) c);
                }
            } else if (c == ',' || c == '\r' || c == '\n' || c < 0) {
                add(cells, cell);
                cell.setLength(0);
                quoted = false;
                if (c == '\r') {
                    int d = read();
                    if (d != '\n' && d >= 0) {
                        position--; // a lone CR ends the record too (old Mac files)
                    }
                }
                if (c != ',') {
                    if (c < 0) {
                        ended = true;
                    }
                    return new SheetRow(record, cells, Set.of());
                }
            } else if (c == '"' && cell.isEmpty() && !quoted) {
                inQuotes = true;
                quoted = true;
            } else {
                append(cell, (char) c);
            }
            c = read();
        }
    }

    private void append(StringBuilder cell, char c) {
        if (cell.length() >= limits.maxCellChars() && cell.codePointCount(0, cell.length()) >= limits.maxCellChars()) {
            throw SheetRefused.cellTooLong(limits.maxCellChars(), record);
        }
        cell.append(c);
    }

    private void add(List<String> cells, StringBuilder cell) {
        String value = cell.toString().strip();
        if (cells.size() < limits.maxColumns()) {
            cells.add(value);
        } else if (!value.isEmpty()) {
            throw SheetRefused.tooManyColumns(limits.maxColumns(), record);
        }
    }

    private int read() {
        if (position >= length) {
            try {
                length = in.read(buffer, 0, buffer.length);
            } catch (IOException e) { // the charset was checked whole when the file was opened: not expected
                throw new SheetRefused(SheetRefused.UNREADABLE_CHARSET, e);
            }
            position = 0;
            if (length <= 0) {
                length = 0;
                return -1;
            }
        }
        return buffer[position++];
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            // a reader over bytes in memory: nothing to release
        }
    }
}
