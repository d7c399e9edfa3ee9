package jp.tsunagu.routing;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jp.tsunagu.contract.Topics;
import jp.tsunagu.contract.codes.AgeBand;
import jp.tsunagu.contract.codes.BusinessDate;
import jp.tsunagu.contract.codes.CaseStatus;
import jp.tsunagu.contract.codes.Channel;
import jp.tsunagu.contract.codes.Concern;
import jp.tsunagu.contract.codes.Consent;
import jp.tsunagu.contract.codes.EmergencyReview;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.PlanType;
import jp.tsunagu.contract.codes.Urgency;
import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.EventIds;
import jp.tsunagu.contract.events.IntakeEvent;
import jp.tsunagu.contract.events.RoutingEvent;
import jp.tsunagu.contract.events.SealedData;
import jp.tsunagu.contract.events.TsunaguEvent;
import jp.tsunagu.testing.TopicProbe;
import jp.tsunagu.testing.TsunaguTestResources;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

import static jp.tsunagu.routing.RoutingFlowTest.awaitRouting;
import static jp.tsunagu.routing.RoutingFlowTest.routing;
import static jp.tsunagu.testing.Tokens.KURUME;
import static jp.tsunagu.testing.Tokens.role;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cases brought in from a city's list (台帳取込), as intake writes them: an imported referral-received, then its
 * case-imported. Routing writes the events the live system would have written then, dated as the list says, with
 * the import source, and its tables end as if it had happened live; nobody is notified.
 */
@QuarkusTest
@QuarkusTestResource(TsunaguTestResources.class)
class ImportedCaseTest {

    static final String INTAKE_IMPORT = "/tsunagu/intake-service/import";
    static final String ROUTING_IMPORT = "/tsunagu/routing-service/import";
    static final LocalDate RECEIVED_ON = LocalDate.of(2025, 9, 26);
    /** A Friday: the answer was due five office days later, 2025-10-10. */
    static final LocalDate ROUTED_ON = LocalDate.of(2025, 10, 3);
    static final LocalDate ACCEPTED_ON = LocalDate.of(2025, 10, 7);

    @Inject
    DataSource db;

    /** An imported case's two intake events, as intake's import writes them. */
    record Imported(String caseId, EventEnvelope<TsunaguEvent> referral, EventEnvelope<TsunaguEvent> listed) {

        void publish() {
            TopicProbe.publish(Topics.INTAKE, referral);
            TopicProbe.publish(Topics.INTAKE, listed);
        }
    }

    static Imported imported(int age, Concern concern, Consent consent, Urgency urgency, LocalDate receivedOn,
                             CaseStatus status, String agencyId, LocalDate routedOn, LocalDate acceptedOn,
                             PlanType planType) {
        String caseId = UUID.randomUUID().toString();
        var referral = new IntakeEvent.ReferralReceived(caseId, "R7-009001", KURUME, null, Channel.WALK_IN,
                receivedOn, "荒木", AgeBand.of(age), List.of(), List.of(concern), consent, urgency, false,
                new SealedData("A256GCM", "case/" + caseId + "/1", "bm9uY2U=", "Y2lwaGVy"));
        var listed = new IntakeEvent.CaseImported(caseId, "R7-009001", KURUME, "import-1", status, agencyId, routedOn,
                acceptedOn, planType, planType == null ? null : ACCEPTED_ON, null);
        String referralId = EventIds.referralReceived(caseId);
        return new Imported(caseId,
                new EventEnvelope<>(referralId, INTAKE_IMPORT, Instant.now(), receivedOn, "request/import", referral),
                new EventEnvelope<>(EventIds.caseImported(caseId), INTAKE_IMPORT, Instant.now(), receivedOn,
                        referralId, listed));
    }

    @Test
    void anImportedReferralWaitsForItsListsAccountAndAReceivedCaseIsThenRoutedByTheRules() {
        LocalDate yesterday = BusinessDate.today().minusDays(1);
        Imported c = imported(83, Concern.DEMENTIA, Consent.UNKNOWN, Urgency.ROUTINE, yesterday,
                CaseStatus.RECEIVED, null, yesterday, null, null);

        TopicProbe.publish(Topics.INTAKE, c.referral());
        awaitProcessed(c.referral().id());
        assertEquals(List.of(), routingEvents(c.caseId()), "not routed before its case-imported");
        routing(role("coordinator", KURUME), c.caseId()).statusCode(404);

        TopicProbe.publish(Topics.INTAKE, c.listed());
        awaitRouting(c.caseId(), RoutingEvent.CaseRouted.class);
        List<EventEnvelope<TsunaguEvent>> events = routingEvents(c.caseId());
        assertEquals(List.of("case-routed@" + yesterday), typesAndDates(events));
        assertImportSource(events);
        RoutingEvent.CaseRouted routed = (RoutingEvent.CaseRouted) events.get(0).data();
        assertEquals(RoutingFlowTest.ARAKI_HOUKATSU, routed.agencyId(), "the rules' choice, as for a live case");
        assertEquals(EventIds.routingDecision(c.caseId(), 1), events.get(0).id());
        routing(role("coordinator", KURUME), c.caseId()).statusCode(200)
                .body("caseNumber", equalTo("R7-009001"))
                .body("decision", equalTo("ROUTED"))
                .body("state", equalTo("AWAITING"))
                .body("routedOn", equalTo(yesterday.toString()))
                .body("dueOn", equalTo(routed.acceptBy().toString()))
                .body("reasons.rule", hasItem("ONE_FIELD"));
        assertEquals(0, notices(c.caseId()));
    }

