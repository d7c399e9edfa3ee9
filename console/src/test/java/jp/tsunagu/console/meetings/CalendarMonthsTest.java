package jp.tsunagu.console.meetings;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The calendar: meetings to come in date order, past ones newest month first, by month in 令和. */
class CalendarMonthsTest {

    @Test
    void givenAYearsMeetingsWhenShownOnADayThenUpcomingAndPastAreSplitByMonth() throws Exception {
        var meetings = new ObjectMapper().readTree("""
                [{"meetingId":"j-1223","type":"JUUSOU_SHIEN_KAIGI","scheduledOn":"2026-12-23","startsAt":"14:00"},
                 {"meetingId":"s-1223","type":"SHIEN_KAIGI","scheduledOn":"2026-12-23","startsAt":"10:00"},
                 {"meetingId":"j-1125","type":"JUUSOU_SHIEN_KAIGI","scheduledOn":"2026-11-25","heldOn":"2026-11-25"},
                 {"meetingId":"j-1028","type":"JUUSOU_SHIEN_KAIGI","scheduledOn":"2026-10-28"},
                 {"meetingId":"a-1205","type":"SHIEN_KAIGI","scheduledOn":"2026-12-05","adHoc":true},
                 {"meetingId":"j-0127","type":"JUUSOU_SHIEN_KAIGI","scheduledOn":"2027-01-27"}]""");

        CalendarMonths.Split split = CalendarMonths.of(meetings, LocalDate.of(2026, 12, 5));

        assertEquals(List.of("令和8年12月", "令和9年1月"), split.upcoming().stream().map(CalendarMonths.Month::label).toList());
        assertEquals(List.of("a-1205", "s-1223", "j-1223"), split.upcoming().get(0).meetings().stream()
                .map(m -> m.path("meetingId").asText()).toList(), "today's meeting not yet held is to come; by time");
        assertEquals(List.of("令和8年11月", "令和8年10月"), split.past().stream().map(CalendarMonths.Month::label).toList(),
                "a day gone without minutes is past too");
    }
}
