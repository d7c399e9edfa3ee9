package jp.tsunagu.console.meetings;

import io.quarkus.qute.Results;
import io.quarkus.qute.TemplateExtension;
import jp.tsunagu.contract.codes.Wareki;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * How the meeting pages write days and times: {@code {kaigi:day(m.scheduledOn)}} → 令和8年12月23日（水）,
 * {@code {kaigi:clock(m.startsAt)}} → 14:00.
 */
@TemplateExtension(namespace = "kaigi")
public final class MeetingText {

    private static final String[] WEEKDAYS = {"月", "火", "水", "木", "金", "土", "日"};

    private MeetingText() {
    }

    /** A day with its weekday, as an invitation writes it; anything unreadable as it came. */
    static String day(Object iso) {
        if (absent(iso)) {
            return "";
        }
        try {
            LocalDate d = LocalDate.parse(iso.toString());
            return Wareki.format(d) + "（" + WEEKDAYS[d.getDayOfWeek().getValue() - 1] + "）";
        } catch (DateTimeParseException e) {
            return iso.toString();
        }
    }

    /** {@code 14:00:00} or {@code 14:00} → 14:00. */
    static String clock(Object time) {
        return absent(time) ? "" : Amendment.clock(time.toString());
    }

    /** A time span: 14:00〜15:30, or 14:00〜 without an end; "" without a start. */
    static String span(Object start, Object end) {
        if (absent(start)) {
            return "";
        }
        return clock(start) + "〜" + clock(end);
    }

    /** A field the service left out reaches an extension as Qute's "not found", not as null. */
    private static boolean absent(Object value) {
        return value == null || value instanceof Results.NotFound || value.toString().isBlank();
    }
}
