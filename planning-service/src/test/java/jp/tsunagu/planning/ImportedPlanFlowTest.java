package jp.tsunagu.planning;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jp.tsunagu.contract.Topics;
import jp.tsunagu.contract.codes.AgeBand;
import jp.tsunagu.contract.codes.CaseStatus;
import jp.tsunagu.contract.codes.Channel;
import jp.tsunagu.contract.codes.Concern;
import jp.tsunagu.contract.codes.Consent;
import jp.tsunagu.contract.codes.PlanType;
import jp.tsunagu.contract.codes.Urgency;
import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.EventIds;
import jp.tsunagu.contract.events.IntakeEvent;
import jp.tsunagu.contract.events.PlanningEvent;
import jp.tsunagu.contract.events.Role;
import jp.tsunagu.contract.events.SealedData;
import jp.tsunagu.contract.events.TsunaguEvent;
import jp.tsunagu.testing.TopicProbe;
import jp.tsunagu.testing.TsunaguTestResources;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static jp.tsunagu.planning.PlanFlowTest.COORDINATOR;
import static jp.tsunagu.planning.PlanFlowTest.get;
import static jp.tsunagu.planning.PlanFlowTest.plans;
import static jp.tsunagu.planning.PlanFlowTest.post;
import static jp.tsunagu.testing.Tokens.KURUME;
import static jp.tsunagu.testing.Tokens.agency;
import static jp.tsunagu.testing.Tokens.role;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A caseload brought in from the city's list (台帳取込), as intake writes it: each case's plan made and closed on the
 * list's dates, announced with the import's source, once however often the case-imported is delivered, and then a
 * plan like any other, on the real broker and database.
 */
@QuarkusTest
@QuarkusTestResource(TsunaguTestResources.class)
class ImportedPlanFlowTest {

    static final String INTAKE_IMPORT = "/tsunagu/intake-service/import";
    static final LocalDate RECEIVED = LocalDate.of(2024, 4, 10);
    static final LocalDate ACCEPTED = LocalDate.of(2024, 4, 20);
    static final LocalDate MADE = LocalDate.of(2024, 5, 15);
    static final LocalDate CLOSED = LocalDate.of(2024, 12, 20);

