package jp.tsunagu.intake.importing.sheet;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

/**
 * Excel keeps a date as a number of days with a date format on the cell. A cell whose format shows a date (a built-in
 * date format, or a custom one with year, day or 和暦 era parts, such as {@code [$-ja-JP]ggge"年"m"月"d"日"}) is read as
 * the date in ISO, so the check reads it like a date typed as text.
 */
final class ExcelDates {

    /** Built-in date formats (14-22 international, 27-36 and 50-58 the East Asian ones, 45-47 times). */
    private static final Set<Integer> BUILT_IN = Set.of(14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51,
            52, 53, 54, 55, 56, 57, 58);
    private static final LocalDate EPOCH_1900 = LocalDate.of(1899, 12, 30);
    private static final LocalDate EPOCH_1904 = LocalDate.of(1904, 1, 1);

    private ExcelDates() {
    }

    static boolean isDateFormat(Integer id, String format) {
        if (id != null && BUILT_IN.contains(id)) {
            return true;
        }
        if (format == null || format.isBlank()) {
            return false;
        }
        String f = format.replaceAll("\"[^\"]*\"", "") // quoted text: "年"
                .replaceAll("\\\\.", "")                 // escaped characters
                .replaceAll("\\[[^]]*]", "")             // locale, colour, elapsed time
                .toLowerCase(Locale.ROOT);
        int section = f.indexOf(';');
        if (section >= 0) {
            f = f.substring(0, section);
        }
        boolean hasTime = f.indexOf('h') >= 0 || f.indexOf('s') >= 0;
        return f.indexOf('y') >= 0 || f.indexOf('d') >= 0 || f.indexOf('g') >= 0 || f.indexOf('e') >= 0
                || (f.indexOf('m') >= 0 && !hasTime);
    }

    /** The day of an Excel serial number (a time of day is dropped), or null when out of any real range. */
    static LocalDate of(BigDecimal serial, boolean date1904) {
        if (serial == null || serial.signum() < 0 || serial.compareTo(BigDecimal.valueOf(2_958_465)) > 0) {
            return null;
        }
        long days = serial.longValue();
        if (date1904) {
            return EPOCH_1904.plusDays(days);
        }
        // Excel counts a 29 February 1900 that never was: serials before it are one day early
        return days < 61 ? EPOCH_1900.plusDays(days + 1) : EPOCH_1900.plusDays(days);
    }
}
