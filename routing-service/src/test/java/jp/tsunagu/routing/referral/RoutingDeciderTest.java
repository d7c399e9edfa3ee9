package jp.tsunagu.routing.referral;

import jp.tsunagu.contract.calendar.BusinessCalendar;
import jp.tsunagu.contract.codes.AgeBand;
import jp.tsunagu.contract.codes.Channel;
import jp.tsunagu.contract.codes.Concern;
import jp.tsunagu.contract.codes.Consent;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.Urgency;
import jp.tsunagu.contract.directory.Directories;
import jp.tsunagu.contract.events.RoutingEvent;
import jp.tsunagu.routing.rules.AcceptanceDeadlines;
import jp.tsunagu.routing.rules.CaseFacts;
import jp.tsunagu.routing.rules.RoutingRules;
import jp.tsunagu.routing.rules.RuleSet;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Routing's decisions without a database or Kafka: given the case's routing, when this happens, then these events. */
class RoutingDeciderTest {

    static final String KURUME = "402036";
    static final String NAGAREYAMA = "122203";
    static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    static RoutingRules rules(String municipality) {
        return new RoutingRules(RuleSet.forMunicipality(municipality, Optional.empty()),
                Directories.load(Optional.empty()).get(municipality));
    }

    static CaseFacts referral(String caseId, String municipality, String area, int age, Concern concern,
                              Consent consent) {
        return new CaseFacts(caseId, municipality, "referrer-1", Channel.AGENCY, TODAY, area, AgeBand.of(age),
                List.of(), List.of(concern), consent, Urgency.ROUTINE, false);
    }

    static final AcceptanceDeadlines DEADLINES = new AcceptanceDeadlines(BusinessCalendar.japan(), 5, 2);

    static RoutingDecider.Context context(String municipality, Map<String, Long> load, LocalDate on) {
        return new RoutingDecider.Context(rules(municipality), load, DEADLINES, on);
    }

    static List<String> ids(RoutingDecider.Outcome outcome) {
        return outcome.events().stream().map(RoutingDecider.Emitted::eventId).toList();
    }

    @Test
    void aNewReferralIsRoutedToTheSiteOfItsArea() {
        CaseFacts facts = referral("c1", KURUME, "荒木", 83, Concern.DEMENTIA, Consent.UNKNOWN);

        RoutingDecider.Outcome outcome = RoutingDecider.route(facts, context(KURUME, Map.of(), TODAY));

        assertEquals(List.of("c1/routing/1"), ids(outcome));
        RoutingEvent.CaseRouted routed = assertInstanceOf(RoutingEvent.CaseRouted.class,
                outcome.events().get(0).event());
        assertEquals("kurume-houkatsu-06", routed.agencyId());
        assertEquals("支援機関へつなぐ（分野: 高齢）", outcome.events().get(0).stepDetail());
        assertNull(outcome.before());
        assertEquals(new CaseRouting("c1", KURUME, "referrer-1", outcome.after().decision(), CaseRouting.AWAITING,
                TODAY, LocalDate.of(2026, 6, 8), Set.of(), 1), outcome.after());
        assertEquals(LocalDate.of(2026, 6, 8), routed.acceptBy(), "five office days after Monday 6/1");
    }

    @Test
    void anUrgentReferralIsDueSoonerAndDeadlinesSkipClosedDays() {
        CaseFacts routine = referral("c1", KURUME, "荒木", 83, Concern.DEMENTIA, Consent.UNKNOWN);
        CaseFacts urgent = new CaseFacts("c2", KURUME, "referrer-1", Channel.AGENCY, TODAY, "荒木", AgeBand.of(83),
                List.of(), List.of(Concern.DEMENTIA), Consent.UNKNOWN, Urgency.URGENT, false);
        LocalDate beforeGoldenWeek = LocalDate.of(2026, 4, 30);

        assertEquals(LocalDate.of(2026, 6, 3), RoutingDecider.route(urgent, context(KURUME, Map.of(), TODAY))
                .after().dueOn());
        assertEquals(LocalDate.of(2026, 5, 12), RoutingDecider.route(routine,
                context(KURUME, Map.of(), beforeGoldenWeek)).after().dueOn(), "5/2–5/6 closed");
        assertEquals(LocalDate.of(2026, 5, 7), RoutingDecider.route(urgent,
                context(KURUME, Map.of(), beforeGoldenWeek)).after().dueOn());
    }

