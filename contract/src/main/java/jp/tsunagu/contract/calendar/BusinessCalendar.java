package jp.tsunagu.contract.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The days a city office works (開庁日): not Saturdays or Sundays, not public holidays (a list a city can update), and
 * not the year-end closure, 12/29 to 1/3 (行政機関の休日に関する法律 art. 1, which every municipality's ordinance
 * follows). Deadlines that count business days count these. The one place that knows them.
 *
 * <p>Dates outside the years the holiday list covers are counted with weekends and the year-end closure only;
 * {@link #covers} says whether a date is inside, so a service can warn that its list needs the next year.
 */
public final class BusinessCalendar {

    private static final MonthDay CLOSED_FROM = MonthDay.of(12, 29);
    private static final MonthDay CLOSED_UNTIL = MonthDay.of(1, 3);
    private static final String SHIPPED = "holidays-jp.csv";

    private final Map<LocalDate, String> holidays;
    private final int firstYear;
    private final int lastYear;

    public BusinessCalendar(Map<LocalDate, String> holidays) {
        this.holidays = Map.copyOf(holidays);
        TreeMap<LocalDate, String> sorted = new TreeMap<>(holidays);
        this.firstYear = sorted.isEmpty() ? Integer.MAX_VALUE : sorted.firstKey().getYear();
        this.lastYear = sorted.isEmpty() ? Integer.MIN_VALUE : sorted.lastKey().getYear();
    }

    /** The shipped list of Japan's public holidays. */
    public static BusinessCalendar japan() {
        try (InputStream in = BusinessCalendar.class.getResourceAsStream(SHIPPED)) {
            return new BusinessCalendar(parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), SHIPPED));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The city's own holiday list when it names one, else the shipped one. */
    public static BusinessCalendar of(Optional<Path> holidaysFile) {
        if (holidaysFile.isEmpty()) {
            return japan();
        }
        try {
            return new BusinessCalendar(parse(Files.readString(holidaysFile.get()), holidaysFile.get().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the holiday list " + holidaysFile.get(), e);
        }
    }

    /** Lines {@code yyyy-mm-dd,name}; blank lines and lines starting with {@code #} are ignored. */
    static Map<LocalDate, String> parse(String text, String source) {
        Map<LocalDate, String> days = new TreeMap<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int comma = line.indexOf(',');
            String date = comma < 0 ? line : line.substring(0, comma).strip();
            try {
                days.put(LocalDate.parse(date), comma < 0 ? "" : line.substring(comma + 1).strip());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(source + " line " + (i + 1) + ": not a date: " + date);
            }
        }
        return days;
    }

    /** The office is open that day. */
    public boolean isBusinessDay(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !holidays.containsKey(day)
                && !yearEnd(day);
    }

    /** The holiday's name, or the closure's, or empty on a business day or a weekend. */
    public Optional<String> closedFor(LocalDate day) {
        if (holidays.containsKey(day)) {
            return Optional.of(holidays.get(day));
        }
        return yearEnd(day) ? Optional.of("年末年始") : Optional.empty();
    }

    /**
     * The business day {@code days} business days after {@code from} ({@code from} itself not counted, so 1 is the
     * next business day); 0 gives {@code from} when it is a business day, else the next one.
     */
    public LocalDate plusBusinessDays(LocalDate from, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative: " + days);
        }
        LocalDate day = from;
        if (days == 0) {
            while (!isBusinessDay(day)) {
                day = day.plusDays(1);
            }
            return day;
        }
        int left = days;
        while (left > 0) {
            day = day.plusDays(1);
            if (isBusinessDay(day)) {
                left--;
            }
        }
        return day;
    }

    /** The business day before {@code day} (the day a "due tomorrow" notice goes out). */
    public LocalDate previousBusinessDay(LocalDate day) {
        LocalDate d = day.minusDays(1);
        while (!isBusinessDay(d)) {
            d = d.minusDays(1);
        }
        return d;
    }

    /** An answer due on {@code dueOn} is late: the deadline's day has passed (the whole day counts). */
    public static boolean pastDue(LocalDate dueOn, LocalDate today) {
        return dueOn != null && !today.isBefore(lateFrom(dueOn));
    }

    /** The first day an answer due on {@code dueOn} is late. */
    public static LocalDate lateFrom(LocalDate dueOn) {
        return dueOn.plusDays(1);
    }

    /** The holiday list covers the date's year. */
    public boolean covers(LocalDate day) {
        return day.getYear() >= firstYear && day.getYear() <= lastYear;
    }

    public int lastYearCovered() {
        return lastYear;
    }

    private static boolean yearEnd(LocalDate day) {
        MonthDay md = MonthDay.from(day);
        return !md.isBefore(CLOSED_FROM) || !md.isAfter(CLOSED_UNTIL);
    }
}
