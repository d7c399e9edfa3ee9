package jp.tsunagu.intake.importing;

import jp.tsunagu.intake.importing.check.RowProblem;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The report of an import as a CSV Excel opens (UTF-8 with a BOM): {@code 行,列,値,理由}, one line per problem, then the
 * possible duplicates as notes. Plain Java.
 */
public final class ImportReport {

    private ImportReport() {
    }

    public static byte[] csv(List<RowProblem> problems, List<ImportJob.PossibleDuplicate> duplicates) {
        StringBuilder out = new StringBuilder("\uFEFF行,列,値,理由\r\n");
        for (RowProblem p : problems) {
            line(out, String.valueOf(p.row()), p.column(), p.value(), p.reason());
        }
        for (ImportJob.PossibleDuplicate d : duplicates) {
            line(out, String.valueOf(d.row()), "", "", d.note());
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            out.append(i == 0 ? "" : ",").append(cell(cells[i]));
        }
        out.append("\r\n");
    }

    /**
     * A cell as CSV writes it; a value Excel would take for a formula (the very cells the check refuses) is kept as
     * text with a leading apostrophe, so opening the report runs nothing.
     */
    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String text = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quote = text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
                || text.contains("'");
        return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
