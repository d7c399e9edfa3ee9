package jp.tsunagu.meeting.agenda;

import jp.tsunagu.contract.calendar.BusinessCalendar;
import jp.tsunagu.contract.codes.Consent;
import jp.tsunagu.contract.codes.EmergencyReview;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.Urgency;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

import static jp.tsunagu.contract.codes.MeetingType.JUUSOU_SHIEN_KAIGI;
import static jp.tsunagu.contract.codes.MeetingType.SHIEN_KAIGI;
import static jp.tsunagu.meeting.agenda.AgendaDeciderTest.KURUME;
import static jp.tsunagu.meeting.agenda.AgendaDeciderTest.escalated;
import static jp.tsunagu.meeting.agenda.AgendaDeciderTest.meeting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link AgendaDecider#soonMeeting}, the one rule for a case that does not wait weeks: given an emergency (危険・緊急)
 * and a 至急 case escalated the same day, when the agenda decides where each is discussed, then both take a meeting of
 * their track within the urgent window, else an ad-hoc one, and differ only where the rule says why.
 */
class SoonMeetingTest {

    static final BusinessCalendar CITY = BusinessCalendar.japan();
    static final WhenAndWhere USUAL = new WhenAndWhere(LocalTime.of(15, 45), LocalTime.of(17, 0), "久留米市役所 会議室");
    static final LocalDate MONDAY = LocalDate.of(2026, 6, 1);
    static final LocalDate FRIDAY = LocalDate.of(2026, 6, 5);

    /** 至急 with consent: it waits on 重層的支援会議. */
    static final AgendaDecider.Placement URGENT = AgendaDecider.placement(Optional.empty(),
            escalated(JUUSOU_SHIEN_KAIGI, Urgency.URGENT, EmergencyReview.REGULAR, Consent.GIVEN));
    /** 緊急 with abuse or violence, routed to 重層的支援会議 too: the placement puts it on 支援会議. */
    static final AgendaDecider.Placement EMERGENCY = AgendaDecider.placement(Optional.empty(),
            escalated(JUUSOU_SHIEN_KAIGI, Urgency.EMERGENCY, EmergencyReview.EMERGENCY, Consent.GIVEN));

    static AgendaDecider.SoonMeeting decide(AgendaDecider.Placement p, List<Meeting> upcoming, LocalDate on) {
        return AgendaDecider.soonMeeting(upcoming, p.track(), new AgendaDecider.Escalated(KURUME, on,
                "c1/routing/" + p.review(), 3, USUAL, p.review()), CITY);
    }

    static Meeting regular(MeetingType track, LocalDate on) {
        return meeting(KURUME + "-" + track + "-" + on, track, on, false);
    }

    @Test
    void bothAreDiscussedSoonAndEachOnItsTrack() {
        assertTrue(AgendaDecider.discussedSoon(URGENT));
        assertTrue(AgendaDecider.discussedSoon(EMERGENCY));
        assertFalse(AgendaDecider.discussedSoon(AgendaDecider.placement(Optional.empty(),
                escalated(SHIEN_KAIGI, Urgency.ROUTINE, EmergencyReview.REGULAR, Consent.UNKNOWN))), "通常: it waits");
        assertEquals(JUUSOU_SHIEN_KAIGI, URGENT.track());
        assertEquals(SHIEN_KAIGI, EMERGENCY.track());
    }

    @Test
    void aRegularMeetingWithinTheWindowTakesEither() {
        // given regular meetings of both tracks on Wednesday, two days after Monday's escalations
        Meeting juusou = regular(JUUSOU_SHIEN_KAIGI, MONDAY.plusDays(2));
        Meeting shien = regular(SHIEN_KAIGI, MONDAY.plusDays(2));

        // when each is decided
        AgendaDecider.SoonMeeting urgent = decide(URGENT, List.of(juusou), MONDAY);
        AgendaDecider.SoonMeeting emergency = decide(EMERGENCY, List.of(shien), MONDAY);

        // then each joins its track's regular meeting; nothing is set up
        assertEquals(juusou, urgent.meeting());
        assertEquals(shien, emergency.meeting());
        assertFalse(urgent.adHoc() || emergency.adHoc());
        assertEquals("危険・緊急のため、3日以内に開かれる定例の支援会議（2026-06-03）で検討します", emergency.reason());
    }

