package jp.tsunagu.routing.rules;

import jp.tsunagu.contract.calendar.BusinessCalendar;
import jp.tsunagu.contract.codes.Urgency;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** By when an agency must answer: given a referral's received day and when it was recorded, then its deadline. */
class AcceptanceDeadlinesTest {

    static final AcceptanceDeadlines DEADLINES = new AcceptanceDeadlines(BusinessCalendar.japan(), 5, 2);

    @ParameterizedTest(name = "received {0}, recorded {1} ({2}): routed {3}, due {4}")
    @CsvSource({
            // given a paper consultation typed in two weeks later: the deadline counts from the day it was typed in
            "2026-05-18, 2026-06-01T01:00:00Z, ROUTINE, 2026-06-01, 2026-06-08",
            "2026-05-18, 2026-06-01T01:00:00Z, URGENT,  2026-06-01, 2026-06-03",
            // received and recorded the same day
            "2026-06-01, 2026-06-01T01:00:00Z, ROUTINE, 2026-06-01, 2026-06-08",
            // recorded late in the evening in Japan (still the previous day in UTC): Japan's day counts
            "2026-06-01, 2026-06-01T15:30:00Z, ROUTINE, 2026-06-02, 2026-06-09",
            // typed in on a Saturday: five office days from then
            "2026-05-29, 2026-05-30T03:00:00Z, ROUTINE, 2026-05-30, 2026-06-05",
            // across Golden Week: 5/4-5/6 are holidays
            "2026-04-10, 2026-05-01T03:00:00Z, ROUTINE, 2026-05-01, 2026-05-13",
            // a received day after the recording clock (a clock behind): never routed before it was received
            "2026-06-02, 2026-06-01T01:00:00Z, ROUTINE, 2026-06-02, 2026-06-09",
    })
    void theDeadlineCountsFromTheDayTheCaseReachesTheAgencyNeverFromReceivedOn(
            LocalDate receivedOn, Instant recordedAt, Urgency urgency, LocalDate routedOn, LocalDate dueOn) {
        // when the referral is routed
        LocalDate routed = AcceptanceDeadlines.routedOn(receivedOn, recordedAt);
        LocalDate due = DEADLINES.dueOn(routed, urgency);
        // then
        assertEquals(routedOn, routed);
        assertEquals(dueOn, due);
        assertFalse(BusinessCalendar.pastDue(due, routed), "never born overdue");
    }
}
