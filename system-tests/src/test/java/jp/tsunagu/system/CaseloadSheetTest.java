package jp.tsunagu.system;

import jp.tsunagu.contract.codes.CaseStatus;
import jp.tsunagu.contract.codes.FiscalYear;
import jp.tsunagu.contract.codes.PlanType;
import jp.tsunagu.contract.directory.Agency;
import jp.tsunagu.contract.importing.ImportedStages;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The generated lists themselves (no system needed): what {@link ImportSystemTest} expects is only as good as the
 * lists, so each good row must pass the contract's one rule with the stages its {@link RowKind} claims, stay inside its
 * fiscal year, and be written the same way every time.
 */
class CaseloadSheetTest {

    static final FiscalYear R7 = FiscalYear.parse("R7");

    @Test
    void everyGoodRowPassesTheContractsRuleWithTheStagesItsKindClaims() {
        CaseloadSheet sheet = CaseloadSheet.of("T-", R7, 2000, 1);
        Set<String> numbers = new HashSet<>();
        Set<String> people = new HashSet<>();
        for (CaseloadSheet.SheetRow row : sheet.rows()) {
            var result = ImportedStages.check(stageCells(row), LocalDate.of(2026, 12, 1));
            var valid = assertInstanceOf(ImportedStages.Valid.class, result, "row " + row.number() + " " + row);
            RowKind k = row.kind();
            assertEquals(new ImportedStages(ImportedStages.Hand.valueOf(k.hand.name()), k.accepted, k.planned,
                    k.closed), valid.stages(), "row " + row.number());
            for (String h : List.of("受付日", "つなぎ日", "受入日", "作成日", "終結日")) {
                LocalDate d = row.date(h);
                assertTrue(d == null || R7.contains(d), "row " + row.number() + " " + h + " " + d + " in 令和7年度");
            }
            assertTrue(row.date("受付日") != null, "row " + row.number());
            assertTrue(numbers.add(row.caseNumber()), "管理番号 once: " + row.caseNumber());
            assertTrue(people.add(row.cell("ふりがな") + "|" + row.cell("生年月日")), "a person once: " + row);
            row.cells().forEach(c -> assertFalse(c.matches("[=+\\-@].+"), "no formula-like cell: " + c));
        }
        assertEquals(2000, sheet.counts().cases());
        assertEquals(sheet.rows().stream().filter(r -> r.kind().planned).count(), sheet.counts().plans());
    }

    @Test
    void theSameArgumentsWriteTheSameBytesAndCp932KeepsEveryCharacter() {
        CaseloadSheet a = CaseloadSheet.of("T-", R7, 300, 7);
        assertArrayEquals(a.csv(CaseloadSheet.CP932), CaseloadSheet.of("T-", R7, 300, 7).csv(CaseloadSheet.CP932));
        String back = new String(a.csv(CaseloadSheet.CP932), CaseloadSheet.CP932);
        assertEquals(new String(a.csv(java.nio.charset.StandardCharsets.UTF_8), java.nio.charset.StandardCharsets.UTF_8),
                back);
        assertTrue(back.contains("令和") && back.chars().anyMatch(c -> c >= '０' && c <= '９'), "和暦 and full-width digits");
        assertTrue(a.xlsx().length > 0);
    }

    @Test
    void theMalformedListHasSevenBadRowsEachAtItsOwnRowBetweenGoodOnes() {
        MalformedSheet m = MalformedSheet.of("X-", R7, 33, 3);
        assertEquals(33, m.good().size());
        assertEquals(40, m.sheet().rows().size());
        assertEquals(7, m.problems().size());
        assertEquals(7, m.problems().stream().map(CaseloadSheet.Problem::row).distinct().count());
        assertEquals(List.of("受付日", "課題", "地区", "受付日", "相談内容", "終結日", "管理番号"),
                m.problems().stream().map(CaseloadSheet.Problem::column).toList());
        CaseloadSheet.SheetRow duplicate = m.sheet().rows().get(m.problems().getLast().row()
                - CaseloadSheet.FIRST_DATA_ROW);
        assertEquals(m.good().getFirst().caseNumber(), duplicate.caseNumber());
        for (CaseloadSheet.SheetRow row : m.sheet().rows()) {
            assertEquals(row.number() - CaseloadSheet.FIRST_DATA_ROW, m.sheet().rows().indexOf(row));
        }
    }

    /** The row's stage cells read as intake reads them (labels to codes, agency names to ids). */
    static ImportedStages.Row stageCells(CaseloadSheet.SheetRow row) {
        CaseStatus status = Arrays.stream(CaseStatus.values()).filter(s -> s.label().equals(row.cell("状態")))
                .findFirst().orElseThrow();
        String type = row.cell("プラン種別");
        PlanType planType = type.isEmpty() ? null : Arrays.stream(PlanType.values())
                .filter(t -> t.label().equals(type) || t.label().replace("プラン", "").equals(type))
                .findFirst().orElseThrow();
        String agency = row.cell("担当機関").isEmpty() ? null : CaseloadSheet.DIRECTORY.agencies().stream()
                .filter(a -> a.name().equals(row.cell("担当機関"))).map(Agency::id).findFirst().orElseThrow();
        return new ImportedStages.Row(status, agency, row.date("受付日"), row.date("つなぎ日"), row.date("受入日"),
                planType, row.date("作成日"), row.date("終結日"));
    }
}
