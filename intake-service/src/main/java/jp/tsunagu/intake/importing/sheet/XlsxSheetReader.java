package jp.tsunagu.intake.importing.sheet;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The first sheet of an .xlsx (the template's 「選択肢」 sheet comes second), streamed row by row with FastExcel. A cell
 * reads as Excel shows its value: text as written, a number without a trailing ".0", a date as {@code 2024-05-14}. A
 * formula cell is read by its last computed value and named in {@link SheetRow#formulaCells()}; the check refuses it.
 */
final class XlsxSheetReader extends LimitedReader {

    private final ReadableWorkbook workbook;
    private final Stream<Row> stream;
    private final Iterator<Row> rows;

    private XlsxSheetReader(ReadableWorkbook workbook, Stream<Row> stream, ImportLimits limits) {
        super(limits);
        this.workbook = workbook;
        this.stream = stream;
        this.rows = stream.iterator();
    }

    /** Call only after {@link ZipGuard#check}. */
    static XlsxSheetReader open(byte[] bytes, ImportLimits limits) {
        ReadableWorkbook workbook = null;
        try {
            workbook = new ReadableWorkbook(new ByteArrayInputStream(bytes), new ReadingOptions(true, false));
            return new XlsxSheetReader(workbook, workbook.getFirstSheet().openStream(), limits);
        } catch (IOException | RuntimeException e) { // no sheet, a broken part, bad XML
            closeQuietly(workbook);
            throw new SheetRefused(SheetRefused.NOT_A_SHEET, e);
        }
    }

    @Override
    public SheetFormat format() {
        return SheetFormat.XLSX;
    }

    @Override
    public String charset() {
        return null;
    }

    /**
     * A corrupt workbook (a style or shared-string index that is not there, a shared formula pointing nowhere, a
     * number that is no number) makes FastExcel throw whatever it meets: NumberFormatException, IndexOutOfBounds, a
     * NullPointerException. Any of them refuses the file as broken; only our own refusals pass as they are.
     */
    @Override
    protected SheetRow readRow() {
        try {
            return readFastExcelRow();
        } catch (SheetRefused refused) {
            throw refused;
        } catch (RuntimeException e) { // ExcelReaderException (bad XML, a number that is none) too: it opened as one
            throw new SheetRefused(SheetRefused.BROKEN, e);
        }
    }

    private SheetRow readFastExcelRow() {
        if (!rows.hasNext()) {
            return null;
        }
        Row row = rows.next();
        int number = row.getRowNum();
        List<String> cells = new ArrayList<>();
        Set<Integer> formulas = new HashSet<>();
        for (int i = 0; i < row.getCellCount(); i++) {
            Cell cell = row.getCell(i);
            String text = cell == null ? "" : text(cell);
            if (text.codePointCount(0, text.length()) > limits.maxCellChars()) {
                throw SheetRefused.cellTooLong(limits.maxCellChars(), number);
            }
            boolean formula = cell != null && cell.getFormula() != null;
            if (i >= limits.maxColumns()) {
                if (!text.isEmpty() || formula) {
                    throw SheetRefused.tooManyColumns(limits.maxColumns(), number);
                }
                continue;
            }
            cells.add(text);
            if (formula) {
                formulas.add(i);
            }
        }
        return new SheetRow(number, cells, formulas);
    }

    private String text(Cell cell) {
        CellType type = cell.getType();
        if (type == null || type == CellType.EMPTY) {
            return cell.getFormula() != null ? "=" + cell.getFormula() : "";
        }
        Object value = cell.getValue();
        String raw = cell.getRawValue();
        return switch (type) {
            case NUMBER -> number(cell, value instanceof BigDecimal b ? b : parse(raw));
            case FORMULA -> raw == null ? "=" + cell.getFormula() : raw.strip();
            case BOOLEAN -> Boolean.TRUE.equals(value) ? "TRUE" : "FALSE";
            default -> value == null ? (raw == null ? "" : raw.strip()) : value.toString().strip();
        };
    }

    private String number(Cell cell, BigDecimal n) {
        if (n == null) {
            return cell.getRawValue() == null ? "" : cell.getRawValue().strip();
        }
        if (ExcelDates.isDateFormat(cell.getDataFormatId(), cell.getDataFormatString())) {
            LocalDate day = ExcelDates.of(n, workbook.isDate1904());
            if (day != null) {
                return day.toString();
            }
        }
        return n.stripTrailingZeros().toPlainString();
    }

    private static BigDecimal parse(String raw) {
        try {
            return raw == null ? null : new BigDecimal(raw.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public void close() {
        stream.close();
        closeQuietly(workbook);
    }

    private static void closeQuietly(ReadableWorkbook workbook) {
        if (workbook != null) {
            try {
                workbook.close();
            } catch (IOException e) {
                // bytes in memory: nothing left open
            }
        }
    }
}
