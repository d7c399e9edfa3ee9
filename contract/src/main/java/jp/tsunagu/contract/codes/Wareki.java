package jp.tsunagu.contract.codes;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.chrono.JapaneseDate;
import java.time.chrono.JapaneseEra;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as Japanese offices write them (和暦): 昭和19年4月2日, S19.4.2, 令和元年5月1日, H1/1/8, full-width digits too; and
 * ISO dates. A date outside its era (昭和65年, 平成1年1月7日) is no date. Also the printed form, 令和6年6月26日.
 */
public final class Wareki {

    private Wareki() {
    }

    private static final Map<String, JapaneseEra> ERAS = Map.of(
            "明治", JapaneseEra.MEIJI, "M", JapaneseEra.MEIJI, "大正", JapaneseEra.TAISHO, "T", JapaneseEra.TAISHO,
            "昭和", JapaneseEra.SHOWA, "S", JapaneseEra.SHOWA, "平成", JapaneseEra.HEISEI, "H", JapaneseEra.HEISEI,
            "令和", JapaneseEra.REIWA, "R", JapaneseEra.REIWA);

    private static final Pattern JAPANESE = Pattern.compile(
            "(明治|大正|昭和|平成|令和|[MTSHR])\\s*(元|\\d{1,2})\\s*(?:年|[./-])\\s*(\\d{1,2})\\s*(?:月|[./-])\\s*(\\d{1,2})\\s*日?");

    /** The date, or empty when the text is not a date in either form. */
    public static Optional<LocalDate> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = Normalizer.normalize(text, Normalizer.Form.NFKC).strip().toUpperCase(java.util.Locale.ROOT);
        Matcher m = JAPANESE.matcher(t);
        if (m.matches()) {
            try {
                int year = m.group(2).equals("元") ? 1 : Integer.parseInt(m.group(2));
                return Optional.of(LocalDate.from(JapaneseDate.of(ERAS.get(m.group(1)), year,
                        Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)))));
            } catch (DateTimeException e) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(LocalDate.parse(t));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** 令和6年6月26日 (平成 before 2019-05-01, 令和元年 for its first year). */
    public static String format(LocalDate d) {
        if (d == null) {
            return "";
        }
        JapaneseDate j = JapaneseDate.from(d);
        String era = switch (j.getEra().getValue()) {
            case -1 -> "明治";
            case 0 -> "大正";
            case 1 -> "昭和";
            case 2 -> "平成";
            default -> "令和";
        };
        int year = j.get(java.time.temporal.ChronoField.YEAR_OF_ERA);
        return era + (year == 1 ? "元" : String.valueOf(year)) + "年" + d.getMonthValue() + "月" + d.getDayOfMonth()
                + "日";
    }
}