    @Test
    void noMeetingSoonEnoughTheEmergencysAdHocMeetingIsTheNextDayTheUrgentCasesTheNextBusinessDay() {
        // given a Friday escalation and the next regular meetings on the 4th Wednesday, 6/24
        AgendaDecider.SoonMeeting urgent = decide(URGENT, List.of(regular(JUUSOU_SHIEN_KAIGI,
                LocalDate.of(2026, 6, 24))), FRIDAY);
        AgendaDecider.SoonMeeting emergency = decide(EMERGENCY, List.of(regular(SHIEN_KAIGI,
                LocalDate.of(2026, 6, 24))), FRIDAY);

        // then both get an ad-hoc meeting of their track where the regular ones are held: the emergency on Saturday,
        // the 至急 case on Monday
        assertTrue(urgent.adHoc() && urgent.meeting().adHoc());
        assertTrue(emergency.adHoc() && emergency.meeting().adHoc());
        assertEquals(JUUSOU_SHIEN_KAIGI, urgent.meeting().type());
        assertEquals(SHIEN_KAIGI, emergency.meeting().type());
        assertEquals(LocalDate.of(2026, 6, 8), urgent.meeting().scheduledOn());
        assertEquals(LocalDate.of(2026, 6, 6), emergency.meeting().scheduledOn());
        assertEquals(USUAL, emergency.meeting().scheduled());
        assertEquals("危険・緊急のため、3日以内に支援会議がなく、臨時の支援会議（2026-06-06）を設定しました",
                emergency.reason());
        // and a redelivered escalation finds the same meeting (the id the emergency's 支援会議 always had)
        assertEquals(emergency.meeting(), decide(EMERGENCY, List.of(), FRIDAY).meeting());
        assertEquals(AgendaDecider.adHocShienKaigi(KURUME, FRIDAY, 3, "c1/routing/EMERGENCY", USUAL),
                emergency.meeting());
    }

    @Test
    void onDecember28TheEmergencyMeetsDuringTheYearEndClosureTheUrgentCaseAfterIt() {
        LocalDate december28 = LocalDate.of(2026, 12, 28);

        AgendaDecider.SoonMeeting urgent = decide(URGENT, List.of(), december28);
        AgendaDecider.SoonMeeting emergency = decide(EMERGENCY, List.of(), december28);

        assertEquals(LocalDate.of(2027, 1, 4), urgent.meeting().scheduledOn());
        assertEquals(LocalDate.of(2026, 12, 29), emergency.meeting().scheduledOn());
    }

    @Test
    void anEmergencyJoinsAnAdHocSupportMeetingAlreadySetUpAUrgentCaseSetsUpItsOwn() {
        // given another emergency's ad-hoc 支援会議 tomorrow and the regular one on 6/24
        Meeting anotherEmergencys = AgendaDecider.adHocShienKaigi(KURUME, MONDAY, 3, "c0/routing/1", USUAL);
        List<Meeting> upcoming = List.of(anotherEmergencys, regular(SHIEN_KAIGI, LocalDate.of(2026, 6, 24)));
        AgendaDecider.Placement urgentWithoutConsent = AgendaDecider.placement(Optional.empty(),
                escalated(SHIEN_KAIGI, Urgency.URGENT, EmergencyReview.REGULAR, Consent.NOT_GIVEN));

        // when an emergency and a 至急 case waiting on 支援会議 are decided
        AgendaDecider.SoonMeeting emergency = decide(EMERGENCY, upcoming, MONDAY);
        AgendaDecider.SoonMeeting urgent = decide(urgentWithoutConsent, upcoming, MONDAY);

        // then the emergency takes the first table; the 至急 case does not join somebody's meeting, it gets its own
        assertEquals(anotherEmergencys, emergency.meeting());
        assertFalse(emergency.adHoc());
        assertEquals("危険・緊急のため、3日以内に開かれる臨時の支援会議（2026-06-02）で検討します", emergency.reason());
        assertTrue(urgent.adHoc());
        assertNotEquals(anotherEmergencys.meetingId(), urgent.meeting().meetingId());
        assertEquals(MONDAY.plusDays(1), urgent.meeting().scheduledOn());
    }

    @Test
    void withAWindowOfNoDaysTheEmergencyMeetsTheSameDay() {
        AgendaDecider.SoonMeeting emergency = AgendaDecider.soonMeeting(List.of(), SHIEN_KAIGI,
                new AgendaDecider.Escalated(KURUME, FRIDAY, "c1/routing/1", 0, USUAL, EmergencyReview.EMERGENCY), CITY);

        assertEquals(FRIDAY, emergency.meeting().scheduledOn());
    }
}
