package jp.tsunagu.meeting.agenda;

import jp.tsunagu.contract.codes.Consent;
import jp.tsunagu.contract.codes.EmergencyReview;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.Urgency;
import jp.tsunagu.contract.events.IntakeEvent;
import jp.tsunagu.contract.events.RoutingEvent;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static jp.tsunagu.contract.codes.MeetingType.JUUSOU_SHIEN_KAIGI;
import static jp.tsunagu.contract.codes.MeetingType.SHIEN_KAIGI;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The agenda's decisions without a database or Kafka: given the case's track, when this happens, then this. */
class AgendaDeciderTest {

    static final String KURUME = "402036";
    static final LocalDate ON = LocalDate.of(2026, 6, 1);

    /** As recorded before case-escalated.v2 (read as v2: urgent → 緊急 and 危険・緊急; consent GIVEN on the 重層 track). */
    static RoutingEvent.CaseEscalated escalated(MeetingType track, boolean urgent) {
        return new RoutingEvent.CaseEscalatedV1("c1", KURUME, track, urgent, List.of(), List.of(), "rules-1", "dir-1").current();
    }

    /** case-escalated.v2: the referral's urgency, the emergency review and the consent routing knows. */
    static RoutingEvent.CaseEscalated escalated(MeetingType track, Urgency urgency, EmergencyReview review,
                                                Consent consent) {
        return new RoutingEvent.CaseEscalated("c1", KURUME, track, urgency, review, consent, List.of(), List.of(),
                "rules-1", "dir-1");
    }

    static final AgendaDecider.Placement ROUTINE_SHIEN = placed(Consent.UNKNOWN, SHIEN_KAIGI, Urgency.ROUTINE);

    static AgendaDecider.Placement placed(Consent consent, MeetingType track, Urgency urgency) {
        return new AgendaDecider.Placement(consent, track, urgency, EmergencyReview.REGULAR);
    }

    /** 緊急 with abuse or violence: 危険・緊急, an ad-hoc 支援会議 now. */
    static AgendaDecider.Placement emergency(Consent consent) {
        return new AgendaDecider.Placement(consent, SHIEN_KAIGI, Urgency.EMERGENCY, EmergencyReview.EMERGENCY);
    }

    static CaseTrack queuedOn(MeetingType track, Consent consent) {
        return CaseTrack.escalated("c1", KURUME, placed(consent, track, Urgency.ROUTINE), "m-1", ON);
    }

    @Test
    void aCaseFirstSeenWhenEscalatedWaitsOnTheTrackRoutingChose() {
        AgendaDecider.Placement juusou = AgendaDecider.placement(Optional.empty(),
                escalated(JUUSOU_SHIEN_KAIGI, false));
        AgendaDecider.Placement shien = AgendaDecider.placement(Optional.empty(), escalated(SHIEN_KAIGI, false));

        assertEquals(placed(Consent.GIVEN, JUUSOU_SHIEN_KAIGI, Urgency.ROUTINE), juusou);
        assertEquals(placed(Consent.UNKNOWN, SHIEN_KAIGI, Urgency.ROUTINE), shien);
    }

    @Test
    void aConsentRecordedHereAfterRoutingDecidedChoosesTheTrack() {
        CaseTrack known = CaseTrack.referred("c1", KURUME, Consent.NOT_GIVEN);

        AgendaDecider.Placement p = AgendaDecider.placement(Optional.of(known), escalated(JUUSOU_SHIEN_KAIGI, false));

        assertEquals(placed(Consent.NOT_GIVEN, SHIEN_KAIGI, Urgency.ROUTINE), p);
    }

    @Test
    void anUrgentCaseGoesToShienKaigiWhateverItsConsent() {
        CaseTrack known = CaseTrack.referred("c1", KURUME, Consent.GIVEN);

        AgendaDecider.Placement p = AgendaDecider.placement(Optional.of(known), escalated(JUUSOU_SHIEN_KAIGI, true));

        assertEquals(emergency(Consent.GIVEN), p);
    }

    @Test
    void consentObtainedWhileQueuedForShienKaigiMovesTheCaseToJuusouShienKaigi() {
        assertEquals(Optional.of(JUUSOU_SHIEN_KAIGI),
                AgendaDecider.moveOnConsent(queuedOn(SHIEN_KAIGI, Consent.NOT_GIVEN), Consent.GIVEN));
        assertEquals(Optional.of(SHIEN_KAIGI),
                AgendaDecider.moveOnConsent(queuedOn(JUUSOU_SHIEN_KAIGI, Consent.GIVEN), Consent.NOT_GIVEN));
    }

