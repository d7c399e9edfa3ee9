package jp.tsunagu.routing.notice;

import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.RoutingEvent;
import jp.tsunagu.contract.events.TsunaguEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who is told what of a referred case's routing: given an event and its referrer, then the referrer's notice. */
class NoticesTest {

    static final String KURUME = "402036";
    static final String REFERRER = "kurume-jiritsu-01";
    static final String B = "kurume-houkatsu-06";
    static final String C = "kurume-houkatsu-02";
    static final LocalDate DUE = LocalDate.of(2026, 12, 11);

    static Stream<Arguments> referrerIsTold() {
        RoutingEvent routedToC = new RoutingEvent.CaseRouted("c1", KURUME, C, List.of(), List.of(), "r1", "d1", DUE);
        RoutingEvent escalated = new RoutingEvent.CaseEscalatedV1("c1", KURUME, MeetingType.SHIEN_KAIGI, false,
                List.of(), List.of(), "r1", "d1").current();
        return Stream.of(
                // given an event, its referrer, whether it replaced an earlier routing, a decline's reason;
                // then the notice's code, the agency named, the reason, the date it is due (or no notice at all)
                Arguments.of("accepted", new RoutingEvent.RoutingAccepted("c1", KURUME, C), REFERRER, true, null,
                        "referral-accepted", C, null, null),
                Arguments.of("declined, with the reason routing keeps",
                        new RoutingEvent.RoutingDeclined("c1", KURUME, B), REFERRER, true, "担当圏域外のため",
                        "referral-declined", null, "担当圏域外のため", null),
                Arguments.of("declined before 2026-12: the reason in the event",
                        new RoutingEvent.RoutingDeclined("c1", KURUME, B, "定員超過"), REFERRER, true, null,
                        "referral-declined", null, "定員超過", null),
                Arguments.of("passed on after a decline", routedToC, REFERRER, true, null,
                        "referral-passed-on", C, null, DUE),
                Arguments.of("sent out for outreach after a decline", new RoutingEvent.OutreachRequested("c1", KURUME,
                                "kurume-outreach-01", List.of(), List.of(), "r1", "d1", DUE), REFERRER, true, null,
                        "referral-passed-on", "kurume-outreach-01", null, DUE),
                Arguments.of("escalated by rule at once", escalated, REFERRER, false, null,
                        "referral-escalated", null, null, null),
                Arguments.of("escalated after all declined or an answer overdue", escalated, REFERRER, true, null,
                        "referral-escalated", null, null, null),
                Arguments.of("its first routing: the referrer chose to refer, nothing new", routedToC, REFERRER,
                        false, null, null, null, null, null),
                Arguments.of("the overdue answer itself: the escalation after it tells",
                        new RoutingEvent.AcceptanceOverdue("c1", KURUME, B, DUE.minusDays(7), 7), REFERRER, true,
                        null, null, null, null, null),
                Arguments.of("referred by the city's own desk: no agency to tell", escalated, null, true, null,
                        null, null, null, null),
                Arguments.of("the referrer's own answer", new RoutingEvent.RoutingAccepted("c1", KURUME, REFERRER),
                        REFERRER, true, null, null, null, null, null),
                Arguments.of("passed on to the referrer itself: its case-routed notice tells it",
                        new RoutingEvent.CaseRouted("c1", KURUME, REFERRER, List.of(), List.of(), "r1", "d1", DUE),
                        REFERRER, true, null, null, null, null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void referrerIsTold(String given, RoutingEvent event, String referrer, boolean reRouted, String declineReason,
                        String code, String toAgency, String reason, LocalDate dueOn) {
        // when
        List<Notice> told = Notices.toReferrer(envelope(event), referrer, reRouted, declineReason);
        // then
        if (code == null) {
            assertEquals(List.of(), told);
            return;
        }
        assertEquals(1, told.size());
        Notice n = told.get(0);
        assertEquals(code, n.type().code());
        assertEquals(referrer, n.agencyId(), "told to the referrer only");
        assertEquals("c1", n.caseId());
        assertEquals(toAgency, n.toAgencyId());
        assertEquals(reason, n.reason());
        assertEquals(dueOn, n.dueOn());
        assertEquals("notice/e1/referrer/" + referrer, n.id(), "the same event tells it once");
    }

    @Test
    void theAgencyADeclinedCaseGoesToNextIsNeverToldWhy() {
        // given a decline and the routing to the next agency it caused
        var declined = envelope(new RoutingEvent.RoutingDeclined("c1", KURUME, B));
        var routed = envelope(new RoutingEvent.CaseRouted("c1", KURUME, C, List.of(), List.of(), "r1", "d1", DUE));
        // when both are noticed, as routing notices every event it publishes
        List<Notice> all = Stream.of(Notices.of(declined, List.of()), Notices.of(routed, List.of()),
                Notices.toReferrer(declined, REFERRER, true, "担当圏域外のため"),
                Notices.toReferrer(routed, REFERRER, true, null)).flatMap(List::stream).toList();
        // then the next agency is told of the case, the referrer of the decline and why, and where the case went
        assertEquals(List.of(C + " case-routed -", REFERRER + " referral-declined 担当圏域外のため",
                        REFERRER + " referral-passed-on -"),
                all.stream().map(n -> n.agencyId() + " " + n.type().code() + " " + (n.reason() == null ? "-"
                        : n.reason())).toList());
    }

    @Test
    void aCaseBroughtInFromTheCitysListNotifiesNobody() {
        // given the events of an imported case: routed to C, accepted, a plan giving B a role
        String imported = "/tsunagu/routing-service" + EventEnvelope.IMPORTED_SOURCE_SUFFIX;
        var routed = new EventEnvelope<TsunaguEvent>("e1", imported, Instant.parse("2026-12-04T01:00:00Z"),
                LocalDate.of(2025, 10, 3), "cause",
                new RoutingEvent.CaseRouted("c1", KURUME, C, List.of(), List.of(), "r1", "d1", DUE));
        var accepted = new EventEnvelope<TsunaguEvent>("e2", imported, Instant.parse("2026-12-04T01:00:00Z"),
                LocalDate.of(2025, 10, 7), "e1", new RoutingEvent.RoutingAccepted("c1", KURUME, C));
        var plan = new EventEnvelope<TsunaguEvent>("e3", "/tsunagu/planning-service/import",
                Instant.parse("2026-12-04T01:00:00Z"), LocalDate.of(2025, 11, 1), "e0",
                new jp.tsunagu.contract.events.PlanningEvent.PlanCreated("plan-1", "c1", KURUME,
                        jp.tsunagu.contract.codes.PlanType.PARTICIPATION, LocalDate.of(2025, 11, 1),
                        List.of(new jp.tsunagu.contract.events.Role(B, null)), null, null, null));

        // when they are noticed, as the live ones are
        List<Notice> all = Stream.of(Notices.of(routed, List.of()), Notices.of(accepted, List.of()),
                Notices.of(plan, List.of()), Notices.toReferrer(routed, REFERRER, false, null),
                Notices.toReferrer(accepted, REFERRER, false, null)).flatMap(List::stream).toList();

        // then nobody is told: months-old cases are not new to the agencies that hold them
        assertEquals(List.of(), all);
        assertEquals(1, Notices.toReferrer(envelope(new RoutingEvent.RoutingAccepted("c1", KURUME, C)), REFERRER,
                false, null).size(), "the same acceptance, live, tells the referrer");
    }

    private static EventEnvelope<TsunaguEvent> envelope(RoutingEvent event) {
        return new EventEnvelope<>("e1", "/tsunagu/routing-service", Instant.parse("2026-12-04T01:00:00Z"),
                LocalDate.of(2026, 12, 4), "cause", event);
    }

    @Test
    void anInvitationSaysWhenAndWhereTheMeetingIsHeld() {
        // given agencies invited to a meeting at 14:00 in a city hall room
        var invited = new jp.tsunagu.contract.events.MeetingEvent.MembersInvited("m-1", KURUME, MeetingType.SHIEN_KAIGI,
                DUE, List.of(B, C), java.time.LocalTime.of(14, 0), null, "久留米市役所 401会議室");

        // when its notices are made
        List<Notice> notices = Notices.of(new EventEnvelope<TsunaguEvent>("e1", "/tsunagu/meeting-service",
                Instant.parse("2026-12-04T00:00:00Z"), DUE.minusDays(7), null, invited), List.of());

        // then each agency is told of its own, with the day, the time and the place
        assertEquals(List.of(B, C), notices.stream().map(Notice::agencyId).toList());
        assertEquals(java.time.LocalTime.of(14, 0), notices.getFirst().startsAt());
        assertEquals("久留米市役所 401会議室", notices.getFirst().place());
        Notice n = notices.getFirst();
        var stored = new NoticeRecords.Stored(1, n.id(), KURUME, B, n.type(), null, n.on(), n.dueOn(), "m-1", false,
                Instant.parse("2026-12-04T00:00:00Z"), null, null, null, null, n.startsAt(), n.place(), null, null);
        assertEquals("会議の構成員として招集されました（令和8年12月11日 14:00〜、久留米市役所 401会議室）",
                NoticeMessage.what(stored));
        var before = new NoticeRecords.Stored(1, n.id(), KURUME, B, n.type(), null, n.on(), n.dueOn(), "m-1", false,
                Instant.parse("2026-12-04T00:00:00Z"), null, null, null, null, null, null, null, null);
        assertEquals("会議の構成員として招集されました（令和8年12月11日）", NoticeMessage.what(before),
                "an invitation written before meetings had a time and place");
    }
}
