package jp.tsunagu.console.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Intake's import job in the words of its page: progress as text, the created table, 種類 and 件数. */
class ImportScreenTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void givenACheckUnderWayWhenShownThenItRunsAndSaysRowsCheckedOfRows() throws Exception {
        JsonNode view = ImportScreen.detail(json.readTree(ImportJobs.CHECKING));

        assertTrue(view.path("running").asBoolean());
        assertEquals("確認した行：1500／2000行（75%）", view.path("progress").path("text").asText());
        assertEquals("確認のみ", view.path("kindLabel").asText());
    }

    @Test
    void givenAnImportUnderWayWhenShownThenProgressIsRowsDoneAndTheKindSaysBadRowsAreSkipped() throws Exception {
        JsonNode view = ImportScreen.detail(json.readTree(ImportJobs.IMPORTING));

        assertEquals("取り込んだ行：1500／2000行（75%）", view.path("progress").path("text").asText());
        assertEquals("取込（問題のある行を飛ばす）", view.path("kindLabel").asText());
        assertEquals("2000行・問題 3行・作成 1497件・飛ばした行 3行", view.path("countText").asText());
    }

    @Test
    void givenACleanCheckWhenShownThenItHasStoppedAndTheCreatedTableIsInJapaneseInTheStagesOrder()
            throws Exception {
        JsonNode view = ImportScreen.detail(json.readTree(ImportJobs.CHECKED));

        assertFalse(view.path("running").asBoolean());
        assertTrue(view.path("checkedClean").asBoolean());
        assertFalse(view.has("progress"));
        List<String> labels = new ArrayList<>();
        view.path("wouldCreateRows").forEach(r -> labels.add(r.path("label").asText() + r.path("count").asLong()));
        assertEquals(List.of("案件2000", "規則でつなぐ200", "担当機関へつなぐ800", "受入700", "多機関協働へ500",
                "アウトリーチ100", "プラン600", "終結150"), labels);
    }

    @Test
    void givenAYearWithoutItsLabelWhenShownThenItIsLabelledInReiwaFromItsCode() throws Exception {
        JsonNode years = ImportScreen.detail(json.readTree(ImportJobs.CHECKED)).path("years");

        assertEquals("令和7年度", years.get(0).path("label").asText());
        assertEquals("令和8年度", years.get(1).path("label").asText());
        assertEquals(200, years.get(1).path("plansMade").asLong());
    }

    @Test
    void givenMoreProblemsThanListedWhenShownThenThePageSaysItShowsOnlyTheFirst() throws Exception {
        JsonNode view = ImportScreen.detail(json.readTree(ImportJobs.PROBLEMS));

        assertTrue(view.path("problemsCut").asBoolean());
        assertEquals(1234, view.path("problemCount").asLong());
        assertFalse(ImportScreen.detail(json.readTree(ImportJobs.CHECKED)).path("problemsCut").asBoolean());
    }

    @Test
    void givenIntakesListWhenListedThenEachImportHasItsKindAndCountsInWords() throws Exception {
        JsonNode list = json.readTree("[" + ImportJobs.CHECKED + "," + ImportJobs.IMPORTING + "]");

        JsonNode rows = ImportScreen.listed(list);

        assertEquals(2, rows.size());
        assertEquals("確認のみ", rows.get(0).path("kindLabel").asText());
        assertEquals("2000行", rows.get(0).path("countText").asText());
        assertEquals("取込（問題のある行を飛ばす）", rows.get(1).path("kindLabel").asText());
    }

    @Test
    void givenNoProgressCountYetWhenAnImportStartsThenTheProgressStillReadsAsText() throws Exception {
        JsonNode view = ImportScreen.detail(json.readTree("""
                {"importId":"x","mode":"CHECK","state":"CHECKING","rows":null,"rowsChecked":0}"""));

        assertEquals("確認した行：0行（ファイルを読んでいます）", view.path("progress").path("text").asText());
    }

    @Test
    void givenProblemsCountedButNoLongerListedWhenShownThenThePageSaysTheyAreGoneNotThatItShowsTheFirst()
            throws Exception {
        JsonNode view = ImportScreen.detail(json.readTree("""
                {"importId":"x","mode":"CHECK","state":"CHECK_FAILED","problems":[],"problemCount":12}"""));

        assertTrue(view.path("problemsGone").asBoolean());
        assertFalse(view.path("problemsCut").asBoolean());
    }
}