    @Test
    void aCaseJoinedAsADuplicateWhileAwaitedIsWithdrawnFromItsAgencyAndAnAcceptedOneIsKept() {
        CaseRouting awaiting = RoutingDecider.route(referral("c1", KURUME, "荒木", 83, Concern.DEMENTIA,
                Consent.UNKNOWN), context(KURUME, Map.of(), TODAY)).after();

        CaseRouting joined = RoutingDecider.joined(awaiting).orElseThrow();

        assertEquals(CaseRouting.JOINED, joined.state());
        assertEquals(awaiting.agencyId(), joined.agencyId());
        Map<String, Long> load = new java.util.HashMap<>(Map.of(awaiting.agencyId(), 1L));
        RoutingDecider.shiftLoad(load, awaiting, joined);
        assertEquals(0L, load.get(awaiting.agencyId()));
        assertEquals(java.util.Optional.empty(), RoutingDecider.joined(RoutingDecider.accept(awaiting).after()));
        assertEquals(java.util.Optional.empty(), RoutingDecider.joined(joined));
    }

    @Test
    void anAcceptanceKeepsTheCaseWithTheAgencyAndItsLoadUnchanged() {
        CaseRouting awaiting = RoutingDecider.route(referral("c1", KURUME, "荒木", 83, Concern.DEMENTIA,
                Consent.UNKNOWN), context(KURUME, Map.of(), TODAY)).after();

        RoutingDecider.Outcome outcome = RoutingDecider.accept(awaiting);

        assertEquals(List.of("c1/routing/1/accepted"), ids(outcome));
        assertInstanceOf(RoutingEvent.RoutingAccepted.class, outcome.events().get(0).event());
        assertEquals(CaseRouting.ACCEPTED, outcome.after().state());
        assertEquals(1, outcome.after().seq());
        Map<String, Long> load = new HashMap<>(Map.of("kurume-houkatsu-06", 1L));
        RoutingDecider.shiftLoad(load, outcome.before(), outcome.after());
        assertEquals(Map.of("kurume-houkatsu-06", 1L), load);
    }

    @Test
    void aDeclineWhereNoOtherSiteIsLeftEscalatesAndFreesTheAgency() {
        CaseFacts facts = referral("c1", KURUME, "荒木", 90, Concern.DEMENTIA, Consent.GIVEN);
        CaseRouting awaiting = RoutingDecider.route(facts, context(KURUME, Map.of(), TODAY)).after();

        RoutingDecider.Outcome outcome = RoutingDecider.decline(awaiting, facts, "定員超過",
                context(KURUME, Map.of(), TODAY));

        assertEquals(List.of("c1/routing/1/declined", "c1/routing/2"), ids(outcome));
        RoutingEvent.RoutingDeclined declined = assertInstanceOf(RoutingEvent.RoutingDeclined.class,
                outcome.events().get(0).event());
        // the reason stays beside the event, for routing's own history and inbox: the event does not carry it
        assertEquals(null, declined.reason());
        assertEquals("定員超過", outcome.events().get(0).declineReason());
        assertEquals("辞退（理由: 定員超過）", outcome.events().get(0).stepDetail());
        RoutingEvent.CaseEscalated escalated = assertInstanceOf(RoutingEvent.CaseEscalated.class,
                outcome.events().get(1).event());
        assertEquals(MeetingType.JUUSOU_SHIEN_KAIGI, escalated.track());
        assertEquals(CaseRouting.ESCALATED, outcome.after().state());
        assertEquals(Set.of("kurume-houkatsu-06"), outcome.after().declinedBy());
        Map<String, Long> load = new HashMap<>(Map.of("kurume-houkatsu-06", 1L));
        RoutingDecider.shiftLoad(load, outcome.before(), outcome.after());
        assertEquals(Map.of("kurume-houkatsu-06", 0L), load);
    }

