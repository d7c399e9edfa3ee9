package jp.tsunagu.intake.importing.check;

import jp.tsunagu.contract.codes.Concern;
import jp.tsunagu.contract.directory.AgencyDirectory;
import jp.tsunagu.intake.importing.sheet.ImportLimits;
import jp.tsunagu.intake.importing.sheet.SheetFormat;
import jp.tsunagu.intake.importing.sheet.SheetReader;
import jp.tsunagu.intake.importing.sheet.SheetRow;
import jp.tsunagu.intake.referral.ReferralRules;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;

import static jp.tsunagu.intake.importing.check.SheetCheckTest.DIRECTORIES;
import static jp.tsunagu.intake.importing.check.SheetCheckTest.KURUME;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImportTemplatesTest {

    final SheetCheckTest checks = new SheetCheckTest();
    final AgencyDirectory kurume = DIRECTORIES.get(KURUME);

    @Test
    void theCsvTemplateIsUtf8WithABomAndItsExampleRowChecksClean() {
        byte[] csv = ImportTemplates.csv(kurume);
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(csv[0], csv[1], csv[2]));
        String text = new String(csv, StandardCharsets.UTF_8).substring(1);
        String[] lines = text.split("\r\n");
        assertEquals(2, lines.length);
        assertEquals(Arrays.stream(ImportColumn.values()).map(ImportColumn::header).toList(),
                List.of(lines[0].split(",")));
        assertEquals(List.of(new RowProblem(2, "氏名", "（例）山田 太郎", RowReader.EXAMPLE)), checks.check(csv).problems(),
                "the example row, left in, is no case");
        CheckedSheet sheet = unmarked(csv);
        assertEquals(List.of(), sheet.problems(), "otherwise the example is a clean row");
        assertEquals(List.of(), sheet.ignoredColumns());
        assertEquals(1, sheet.good().size());
        assertTrue(new String(ImportTemplates.csv(), StandardCharsets.UTF_8).startsWith("\uFEFF管理番号,受付日,氏名,"));
    }

    @Test
    void theXlsxTemplateReadsBackCleanWithItsChoicesSheetAndDropDowns() throws IOException {
        byte[] xlsx = ImportTemplates.xlsx(kurume);
        assertEquals(List.of(RowReader.EXAMPLE), checks.check(xlsx).problems().stream().map(RowProblem::reason)
                .toList());
        CheckedSheet sheet = unmarked(xlsx);
        assertEquals(List.of(), sheet.problems());
        assertEquals(1, sheet.good().size());
        assertEquals(unmarked(ImportTemplates.csv(kurume)).good().getFirst().referral(),
                sheet.good().getFirst().referral(), "the same example either way (dates as Excel dates)");

        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet choices = wb.findSheet("選択肢").orElseThrow();
            List<Row> rows = choices.read();
            assertEquals(List.of("課題", "状態", "同意", "プラン種別", "相談経路", "緊急度", "地区", "機関"),
                    rows.getFirst().stream().map(c -> c.getText()).toList());
            List<String> concerns = rows.stream().skip(1).map(r -> r.getCellText(0)).filter(s -> !s.isEmpty())
                    .toList();
            assertEquals(Arrays.stream(Concern.values()).map(Concern::label).toList(), concerns);
            assertTrue(rows.stream().anyMatch(r -> r.getCellText(7).equals("地域包括支援センター（サンプル第1）")));
        }
        String sheetXml = entry(xlsx, "xl/worksheets/sheet1.xml");
        assertEquals(7, sheetXml.split("<dataValidation ", -1).length - 1,
                "状態 同意 プラン種別 相談経路 緊急度 地区 担当機関 (課題 holds several: no list)");
        // 状態 (column P) offers the 8 labels but 受入辞退 from the 「選択肢」 sheet (its name written as &#x…; in XML)
        assertTrue(sheetXml.matches("(?s).*sqref=\"P2:P100001\"[^>]*><formula1>'[^']+'!\\$B\\$2:\\$B\\$9</formula1>.*"),
                sheetXml.substring(sheetXml.indexOf("<dataValidations")));
    }

    /** The template checked as if its example were a real row: 「（例）」 taken off every cell as it is read. */
    private static CheckedSheet unmarked(byte[] file) {
        try (SheetReader reader = SheetReader.open(file, null, ImportLimits.defaults())) {
            SheetReader unmarked = new SheetReader() {
                @Override
                public SheetFormat format() {
                    return reader.format();
                }

                @Override
                public String charset() {
                    return reader.charset();
                }

                @Override
                public SheetRow next() {
                    SheetRow row = reader.next();
                    return row == null ? null : new SheetRow(row.number(),
                            row.cells().stream().map(c -> c.replace("（例）", "")).toList(), row.formulaCells());
                }

                @Override
                public void close() {
                }
            };
            return new SheetCheck(new ReferralRules(DIRECTORIES), DIRECTORIES, java.util.Map.of())
                    .check(unmarked, KURUME, "abc123", SheetCheckTest.TODAY, n -> { });
        }
    }

    /** A part of the workbook (through its central directory: FastExcel writes data descriptors). */
    private static String entry(byte[] zip, String name) throws IOException {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("template", ".xlsx");
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(java.nio.file.Files.write(file, zip).toFile())) {
            ZipEntry e = z.getEntry(name);
            if (e == null) {
                throw new AssertionError("no " + name);
            }
            return new String(z.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            java.nio.file.Files.delete(file);
        }
    }
}
