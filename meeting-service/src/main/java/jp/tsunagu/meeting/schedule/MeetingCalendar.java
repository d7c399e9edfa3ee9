package jp.tsunagu.meeting.schedule;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.tsunagu.contract.codes.FiscalYear;
import jp.tsunagu.contract.codes.MeetingType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A municipality's regular meetings, as data: 久留米市 holds 重層的支援会議 and 支援会議 on the 4th Wednesday of every
 * month; 流山市 holds 重層的支援会議 monthly, 支援会議 as needed (ad hoc only) and 代表者会議 yearly. Each series may say
 * when its meetings begin and end and where they are held ({@code startsAt}, {@code endsAt}, {@code place}): the
 * regular meetings are scheduled with them. Shipped as {@code <code>.json}; a city overrides it with its own file in
 * {@code tsunagu.meetings.calendar-dir}.
 *
 * @param sample true where the plan gives the frequency but not the day (the day is then an assumption)
 */
public record MeetingCalendar(String municipality, String version, boolean sample, String note,
                              List<ScheduleRule> rules) {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public MeetingCalendar {
        rules = List.copyOf(rules);
    }

    public static Optional<MeetingCalendar> forMunicipality(String municipality, Optional<Path> dir) {
        try {
            if (dir.isPresent() && Files.exists(dir.get().resolve(municipality + ".json"))) {
                return Optional.of(MAPPER.readValue(dir.get().resolve(municipality + ".json").toFile(),
                        MeetingCalendar.class));
            }
            try (InputStream in = MeetingCalendar.class.getResourceAsStream(municipality + ".json")) {
                return in == null ? Optional.empty() : Optional.of(MAPPER.readValue(in, MeetingCalendar.class));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the meeting calendar of " + municipality, e);
        }
    }

    /** A meeting the calendar plans, with its series' time and place (each may be null). */
    public record Planned(MeetingType type, LocalDate date, LocalTime startsAt, LocalTime endsAt, String place) {
    }

    /** The regular meetings of a fiscal year (April to March), in date order. */
    public List<Planned> regularMeetings(FiscalYear year) {
        List<Planned> planned = new ArrayList<>();
        for (ScheduleRule rule : rules) {
            for (LocalDate month = year.start(); !month.isAfter(year.end()); month = month.plusMonths(1)) {
                if (rule.frequency() == ScheduleRule.Frequency.YEARLY
                        && (rule.month() == null || month.getMonthValue() != rule.month())) {
                    continue;
                }
                LocalDate date = rule.weekOfMonth() < 0
                        ? month.with(TemporalAdjusters.lastInMonth(rule.dayOfWeek()))
                        : month.with(TemporalAdjusters.dayOfWeekInMonth(rule.weekOfMonth(), rule.dayOfWeek()));
                planned.add(new Planned(rule.type(), date, rule.startsAt(), rule.endsAt(), rule.place()));
            }
        }
        planned.sort(Comparator.comparing(Planned::date).thenComparing(Planned::type));
        return planned;
    }

    public boolean holdsRegularly(MeetingType type) {
        return rules.stream().anyMatch(r -> r.type() == type);
    }

    /**
     * The time and place of the first series of {@code type}: what an ad-hoc meeting of that type the service
     * schedules itself (an urgent 支援会議) starts with; empty when the calendar holds no such series.
     */
    public Optional<ScheduleRule> seriesOf(MeetingType type) {
        return rules.stream().filter(r -> r.type() == type).findFirst();
    }
}
