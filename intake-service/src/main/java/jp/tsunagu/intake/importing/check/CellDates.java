package jp.tsunagu.intake.importing.check;

import jp.tsunagu.contract.codes.Wareki;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date cell as a city's list holds it: 和暦 (令和6年5月14日, R6.5.14) and ISO through {@link Wareki#parse}, and the
 * forms Excel writes when it saves a date to CSV (2024/5/14, 2024/5/14 0:00) or people type (2024年5月14日). A day
 * that does not exist (令和5年2月30日, 2023/2/30) is no date.
 */
final class CellDates {

    static final String UNREADABLE = "日付として読めません";

    private static final Pattern WESTERN = Pattern.compile(
            "(\\d{4})\\s*[/.\\-年]\\s*(\\d{1,2})\\s*[/.\\-月]\\s*(\\d{1,2})\\s*日?(?:\\s+\\d{1,2}:\\d{2}(?::\\d{2})?)?");

    private CellDates() {
    }

    static Optional<LocalDate> parse(String cell) {
        if (cell == null || cell.isBlank()) {
            return Optional.empty();
        }
        String t = Normalizer.normalize(cell, Normalizer.Form.NFKC).strip();
        Matcher m = WESTERN.matcher(t);
        if (m.matches()) {
            try {
                return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3))));
            } catch (DateTimeException e) {
                return Optional.empty();
            }
        }
        return Wareki.parse(t);
    }
}
