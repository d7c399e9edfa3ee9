package jp.tsunagu.meeting.agenda;

import jp.tsunagu.contract.codes.Consent;
import jp.tsunagu.contract.codes.EmergencyReview;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.Urgency;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static jp.tsunagu.contract.codes.MeetingType.JUUSOU_SHIEN_KAIGI;
import static jp.tsunagu.contract.codes.MeetingType.SHIEN_KAIGI;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Households (世帯) on agendas without a database or Kafka: given the members' tracks, when…, then…. */
class HouseholdAgendaTest {

    static final String KURUME = "402036";
    static final LocalDate TODAY = LocalDate.of(2026, 12, 10);
    static final Meeting DECEMBER = new Meeting("m-dec", KURUME, JUUSOU_SHIEN_KAIGI, LocalDate.of(2026, 12, 24), false,
            List.of(), null, List.of(), null);

    static CaseTrack waiting(String caseId, MeetingType track, Consent consent, String meetingId) {
        return CaseTrack.escalated(caseId, KURUME, new AgendaDecider.Placement(consent, track, Urgency.ROUTINE,
                EmergencyReview.REGULAR), meetingId, TODAY.minusDays(3));
    }

    static Map<String, Optional<CaseTrack>> members(Object... pairs) {
        Map<String, Optional<CaseTrack>> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], Optional.ofNullable((CaseTrack) pairs[i + 1]));
        }
        return m;
    }

    @Test
    void bothWaitingMembersGoOnTheMeetingAsOneItem() {
        var given = members("a", waiting("a", JUUSOU_SHIEN_KAIGI, Consent.GIVEN, null),
                "b", waiting("b", JUUSOU_SHIEN_KAIGI, Consent.GIVEN, "m-jan"));

        var chosen = assertInstanceOf(HouseholdAgenda.Decision.Chosen.class,
                HouseholdAgenda.choose("h1", given, DECEMBER, TODAY));

        assertEquals(List.of("a", "b"), chosen.item().stream().map(CaseTrack::caseId).toList());
        assertEquals(List.of("m-dec", "m-dec"), chosen.item().stream().map(CaseTrack::meetingId).toList());
        assertEquals(2, chosen.moved().size());
    }

    @Test
    void aMemberAlreadyOnTheMeetingStaysInTheItemWithoutMovingAndOneNotWaitingIsLeftAsItIs() {
        CaseTrack reviewed = waiting("c", JUUSOU_SHIEN_KAIGI, Consent.GIVEN, "m-old").reviewed();
        var given = members("a", waiting("a", JUUSOU_SHIEN_KAIGI, Consent.GIVEN, "m-dec"),
                "b", CaseTrack.referred("b", KURUME, Consent.GIVEN), "c", reviewed, "d", null);

        var chosen = assertInstanceOf(HouseholdAgenda.Decision.Chosen.class,
                HouseholdAgenda.choose("h1", given, DECEMBER, TODAY));

        assertEquals(List.of("a"), chosen.item().stream().map(CaseTrack::caseId).toList());
        assertEquals(List.of(), chosen.moved());
    }

    @Test
    void noMemberWaitingIsHouseholdNothingWaiting() {
        var given = members("a", CaseTrack.referred("a", KURUME, Consent.GIVEN),
                "b", waiting("b", SHIEN_KAIGI, Consent.UNKNOWN, null).asJoined());

        var refused = assertInstanceOf(HouseholdAgenda.Decision.NothingWaiting.class,
                HouseholdAgenda.choose("h1", given, DECEMBER, TODAY));

        assertEquals("household h1: no member case waits for a review (each must be escalated to multi-agency "
                + "coordination and not yet reviewed)", refused.english());
    }

    @Test
    void theMemberWithoutConsentIsNotPlacedAndTheMotherStillIs() {
        // the typical 8050 household: the mother consents, her son does not (he waits for a 支援会議)
        var given = members("mother", waiting("mother", JUUSOU_SHIEN_KAIGI, Consent.GIVEN, null),
                "son", waiting("son", SHIEN_KAIGI, Consent.NOT_GIVEN, null));

        var chosen = assertInstanceOf(HouseholdAgenda.Decision.Chosen.class,
                HouseholdAgenda.choose("h1", given, DECEMBER, TODAY));

        assertEquals(List.of("mother"), chosen.item().stream().map(CaseTrack::caseId).toList());
        assertEquals(List.of("mother"), chosen.moved().stream().map(CaseTrack::caseId).toList());
        assertEquals(List.of("son"), chosen.notPlaced().stream().map(HouseholdAgenda.NotPlaced::caseId).toList());
        assertEquals("wrong-track", chosen.notPlaced().getFirst().refusal().slug());
    }

    @Test
    void theNotPlacedMemberIsNamedBy受付番号InJapanese() {
        var son = new HouseholdAgenda.NotPlaced("son", AgendaDecider.choiceRefusal(
                waiting("son", SHIEN_KAIGI, Consent.NOT_GIVEN, null), DECEMBER, TODAY).orElseThrow());

        var answer = HouseholdOnAgenda.NotPlaced.of(son, "R8-000007");

        assertEquals(new HouseholdOnAgenda.NotPlaced("son", "R8-000007", "wrong-track", "ケース R8-000007: "
                + "重層的支援会議では検討できません。本人同意は「同意なし」で、支援会議を待っているケースです"), answer);
    }

    @Test
    void whenNoWaitingMemberCanBePlacedTheRequestIsRefusedWithTheFirstMembersRefusal() {
        var given = members("b", waiting("b", SHIEN_KAIGI, Consent.NOT_GIVEN, null),
                "a", waiting("a", SHIEN_KAIGI, Consent.UNKNOWN, null));

        var refused = assertInstanceOf(HouseholdAgenda.Decision.Refused.class,
                HouseholdAgenda.choose("h1", given, DECEMBER, TODAY));

        assertEquals("wrong-track", refused.refusal().slug());
        assertTrue(refused.refusal().english().startsWith("case a:"), refused.refusal().english());
        Meeting held = new Meeting("m-dec", KURUME, JUUSOU_SHIEN_KAIGI, LocalDate.of(2026, 12, 24), false,
                List.of(), LocalDate.of(2026, 12, 24), List.of(), null);
        assertEquals("meeting-held", assertInstanceOf(HouseholdAgenda.Decision.Refused.class,
                HouseholdAgenda.choose("h1", members("a", waiting("a", JUUSOU_SHIEN_KAIGI, Consent.GIVEN, null)),
                        held, TODAY)).refusal().slug());
    }

    @Test
    void aMemberAlreadyOnTheMeetingIsPlacedSoAnotherNotTakenDoesNotRefuseTheRequest() {
        var given = members("a", waiting("a", JUUSOU_SHIEN_KAIGI, Consent.GIVEN, "m-dec"),
                "b", waiting("b", SHIEN_KAIGI, Consent.NOT_GIVEN, null));

        var chosen = assertInstanceOf(HouseholdAgenda.Decision.Chosen.class,
                HouseholdAgenda.choose("h1", given, DECEMBER, TODAY));

        assertEquals(List.of("a"), chosen.item().stream().map(CaseTrack::caseId).toList());
        assertEquals(List.of(), chosen.moved());
        assertEquals(List.of("b"), chosen.notPlaced().stream().map(HouseholdAgenda.NotPlaced::caseId).toList());
    }

    @Test
    void casesOfOneHouseholdOnTheSameAgendaAreOneItemAndACasePutWithItsHouseholdIsOneAlone() {
        Map<String, String> householdOf = Map.of("a", "h1", "b", "h1", "c", "h2", "d", "h3");

        Map<String, String> items = HouseholdAgenda.items(List.of("a", "x", "b", "c", "d"), householdOf,
                Map.of("d", "h3", "c", "h-old"));

        assertEquals(Map.of("a", "h1", "b", "h1", "d", "h3"), items);
    }

    @Test
    void aHouseholdsMembersStandTogetherWhereItsFirstMemberStood() {
        List<String> agenda = List.of("a", "x", "y", "b", "z");

        List<String> ordered = HouseholdAgenda.adjacent(agenda, c -> c, Map.of("a", "h1", "b", "h1"));

        assertEquals(List.of("a", "b", "x", "y", "z"), ordered);
    }

    @Test
    void anItemsLabelNamesOnlyTheHouseholdsCasesOnThatMeetingInTheOrderReceived() {
        List<HouseholdAgenda.Member> members = List.of(new HouseholdAgenda.Member("c10", "h1", KURUME, "R10-000002"),
                new HouseholdAgenda.Member("c7", "h1", KURUME, "R8-000007"),
                new HouseholdAgenda.Member("c1", "h1", KURUME, "R8-000001"),
                new HouseholdAgenda.Member("c9", "h1", KURUME, "R9-000003"));
        Map<String, String> itemOf = Map.of("c10", "h1", "c7", "h1", "c9", "h1", "x", "h2"); // c1 is not on it

        String label = HouseholdAgenda.itemLabel("h1", itemOf, members);

        assertEquals("世帯（R8-000007・R9-000003・R10-000002）", label);
    }
}
