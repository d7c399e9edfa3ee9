package jp.tsunagu.intake.importing.sheet;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvSheetReaderTest {

    static final Charset CP932 = Charset.forName("windows-31j");
    static final String TEXT = "受付日,氏名,課題\r\n令和６年５月１４日,\"山田, 太郎\",\"ひきこもり\n8050問題\"\r\n\r\n"
            + ",,\r\n 2024-06-01 ,髙橋 ①,\"言う\"\"こと\"\"\"\r\n";

    static List<SheetRow> rows(SheetReader reader) {
        List<SheetRow> rows = new ArrayList<>();
        for (SheetRow r = reader.next(); r != null; r = reader.next()) {
            rows.add(r);
        }
        reader.close();
        return rows;
    }

    @Test
    void utf8WithoutBomIsDetectedAndQuotedCellsKeepCommasAndLineBreaks() {
        SheetReader reader = SheetReader.open(TEXT.getBytes(StandardCharsets.UTF_8), null, ImportLimits.defaults());
        assertEquals(SheetFormat.CSV, reader.format());
        assertEquals("UTF-8", reader.charset());
        List<SheetRow> rows = rows(reader);
        assertEquals(3, rows.size(), "empty rows are skipped");
        assertEquals(List.of("受付日", "氏名", "課題"), rows.get(0).cells());
        assertEquals(List.of("令和６年５月１４日", "山田, 太郎", "ひきこもり\n8050問題"), rows.get(1).cells());
        assertEquals(List.of("2024-06-01", "髙橋 ①", "言う\"こと\""), rows.get(2).cells(), "trimmed, \"\" is a quote");
        assertEquals(List.of(1, 2, 5), rows.stream().map(SheetRow::number).toList(),
                "numbered as Excel shows the rows: empty rows count, a line break inside a cell does not");
    }

    @Test
    void utf8WithBomAndCp932ReadTheSameRows() {
        byte[] utf8 = TEXT.getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[utf8.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, bom, 3, utf8.length);
        SheetReader withBom = SheetReader.open(bom, null, ImportLimits.defaults());
        assertEquals("UTF-8", withBom.charset());
        SheetReader sjis = SheetReader.open(TEXT.getBytes(CP932), null, ImportLimits.defaults());
        assertEquals("Shift_JIS", sjis.charset(), "not UTF-8: CP932 (髙 and ① are CP932, not plain Shift_JIS)");
        List<SheetRow> expected = rows(SheetReader.open(utf8, null, ImportLimits.defaults()));
        assertEquals(expected, rows(withBom));
        assertEquals(expected, rows(sjis));
        assertEquals(expected, rows(SheetReader.open(TEXT.getBytes(CP932), "Shift_JIS", ImportLimits.defaults())));
    }

    @Test
    void aCharsetThatDoesNotFitIsRefusedNotReadAsMojibake() {
        var wrong = assertThrows(SheetRefused.class,
                () -> SheetReader.open(TEXT.getBytes(CP932), "UTF-8", ImportLimits.defaults()));
        assertEquals(SheetRefused.UNREADABLE_CHARSET, wrong.reason());
        byte[] neither = {'a', ',', (byte) 0x81, ' ', 'b', '\n'};
        assertEquals(SheetRefused.UNREADABLE_CHARSET, assertThrows(SheetRefused.class,
                () -> SheetReader.open(neither, null, ImportLimits.defaults())).reason());
        byte[] utf16 = "\uFEFF受付日".getBytes(StandardCharsets.UTF_16LE);
        assertEquals(SheetRefused.UNREADABLE_CHARSET, assertThrows(SheetRefused.class,
                () -> SheetReader.open(utf16, null, ImportLimits.defaults())).reason());
    }

    @Test
    void aRenamedExecutableOrPdfIsNoSheet() {
        byte[] exe = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, 0, 0};
        assertEquals(SheetRefused.NOT_A_SHEET, assertThrows(SheetRefused.class,
                () -> SheetReader.open(exe, null, ImportLimits.defaults())).reason());
        byte[] pdf = "%PDF-1.7\n%âãÏÓ\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(SheetRefused.NOT_A_SHEET, assertThrows(SheetRefused.class,
                () -> SheetReader.open(pdf, null, ImportLimits.defaults())).reason());
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};
        assertEquals(SheetRefused.NOT_A_SHEET, assertThrows(SheetRefused.class,
                () -> SheetReader.open(png, null, ImportLimits.defaults())).reason());
        byte[] xls = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        assertEquals(SheetRefused.OLD_EXCEL, assertThrows(SheetRefused.class,
                () -> SheetReader.open(xls, null, ImportLimits.defaults())).reason());
        assertEquals(SheetRefused.EMPTY, assertThrows(SheetRefused.class,
                () -> SheetReader.open(new byte[0], null, ImportLimits.defaults())).reason());
    }

    @Test
    void aCsvWith300ColumnsIsRefusedButTrailingEmptyCellsAreNot() {
        String wide = String.join(",", java.util.Collections.nCopies(300, "列")) + "\r\n";
        SheetReader reader = SheetReader.open(wide.getBytes(StandardCharsets.UTF_8), null, ImportLimits.defaults());
        SheetRefused refused = assertThrows(SheetRefused.class, reader::next);
        assertTrue(refused.reason().contains("列が多すぎます（200列まで）"), refused.reason());

        String padded = "受付日,氏名" + ",".repeat(1_000_000) + "\r\n";
        List<SheetRow> rows = rows(SheetReader.open(padded.getBytes(StandardCharsets.UTF_8), null,
                ImportLimits.defaults()));
        assertEquals(200, rows.getFirst().cells().size(), "empty cells past the limit are dropped, not kept");
    }

    @Test
    void limitsOnSizeRowsAndCellLength() {
        ImportLimits small = new ImportLimits(1000, 1000, 2, 10, 20);
        assertTrue(assertThrows(SheetRefused.class, () -> SheetReader.open(new byte[1001], null, small)).reason()
                .startsWith("ファイルが大きすぎます"));
        SheetReader threeRows = SheetReader.open("h\n1\n2\n3\n".getBytes(StandardCharsets.UTF_8), null, small);
        threeRows.next();
        threeRows.next();
        threeRows.next();
        assertTrue(assertThrows(SheetRefused.class, threeRows::next).reason().startsWith("行が多すぎます"));
        SheetReader longCell = SheetReader.open(("h\n\"" + "あ".repeat(21) + "\"\n").getBytes(StandardCharsets.UTF_8),
                null, small);
        longCell.next();
        assertTrue(assertThrows(SheetRefused.class, longCell::next).reason().contains("20文字を超えるセル"));
        SheetReader exact = SheetReader.open(("h\n" + "あ".repeat(20) + "\n").getBytes(StandardCharsets.UTF_8),
                null, small);
        exact.next();
        assertEquals("あ".repeat(20), exact.next().cell(0));
        assertNull(exact.next());
    }
}
