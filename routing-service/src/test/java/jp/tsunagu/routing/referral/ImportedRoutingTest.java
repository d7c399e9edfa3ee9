package jp.tsunagu.routing.referral;

import jp.tsunagu.contract.codes.AgeBand;
import jp.tsunagu.contract.codes.CaseStatus;
import jp.tsunagu.contract.codes.Channel;
import jp.tsunagu.contract.codes.Concern;
import jp.tsunagu.contract.codes.Consent;
import jp.tsunagu.contract.codes.EmergencyReview;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.PlanType;
import jp.tsunagu.contract.codes.Urgency;
import jp.tsunagu.contract.events.IntakeEvent;
import jp.tsunagu.contract.events.RoutingEvent;
import jp.tsunagu.routing.rules.CaseFacts;
import jp.tsunagu.routing.rules.RoutingRules;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static jp.tsunagu.routing.referral.RoutingDeciderTest.KURUME;
import static jp.tsunagu.routing.referral.RoutingDeciderTest.context;
import static jp.tsunagu.routing.referral.RoutingDeciderTest.referral;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A case brought in from the city's list (台帳取込): given its facts and what the list said, then the events the live
 * system would have written then, dated as the list says, under the live event ids.
 */
class ImportedRoutingTest {

    /** A Friday: five office days later is the next Friday. */
    static final LocalDate ROUTED_ON = LocalDate.of(2025, 10, 3);
    static final LocalDate ACCEPTED_ON = LocalDate.of(2025, 10, 7);
    static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    static IntakeEvent.CaseImported listed(String caseId, CaseStatus status, String agencyId, LocalDate acceptedOn,
                                           PlanType planType) {
        return new IntakeEvent.CaseImported(caseId, "R7-000001", KURUME, "import-1", status, agencyId, ROUTED_ON,
                acceptedOn, planType, planType == null ? null : ACCEPTED_ON, null);
    }

    static List<RoutingDecider.Dated> imported(CaseFacts facts, IntakeEvent.CaseImported listed) {
        return RoutingDecider.imported(facts, listed, context(KURUME, new HashMap<>(), TODAY));
    }

    static List<String> ids(List<RoutingDecider.Dated> dated) {
        return dated.stream().flatMap(d -> d.outcome().events().stream()).map(RoutingDecider.Emitted::eventId)
                .toList();
    }

    @Test
    void aCaseTheListLeftAtReceivedIsRoutedAsALiveReferralWouldHaveBeenOnItsDay() {
        CaseFacts facts = referral("c1", KURUME, "荒木", 83, Concern.DEMENTIA, Consent.UNKNOWN);

        List<RoutingDecider.Dated> dated = imported(facts, listed("c1", CaseStatus.RECEIVED, null, null, null));

        RoutingDecider.Outcome live = RoutingDecider.route(facts, context(KURUME, Map.of(), ROUTED_ON));
        assertEquals(1, dated.size());
        assertEquals(live, dated.get(0).outcome());
        assertEquals(ROUTED_ON, dated.get(0).on());
        assertEquals(List.of("c1/routing/1"), ids(dated));
    }

    @Test
    void aCaseTheListSaysItsAgencyAcceptedIsRoutedThereAndAcceptedOnTheListsDays() {
        CaseFacts facts = referral("c1", KURUME, "荒木", 83, Concern.DEMENTIA, Consent.UNKNOWN);

        List<RoutingDecider.Dated> dated = imported(facts,
                listed("c1", CaseStatus.ACCEPTED, "kurume-houkatsu-02", ACCEPTED_ON, null));

        assertEquals(List.of("c1/routing/1", "c1/routing/1/accepted"), ids(dated));
        RoutingEvent.CaseRouted routed = assertInstanceOf(RoutingEvent.CaseRouted.class,
                dated.get(0).outcome().events().get(0).event());
        assertEquals("kurume-houkatsu-02", routed.agencyId(), "the list's agency, not the rules' choice (06)");
        assertEquals(LocalDate.of(2025, 10, 10), routed.acceptBy(), "five office days after the list's つなぎ日");
        assertEquals(List.of(RoutingRules.R_FIELDS, RoutingRules.R_IMPORTED),
                routed.reasons().stream().map(r -> r.rule()).toList());
        assertEquals("市の台帳から取込（担当機関）", routed.reasons().get(1).detailJa());
        assertEquals(ROUTED_ON, dated.get(0).on());
        assertEquals(new RoutingEvent.RoutingAccepted("c1", KURUME, "kurume-houkatsu-02"),
                dated.get(1).outcome().events().get(0).event());
        assertEquals(ACCEPTED_ON, dated.get(1).on());
        CaseRouting after = dated.get(1).outcome().after();
        assertEquals(CaseRouting.ACCEPTED, after.state());
        assertEquals(ROUTED_ON, after.routedOn());
        assertEquals(1, after.seq());
    }