    @Test
    void aCaseItsAgencyAcceptedIsRoutedThereAndAcceptedOnTheListsDaysOnceHoweverOftenItComes() {
        String agency = "kurume-houkatsu-02";
        Imported c = imported(83, Concern.DEMENTIA, Consent.UNKNOWN, Urgency.ROUTINE, RECEIVED_ON,
                CaseStatus.ACCEPTED, agency, ROUTED_ON, ACCEPTED_ON, null);

        c.publish();
        awaitRouting(c.caseId(), RoutingEvent.RoutingAccepted.class);

        List<EventEnvelope<TsunaguEvent>> events = routingEvents(c.caseId());
        assertEquals(List.of("case-routed@" + ROUTED_ON, "routing-accepted@" + ACCEPTED_ON), typesAndDates(events));
        assertImportSource(events);
        RoutingEvent.CaseRouted routed = (RoutingEvent.CaseRouted) events.get(0).data();
        assertEquals(agency, routed.agencyId(), "the list's agency, not the rules' choice");
        assertEquals(LocalDate.of(2025, 10, 10), routed.acceptBy());
        assertEquals(agency, ((RoutingEvent.RoutingAccepted) events.get(1).data()).agencyId());
        assertEquals(List.of(EventIds.routingDecision(c.caseId(), 1), EventIds.routingAnswer(c.caseId(), 1,
                "accepted")), events.stream().map(EventEnvelope::id).toList());
        routing(role("coordinator", KURUME), c.caseId()).statusCode(200)
                .body("agencyId", equalTo(agency))
                .body("state", equalTo("ACCEPTED"))
                .body("routedOn", equalTo(ROUTED_ON.toString()))
                .body("reasons.rule", hasItem("IMPORTED"))
                .body("reasons.detailJa", hasItem("市の台帳から取込（担当機関）"))
                .body("history.businessDate", equalTo(List.of(ROUTED_ON.toString(), ACCEPTED_ON.toString())));
        assertEquals(List.of("ACCEPTED", ROUTED_ON.toString(), ACCEPTED_ON.toString()), inboxItem(agency, c.caseId()));
        assertEquals(0, notices(c.caseId()), "a months-old case is not news to its agency");
        long load = load(agency);
        assertEquals(holding(agency), load);

        // the same events again, and the list's account under another id (a replayed batch): nothing new
        c.publish();
        String replayed = c.listed().id() + "/replayed";
        TopicProbe.publish(Topics.INTAKE, new EventEnvelope<>(replayed, INTAKE_IMPORT, Instant.now(),
                RECEIVED_ON, c.referral().id(), c.listed().data()));
        awaitProcessed(replayed);
        assertEquals(events.stream().map(EventEnvelope::id).toList(),
                routingEvents(c.caseId()).stream().map(EventEnvelope::id).toList());
        routing(role("coordinator", KURUME), c.caseId()).statusCode(200).body("state", equalTo("ACCEPTED"))
                .body("history.businessDate", equalTo(List.of(ROUTED_ON.toString(), ACCEPTED_ON.toString())));
        assertEquals(load, load(agency));
    }

    @Test
    void anEscalatedCaseGoesToTheMeetingItsConsentAllowsWithItsUrgency() {
        Imported given = imported(45, Concern.HIKIKOMORI, Consent.GIVEN, Urgency.URGENT, RECEIVED_ON,
                CaseStatus.IN_MEETING, null, ROUTED_ON, null, null);
        Imported notGiven = imported(45, Concern.HIKIKOMORI, Consent.NOT_GIVEN, Urgency.ROUTINE, RECEIVED_ON,
                CaseStatus.PLAN_ACTIVE, null, ROUTED_ON, null, PlanType.MULTI_AGENCY);

        given.publish();
        notGiven.publish();
        RoutingEvent.CaseEscalated withConsent = awaitRouting(given.caseId(), RoutingEvent.CaseEscalated.class);
        RoutingEvent.CaseEscalated without = awaitRouting(notGiven.caseId(), RoutingEvent.CaseEscalated.class);

        assertEquals(MeetingType.JUUSOU_SHIEN_KAIGI, withConsent.track());
        assertEquals(Urgency.URGENT, withConsent.urgency());
        assertEquals(EmergencyReview.REGULAR, withConsent.review());
        assertEquals(MeetingType.SHIEN_KAIGI, without.track());
        for (Imported c : List.of(given, notGiven)) {
            List<EventEnvelope<TsunaguEvent>> events = routingEvents(c.caseId());
            assertEquals(List.of("case-escalated@" + ROUTED_ON), typesAndDates(events));
            assertImportSource(events);
        }
        routing(role("coordinator", KURUME), given.caseId()).statusCode(200)
                .body("decision", equalTo("ESCALATED"))
                .body("state", equalTo("ESCALATED"))
                .body("track", equalTo("JUUSOU_SHIEN_KAIGI"))
                .body("urgency", equalTo("URGENT"))
                .body("routedOn", equalTo(ROUTED_ON.toString()))
                .body("reasons.rule", hasItem("IMPORTED"));
    }

