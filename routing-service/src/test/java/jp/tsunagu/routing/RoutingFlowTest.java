package jp.tsunagu.routing;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jp.tsunagu.contract.Topics;
import jp.tsunagu.contract.codes.AgeBand;
import jp.tsunagu.contract.codes.BusinessDate;
import jp.tsunagu.contract.codes.Channel;
import jp.tsunagu.contract.codes.Concern;
import jp.tsunagu.contract.codes.Consent;
import jp.tsunagu.contract.codes.Urgency;
import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.IntakeEvent;
import jp.tsunagu.contract.events.RoutingEvent;
import jp.tsunagu.contract.events.SealedData;
import jp.tsunagu.contract.events.TsunaguEvent;
import jp.tsunagu.testing.TopicProbe;
import jp.tsunagu.testing.TsunaguTestResources;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import static io.restassured.RestAssured.given;
import static jp.tsunagu.testing.Tokens.KURUME;
import static jp.tsunagu.testing.Tokens.NAGAREYAMA;
import static jp.tsunagu.testing.Tokens.agency;
import static jp.tsunagu.testing.Tokens.bearer;
import static jp.tsunagu.testing.Tokens.role;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Referral events in, routing events out, and the acceptance loop, on the real broker and database. */
@QuarkusTest
@QuarkusTestResource(TsunaguTestResources.class)
class RoutingFlowTest {

    @Inject
    DataSource db;

    static final String ARAKI_HOUKATSU = "kurume-houkatsu-06";

    @Test
    void aReferralIsRoutedWithItsReasonsAndTheAssignedAgencyAcceptsIt() {
        String caseId = refer(KURUME, "荒木", 81, List.of(Concern.DEMENTIA), Channel.AGENCY, Consent.UNKNOWN,
                BusinessDate.today());
        RoutingEvent.CaseRouted routed = awaitRouting(caseId, RoutingEvent.CaseRouted.class);
        assertEquals(ARAKI_HOUKATSU, routed.agencyId());

        routing(role("coordinator", KURUME), caseId).statusCode(200)
                .body("decision", equalTo("ROUTED"))
                .body("agencyId", equalTo(ARAKI_HOUKATSU))
                .body("state", equalTo("AWAITING"))
                .body("fields", hasItem("ELDERLY"))
                .body("reasons.rule", hasItem("ONE_FIELD"))
                .body("reasons.find { it.rule == 'ONE_FIELD' }.detailJa", containsString("高齢"))
                .body("ruleSetVersion", equalTo("tsunagu-default-2026.1"))
                .body("directoryVersion", startsWith("2024-04-01-sample@"));

        answer(agency(ARAKI_HOUKATSU, KURUME), caseId, "{\"accepted\":true}").statusCode(200)
                .body("state", equalTo("ACCEPTED"));
        awaitRouting(caseId, RoutingEvent.RoutingAccepted.class);
        answer(agency(ARAKI_HOUKATSU, KURUME), caseId, "{\"accepted\":true}").statusCode(409);
    }

    @Test
    void onlyTheAssignedAgencyMayAnswer() {
        String caseId = refer(KURUME, "荒木", 79, List.of(Concern.ELDER_CARE), Channel.AGENCY, Consent.UNKNOWN,
                BusinessDate.today());
        awaitRouting(caseId, RoutingEvent.CaseRouted.class);
        answer(agency("kurume-houkatsu-01", KURUME), caseId, "{\"accepted\":true}").statusCode(404)
                .contentType("application/problem+json");
        answer(role("coordinator", KURUME), caseId, "{\"accepted\":true}").statusCode(403);
        answer(agency(ARAKI_HOUKATSU, NAGAREYAMA), caseId, "{\"accepted\":true}").statusCode(403)
                .body("detail", containsString("not in the current directory"));
        answer(agency(ARAKI_HOUKATSU, KURUME), caseId, "{\"accepted\":false}").statusCode(400)
                .body("errors.field", hasItem("reason"));
        answer(agency(ARAKI_HOUKATSU, KURUME), caseId, "{}").statusCode(400).body("errors.field", hasItem("accepted"));
        routing(agency("kurume-houkatsu-01", KURUME), caseId).statusCode(404);
        routing(role("coordinator", NAGAREYAMA), caseId).statusCode(404);
    }

