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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The referral's urgency (至急) and the emergency review (危険・緊急) as two things: given an escalation, when the
 * agenda places it, then where the case waits and why.
 */
class UrgentCaseTest {

    static final LocalDate MONDAY = LocalDate.of(2026, 6, 1);
    static final BusinessCalendar CITY = BusinessCalendar.japan();
    static final WhenAndWhere USUAL = new WhenAndWhere(LocalTime.of(14, 0), LocalTime.of(16, 0), "久留米市役所 401会議室");

    static AgendaDecider.Escalated escalatedOn(LocalDate on) {
        return new AgendaDecider.Escalated(KURUME, on, "c1/routing/7", 3, USUAL, EmergencyReview.REGULAR);
    }

    @Test
    void aUrgentCaseDeclinedAndPassedOnKeepsItsUrgencyAndTheConsentRoutingKnows() {
        // given a 至急 case routing passed on after a decline, with the consent it knows; when meeting first sees it
        AgendaDecider.Placement p = AgendaDecider.placement(Optional.empty(),
                escalated(SHIEN_KAIGI, Urgency.URGENT, EmergencyReview.REGULAR, Consent.NOT_GIVEN));

        // then it waits on 支援会議 with that consent, still 至急, for a meeting soon rather than the next regular one
        assertEquals(new AgendaDecider.Placement(Consent.NOT_GIVEN, SHIEN_KAIGI, Urgency.URGENT,
                EmergencyReview.REGULAR), p);
        assertTrue(AgendaDecider.waitsForASoonMeeting(p));
    }

    @Test
    void noConsentIsInferredFromTheTrack() {
        // given a v2 escalation saying the consent is not known, of a case not seen here; when it is placed
        AgendaDecider.Placement p = AgendaDecider.placement(Optional.empty(),
                escalated(JUUSOU_SHIEN_KAIGI, Urgency.ROUTINE, EmergencyReview.REGULAR, Consent.UNKNOWN));

        // then its consent is what the event says (not "given" because the track is 重層的支援会議), and it waits on
        // the track that consent fits. (A v1 record is read with the consent its track required: CaseEscalatedV1.)
        assertEquals(Consent.UNKNOWN, p.consent());
        assertEquals(SHIEN_KAIGI, p.track());
        assertFalse(AgendaDecider.waitsForASoonMeeting(p), "通常: the next regular meeting");
    }

    @Test
    void anEmergencyHasItsAdHocSupportMeetingAndARoutineCaseTheNextRegularOne() {
        AgendaDecider.Placement emergency = AgendaDecider.placement(Optional.empty(),
                escalated(JUUSOU_SHIEN_KAIGI, Urgency.EMERGENCY, EmergencyReview.EMERGENCY, Consent.GIVEN));

        assertEquals(SHIEN_KAIGI, emergency.track());
        assertTrue(emergency.review().adHocNow());
        assertFalse(AgendaDecider.waitsForASoonMeeting(emergency), "its own rule: an ad-hoc 支援会議 now");
        assertTrue(AgendaDecider.waitsForASoonMeeting(AgendaDecider.placement(Optional.empty(),
                escalated(SHIEN_KAIGI, Urgency.EMERGENCY, EmergencyReview.REGULAR, Consent.UNKNOWN))),
                "緊急 without abuse or violence is at least 至急");
    }

    @Test
    void aUrgentCaseTakesTheNextRegularMeetingOfItsTrackWithinTheUrgentWindow() {
        // given the next regular 重層的支援会議 on Wednesday, two days after the escalation; window 3 days
        Meeting wednesday = meeting("402036-JUUSOU_SHIEN_KAIGI-2026-06-03", JUUSOU_SHIEN_KAIGI, MONDAY.plusDays(2),
                false);

        AgendaDecider.SoonMeeting soon = AgendaDecider.soonMeeting(List.of(wednesday), JUUSOU_SHIEN_KAIGI,
                escalatedOn(MONDAY), CITY);

        assertEquals(wednesday, soon.meeting());
        assertFalse(soon.adHoc());
        assertEquals("至急のため、3日以内に開かれる定例の重層的支援会議（2026-06-03）で検討します", soon.reason());
    }

    @Test
    void aUrgentCaseDoesNotWaitWeeksAnAdHocMeetingOfItsTrackIsSetUpTheNextBusinessDay() {
        // given the next regular 重層的支援会議 three weeks away
        Meeting later = meeting("402036-JUUSOU_SHIEN_KAIGI-2026-06-24", JUUSOU_SHIEN_KAIGI, MONDAY.plusDays(23), false);

        AgendaDecider.SoonMeeting soon = AgendaDecider.soonMeeting(List.of(later), JUUSOU_SHIEN_KAIGI,
                escalatedOn(MONDAY), CITY);

        // then an ad-hoc 重層的支援会議 on Tuesday, where the regular ones are held, named by the escalation
        assertTrue(soon.adHoc());
        Meeting adHoc = soon.meeting();
        assertEquals(JUUSOU_SHIEN_KAIGI, adHoc.type());
        assertEquals(MONDAY.plusDays(1), adHoc.scheduledOn());
        assertTrue(adHoc.adHoc());
        assertEquals(USUAL, adHoc.scheduled());
        assertEquals(adHoc, AgendaDecider.soonMeeting(List.of(later), JUUSOU_SHIEN_KAIGI, escalatedOn(MONDAY), CITY)
                .meeting(), "a redelivery finds the same meeting");
        assertEquals("至急のため、3日以内に定例の重層的支援会議がなく、臨時の重層的支援会議（2026-06-02）を設定しました",
                soon.reason());
        // a city with no regular 支援会議 (流山市 holds them as needed) sets one up the same way
        assertEquals(SHIEN_KAIGI, AgendaDecider.soonMeeting(List.of(), SHIEN_KAIGI, escalatedOn(MONDAY), CITY)
                .meeting().type());
    }

    @Test
    void aUrgentCaseEscalatedOnDecember28IsDiscussedAfterTheYearEndClosure() {
        // given a 至急 case escalated on 12/28, the next regular 支援会議 on 1/27
        LocalDate december28 = LocalDate.of(2026, 12, 28);
        Meeting january = meeting("402036-SHIEN_KAIGI-2027-01-27", SHIEN_KAIGI, LocalDate.of(2027, 1, 27), false);

        AgendaDecider.SoonMeeting soon = AgendaDecider.soonMeeting(List.of(january), SHIEN_KAIGI,
                escalatedOn(december28), CITY);

        // then no meeting is soon enough, and the ad-hoc 支援会議 is on the first working day after 年末年始 (12/29–1/3)
        assertTrue(soon.adHoc());
        assertEquals(LocalDate.of(2027, 1, 4), soon.meeting().scheduledOn());
        assertEquals(MeetingType.SHIEN_KAIGI, soon.meeting().type());
    }
}
