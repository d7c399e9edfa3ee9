package jp.tsunagu.intake.importing.sheet;

import java.util.List;
import java.util.Set;

/**
 * One row of a sheet as read.
 *
 * @param number       the row number as Excel shows it (1-based, counting empty rows)
 * @param cells        the cells trimmed, "" for an empty one
 * @param formulaCells indexes of the cells of an .xlsx that hold a formula (a CSV has none: its formula-like text is
 *                     found by the check)
 */
public record SheetRow(int number, List<String> cells, Set<Integer> formulaCells) {

    public SheetRow {
        cells = List.copyOf(cells);
        formulaCells = Set.copyOf(formulaCells);
    }

    /** The cell at the index, "" beyond the row's last cell. */
    public String cell(int index) {
        return index >= 0 && index < cells.size() ? cells.get(index) : "";
    }

    @Override
    public String toString() {
        return "SheetRow[" + number + ", " + cells.size() + " cells, values not shown]";
    }
}
