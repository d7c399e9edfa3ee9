package jp.tsunagu.reporting.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.tsunagu.contract.codes.FiscalYear;
import jp.tsunagu.reporting.figures.CaseFigures;
import jp.tsunagu.reporting.figures.Facts;
import jp.tsunagu.reporting.figures.FigureDefinitions;
import jp.tsunagu.reporting.figures.FiscalYearFigures;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Every figure of a municipality as one tree, and the cells where two such trees differ: per year the year table
 * (households' figures included: {@code R6.table.householdsSupported} …) and the case figures, and the stages.
 */
final class FigureComparison {

    private FigureComparison() {
    }

    /** A figure that differs: its path (e.g. {@code R6.table.plans.OUTREACH.made}) and both values. */
    record Difference(String municipality, String figure, String live, String replayed) {
    }

    static JsonNode figures(ObjectMapper json, Facts facts, FiscalYear from, FiscalYear to,
                            FigureDefinitions definitions) {
        ObjectNode all = json.createObjectNode();
        List<FiscalYearFigures.Year> table = FiscalYearFigures.compute(from, to, facts.activity(),
                definitions);
        for (FiscalYearFigures.Year year : table) {
            ObjectNode y = all.putObject(year.code());
            y.set("table", json.valueToTree(year));
            y.set("cases", json.valueToTree(CaseFigures.compute(new FiscalYear(year.fiscalYear()), facts)));
        }
        all.set("stages", json.valueToTree(CaseFigures.stages(facts.stages())));
        return all;
    }

    static List<Difference> differences(String municipality, JsonNode live, JsonNode replayed) {
        List<Difference> out = new ArrayList<>();
        diff(municipality, "", live, replayed, out);
        return out;
    }

    private static void diff(String municipality, String path, JsonNode a, JsonNode b, List<Difference> out) {
        if (a != null && b != null && a.isObject() && b.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                diff(municipality, path.isEmpty() ? name : path + "." + name, a.get(name), b.get(name), out);
            }
        } else if (a == null || b == null || !a.equals(b)) {
            out.add(new Difference(municipality, path, a == null ? "(none)" : a.toString(),
                    b == null ? "(none)" : b.toString()));
        }
    }

}
