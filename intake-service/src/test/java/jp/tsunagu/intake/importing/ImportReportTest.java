package jp.tsunagu.intake.importing;

import jp.tsunagu.intake.importing.check.RowProblem;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The report CSV a coordinator opens in Excel. */
class ImportReportTest {

    @Test
    void problemsThenPossibleDuplicatesUnderAJapaneseHeaderWithABom() {
        // given a problem whose value holds a comma and a quote, and a possible duplicate
        List<RowProblem> problems = List.of(new RowProblem(3, "課題", "ひきこもり,\"不明\"", "「不明」は課題の名前にありません"));
        List<ImportJob.PossibleDuplicate> duplicates = List.of(new ImportJob.PossibleDuplicate(5, "R6-000012"));

        // when the report is written
        String csv = new String(ImportReport.csv(problems, duplicates), StandardCharsets.UTF_8);

        // then Excel reads one cell per column, and the note names the existing case
        assertEquals("\uFEFF行,列,値,理由\r\n"
                + "3,課題,\"ひきこもり,\"\"不明\"\"\",「不明」は課題の名前にありません\r\n"
                + "5,,,既存の案件 R6-000012 と同じ人かもしれません\r\n", csv);
    }

    @Test
    void aCellExcelWouldRunAsAFormulaStaysText() {
        // given the very cell the check refused (formula injection), when quoted in the report, then it is text
        assertEquals("\"'=HYPERLINK(\"\"http://x\"\")\"", ImportReport.cell("=HYPERLINK(\"http://x\")"));
        assertEquals("\"'@SUM(A1)\"", ImportReport.cell("@SUM(A1)"));
        assertEquals("090-1234", ImportReport.cell("090-1234"));
        assertEquals("", ImportReport.cell(null));
    }
}
