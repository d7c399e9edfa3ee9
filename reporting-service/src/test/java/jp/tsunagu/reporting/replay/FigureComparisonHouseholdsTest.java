package jp.tsunagu.reporting.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import jp.tsunagu.contract.codes.FiscalYear;
import jp.tsunagu.reporting.figures.Facts;
import jp.tsunagu.reporting.figures.FigureDefinitions;
import jp.tsunagu.reporting.figures.HouseholdFigures;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A replay that lost a household link differs from live, and the comparison says where. */
class FigureComparisonHouseholdsTest {

    static final FiscalYear R6 = new FiscalYear(2024);

    @Test
    void aHouseholdLinkLostInTheReplayIsADifference() {
        // given live facts where two cases are one household, and replayed facts where they are two
        Facts live = facts(List.of(new HouseholdFigures.SupportedCase(2024, "a", "h1"),
                new HouseholdFigures.SupportedCase(2024, "b", "h1")));
        Facts replayed = facts(List.of(new HouseholdFigures.SupportedCase(2024, "a", "h1"),
                new HouseholdFigures.SupportedCase(2024, "b", null)));
        ObjectMapper json = new ObjectMapper();

        // when compared
        var differences = FigureComparison.differences("402036",
                FigureComparison.figures(json, live, R6, R6, FigureDefinitions.CONTRACT),
                FigureComparison.figures(json, replayed, R6, R6, FigureDefinitions.CONTRACT));

        // then the households' cells differ, in the year table and in the case figures
        List<String> figures = differences.stream().map(FigureComparison.Difference::figure).toList();
        assertTrue(figures.contains("R6.table.householdsSupported"), figures.toString());
        assertTrue(figures.contains("R6.cases.householdsSupported"), figures.toString());
        assertTrue(figures.contains("R6.table.multiCaseHouseholds"), figures.toString());
        assertEquals(List.of(), FigureComparison.differences("402036",
                FigureComparison.figures(json, live, R6, R6, FigureDefinitions.CONTRACT),
                FigureComparison.figures(json, live, R6, R6, FigureDefinitions.CONTRACT)), "equal facts: none");
    }

    private static Facts facts(List<HouseholdFigures.SupportedCase> supported) {
        return new Facts(List.of(), List.of(), List.of(), List.of(), List.of(), Map.of(), supported, List.of());
    }
}