    @Test
    void consentThatFitsTheTrackOrACaseNotQueuedMovesNothing() {
        assertEquals(Optional.empty(),
                AgendaDecider.moveOnConsent(queuedOn(JUUSOU_SHIEN_KAIGI, Consent.GIVEN), Consent.GIVEN));
        assertEquals(Optional.empty(),
                AgendaDecider.moveOnConsent(CaseTrack.referred("c1", KURUME, Consent.UNKNOWN), Consent.GIVEN));
        assertEquals(Optional.empty(),
                AgendaDecider.moveOnConsent(queuedOn(SHIEN_KAIGI, Consent.UNKNOWN).reviewed(), Consent.GIVEN));
    }

    @Test
    void aConsentForACaseNotSeenBeforeStartsItsTrack() {
        CaseTrack t = AgendaDecider.known(Optional.empty(),
                new IntakeEvent.ConsentRecorded("c1", KURUME, Consent.GIVEN, ON));

        assertEquals(CaseTrack.referred("c1", KURUME, Consent.GIVEN), t);
    }

    @Test
    void anUrgentCaseTakesTheNextShienKaigiWhenSoonEnoughElseAnAdHocOneNamedByItsCause() {
        Meeting inThreeDays = meeting("m-3", SHIEN_KAIGI, ON.plusDays(3), false);

        assertTrue(AgendaDecider.soonEnough(inThreeDays, ON, 3));
        assertFalse(AgendaDecider.soonEnough(inThreeDays, ON, 2));
        Meeting adHoc = AgendaDecider.adHocShienKaigi(KURUME, ON, 2, "c1/routing/1");
        assertEquals(AgendaDecider.adHocShienKaigi(KURUME, ON, 2, "c1/routing/1"), adHoc); // a redelivery: the same
        assertEquals(ON.plusDays(1), adHoc.scheduledOn());
        assertTrue(adHoc.adHoc());
        assertEquals(SHIEN_KAIGI, adHoc.type());
    }

    static Meeting meeting(String id, MeetingType type, LocalDate on, boolean adHoc) {
        return new Meeting(id, KURUME, type, on, adHoc, List.of(), null, List.of(), WhenAndWhere.NONE);
    }

    @Test
    void anEscalatedCaseJoinsOnlyARegularMeetingByItself() {
        Meeting someonesAdHoc = meeting("m-adhoc", JUUSOU_SHIEN_KAIGI, ON.plusDays(2), true);
        Meeting regular = meeting("402036-JUUSOU_SHIEN_KAIGI-2026-06-24", JUUSOU_SHIEN_KAIGI, ON.plusDays(23), false);

        assertEquals(Optional.of(regular), AgendaDecider.automaticChoice(List.of(someonesAdHoc, regular)));
        assertEquals(Optional.empty(), AgendaDecider.automaticChoice(List.of(someonesAdHoc)),
                "no regular meeting: it waits for a coordinator's choice");
    }

    @Test
    void aCoordinatorPutsAWaitingCaseOnAnUpcomingMeetingOfItsTrack() {
        CaseTrack waiting = queuedOn(JUUSOU_SHIEN_KAIGI, Consent.GIVEN).onAgendaOf(null);
        Meeting adHoc = meeting("m-adhoc", JUUSOU_SHIEN_KAIGI, ON, true);

        assertEquals(Optional.empty(), AgendaDecider.choiceRefusal(waiting, adHoc, ON));
        CaseTrack chosen = AgendaDecider.chosen(waiting, adHoc);
        assertEquals("m-adhoc", chosen.meetingId());
        assertTrue(chosen.queued());
        assertEquals(ON, chosen.queuedOn(), "it keeps the day it began to wait");
    }

    @Test
    void aCaseWithoutConsentMayNotGoToAJuusouShienKaigiButAnUrgentCaseWithConsentMay() {
        CaseTrack noConsent = queuedOn(SHIEN_KAIGI, Consent.NOT_GIVEN);
        CaseTrack urgentWithConsent = CaseTrack.escalated("c1", KURUME, emergency(Consent.GIVEN), "m-1", ON);
        Meeting juusou = meeting("m-j", JUUSOU_SHIEN_KAIGI, ON.plusDays(7), true);

        assertEquals("wrong-track", AgendaDecider.choiceRefusal(noConsent, juusou, ON).orElseThrow().slug());
        assertEquals(Optional.empty(), AgendaDecider.choiceRefusal(urgentWithConsent, juusou, ON));
        assertEquals(JUUSOU_SHIEN_KAIGI, AgendaDecider.chosen(urgentWithConsent, juusou).track());
    }