    @Test
    void aDeclineRoutesToTheNextSiteAndTheLastDeclineEscalates() {
        String caseId = refer(NAGAREYAMA, "北部", 72, List.of(Concern.DEMENTIA), Channel.AGENCY, Consent.GIVEN,
                BusinessDate.today());
        String first = awaitRouting(caseId, RoutingEvent.CaseRouted.class).agencyId();
        answer(agency(first, NAGAREYAMA), caseId, "{\"accepted\":false,\"reason\":\"担当圏域外のため\"}")
                .statusCode(200)
                .body("state", equalTo("AWAITING"))
                .body("declinedBy", hasItem(first));
        routing(role("coordinator", NAGAREYAMA), caseId).statusCode(200)
                .body("agencyId", not(equalTo(first)))
                .body("history.eventType", hasItem("jp.tsunagu.routing.routing-declined.v1"))
                // the history in the one Japanese wording the referrer's and the reports' histories use
                .body("history.detail", hasItem("辞退（理由: 担当圏域外のため）"))
                .body("history.detail", hasItem(startsWith("支援機関へつなぐ（分野: ")));
        // the reason is words about the person: it stays in routing (erasable), never in the log
        RoutingEvent.RoutingDeclined declined = awaitRouting(caseId, RoutingEvent.RoutingDeclined.class);
        assertEquals(null, declined.reason());
        String logged = new String(TopicProbe.await(Topics.ROUTING, r -> caseId.equals(r.key())
                && TopicProbe.decode(r).data() instanceof RoutingEvent.RoutingDeclined,
                java.time.Duration.ofSeconds(30)).value(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(logged.contains(first) && !logged.contains("担当圏域外"), logged);
        // the person erased: the decline's free text goes from routing's view, the step stays
        TopicProbe.publish(Topics.INTAKE, new EventEnvelope<TsunaguEvent>(caseId + "/person-erased", "/tsunagu/test",
                java.time.Instant.now(), BusinessDate.today(), null,
                new IntakeEvent.PersonErased(caseId, NAGAREYAMA, BusinessDate.today())));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() ->
                !routing(role("coordinator", NAGAREYAMA), caseId).extract().asString().contains("担当圏域外"));
        routing(role("coordinator", NAGAREYAMA), caseId).statusCode(200)
                .body("history.eventType", hasItem("jp.tsunagu.routing.routing-declined.v1"))
                .body("history.detail", hasItem("辞退（理由は本人の情報とともに消去されました）"));
        // the next agency may not write a reason about the erased person (410); nothing changes
        String second = routing(role("coordinator", NAGAREYAMA), caseId).extract().path("agencyId");
        answer(agency(second, NAGAREYAMA), caseId, "{\"accepted\":false,\"reason\":\"北部さんは対象外\"}")
                .statusCode(410).body("type", equalTo("/problems/person-erased"));
        routing(role("coordinator", NAGAREYAMA), caseId).statusCode(200).body("agencyId", equalTo(second))
                .body("state", equalTo("AWAITING"));

        String kurumeCase = refer(KURUME, "荒木", 90, List.of(Concern.DEMENTIA), Channel.AGENCY, Consent.GIVEN,
                BusinessDate.today());
        awaitRouting(kurumeCase, RoutingEvent.CaseRouted.class);
        answer(agency(ARAKI_HOUKATSU, KURUME), kurumeCase, "{\"accepted\":false,\"reason\":\"定員超過\"}")
                .statusCode(200)
                .body("decision", equalTo("ESCALATED"))
                .body("track", equalTo("JUUSOU_SHIEN_KAIGI"))
                .body("reasons.rule", hasItem("NO_SITE"));
        awaitRouting(kurumeCase, RoutingEvent.CaseEscalated.class);
        assertLoadIsWhatEachAgencyHolds();
    }

    @Test
    void aDeclinesReasonIsReadByTheReferrerAndCoordinatorsNotByTheNextAgency() {
        String referrer = "nagareyama-shougai-01";
        String caseId = refer(referrer, NAGAREYAMA, "北部", 74, List.of(Concern.DEMENTIA), Channel.AGENCY,
                Consent.GIVEN, BusinessDate.today(), Urgency.ROUTINE);
        String first = awaitRouting(caseId, RoutingEvent.CaseRouted.class).agencyId();
        answer(agency(first, NAGAREYAMA), caseId, "{\"accepted\":false,\"reason\":\"職員が不在のため\"}")
                .statusCode(200);
        String next = routing(role("coordinator", NAGAREYAMA), caseId).statusCode(200)
                .body("history.detail", hasItem("辞退（理由: 職員が不在のため）")).extract().path("agencyId");

        // the agency the case went to next: that it was declined, and by whom, not why
        routing(agency(next, NAGAREYAMA), caseId).statusCode(200)
                .body("declinedBy", hasItem(first))
                .body("history.find { it.eventType == 'jp.tsunagu.routing.routing-declined.v1' }.detail",
                        equalTo("辞退"))
                .body(not(containsString("職員が不在")));
        // the referrer reads the reason
        routing(agency(referrer, NAGAREYAMA), caseId).statusCode(200)
                .body("history.detail", hasItem("辞退（理由: 職員が不在のため）"));

        // the referrer is told: declined, why, and to whom the case went next; the next agency is not told why
        List<Map<String, Object>> told = InboxTest.notices(agency(referrer, NAGAREYAMA), caseId, "limit=200");
        assertEquals(List.of("referral-passed-on", "referral-declined"),
                told.stream().map(n -> n.get("notice")).toList(), "newest first");
        assertEquals("職員が不在のため", told.get(1).get("reason"));
        assertEquals(next, told.get(0).get("toAgencyId"));
        assertTrue(told.get(0).get("toAgencyName").toString().contains("サンプル"), told.toString());
        List<Map<String, Object>> toNext = InboxTest.notices(agency(next, NAGAREYAMA), caseId, "limit=200");
        assertEquals(List.of("case-routed"), toNext.stream().map(n -> n.get("notice")).toList());
        assertFalse(toNext.toString().contains("職員が不在"), toNext.toString());

        // when the next agency accepts, the referrer is told that too, first
        answer(agency(next, NAGAREYAMA), caseId, "{\"accepted\":true}").statusCode(200);
        told = InboxTest.notices(agency(referrer, NAGAREYAMA), caseId,
                "type=referral-accepted&type=referral-declined,referral-passed-on");
        assertEquals(List.of("referral-accepted", "referral-passed-on", "referral-declined"),
                told.stream().map(n -> n.get("notice")).toList());
        assertEquals(next, told.get(0).get("toAgencyId"));
    }

    @Test
    void aRoutingNotAcceptedInTimeIsEscalatedByTheCheck() {
        // received and typed in 30 days ago: its deadline passed long ago
        LocalDate longAgo = BusinessDate.today().minusDays(30);
        String caseId = refer(KURUME, "荒木", 83, List.of(Concern.DEMENTIA), Channel.AGENCY, Consent.NOT_GIVEN, longAgo);
        awaitRouting(caseId, RoutingEvent.CaseRouted.class);
        given().header("Authorization", bearer(role("coordinator", KURUME))).post("/routing/acceptance-check")
                .then().statusCode(200);
        RoutingEvent.AcceptanceOverdue overdue = awaitRouting(caseId, RoutingEvent.AcceptanceOverdue.class);
        assertEquals(ARAKI_HOUKATSU, overdue.agencyId());
        assertEquals(30, overdue.daysWaited());
        RoutingEvent.CaseEscalated escalated = awaitRouting(caseId, RoutingEvent.CaseEscalated.class);
        assertEquals("SHIEN_KAIGI", escalated.track().name());
        routing(role("coordinator", KURUME), caseId).statusCode(200).body("state", equalTo("ESCALATED"))
                .body("reasons.rule", hasItem("ACCEPTANCE_OVERDUE"));
        assertLoadIsWhatEachAgencyHolds();
    }

    /**
     * The load kept as decisions change equals a count of the cases each agency holds (waiting for it or accepted),
     * after declines, re-routings and escalations. One statement: one consistent snapshot.
     */
    private void assertLoadIsWhatEachAgencyHolds() {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                select coalesce(l.agency_id, h.agency_id), coalesce(l.open_cases, 0), coalesce(h.n, 0)
                  from routing.agency_load l
                  full join (select municipality, agency_id, count(*) n from routing.case_routing
                              where state in ('AWAITING', 'ACCEPTED') and agency_id is not null
                              group by municipality, agency_id) h
                    on h.municipality = l.municipality and h.agency_id = l.agency_id""")) {
            int agencies = 0;
            while (rs.next()) {
                agencies++;
                assertEquals(rs.getLong(3), rs.getLong(2), "load of " + rs.getString(1));
            }
            assertTrue(agencies > 0);
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void outreachAndUrgentEscalationAreEvents() {
        String outreach = refer(KURUME, "篠山", 24, List.of(Concern.HIKIKOMORI), Channel.OUTREACH, Consent.UNKNOWN,
                BusinessDate.today());
        assertEquals("kurume-outreach-01", awaitRouting(outreach, RoutingEvent.OutreachRequested.class).agencyId());

        String urgent = refer(KURUME, "篠山", 7, List.of(Concern.CHILD_ABUSE), Channel.PHONE, Consent.UNKNOWN,
                BusinessDate.today(), Urgency.EMERGENCY);
        RoutingEvent.CaseEscalated e = awaitRouting(urgent, RoutingEvent.CaseEscalated.class);
        assertEquals(true, e.review().adHocNow());
    }

    @Test
    void theDirectoryIsServedAndAnnouncedAsAnEvent() {
        given().header("Authorization", bearer(agency("kurume-houkatsu-01", KURUME))).get("/agencies").then()
                .statusCode(200)
                .body("municipalityName", equalTo("久留米市"))
                .body("agencies", hasSize(21))
                .body("agencies.find { it.id == 'kurume-kosodate-01' }.form", equalTo("直営"))
                .body("areas", hasSize(46));
        given().header("Authorization", bearer(role("coordinator", NAGAREYAMA))).get("/agencies").then()
                .statusCode(200)
                .body("agencies.find { it.id == 'nagareyama-yumat-01' }.legalCategory", equalTo("第1号ニ"));
        given().get("/agencies").then().statusCode(401);

        var record = TopicProbe.await(Topics.ROUTING, r -> "directory/402036".equals(r.key()), Duration.ofSeconds(30));
        RoutingEvent.DirectoryChanged changed = assertInstanceOf(RoutingEvent.DirectoryChanged.class,
                TopicProbe.decode(record).data());
        assertEquals(21, changed.directory().agencies().size());
    }

    static String refer(String municipality, String area, int age, List<Concern> concerns, Channel channel,
                        Consent consent, LocalDate receivedOn) {
        return refer(municipality, area, age, concerns, channel, consent, receivedOn, Urgency.ROUTINE);
    }

    static String refer(String municipality, String area, int age, List<Concern> concerns, Channel channel,
                        Consent consent, LocalDate receivedOn, Urgency urgency) {
        return refer("referrer-1", municipality, area, age, concerns, channel, consent, receivedOn, urgency);
    }

    static String refer(String referrer, String municipality, String area, int age, List<Concern> concerns,
                        Channel channel, Consent consent, LocalDate receivedOn, Urgency urgency) {
        String caseId = UUID.randomUUID().toString();
        var event = new IntakeEvent.ReferralReceived(caseId, null, municipality, referrer, channel, receivedOn, area,
                AgeBand.of(age), List.of(), concerns, consent, urgency, false,
                new SealedData("A256GCM", "case/" + caseId + "/1", "bm9uY2U=", "Y2lwaGVy"));
        TopicProbe.publish(Topics.INTAKE, new EventEnvelope<TsunaguEvent>(caseId + "/referral-received",
                "/tsunagu/intake-service", InboxTest.recordedOn(receivedOn), receivedOn, "request/test", event));
        return caseId;
    }

    static <E extends RoutingEvent> E awaitRouting(String caseId, Class<E> type) {
        return TopicProbe.awaitEvent(Topics.ROUTING, caseId, type, e -> true);
    }

    static ValidatableResponse routing(String token, String caseId) {
        return given().header("Authorization", bearer(token)).get("/cases/" + caseId + "/routing").then();
    }

    static ValidatableResponse answer(String token, String caseId, String body) {
        return given().header("Authorization", bearer(token)).contentType("application/json").body(body)
                .post("/cases/" + caseId + "/acceptance").then();
    }
}