    @Test
    void importedPlansAreMadeAndClosedOnTheListsDatesOnceAndThenRevisedLikeAnyPlan() {
        String closedCase = UUID.randomUUID().toString();
        String runningCase = UUID.randomUUID().toString();
        IntakeEvent.CaseImported participation = new IntakeEvent.CaseImported(closedCase, "R6-000101", KURUME,
                "import-1", CaseStatus.CLOSED, "kurume-sanka-01", RECEIVED, ACCEPTED, PlanType.PARTICIPATION, MADE,
                CLOSED);
        IntakeEvent.CaseImported multiAgency = new IntakeEvent.CaseImported(runningCase, "R6-000102", KURUME,
                "import-1", CaseStatus.PLAN_ACTIVE, "kurume-jiritsu-01", RECEIVED, null, PlanType.MULTI_AGENCY, MADE,
                null);
        importCase(participation);
        importCase(multiAgency);

        String closedPlan = planId(closedCase);
        String runningPlan = planId(runningCase);
        EventEnvelope<TsunaguEvent> created = awaitPlanEvent(closedCase, PlanningEvent.PlanCreated.class);
        assertEquals(new PlanningEvent.PlanCreated(closedPlan, closedCase, KURUME, PlanType.PARTICIPATION, MADE,
                List.of(new Role("kurume-sanka-01", null)), null, null, null), created.data());
        assertEquals(EventIds.planCreated(closedPlan), created.id(), "the id a live plan's creation has");
        assertEquals(MADE, created.businessDate());
        assertEquals("/tsunagu/planning-service/import", created.source());
        assertTrue(created.imported());
        EventEnvelope<TsunaguEvent> closed = awaitPlanEvent(closedCase, PlanningEvent.PlanClosed.class);
        assertEquals(new PlanningEvent.PlanClosed(closedPlan, closedCase, KURUME, PlanType.PARTICIPATION, CLOSED),
                closed.data());
        assertEquals(EventIds.planClosed(closedPlan), closed.id());
        assertEquals(CLOSED, closed.businessDate());
        assertTrue(closed.imported(), closed.source());

        EventEnvelope<TsunaguEvent> running = awaitPlanEvent(runningCase, PlanningEvent.PlanCreated.class);
        assertEquals(new PlanningEvent.PlanCreated(runningPlan, runningCase, KURUME, PlanType.MULTI_AGENCY, MADE,
                List.of(new Role("kurume-jiritsu-01", null)), null, null, null), running.data());
        assertEquals(MADE, running.businessDate());
        assertTrue(running.imported(), running.source());

        // planning holds them as live plans: version 1, no words, the listed agency's role, closed or running
        String coordinator = role(COORDINATOR, KURUME);
        plans(coordinator, closedCase).statusCode(200).body("$", hasSize(1))
                .body("[0].planId", equalTo(closedPlan)).body("[0].type", equalTo("PARTICIPATION"))
                .body("[0].status", equalTo("CLOSED")).body("[0].closedOn", equalTo("2024-12-20"))
                .body("[0].currentVersion", equalTo(1)).body("[0].versions", hasSize(1))
                .body("[0].versions[0].madeOn", equalTo("2024-05-15"))
                .body("[0].versions[0].wish", nullValue()).body("[0].versions[0].goals", hasSize(0))
                .body("[0].versions[0].roles[0].agencyId", equalTo("kurume-sanka-01"));
        plans(coordinator, runningCase).statusCode(200).body("$", hasSize(1))
                .body("[0].planId", equalTo(runningPlan)).body("[0].type", equalTo("MULTI_AGENCY"))
                .body("[0].status", equalTo("ACTIVE")).body("[0].adoptedAtMeetingId", nullValue())
                .body("[0].versions", hasSize(1)).body("[0].versions[0].reviewOn", nullValue());
        // the agency with the role reads the plan, as it would a live one's
        get(agency("kurume-jiritsu-01", KURUME), "/plans/" + runningPlan).statusCode(200)
                .body("status", equalTo("ACTIVE"));

        // a redelivery (the same event, and the same case-imported under another id) writes nothing new
        importAgain(participation);
        importAgain(multiAgency);
        HouseholdPlanFlowTest.link(closedCase); // the cases' next events: applied after the redeliveries
        HouseholdPlanFlowTest.link(runningCase);
        List<EventEnvelope<TsunaguEvent>> log = TopicProbe.readAll(Topics.PLANS).stream().map(TopicProbe::decode)
                .filter(e -> e.subject().equals(closedCase) || e.subject().equals(runningCase)).toList();
        assertEquals(List.of("PlanClosed " + closedCase, "PlanCreated " + closedCase, "PlanCreated " + runningCase)
                        .stream().sorted().toList(),
                log.stream().map(e -> e.data().getClass().getSimpleName() + " " + e.subject()).sorted().toList(),
                "one plan-created per plan, one plan-closed");
        plans(coordinator, runningCase).statusCode(200).body("$", hasSize(1)).body("[0].versions", hasSize(1));

        // a coordinator revises the imported 多機関協働プラン (no meeting named) like any plan: a live event
        post(coordinator, "/plans/" + runningPlan + "/revisions",
                "{\"madeOn\":\"2024-09-02\",\"reason\":\"就労の希望が出てきた\",\"goals\":[\"就労体験\"]}")
                .statusCode(201).body("version", equalTo(2));
        PlanningEvent.PlanRevised revised = TopicProbe.awaitEvent(Topics.PLANS, runningCase,
                PlanningEvent.PlanRevised.class, e -> e.version() == 2);
        assertEquals(LocalDate.of(2024, 9, 2), revised.madeOn());
        var revisedRecord = TopicProbe.await(Topics.PLANS, r -> runningCase.equals(r.key())
                && TopicProbe.decode(r).data() instanceof PlanningEvent.PlanRevised, Duration.ofSeconds(30));
        assertEquals("/tsunagu/planning-service", TopicProbe.decode(revisedRecord).source(), "live, not imported");
        get(coordinator, "/plans/" + runningPlan).statusCode(200).body("versions", hasSize(2))
                .body("versions[1].reason", equalTo("就労の希望が出てきた"));
        // the closed one stays closed: a closed plan is not revised
        post(coordinator, "/plans/" + closedPlan + "/revisions",
                "{\"madeOn\":\"2025-01-10\",\"reason\":\"再開\"}").statusCode(409);
    }

    /** What intake writes for a row, with its import publisher: the referral, then the list's account of the case. */
    static void importCase(IntakeEvent.CaseImported row) {
        String caseId = row.caseId();
        TopicProbe.publish(Topics.INTAKE, new EventEnvelope<>(EventIds.referralReceived(caseId), INTAKE_IMPORT,
                Instant.now(), RECEIVED, null, new IntakeEvent.ReferralReceived(caseId, row.caseNumber(), KURUME,
                null, Channel.PHONE, RECEIVED, "荒木", AgeBand.AGE_40_49, List.of(), List.of(Concern.HIKIKOMORI),
                Consent.GIVEN, Urgency.ROUTINE, false,
                new SealedData("A256GCM", "case/" + caseId + "/1", "bm9uY2U=", "Y2lwaGVy"))));
        TopicProbe.publish(Topics.INTAKE, new EventEnvelope<>(EventIds.caseImported(caseId), INTAKE_IMPORT,
                Instant.now(), RECEIVED, EventIds.referralReceived(caseId), row));
    }

    /** The case-imported delivered again: as it was, and past the inbox under another id. */
    static void importAgain(IntakeEvent.CaseImported row) {
        for (String id : List.of(EventIds.caseImported(row.caseId()), UUID.randomUUID().toString())) {
            TopicProbe.publish(Topics.INTAKE, new EventEnvelope<>(id, INTAKE_IMPORT, Instant.now(), RECEIVED, null,
                    row));
        }
    }

    static String planId(String caseId) {
        return UUID.nameUUIDFromBytes(("imported-plan|" + caseId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    static EventEnvelope<TsunaguEvent> awaitPlanEvent(String caseId, Class<? extends PlanningEvent> type) {
        return TopicProbe.decode(TopicProbe.await(Topics.PLANS, r -> caseId.equals(r.key())
                && type.isInstance(TopicProbe.decode(r).data()), Duration.ofSeconds(30)));
    }
}