    @Test
    void aDeclineWhereAnotherSiteIsLeftRoutesThereAndMovesTheLoad() {
        CaseFacts facts = referral("c1", NAGAREYAMA, "北部", 72, Concern.DEMENTIA, Consent.GIVEN);
        CaseRouting awaiting = RoutingDecider.route(facts, context(NAGAREYAMA, Map.of(), TODAY)).after();
        String first = awaiting.agencyId();

        RoutingDecider.Outcome outcome = RoutingDecider.decline(awaiting, facts, "担当圏域外のため",
                context(NAGAREYAMA, Map.of(first, 1L), TODAY));

        assertEquals(List.of("c1/routing/1/declined", "c1/routing/2"), ids(outcome));
        assertNotEquals(first, outcome.after().agencyId());
        assertEquals(CaseRouting.AWAITING, outcome.after().state());
        assertEquals(2, outcome.after().seq());
        Map<String, Long> load = new HashMap<>(Map.of(first, 1L));
        RoutingDecider.shiftLoad(load, outcome.before(), outcome.after());
        assertEquals(Map.of(first, 0L, outcome.after().agencyId(), 1L), load);
    }

    @Test
    void anAnswerOverdueEscalatesOnTheTrackItsConsentAllows() {
        CaseFacts facts = referral("c1", KURUME, "荒木", 83, Concern.DEMENTIA, Consent.NOT_GIVEN);
        CaseRouting awaiting = RoutingDecider.route(facts, context(KURUME, Map.of(), TODAY.minusDays(30))).after();

        RoutingDecider.Outcome withoutConsent = RoutingDecider.overdue(awaiting, facts, TODAY);
        RoutingDecider.Outcome withConsent = RoutingDecider.overdue(awaiting, facts.withConsent(Consent.GIVEN),
                TODAY);

        assertEquals(List.of("c1/routing/1/overdue", "c1/routing/2"), ids(withoutConsent));
        RoutingEvent.AcceptanceOverdue overdue = assertInstanceOf(RoutingEvent.AcceptanceOverdue.class,
                withoutConsent.events().get(0).event());
        assertEquals(30, overdue.daysWaited());
        assertEquals("kurume-houkatsu-06", overdue.agencyId());
        RoutingEvent.CaseEscalated escalated = assertInstanceOf(RoutingEvent.CaseEscalated.class,
                withoutConsent.events().get(1).event());
        assertEquals(MeetingType.SHIEN_KAIGI, escalated.track());
        assertEquals("ACCEPTANCE_OVERDUE", escalated.reasons().get(0).rule());
        assertEquals(MeetingType.JUUSOU_SHIEN_KAIGI,
                ((RoutingEvent.CaseEscalated) withConsent.events().get(1).event()).track());
        assertEquals(TODAY, withoutConsent.after().routedOn());
    }

    @Test
    void decisionsInOneBatchSeeTheLoadTheOnesBeforeThemLeft() {
        RoutingRules nagareyama = rules(NAGAREYAMA);
        Map<String, Long> load = new HashMap<>();
        List<String> agencies = new ArrayList<>();

        for (int i = 1; i <= 4; i++) {
            RoutingDecider.Outcome outcome = RoutingDecider.route(referral("c" + i, NAGAREYAMA, "東部", 30,
                    Concern.DISABILITY, Consent.UNKNOWN), new RoutingDecider.Context(nagareyama, load, DEADLINES, TODAY));
            RoutingDecider.shiftLoad(load, outcome.before(), outcome.after());
            agencies.add(outcome.after().agencyId());
        }

        // three sites, ties to the first id: each takes one in turn
        assertEquals(List.of("nagareyama-shougai-01", "nagareyama-shougai-02", "nagareyama-shougai-03",
                "nagareyama-shougai-01"), agencies);
        assertEquals(Map.of("nagareyama-shougai-01", 2L, "nagareyama-shougai-02", 1L, "nagareyama-shougai-03", 1L),
                load);
    }
}
