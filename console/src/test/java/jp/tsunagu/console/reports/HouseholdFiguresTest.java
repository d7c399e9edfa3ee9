package jp.tsunagu.console.reports;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** reporting's households' figures (世帯) in the year table and on the dashboard, as reporting gives them. */
class HouseholdFiguresTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void givenYearsWithHouseholdFiguresWhenLaidOutThenARowEachInJapaneseWithTheRatioToOneDecimal() throws Exception {
        List<HouseholdFigures.Row> rows = HouseholdFigures.rows(json.readTree("""
                {"years":[{"label":"令和5年度","casesSupported":4,"householdsSupported":3,"multiCaseHouseholds":1,
                           "householdsWithPlan":1,"casesPerHousehold":1.3},
                          {"label":"令和6年度","casesSupported":0,"householdsSupported":0,"multiCaseHouseholds":0,
                           "householdsWithPlan":0,"casesPerHousehold":null}]}"""));

        assertEquals(List.of("支援した案件数", "支援世帯数", "複数の案件がある世帯", "プランのある世帯数", "1世帯あたりの案件数"),
                rows.stream().map(HouseholdFigures.Row::item).toList());
        assertEquals(List.of("3", "0"), rows.get(1).values());
        assertEquals(List.of("1.3", "—"), rows.get(4).values(), "no household: no ratio, never 0");
    }

    @Test
    void givenAYearTableWithoutHouseholdFiguresWhenLaidOutThenThereAreNoRowsRatherThanZeros() throws Exception {
        assertTrue(HouseholdFigures.rows(json.readTree("{\"years\":[{\"label\":\"令和5年度\",\"meetings\":{}}]}"))
                .isEmpty());
        assertTrue(HouseholdFigures.rows(json.readTree("{\"years\":[]}")).isEmpty());
    }

    @Test
    void givenTheDashboardsYearWhenShownThenReportingsLabelsNameTheFiguresAndOnlyThoseGivenAreShown() throws Exception {
        List<HouseholdFigures.Figure> figures = HouseholdFigures.of(
                json.readTree("{\"householdsSupported\":3,\"householdsWithPlan\":1,\"casesPerHousehold\":1.25}"),
                json.readTree("{\"householdsSupported\":\"支援世帯数\"}"));

        assertEquals(List.of("householdsSupported", "householdsWithPlan", "casesPerHousehold"),
                figures.stream().map(HouseholdFigures.Figure::id).toList());
        assertEquals("支援世帯数", figures.get(0).label());
        assertEquals("世帯", figures.get(0).unit());
        assertEquals("1.3", figures.get(2).value());
    }
}
