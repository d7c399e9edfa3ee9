package jp.tsunagu.console.reports;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The year table's CSV as a city saves it: a Japanese file name ({@code 久留米市_重層的支援体制整備事業の実績_令和3年度-令和6年度.csv})
 * in {@code filename*} (RFC 6266 / 8187, which Excel's browsers read), and reporting's own ASCII name as the
 * {@code filename} for anything that reads only that.
 */
public final class CsvFileName {

    private CsvFileName() {
    }

    private static final Pattern ASCII_NAME = Pattern.compile("filename=\"([\\x20-\\x7e&&[^\"\\\\]]+)\"");

    /**
     * @param fromService reporting's Content-Disposition (null when it gave none)
     * @param years       the table's year labels, first to last (令和3年度 …)
     */
    public static String contentDisposition(String fromService, String municipalityName, List<String> years) {
        String ascii = "tsunagu-fiscal-years.csv";
        if (fromService != null) {
            Matcher m = ASCII_NAME.matcher(fromService);
            if (m.find()) {
                ascii = m.group(1);
            }
        }
        String span = years.isEmpty() ? "" : "_" + years.getFirst()
                + (years.size() > 1 ? "-" + years.getLast() : "");
        String japanese = (municipalityName == null || municipalityName.isBlank() ? "" : municipalityName + "_")
                + "重層的支援体制整備事業の実績" + span + ".csv";
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encode(japanese);
    }

    /** RFC 8187's value-chars: letters, digits and {@code -._~} as they are, everything else percent-encoded. */
    static String encode(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
    }
}
