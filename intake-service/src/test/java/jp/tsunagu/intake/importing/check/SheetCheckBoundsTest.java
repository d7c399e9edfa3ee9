package jp.tsunagu.intake.importing.check;

import jp.tsunagu.contract.codes.Channel;
import jp.tsunagu.contract.codes.Concern;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static jp.tsunagu.intake.importing.check.SheetCheckTest.GOOD;
import static jp.tsunagu.intake.importing.check.SheetCheckTest.HEADER;
import static jp.tsunagu.intake.importing.check.SheetCheckTest.csv;
import static jp.tsunagu.intake.importing.check.SheetCheckTest.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a hostile or careless sheet costs: bounded problems, linear label reading, and the rows that must not pass. */
class SheetCheckBoundsTest {

    final SheetCheckTest base = new SheetCheckTest();

    CheckedSheet check(byte[] file) {
        return base.check(file);
    }

    @Test
    void aCellOfManyUnknownLabelsIsOneProblemNamingFiveAndCountingTheRest() {
        String cell = IntStream.range(0, 2000).mapToObj(i -> "x" + (i % 1000)).collect(Collectors.joining("、"));
        CheckedSheet sheet = check(csv(HEADER, with(GOOD, "課題", cell)));
        assertEquals(1, sheet.problems().size());
        assertEquals(1, sheet.problemCount());
        RowProblem p = sheet.problems().getFirst();
        assertEquals("課題", p.column());
        assertTrue(p.reason().startsWith("「x0」「x1」「x2」「x3」「x4」ほか995件は課題の名前にありません（使える名前: 認知症、"),
                p.reason());
        assertEquals(RowProblem.MAX_VALUE, p.value().length(), "the cell quoted, cut");
        assertTrue(p.value().endsWith("…"));
        assertTrue(p.value().startsWith("x0、x1、"));
    }

    @Test
    void aLongDottedCellIsReadInOnePass() {
        String bad = "x・".repeat(4999) + "x"; // 9,999 characters of ・-parts
        CheckedSheet sheet = check(csv(HEADER, with(GOOD, "課題", bad)));
        assertEquals(1, sheet.problems().size(), "completes, with one problem");
        assertTrue(sheet.problems().getFirst().reason().startsWith("「x・x・x・"));
        String good = "妊娠・出産・ひきこもり・".repeat(800) + "8050問題";
        CheckedSheet read = check(csv(HEADER, with(GOOD, "課題", good)));
        assertEquals(List.of(), read.problems());
        assertEquals(List.of(Concern.PREGNANCY, Concern.HIKIKOMORI, Concern.EIGHTY_FIFTY),
                read.good().getFirst().referral().concerns());
    }

    @Test
    void theProblemsKeptStopAtTenThousandWhileAllAreCounted() {
        List<String> lines = new ArrayList<>(List.of(HEADER));
        for (int i = 0; i < 5001; i++) { // two problems a row: 10,002
            lines.add(with(with(GOOD, "管理番号", "K-" + i), "同意", "たぶん").replace("令和８年５月１４日", "昨日"));
        }
        CheckedSheet sheet = check(csv(lines.toArray(String[]::new)));
        assertEquals(SheetCheck.MAX_PROBLEMS, sheet.problems().size());
        assertEquals(10_002, sheet.problemCount());
        assertEquals(5001, sheet.rowsWithProblems(), "exact");
        assertTrue(!sheet.clean());
    }

    @Test
    void theTemplatesExampleRowIsNotACase() {
        for (String name : List.of("（例）山田 太郎", "(例)山田 太郎", "（例) 山田")) {
            CheckedSheet sheet = check(csv(HEADER, with(GOOD, "氏名", name)));
            assertEquals(List.of(new RowProblem(2, "氏名", name, RowReader.EXAMPLE)), sheet.problems(), name);
        }
        CheckedSheet template = check(csv(HEADER, with(GOOD, "氏名", ImportTemplates.example(null)
                .get(ImportColumn.NAME.ordinal()))));
        assertEquals(List.of(RowReader.EXAMPLE), template.problems().stream().map(RowProblem::reason).toList());
    }

    @Test
    void anAgencysReferralKeepsTheChannelItsCellSays() {
        CheckedSheet sheet = check(csv(HEADER, with(GOOD, "相談経路", "アウトリーチ")));
        assertEquals(List.of(), sheet.problems());
        assertEquals(Channel.OUTREACH, sheet.good().getFirst().referral().channel(),
                "ReferralRules let an agency refer by any channel, and routing reads アウトリーチ");
        assertEquals("kurume-houkatsu-01", sheet.good().getFirst().referral().referringAgencyId());
        CheckedSheet blank = check(csv(HEADER, GOOD));
        assertEquals(Channel.AGENCY, blank.good().getFirst().referral().channel());
    }

    @Test
    void birthDateOrAgeIsAskedOfTheColumnTheSheetHas() {
        int age = Arrays.asList(HEADER.split(",", -1)).indexOf("年齢");
        String header = without(HEADER, age);
        String row = without(with(GOOD, "生年月日", ""), age);
        CheckedSheet sheet = check(csv(header, row));
        assertEquals(1, sheet.problems().size(), sheet.problems().toString());
        assertEquals("生年月日", sheet.problems().getFirst().column());
        assertTrue(sheet.problems().getFirst().reason().contains("生年月日"), sheet.problems().getFirst().reason());
        int birth = Arrays.asList(HEADER.split(",", -1)).indexOf("生年月日");
        CheckedSheet ageOnly = check(csv(without(HEADER, birth), without(GOOD, birth)));
        assertEquals("年齢", ageOnly.problems().getFirst().column());
    }

    @Test
    void fullWidthFormulaStartsAreFormulasToo() {
        for (String cell : List.of("＝1+1", "＋81-90", "＠SUM(A1)", "－1+2", " ＝HYPERLINK(\"x\")")) {
            CheckedSheet sheet = check(csv(HEADER, with(GOOD, "氏名", cell.contains(",") ? "\"" + cell + "\"" : cell)));
            assertEquals(List.of(RowReader.FORMULA), sheet.problems().stream().map(RowProblem::reason).toList(), cell);
        }
        assertTrue(!RowReader.formulaLike("－"), "a lone full-width dash is text");
    }

    private static String without(String line, int index) {
        List<String> cells = new ArrayList<>(Arrays.asList(line.split(",", -1)));
        cells.remove(index);
        return String.join(",", cells);
    }
}
