package jp.tsunagu.intake.importing.check;

import jp.tsunagu.intake.importing.sheet.SheetRow;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The header row read: which cell index holds which column and under which header the sheet names it, the headers
 * ignored (not imported, listed in the report), and what is wrong with the header as a whole (a required column
 * missing, one column given twice): then no row is checked.
 */
record HeaderMap(int row, Map<ImportColumn, Integer> index, Map<ImportColumn, String> names, List<String> ignored,
                 List<RowProblem> problems) {

    static HeaderMap of(SheetRow header) {
        Map<ImportColumn, Integer> index = new EnumMap<>(ImportColumn.class);
        Map<ImportColumn, String> names = new EnumMap<>(ImportColumn.class);
        List<String> ignored = new ArrayList<>();
        List<RowProblem> problems = new ArrayList<>();
        for (int i = 0; i < header.cells().size(); i++) {
            String text = header.cells().get(i);
            if (text.isEmpty()) {
                continue;
            }
            ImportColumn column = ImportColumn.of(text);
            if (column == null) {
                ignored.add(text);
            } else if (index.containsKey(column)) {
                problems.add(new RowProblem(header.number(), "", text, "「" + names.get(column) + "」と「" + text
                        + "」は同じ項目（" + column.header() + "）の列です。どちらか一方にしてください"));
            } else {
                index.put(column, i);
                names.put(column, text);
            }
        }
        for (ImportColumn c : ImportColumn.values()) {
            if (c.required() && !index.containsKey(c)) {
                problems.add(new RowProblem(header.number(), "", "", "必須の列「" + c.header() + "」がありません（見出しに「"
                        + String.join("」「", c.headers()) + "」のどれかを書いてください）"));
            }
        }
        if (!index.containsKey(ImportColumn.BIRTH_DATE) && !index.containsKey(ImportColumn.AGE)) {
            problems.add(new RowProblem(header.number(), "", "", "「生年月日」か「年齢」の列が要ります"));
        }
        return new HeaderMap(header.number(), index, names, List.copyOf(ignored), List.copyOf(problems));
    }

    boolean has(ImportColumn column) {
        return index.containsKey(column);
    }

    /** The row's cell of the column, "" when the sheet has no such column. */
    String cell(SheetRow row, ImportColumn column) {
        Integer i = index.get(column);
        return i == null ? "" : row.cell(i);
    }

    boolean formula(SheetRow row, ImportColumn column) {
        Integer i = index.get(column);
        return i != null && row.formulaCells().contains(i);
    }

    /** The sheet's own header for the column, or the template's when the sheet has none. */
    String name(ImportColumn column) {
        return names.getOrDefault(column, column.header());
    }
}