    @Test
    void aMeetingHeldPastOrWithoutACaseAgendaOrACaseNotWaitingIsRefused() {
        CaseTrack waiting = queuedOn(SHIEN_KAIGI, Consent.UNKNOWN);
        Meeting held = new Meeting("m-h", KURUME, SHIEN_KAIGI, ON, false, List.of(), ON, List.of(), null);

        assertEquals("meeting-held", AgendaDecider.choiceRefusal(waiting, held, ON).orElseThrow().slug());
        assertEquals("meeting-past", AgendaDecider.choiceRefusal(waiting,
                meeting("m-p", SHIEN_KAIGI, ON.minusDays(1), true), ON).orElseThrow().slug());
        assertEquals("no-case-agenda", AgendaDecider.choiceRefusal(waiting,
                meeting("m-d", MeetingType.DAIHYOUSHA_KAIGI, ON, true), ON).orElseThrow().slug());
        assertEquals("case-not-waiting", AgendaDecider.choiceRefusal(waiting.reviewed(),
                meeting("m-s", SHIEN_KAIGI, ON, true), ON).orElseThrow().slug());
        assertEquals("case-not-waiting", AgendaDecider.choiceRefusal(CaseTrack.referred("c1", KURUME,
                Consent.GIVEN), meeting("m-s", SHIEN_KAIGI, ON, true), ON).orElseThrow().slug());
        Meeting elsewhere = new Meeting("m-n", "122203", SHIEN_KAIGI, ON, true, List.of(), null, List.of(), null);
        assertEquals("other-municipality", AgendaDecider.choiceRefusal(waiting, elsewhere, ON).orElseThrow().slug());
    }

    @Test
    void anUrgentSupportMeetingTheServiceSchedulesIsHeldWhereTheRegularOnesAre() {
        WhenAndWhere usual = new WhenAndWhere(java.time.LocalTime.of(15, 45), null, "久留米市役所 会議室");

        Meeting adHoc = AgendaDecider.adHocShienKaigi(KURUME, ON, 3, "c1/routing/1", usual);

        assertEquals(usual, adHoc.scheduled());
        assertEquals(WhenAndWhere.NONE, AgendaDecider.adHocShienKaigi(KURUME, ON, 3, "c1/routing/1").scheduled());
    }

    @Test
    void theTransitionsKeepWhatTheyDoNotName() {
        CaseTrack urgent = CaseTrack.escalated("c1", KURUME, emergency(Consent.UNKNOWN), "m-1", ON);

        CaseTrack carried = urgent.onAgendaOf("m-2");
        CaseTrack reviewed = carried.reviewed();

        assertEquals(new CaseTrack("c1", KURUME, Consent.UNKNOWN, SHIEN_KAIGI, "m-2", true, Urgency.EMERGENCY,
                EmergencyReview.EMERGENCY, ON, false), carried);
        assertEquals(new CaseTrack("c1", KURUME, Consent.UNKNOWN, SHIEN_KAIGI, "m-2", false, Urgency.EMERGENCY,
                EmergencyReview.REGULAR, ON, false), reviewed);
        assertEquals(new CaseTrack("c1", KURUME, Consent.GIVEN, JUUSOU_SHIEN_KAIGI, null, true, Urgency.EMERGENCY,
                EmergencyReview.EMERGENCY, ON.plusDays(5), false),
                urgent.withConsent(Consent.GIVEN).movedTo(JUUSOU_SHIEN_KAIGI, null, ON.plusDays(5)));
    }

    @Test
    void aCaseJoinedAsADuplicateLeavesTheWaitingListAndTheAgendaForGood() {
        CaseTrack waiting = CaseTrack.escalated("c1", KURUME, ROUTINE_SHIEN, "m-1", ON);

        CaseTrack joined = AgendaDecider.joined(Optional.of(waiting),
                new IntakeEvent.DuplicateConfirmed("c1", "R8-000002", KURUME, "c0", "R8-000001", ON));

        assertEquals(new CaseTrack("c1", KURUME, Consent.UNKNOWN, SHIEN_KAIGI, "m-1", false, Urgency.ROUTINE,
                EmergencyReview.REGULAR, ON, true), joined);
        assertFalse(AgendaDecider.queuesOnEscalation(Optional.of(joined)));
        assertTrue(AgendaDecider.queuesOnEscalation(Optional.of(waiting)));
        assertEquals(Optional.empty(), AgendaDecider.moveOnConsent(joined, Consent.GIVEN));
        assertEquals("case-joined", AgendaDecider.choiceRefusal(joined, new Meeting("m-2", KURUME, SHIEN_KAIGI,
                ON.plusDays(7), false, List.of(), null, List.of(), null), ON).orElseThrow().slug());
        assertTrue(AgendaDecider.joined(Optional.empty(), new IntakeEvent.DuplicateConfirmed("c9", null, KURUME, "c0",
                null, ON)).joined());
    }
}
