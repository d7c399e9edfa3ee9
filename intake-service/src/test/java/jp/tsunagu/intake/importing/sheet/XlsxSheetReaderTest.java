package jp.tsunagu.intake.importing.sheet;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static jp.tsunagu.intake.importing.sheet.CsvSheetReaderTest.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class XlsxSheetReaderTest {

    /** A workbook as a city keeps it: text, a date cell, a number, an empty row, a formula. */
    static byte[] workbook() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook wb = new Workbook(out, "test", "1.0")) {
            Worksheet ws = wb.newWorksheet("台帳");
            ws.value(0, 0, "受付日");
            ws.value(0, 1, "氏名");
            ws.value(0, 2, "年齢");
            ws.value(0, 3, "課題");
            ws.value(1, 0, LocalDate.of(2024, 5, 14));
            ws.style(1, 0).format("yyyy/mm/dd").set();
            ws.value(1, 1, " 山田 太郎 ");
            ws.value(1, 2, 52);
            ws.value(1, 3, "ひきこもり、8050問題");
            ws.value(3, 0, LocalDate.of(2024, 6, 1));
            ws.style(3, 0).format("[$-ja-JP-x-gannen]ggge\"年\"m\"月\"d\"日\"").set();
            ws.value(3, 1, "髙橋 ①");
            ws.value(3, 2, 70.0);
            ws.formula(3, 3, "1+1");
            wb.finish();
        }
        return out.toByteArray();
    }

    @Test
    void cellsReadAsExcelShowsThemDatesInIsoAndFormulasNamed() throws IOException {
        SheetReader reader = SheetReader.open(workbook(), null, ImportLimits.defaults());
        assertEquals(SheetFormat.XLSX, reader.format());
        assertNull(reader.charset());
        List<SheetRow> rows = rows(reader);
        assertEquals(3, rows.size());
        assertEquals(new SheetRow(1, List.of("受付日", "氏名", "年齢", "課題"), Set.of()), rows.get(0));
        assertEquals(new SheetRow(2, List.of("2024-05-14", "山田 太郎", "52", "ひきこもり、8050問題"), Set.of()),
                rows.get(1));
        assertEquals(4, rows.get(2).number(), "the empty row 3 counts");
        assertEquals(List.of("2024-06-01", "髙橋 ①", "70"), rows.get(2).cells().subList(0, 3));
        assertEquals(Set.of(3), rows.get(2).formulaCells());
    }

    @Test
    void theSameListAsCsvReadsTheSame() throws IOException {
        String csv = "受付日,氏名,年齢,課題\r\n2024-05-14,山田 太郎,52,ひきこもり、8050問題\r\n";
        List<SheetRow> fromCsv = rows(SheetReader.open(csv.getBytes(StandardCharsets.UTF_8), null,
                ImportLimits.defaults()));
        List<SheetRow> fromXlsx = rows(SheetReader.open(workbook(), null, ImportLimits.defaults()));
        assertEquals(fromCsv, fromXlsx.subList(0, 2));
    }

    @Test
    void aZipBombIsRefusedBeforeTheExcelReaderSeesIt() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(Deflater.BEST_SPEED);
            zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
            zip.write("<workbook/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 300; i++) { // 300 MB of zeros, streamed: never in memory at once
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        byte[] bomb = out.toByteArray();
        SheetRefused refused = assertThrows(SheetRefused.class,
                () -> SheetReader.open(bomb, null, ImportLimits.defaults()));
        assertEquals(SheetRefused.TOO_LARGE_INFLATED, refused.reason());
    }

    @Test
    void aWorkbookLargerInflatedThanTheLimitIsRefusedEvenAtANormalRatio() throws IOException {
        ImportLimits small = new ImportLimits(50L * 1024 * 1024, 1024, 100, 200, 10_000);
        SheetRefused refused = assertThrows(SheetRefused.class, () -> SheetReader.open(workbook(), null, small));
        assertEquals(SheetRefused.TOO_LARGE_INFLATED, refused.reason());
    }

    @Test
    void aZipThatIsNoWorkbookIsNoSheet() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write("<document/>".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(SheetRefused.NOT_A_SHEET, assertThrows(SheetRefused.class,
                () -> SheetReader.open(out.toByteArray(), null, ImportLimits.defaults())).reason());
        byte[] truncated = java.util.Arrays.copyOf(workbook(), 200);
        assertEquals(SheetRefused.NOT_A_SHEET, assertThrows(SheetRefused.class,
                () -> SheetReader.open(truncated, null, ImportLimits.defaults())).reason());
    }
}
