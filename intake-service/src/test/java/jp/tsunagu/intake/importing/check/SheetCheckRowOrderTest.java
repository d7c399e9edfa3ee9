package jp.tsunagu.intake.importing.check;

import jp.tsunagu.intake.importing.sheet.HandMadeXlsxTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static jp.tsunagu.intake.importing.check.SheetCheckTest.GOOD;
import static jp.tsunagu.intake.importing.check.SheetCheckTest.HEADER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A sheet without 管理番号 keys its rows by number; an .xlsx whose rows repeat a number (one with {@code r}, one
 * numbered by position) must not pass, or two rows would become one case.
 */
class SheetCheckRowOrderTest {

    final SheetCheckTest base = new SheetCheckTest();

    /** The CSV line as an .xlsx row of inline strings; number null leaves out {@code r} (numbered by position). */
    static String row(Integer number, String csvLine) {
        String[] cells = csvLine.split(",", -1);
        StringBuilder xml = new StringBuilder(number == null ? "<row>" : "<row r=\"" + number + "\">");
        for (int i = 0; i < cells.length; i++) {
            xml.append("<c t=\"inlineStr\"><is><t>").append(cells[i]).append("</t></is></c>");
        }
        return xml.append("</row>").toString();
    }

    /** Without the 管理番号 column: the rows are known by file and row number. */
    static String keyless(String line) {
        return line.substring(line.indexOf(',') + 1);
    }

    CheckedSheet check(String sheetData) throws IOException {
        return base.check(HandMadeXlsxTest.xlsx(sheetData, ""));
    }

    @Test
    void rowsNumberedOneAfterAnotherAreKeyedByTheirNumbers() throws IOException {
        CheckedSheet sheet = check(row(1, keyless(HEADER)) + row(2, keyless(GOOD)) + row(3, keyless(GOOD)));
        assertEquals(List.of(), sheet.problems());
        assertEquals(List.of("file:abc123#2", "file:abc123#3"),
                sheet.good().stream().map(ImportRow::rowKey).toList());
        CheckedSheet unnumbered = check(row(null, keyless(HEADER)) + row(null, keyless(GOOD)) + row(null, keyless(GOOD)));
        assertEquals(List.of(), unnumbered.problems());
        assertEquals(2, unnumbered.good().stream().map(ImportRow::rowKey).distinct().count());
    }

    @Test
    void aRowRepeatingTheNumberOfTheOneBeforeFailsTheWholeCheck() throws IOException {
        // given rows 1 and 2 by r, then a row without r, which FastExcel numbers by the rows before it: 2 again
        CheckedSheet sheet = check(row(1, keyless(HEADER)) + row(2, keyless(GOOD)) + row(null, keyless(GOOD))
                + row(3, keyless(GOOD)));
        // then nothing can be imported, not even with skipBadRows
        assertFalse(sheet.clean());
        assertEquals(List.of(), sheet.good());
        assertEquals(List.of(new RowProblem(2, "", "", SheetCheck.ROWS_OUT_OF_ORDER)), sheet.problems());
        assertEquals("行番号が重複しているか逆順です（Excelで開いて保存し直してください）", SheetCheck.ROWS_OUT_OF_ORDER);
    }

    @Test
    void aRowNumberedBeforeTheOneAboveFailsTheCheck() throws IOException {
        CheckedSheet sheet = check(row(1, keyless(HEADER)) + row(5, keyless(GOOD)) + row(4, keyless(GOOD)));
        assertEquals(List.of(), sheet.good());
        assertEquals(SheetCheck.ROWS_OUT_OF_ORDER, sheet.problems().getFirst().reason());
        CheckedSheet underHeader = check(row(3, keyless(HEADER)) + row(3, keyless(GOOD)));
        assertEquals(SheetCheck.ROWS_OUT_OF_ORDER, underHeader.problems().getFirst().reason());
    }
}
