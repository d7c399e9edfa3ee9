package jp.tsunagu.intake.importing.sheet;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static jp.tsunagu.intake.importing.sheet.HandMadeXlsxTest.HEADER;
import static jp.tsunagu.intake.importing.sheet.HandMadeXlsxTest.STRINGS;
import static jp.tsunagu.intake.importing.sheet.HandMadeXlsxTest.xlsx;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The pre-scan does not guess which part FastExcel will read: every XML entry is held to the limits, so a workbook
 * that points FastExcel somewhere unexpected (a duplicate relationship id, a second workbook, a part not ending in
 * .xml, another letter case) has no part left unchecked.
 */
class SheetBoundsTest {

    static final ImportLimits LIMITS = ImportLimits.defaults();
    static final String FAR_RIGHT = "<worksheet><sheetData><row r=\"2\"><c r=\"ZZZZZZ2\"/></row></sheetData></worksheet>";

    /** The hand-made workbook with one more entry. */
    static byte[] plus(byte[] workbook, String name, byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(workbook));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(in.readAllBytes());
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    static String refusal(byte[] file) {
        return assertThrows(SheetRefused.class, () -> SheetBounds.check(file, LIMITS)).reason();
    }

    @Test
    void theHandMadeWorkbookPasses() throws IOException {
        assertDoesNotThrow(() -> SheetBounds.check(xlsx(HEADER, STRINGS), LIMITS));
    }

    @Test
    void aFarRightCellInAnyPartIsRefusedWhateverItsName() throws IOException {
        for (String name : new String[] {"xl/worksheets/Sheet1.XML", "xl/worksheets/sheet9.bin", "elsewhere",
                "xl/worksheets/sheet1.xml.rels"}) {
            byte[] file = plus(xlsx(HEADER, STRINGS), name, FAR_RIGHT.getBytes(StandardCharsets.UTF_8));
            assertEquals("2行目の列が多すぎます（200列まで）", refusal(file), name);
        }
    }

    @Test
    void aPartThatIsNotXmlIsSkippedButWhatItReadBeforeBreakingOffCounts() throws IOException {
        byte[] image = plus(xlsx(HEADER, STRINGS), "xl/media/image1.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1});
        assertDoesNotThrow(() -> SheetBounds.check(image, LIMITS));
        byte[] brokenOff = plus(xlsx(HEADER, STRINGS), "xl/worksheets/sheet2.xml",
                "<worksheet><sheetData><row r=\"2\"><c r=\"GS2\"/></row><row><c r=".getBytes(StandardCharsets.UTF_8));
        assertEquals("2行目の列が多すぎます（200列まで）", refusal(brokenOff));
    }

    @Test
    void aTextLongerThanACellMayBeIsRefusedWhereverItIs() throws IOException {
        String max = "あ".repeat(10_000);
        assertDoesNotThrow(() -> SheetBounds.check(xlsx(HEADER + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>"
                + max + "</t></is></c></row>", STRINGS), LIMITS));
        assertDoesNotThrow(() -> SheetBounds.check(xlsx(HEADER, "<si><t>" + "😀".repeat(10_000) + "</t></si>"),
                LIMITS), "a character outside the BMP counts once");
        String over = max + "あ";
        assertEquals("2行目に10000文字を超えるセルがあります", refusal(xlsx(HEADER
                + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>" + over + "</t></is></c></row>", STRINGS)));
        assertEquals("2行目に10000文字を超えるセルがあります", refusal(xlsx(HEADER
                + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><r><t>" + max + "</t></r><r><t>あ</t></r></is></c></row>",
                STRINGS)), "rich-text runs count together");
        assertEquals("2行目に10000文字を超えるセルがあります", refusal(xlsx(HEADER
                + "<row r=\"2\"><c r=\"A2\"><f>" + "1+".repeat(5_000) + "1</f></c></row>", STRINGS)));
        assertEquals("2行目に10000文字を超えるセルがあります", refusal(xlsx(HEADER
                + "<row r=\"2\"><c r=\"A2\"><v>" + "1".repeat(10_001) + "</v></c></row>", STRINGS)));
        assertEquals("10000文字を超えるセルがあります", refusal(xlsx(HEADER, "<si><t>" + over + "</t></si>")));
        assertEquals("10000文字を超えるセルがあります",
                refusal(xlsx(HEADER, "<si><r><t>" + max + "</t></r><r><t><![CDATA[あ]]></t></r></si>")));
    }

    @Test
    void aSharedStringIndexMustBeANumberBelowTheCountOfSharedStrings() throws IOException {
        // HEADER names shared string 0; STRINGS has one
        assertEquals(SheetRefused.BROKEN, refusal(xlsx(HEADER + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>1</v></c></row>",
                STRINGS)));
        assertEquals(SheetRefused.BROKEN, refusal(xlsx(HEADER
                + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>2147483647</v></c></row>", STRINGS)));
        assertEquals(SheetRefused.BROKEN, refusal(xlsx(HEADER
                + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>99999999999999999999</v></c></row>", STRINGS)));
        assertEquals(SheetRefused.BROKEN, refusal(xlsx(HEADER + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>abc</v></c></row>",
                STRINGS)));
        assertEquals(SheetRefused.BROKEN, refusal(xlsx(HEADER + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v></v></c></row>",
                STRINGS)));
        assertEquals(SheetRefused.BROKEN, refusal(xlsx(HEADER, "")), "no shared string at all");
        assertDoesNotThrow(() -> SheetBounds.check(xlsx(HEADER + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>1</v></c>"
                + "<c r=\"B2\"><v>5</v></c></row>", STRINGS + "<si><t>二</t></si>"), LIMITS),
                "index 1 of two; a number cell is no index");
    }
}
