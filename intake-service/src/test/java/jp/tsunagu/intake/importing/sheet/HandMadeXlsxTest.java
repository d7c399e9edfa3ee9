package jp.tsunagu.intake.importing.sheet;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static jp.tsunagu.intake.importing.sheet.CsvSheetReaderTest.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Workbooks written by hand, part by part, as a hostile or broken file would be: no library smooths them over. */
public class HandMadeXlsxTest {

    /** The smallest workbook FastExcel opens, its first sheet's {@code <sheetData>} as given. */
    public static byte[] xlsx(String sheetData, String sharedStrings) throws IOException {
        Map<String, String> parts = new java.util.LinkedHashMap<>();
        parts.put("[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                <Default Extension="xml" ContentType="application/xml"/>
                <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
                <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
                <Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
                <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
                </Types>""");
        parts.put("xl/styles.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
                <cellXfs count="1"><xf numFmtId="0"/></cellXfs></styleSheet>""");
        parts.put("_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
                </Relationships>""");
        parts.put("xl/workbook.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
                <sheets><sheet name="台帳" sheetId="1" r:id="rId1"/></sheets></workbook>""");
        parts.put("xl/_rels/workbook.xml.rels", """
                <?xml version="1.0" encoding="UTF-8"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
                <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
                <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
                </Relationships>""");
        parts.put("xl/sharedStrings.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">""" + sharedStrings + "</sst>");
        parts.put("xl/worksheets/sheet1.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"""
                + sheetData + "</sheetData></worksheet>");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> p : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(p.getKey()));
                zip.write(p.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    static final String HEADER = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>受付日</t></is></c>"
            + "<c r=\"B1\" t=\"s\"><v>0</v></c></row>";
    static final String STRINGS = "<si><t>氏名</t></si>";

    @Test
    void theHandMadeWorkbookItselfReads() throws IOException {
        List<SheetRow> rows = rows(SheetReader.open(xlsx(HEADER, STRINGS), null, ImportLimits.defaults()));
        assertEquals(List.of("受付日", "氏名"), rows.getFirst().cells());
    }

    @Test
    void aCellFarRightIsRefusedBeforeTheExcelReaderPadsItsRow() throws IOException {
        byte[] tiny = xlsx(HEADER + "<row r=\"2\"><c r=\"ZZZZZZ2\"/></row>", STRINGS);
        SheetRefused refused = assertThrows(SheetRefused.class,
                () -> SheetReader.open(tiny, null, ImportLimits.defaults()));
        assertEquals("2行目の列が多すぎます（200列まで）", refused.reason());
        byte[] beyondColumn200 = xlsx(HEADER + "<row r=\"2\"><c r=\"GS2\"/></row>", STRINGS); // GS = 201
        assertEquals("2行目の列が多すぎます（200列まで）", assertThrows(SheetRefused.class,
                () -> SheetReader.open(beyondColumn200, null, ImportLimits.defaults())).reason());
        byte[] column200 = xlsx(HEADER + "<row r=\"2\"><c r=\"GR2\"/></row>", STRINGS);
        assertEquals(1, rows(SheetReader.open(column200, null, ImportLimits.defaults())).size(),
                "column 200 itself is read (an empty row)");
    }

    @Test
    void cellsWithoutAReferenceCountOneAfterAnother() throws IOException {
        byte[] wide = xlsx(HEADER + "<row r=\"2\">" + "<c/>".repeat(201) + "</row>", STRINGS);
        assertEquals("2行目の列が多すぎます（200列まで）", assertThrows(SheetRefused.class,
                () -> SheetReader.open(wide, null, ImportLimits.defaults())).reason());
    }

    @Test
    void aRowBelowExcelsLastRowIsRefused() throws IOException {
        byte[] deep = xlsx(HEADER + "<row r=\"99999999999\"><c r=\"A99999999999\"/></row>", STRINGS);
        assertEquals("Excelの最後の行（1048576行目）より下にセルがあります。ファイルが壊れています",
                assertThrows(SheetRefused.class, () -> SheetReader.open(deep, null, ImportLimits.defaults()))
                        .reason());
    }

    @Test
    void aCorruptWorkbookIsRefusedAsBrokenWhateverTheReaderThrows() throws IOException {
        List<String> corrupt = List.of(
                "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>7</v></c></row>",          // a shared string not there
                "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>abc</v></c></row>",        // an index that is no number
                "<row r=\"2\"><c r=\"A2\" s=\"42\"><v>1</v></c></row>",         // a style not there
                "<row r=\"2\"><c r=\"A2\"><v>1x</v></c></row>",                 // a number that is none
                "<row r=\"2\"><c r=\"A2\"><f t=\"shared\" si=\"3\"/><v>1</v></c></row>"); // a shared formula from nowhere
        List<String> refused = new java.util.ArrayList<>();
        for (String row : corrupt) {
            byte[] file = xlsx(HEADER + row, STRINGS);
            try {
                rows(SheetReader.open(file, null, ImportLimits.defaults())); // some corruption FastExcel reads past
            } catch (SheetRefused e) { // never a NumberFormatException or an IndexOutOfBounds out of the reader
                assertEquals(SheetRefused.BROKEN, e.reason(), row);
                refused.add(row);
            }
        }
        assertTrue(refused.contains(corrupt.get(1)), "an index that is no number is refused: " + refused);
    }
}