    @Test
    void anOutreachCaseGoesToItsListedAgencyWhichTookItOnTheSameDay() {
        String agency = "kurume-outreach-01";
        Imported c = imported(24, Concern.HIKIKOMORI, Consent.UNKNOWN, Urgency.ROUTINE, RECEIVED_ON,
                CaseStatus.IN_OUTREACH, agency, ROUTED_ON, null, null);

        c.publish();
        awaitRouting(c.caseId(), RoutingEvent.RoutingAccepted.class);

        List<EventEnvelope<TsunaguEvent>> events = routingEvents(c.caseId());
        assertEquals(List.of("outreach-requested@" + ROUTED_ON, "routing-accepted@" + ROUTED_ON),
                typesAndDates(events));
        assertImportSource(events);
        assertEquals(agency, assertInstanceOf(RoutingEvent.OutreachRequested.class, events.get(0).data()).agencyId());
        routing(role("coordinator", KURUME), c.caseId()).statusCode(200)
                .body("decision", equalTo("OUTREACH"))
                .body("agencyId", equalTo(agency))
                .body("state", equalTo("ACCEPTED"));
        assertEquals(List.of("ACCEPTED", ROUTED_ON.toString(), ROUTED_ON.toString()), inboxItem(agency, c.caseId()));
        assertEquals(0, notices(c.caseId()));
    }

    @Test
    void aLiveReferralIsStillRoutedAtOnceAndItsAgencyTold() {
        String caseId = RoutingFlowTest.refer(KURUME, "荒木", 81, List.of(Concern.DEMENTIA), Channel.AGENCY,
                Consent.UNKNOWN, BusinessDate.today());

        awaitRouting(caseId, RoutingEvent.CaseRouted.class);

        EventEnvelope<TsunaguEvent> routed = routingEvents(caseId).get(0);
        assertFalse(routed.imported());
        assertEquals("/tsunagu/routing-service", routed.source());
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> notices(caseId) > 0);
    }

    static List<EventEnvelope<TsunaguEvent>> routingEvents(String caseId) {
        return TopicProbe.readAll(Topics.ROUTING).stream().filter(r -> caseId.equals(r.key()))
                .map(TopicProbe::decode).toList();
    }

    /** Each event's type without its prefix and version, and its business date: {@code case-routed@2025-10-03}. */
    static List<String> typesAndDates(List<EventEnvelope<TsunaguEvent>> events) {
        return events.stream().map(e -> e.type().replaceAll("^jp\\.tsunagu\\.routing\\.|\\.v\\d+$", "") + "@"
                + e.businessDate()).toList();
    }

    static void assertImportSource(List<EventEnvelope<TsunaguEvent>> events) {
        assertFalse(events.isEmpty());
        events.forEach(e -> {
            assertEquals(ROUTING_IMPORT, e.source(), e.id());
            assertTrue(e.imported());
        });
    }

    private void awaitProcessed(String eventId) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "select count(*) from routing.processed_event where consumer = 'routing' and event_id = ?",
                eventId) > 0);
    }

    private long notices(String caseId) {
        return count("select count(*) from routing.notice where case_id = ?", caseId);
    }

    private long load(String agency) {
        return count("select coalesce(sum(open_cases), 0) from routing.agency_load where agency_id = ?", agency);
    }

    /** The cases the agency holds (waiting for its answer or accepted): what its load must equal. */
    private long holding(String agency) {
        return count("select count(*) from routing.case_routing where agency_id = ? and state in ('AWAITING', "
                + "'ACCEPTED')", agency);
    }

    /** state, routed_on, answered_on of the agency's inbox item for the case. */
    private List<String> inboxItem(String agency, String caseId) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "select state, routed_on, answered_on from routing.inbox_item where agency_id = ? and case_id = ?")) {
            s.setString(1, agency);
            s.setString(2, caseId);
            try (ResultSet rs = s.executeQuery()) {
                List<String> row = new ArrayList<>();
                if (rs.next()) {
                    for (int i = 1; i <= 3; i++) {
                        row.add(rs.getString(i));
                    }
                }
                return row;
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private long count(String sql, String parameter) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