    @Test
    void aRoutedCaseNotYetAcceptedAwaitsItsAgencysAnswerAndHoldsItsLoad() {
        CaseFacts facts = referral("c1", KURUME, "荒木", 83, Concern.DEMENTIA, Consent.UNKNOWN);
        Map<String, Long> load = new HashMap<>();

        List<RoutingDecider.Dated> dated = imported(facts,
                listed("c1", CaseStatus.ROUTED, "kurume-houkatsu-02", null, null));
        dated.forEach(d -> RoutingDecider.shiftLoad(load, d.outcome().before(), d.outcome().after()));

        assertEquals(List.of("c1/routing/1"), ids(dated));
        assertEquals(CaseRouting.AWAITING, dated.get(0).outcome().after().state());
        assertEquals(Map.of("kurume-houkatsu-02", 1L), load);
    }

    @Test
    void anEscalatedCaseGoesOnTheTrackItsConsentAllows() {
        CaseFacts withConsent = referral("c1", KURUME, "荒木", 45, Concern.HIKIKOMORI, Consent.GIVEN);
        CaseFacts without = referral("c2", KURUME, "荒木", 45, Concern.HIKIKOMORI, Consent.NOT_GIVEN);

        List<RoutingDecider.Dated> given = imported(withConsent, listed("c1", CaseStatus.IN_MEETING, null, null, null));
        List<RoutingDecider.Dated> notGiven = imported(without, listed("c2", CaseStatus.ESCALATED, null, null, null));

        RoutingEvent.CaseEscalated e = assertInstanceOf(RoutingEvent.CaseEscalated.class,
                given.get(0).outcome().events().get(0).event());
        assertEquals(MeetingType.JUUSOU_SHIEN_KAIGI, e.track());
        assertEquals(EmergencyReview.REGULAR, e.review());
        assertEquals(Urgency.ROUTINE, e.urgency());
        assertEquals(Consent.GIVEN, e.consent());
        assertEquals(List.of(RoutingRules.R_FIELDS, RoutingRules.R_IMPORTED, RoutingRules.R_TRACK),
                e.reasons().stream().map(r -> r.rule()).toList());
        assertEquals(MeetingType.SHIEN_KAIGI, ((RoutingEvent.CaseEscalated) notGiven.get(0).outcome().events().get(0)
                .event()).track());
        assertEquals(List.of("c1/routing/1"), ids(given));
        assertEquals(CaseRouting.ESCALATED, given.get(0).outcome().after().state());
        assertNull(given.get(0).outcome().after().dueOn());
        assertEquals(ROUTED_ON, given.get(0).on());
    }

    @Test
    void anEscalatedEmergencyWithViolenceKeepsItsUrgencyAndTheRulesAdHocReview() {
        CaseFacts facts = new CaseFacts("c1", KURUME, null, Channel.PHONE, ROUTED_ON, "荒木", AgeBand.of(40),
                List.of(), List.of(Concern.DOMESTIC_VIOLENCE), Consent.GIVEN, Urgency.EMERGENCY, false);

        List<RoutingDecider.Dated> dated = imported(facts, listed("c1", CaseStatus.PLAN_ACTIVE, null, null,
                PlanType.MULTI_AGENCY));

        RoutingEvent.CaseEscalated e = assertInstanceOf(RoutingEvent.CaseEscalated.class,
                dated.get(0).outcome().events().get(0).event());
        assertEquals(MeetingType.SHIEN_KAIGI, e.track(), "as live: an emergency with violence is met at once");
        assertEquals(EmergencyReview.EMERGENCY, e.review());
        assertEquals(Urgency.EMERGENCY, e.urgency());
        assertEquals(1, dated.size(), "a 多機関協働プラン is the meeting's: no agency accepted the case");
    }

    @Test
    void anOutreachCaseGoesToTheListedOutreachAgencyWhichTookItOn() {
        CaseFacts facts = referral("c1", KURUME, "荒木", 45, Concern.HIKIKOMORI, Consent.UNKNOWN);

        List<RoutingDecider.Dated> dated = imported(facts,
                listed("c1", CaseStatus.IN_OUTREACH, "kurume-outreach-01", null, null));

        assertEquals(List.of("c1/routing/1", "c1/routing/1/accepted"), ids(dated));
        RoutingEvent.OutreachRequested outreach = assertInstanceOf(RoutingEvent.OutreachRequested.class,
                dated.get(0).outcome().events().get(0).event());
        assertEquals("kurume-outreach-01", outreach.agencyId());
        assertEquals(ROUTED_ON, dated.get(1).on(), "受入日 blank: accepted the day it was routed");
        assertEquals(CaseRouting.ACCEPTED, dated.get(1).outcome().after().state());
    }
}
