package jp.tsunagu.meeting;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jp.tsunagu.contract.Topics;
import jp.tsunagu.contract.codes.AgeBand;
import jp.tsunagu.contract.codes.Channel;
import jp.tsunagu.contract.codes.Concern;
import jp.tsunagu.contract.codes.Consent;
import jp.tsunagu.contract.codes.EmergencyReview;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.Relation;
import jp.tsunagu.contract.codes.Urgency;
import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.HouseholdMember;
import jp.tsunagu.contract.events.IntakeEvent;
import jp.tsunagu.contract.events.MeetingEvent;
import jp.tsunagu.contract.events.Reason;
import jp.tsunagu.contract.events.RoutingEvent;
import jp.tsunagu.contract.events.SealedData;
import jp.tsunagu.contract.events.TsunaguEvent;
import jp.tsunagu.testing.TopicProbe;
import jp.tsunagu.testing.TsunaguTestResources;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static jp.tsunagu.testing.Tokens.KURUME;
import static jp.tsunagu.testing.Tokens.NAGAREYAMA;
import static jp.tsunagu.testing.Tokens.agency;
import static jp.tsunagu.testing.Tokens.bearer;
import static jp.tsunagu.testing.Tokens.role;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Escalations onto agendas, consent moving tracks, minutes as events, and 支援会議 confidentiality. */
@QuarkusTest
@QuarkusTestResource(TsunaguTestResources.class)
class MeetingFlowTest {

    @jakarta.inject.Inject
    io.agroal.api.AgroalDataSource database;

    @Test
    void theAuditTrailIsAppendOnlyEvenForTheServiceItself() throws Exception {
        String meetingId = given().header("Authorization", bearer(role("coordinator", KURUME)))
                .header("Idempotency-Key", java.util.UUID.randomUUID().toString()).contentType("application/json")
                .body(newMeeting("SHIEN_KAIGI", "2030-01-23")).post("/meetings").then()
                .statusCode(201).extract().path("meetingId");
        given().header("Authorization", bearer(role("coordinator", KURUME))).get("/meetings/" + meetingId).then()
                .statusCode(200);
        try (var connection = database.getConnection(); var statement = connection.createStatement()) {
            var count = statement.executeQuery("select count(*) from meeting.audit_entry");
            count.next();
            org.junit.jupiter.api.Assertions.assertTrue(count.getLong(1) > 0, "the refused read was recorded");
            for (String rewrite : List.of("update meeting.audit_entry set outcome = 'ALLOWED'",
                    "delete from meeting.audit_entry", "truncate meeting.audit_entry")) {
                var refused = org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class,
                        () -> statement.execute(rewrite), rewrite);
                org.junit.jupiter.api.Assertions.assertTrue(refused.getMessage().contains("append-only"), rewrite);
            }
        }
    }


    @Test
    void anEscalatedCaseIsQueuedForTheNextMeetingOfItsTrackAndConsentMovesIt() {
        String caseId = referAndEscalate(KURUME, Consent.UNKNOWN, MeetingType.SHIEN_KAIGI, LocalDate.of(2024, 4, 2), false);
        MeetingEvent.CaseQueued queued = awaitMeetingEvent(caseId, MeetingEvent.CaseQueued.class, q -> true);
        assertEquals("402036-SHIEN_KAIGI-2024-04-24", queued.meetingId(), "the 4th Wednesday of April 2024");
        meeting(role("coordinator", KURUME), queued.meetingId()).statusCode(200)
                .body("typeLabel", equalTo("支援会議"))
                .body("agenda.caseId", hasItem(caseId));

        publish(Topics.INTAKE, new IntakeEvent.ConsentRecorded(caseId, KURUME, Consent.GIVEN, LocalDate.of(2024, 4, 5)),
                LocalDate.of(2024, 4, 5));
        MeetingEvent.CaseQueued moved = awaitMeetingEvent(caseId, MeetingEvent.CaseQueued.class,
                q -> q.track() == MeetingType.JUUSOU_SHIEN_KAIGI);
        assertEquals("402036-JUUSOU_SHIEN_KAIGI-2024-04-24", moved.meetingId());
        meeting(role("coordinator", KURUME), moved.meetingId()).body("agenda.caseId", hasItem(caseId));
        meeting(role("coordinator", KURUME), queued.meetingId()).body("agenda.caseId", not(hasItem(caseId)));
    }

    @Test
    void minutesBecomeEventsOnceAndUnreviewedCasesStayQueued() {
        LocalDate may = LocalDate.of(2024, 5, 1);
        String planned = referAndEscalate(KURUME, Consent.GIVEN, MeetingType.JUUSOU_SHIEN_KAIGI, may, false);
        String waiting = referAndEscalate(KURUME, Consent.GIVEN, MeetingType.JUUSOU_SHIEN_KAIGI, may, false);
        awaitMeetingEvent(planned, MeetingEvent.CaseQueued.class, q -> true);
        awaitMeetingEvent(waiting, MeetingEvent.CaseQueued.class, q -> true);
        String meetingId = "402036-JUUSOU_SHIEN_KAIGI-2024-05-22";

        String minutes = """
                {"heldOn":"2024-05-22","attendees":["kurume-houkatsu-01","kurume-jiritsu-01"],
                 "reviews":[{"caseId":"%s","outcome":"PLAN","planType":"MULTI_AGENCY",
                             "roles":[{"agencyId":"kurume-jiritsu-01","responsibility":"家計の立て直し"}],
                             "note":"本人の願いを確認"}]}""".formatted(planned);
        postMinutes(meetingId, minutes).statusCode(201)
                .body("heldOn", equalTo("2024-05-22"))
                .body("reviews[0].outcome", equalTo("PLAN"))
                .body("agenda.caseId", not(hasItem(planned)));
        postMinutes(meetingId, minutes).statusCode(409).body("type", equalTo("/problems/minutes-exist"));

        MeetingEvent.CaseReviewed reviewed = awaitMeetingEvent(planned, MeetingEvent.CaseReviewed.class, r -> true);
        assertEquals("PLAN", reviewed.outcome().name());
        assertEquals("MULTI_AGENCY", reviewed.planType().name());
        assertEquals("kurume-jiritsu-01", reviewed.roles().get(0).agencyId());
        assertEquals(LocalDate.of(2024, 5, 22), reviewed.heldOn());
        var minutesRecord = TopicProbe.await(Topics.MEETINGS, r -> meetingId.equals(r.key())
                && TopicProbe.decode(r).data() instanceof MeetingEvent.MinutesRecorded, Duration.ofSeconds(30));
        assertEquals(LocalDate.of(2024, 5, 22), TopicProbe.decode(minutesRecord).businessDate());

        MeetingEvent.CaseQueued carried = awaitMeetingEvent(waiting, MeetingEvent.CaseQueued.class,
                q -> "402036-JUUSOU_SHIEN_KAIGI-2024-06-26".equals(q.meetingId()));
        assertEquals(MeetingType.JUUSOU_SHIEN_KAIGI, carried.track());
    }

    @Test
    void aSupportMeetingMayNotAdoptAPlan() {
        String caseId = referAndEscalate(KURUME, Consent.NOT_GIVEN, MeetingType.SHIEN_KAIGI, LocalDate.of(2024, 7, 1),
                false);
        awaitMeetingEvent(caseId, MeetingEvent.CaseQueued.class, q -> true);
        postMinutes("402036-SHIEN_KAIGI-2024-07-24", """
                {"heldOn":"2024-07-24","attendees":[],"reviews":[{"caseId":"%s","outcome":"PLAN","planType":"OUTREACH"}]}
                """.formatted(caseId)).statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("never adopts a plan"));
        postMinutes("402036-SHIEN_KAIGI-2024-07-24", """
                {"heldOn":"2024-07-24","attendees":["kurume-kikan-01"],"reviews":[{"caseId":"%s","outcome":"WATCH",
                 "note":"民生委員による見守り"}]}""".formatted(caseId)).statusCode(201);
    }

    @Test
    void supportMeetingMaterialIsForCoordinatorsAndMembersAndEveryReadIsAudited() {
        String caseId = referAndEscalate(KURUME, Consent.UNKNOWN, MeetingType.SHIEN_KAIGI, LocalDate.of(2024, 8, 1),
                false);
        String meetingId = awaitMeetingEvent(caseId, MeetingEvent.CaseQueued.class, q -> true).meetingId();

        meeting(agency("kurume-houkatsu-03", KURUME), meetingId).statusCode(404);
        meeting(role("meeting-member", KURUME), meetingId).statusCode(404);
        meeting(role("coordinator", NAGAREYAMA), meetingId).statusCode(404);

        given().header("Authorization", bearer(role("coordinator", KURUME))).contentType("application/json")
                .body("{\"members\":[\"kurume-houkatsu-03\"]}").put("/meetings/" + meetingId + "/members")
                .then().statusCode(200);
        meeting(agency("kurume-houkatsu-03", KURUME), meetingId).statusCode(200).body("agenda.caseId", hasItem(caseId));
        // the invited agency is told (routing's notices); setting the same members again tells no one twice
        var invited = TopicProbe.await(Topics.MEETINGS, r -> meetingId.equals(r.key())
                && TopicProbe.decode(r).data() instanceof MeetingEvent.MembersInvited, Duration.ofSeconds(30));
        assertEquals(List.of("kurume-houkatsu-03"),
                ((MeetingEvent.MembersInvited) TopicProbe.decode(invited).data()).agencyIds());
        given().header("Authorization", bearer(role("coordinator", KURUME))).contentType("application/json")
                .body("{\"members\":[\"kurume-houkatsu-03\",\"kurume-kikan-01\"]}")
                .put("/meetings/" + meetingId + "/members").then().statusCode(200);
        var second = TopicProbe.await(Topics.MEETINGS, r -> meetingId.equals(r.key())
                && TopicProbe.decode(r).data() instanceof MeetingEvent.MembersInvited m
                && m.agencyIds().contains("kurume-kikan-01"), Duration.ofSeconds(30));
        assertEquals(List.of("kurume-kikan-01"),
                ((MeetingEvent.MembersInvited) TopicProbe.decode(second).data()).agencyIds(), "only the one added");

        ValidatableResponse audit = given().header("Authorization", bearer(role("coordinator", KURUME)))
                .get("/audit?from=2020-01-01").then().statusCode(200);
        List<String> outcomes = audit.extract().path("findAll { it.resource == 'meeting/" + meetingId
                + "' && it.agencyId == 'kurume-houkatsu-03' }.outcome");
        assertEquals(List.of("DENIED", "ALLOWED"), outcomes);
        audit.body("findAll { it.resource == 'meeting/" + meetingId + "' }.roles", hasItem("meeting-member"));
        given().header("Authorization", bearer(agency("kurume-houkatsu-03", KURUME))).get("/audit").then()
                .statusCode(403);
        given().header("Authorization", bearer(role("coordinator", NAGAREYAMA))).get("/audit?from=2020-01-01").then()
                .statusCode(200).body("findAll { it.resource == 'meeting/" + meetingId + "' }.outcome",
                        hasItem("DENIED"));
    }

    @Test
    void anUrgentEscalationGetsAnAdHocSupportMeetingWithinDays() {
        LocalDate on = LocalDate.of(2024, 9, 2);
        String caseId = referAndEscalate(KURUME, Consent.UNKNOWN, MeetingType.SHIEN_KAIGI, on, true);
        MeetingEvent.CaseQueued queued = awaitMeetingEvent(caseId, MeetingEvent.CaseQueued.class, q -> true);
        var scheduled = TopicProbe.await(Topics.MEETINGS, r -> queued.meetingId().equals(r.key())
                && TopicProbe.decode(r).data() instanceof MeetingEvent.MeetingScheduled, Duration.ofSeconds(30));
        MeetingEvent.MeetingScheduled m = (MeetingEvent.MeetingScheduled) TopicProbe.decode(scheduled).data();
        assertTrue(m.adHoc());
        assertEquals(MeetingType.SHIEN_KAIGI, m.type());
        assertTrue(!m.scheduledOn().isBefore(on) && !m.scheduledOn().isAfter(on.plusDays(3)), m.scheduledOn().toString());
    }

    @Test
    void withoutARegularSupportMeetingACaseWaitsUntilACoordinatorNamesItForAnAdHocOne() {
        String coordinator = role("coordinator", NAGAREYAMA);
        String caseId = referAndEscalate(NAGAREYAMA, Consent.UNKNOWN, MeetingType.SHIEN_KAIGI, LocalDate.now(), false);
        assertNull(awaitMeetingEvent(caseId, MeetingEvent.CaseQueued.class, q -> true).meetingId(),
                "流山市 holds 支援会議 only as needed");
        given().header("Authorization", bearer(coordinator)).get("/agenda/waiting?track=SHIEN_KAIGI").then()
                .statusCode(200).body("find { it.caseId == '" + caseId + "' }.trackLabel", equalTo("支援会議"))
                .body("find { it.caseId == '" + caseId + "' }.meetingId", equalTo(null));

        // somebody's ad-hoc 支援会議 takes no case by itself
        String someones = given().header("Authorization", bearer(coordinator))
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType("application/json")
                .body(newMeeting("SHIEN_KAIGI", LocalDate.now().plusDays(10).toString())).post("/meetings").then()
                .statusCode(201).extract().path("meetingId");
        meeting(coordinator, someones).statusCode(200).body("agenda.caseId", not(hasItem(caseId)));

        // the coordinator names the case for her own
        String meetingId = given().header("Authorization", bearer(coordinator))
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType("application/json")
                .body("""
                        {"type":"SHIEN_KAIGI","scheduledOn":"%s","startsAt":"10:00","endsAt":"11:00",
                         "place":"流山市役所 第1会議室","cases":["%s"]}""".formatted(LocalDate.now().plusDays(11), caseId))
                .post("/meetings").then().statusCode(201).extract().path("meetingId");
        awaitMeetingEvent(caseId, MeetingEvent.CaseQueued.class, q -> meetingId.equals(q.meetingId()));
        meeting(coordinator, meetingId).statusCode(200).body("agenda.caseId", hasItem(caseId))
                .body("startsAt", equalTo("10:00:00")).body("endsAt", equalTo("11:00:00"))
                .body("place", equalTo("流山市役所 第1会議室"));
        given().header("Authorization", bearer(coordinator)).get("/meetings?type=SHIEN_KAIGI").then()
                .statusCode(200).body("find { it.meetingId == '" + meetingId + "' }.place", equalTo("流山市役所 第1会議室"));
        given().header("Authorization", bearer(coordinator)).get("/agenda/waiting").then().statusCode(200)
                .body("find { it.caseId == '" + caseId + "' }.meetingId", equalTo(meetingId))
                .body("find { it.caseId == '" + caseId + "' }.meetingAdHoc", equalTo(true));
        given().header("Authorization", bearer(agency("nagareyama-houkatsu-01", NAGAREYAMA)))
                .get("/agenda/waiting").then().statusCode(403);
    }

    /** Given a case waiting on a meeting's agenda, when it is joined to the person's earlier case: gone for good. */
    @Test
    void aCaseJoinedAsADuplicateLeavesTheWaitingListAndTheAgendaAndNoMinutesReviewIt() {
        String coordinator = role("coordinator", NAGAREYAMA);
        String caseId = referAndEscalate(NAGAREYAMA, Consent.UNKNOWN, MeetingType.SHIEN_KAIGI, LocalDate.now(), false);
        awaitMeetingEvent(caseId, MeetingEvent.CaseQueued.class, q -> true);
        String meetingId = given().header("Authorization", bearer(coordinator))
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType("application/json")
                .body("""
                        {"type":"SHIEN_KAIGI","scheduledOn":"%s","startsAt":"14:00","endsAt":"15:00",
                         "place":"流山市役所 第2会議室","cases":["%s"]}"""
                        .formatted(LocalDate.now().plusDays(12), caseId))
                .post("/meetings").then().statusCode(201).extract().path("meetingId");
        meeting(coordinator, meetingId).statusCode(200).body("agenda.caseId", hasItem(caseId));

        publish(Topics.INTAKE, new IntakeEvent.DuplicateConfirmed(caseId, null, NAGAREYAMA, UUID.randomUUID().toString(),
                null, LocalDate.now()), LocalDate.now());

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() ->
                !given().header("Authorization", bearer(coordinator)).get("/agenda/waiting").then().statusCode(200)
                        .extract().jsonPath().getList("caseId").contains(caseId));
        meeting(coordinator, meetingId).statusCode(200).body("agenda.caseId", not(hasItem(caseId)));
        given().header("Authorization", bearer(coordinator)).header("Accept-Language", "ja")
                .contentType("application/json").body("""
                        {"heldOn":"%s","reviews":[{"caseId":"%s","outcome":"CONTINUE","reason":"確認"}]}"""
                        .formatted(LocalDate.now(), caseId))
                .post("/meetings/" + meetingId + "/minutes").then().statusCode(409)
                .body("type", equalTo("/problems/case-joined"))
                .body("detail", containsString("同一人物の先の案件に重複として統合"));
    }

    @Test
    void theCoordinatorChoosesWhichMeetingDiscussesACase() {
        String coordinator = role("coordinator", KURUME);
        String caseId = referAndEscalate(KURUME, Consent.GIVEN, MeetingType.JUUSOU_SHIEN_KAIGI,
                LocalDate.of(2032, 1, 5), false, "R13-000777");
        assertEquals("402036-JUUSOU_SHIEN_KAIGI-2032-01-28",
                awaitMeetingEvent(caseId, MeetingEvent.CaseQueued.class, q -> true).meetingId(),
                "by itself, the next regular meeting of its track");
        String adHoc = given().header("Authorization", bearer(coordinator))
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType("application/json")
                .body(newMeeting("JUUSOU_SHIEN_KAIGI", "2032-01-14")).post("/meetings").then().statusCode(201)
                .extract().path("meetingId");
        String shien = given().header("Authorization", bearer(coordinator))
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType("application/json")
                .body(newMeeting("SHIEN_KAIGI", "2032-01-15")).post("/meetings").then().statusCode(201)
                .extract().path("meetingId");

        choose(coordinator, caseId, adHoc).statusCode(200).body("meetingId", equalTo(adHoc))
                .body("caseNumber", equalTo("R13-000777")).body("meetingScheduledOn", equalTo("2032-01-14"));
        awaitMeetingEvent(caseId, MeetingEvent.CaseQueued.class, q -> adHoc.equals(q.meetingId()));
        meeting(coordinator, adHoc).body("agenda.caseId", hasItem(caseId));
        meeting(coordinator, "402036-JUUSOU_SHIEN_KAIGI-2032-01-28").body("agenda.caseId", not(hasItem(caseId)));
        choose(coordinator, caseId, adHoc).statusCode(200); // the same again: nothing changes

        choose(coordinator, caseId, shien).statusCode(409).body("type", equalTo("/problems/wrong-track"));
        given().header("Authorization", bearer(coordinator)).header("Accept-Language", "ja")
                .contentType("application/json").body("{\"meetingId\":\"" + shien + "\"}")
                .put("/cases/" + caseId + "/agenda").then().statusCode(409)
                .body("detail", equalTo("ケース " + caseId + ": 支援会議では検討できません。本人同意は「同意あり」で、"
                        + "重層的支援会議を待っているケースです"));
        String held = given().header("Authorization", bearer(coordinator))
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType("application/json")
                .body(newMeeting("JUUSOU_SHIEN_KAIGI", "2025-03-05")).post("/meetings").then().statusCode(201)
                .extract().path("meetingId");
        postMinutes(held, "{\"heldOn\":\"2025-03-05\",\"attendees\":[\"kurume-kikan-01\"]}").statusCode(201);
        choose(coordinator, caseId, held).statusCode(409).body("type", equalTo("/problems/meeting-held"));
        given().header("Authorization", bearer(coordinator)).header("Accept-Language", "ja")
                .contentType("application/json").body("{\"meetingId\":\"" + held + "\"}")
                .put("/cases/" + caseId + "/agenda").then().statusCode(409)
                .body("detail", equalTo("会議 " + held + " は 2025-03-05 に開催済みです（議題は締め切られています）"));
        choose(coordinator, caseId, "no-such-meeting").statusCode(404);
        choose(role("coordinator", NAGAREYAMA), caseId, adHoc).statusCode(404);
        choose(agency("kurume-houkatsu-01", KURUME), caseId, adHoc).statusCode(403);
        given().header("Authorization", bearer(coordinator)).contentType("application/json").body("{}")
                .put("/cases/" + caseId + "/agenda").then().statusCode(400).body("errors.field", hasItem("meetingId"));
        // a new ad-hoc meeting may not take a case of another track: nothing is written
        given().header("Authorization", bearer(coordinator)).contentType("application/json")
                .body("""
                        {"type":"SHIEN_KAIGI","scheduledOn":"2032-01-16","startsAt":"14:00","place":"会議室",
                         "cases":["%s"]}""".formatted(caseId)).post("/meetings").then().statusCode(409)
                .body("type", equalTo("/problems/wrong-track"));
        given().header("Authorization", bearer(coordinator)).contentType("application/json")
                .body("""
                        {"type":"SHIEN_KAIGI","scheduledOn":"2032-01-16","startsAt":"14:00","place":"会議室",
                         "cases":["no-such-case"]}""").post("/meetings").then().statusCode(400)
                .body("errors.field", hasItem("cases[0]"));
    }

    @Test
    void aScheduledMeetingTellsWhenAndWhereAndSoDoItsInvitations() {
        String meetingId = given().header("Authorization", bearer(role("coordinator", KURUME)))
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType("application/json")
                .body("""
                        {"type":"SHIEN_KAIGI","scheduledOn":"2031-02-03","startsAt":"13:30","endsAt":"15:00",
                         "place":"えーる・ピア久留米 会議室","members":["kurume-kikan-01"]}""")
                .post("/meetings").then().statusCode(201).extract().path("meetingId");
        var scheduled = (MeetingEvent.MeetingScheduled) TopicProbe.decode(TopicProbe.await(Topics.MEETINGS,
                r -> meetingId.equals(r.key()) && TopicProbe.decode(r).data() instanceof MeetingEvent.MeetingScheduled,
                Duration.ofSeconds(30))).data();
        assertEquals(java.time.LocalTime.of(13, 30), scheduled.startsAt());
        assertEquals(java.time.LocalTime.of(15, 0), scheduled.endsAt());
        assertEquals("えーる・ピア久留米 会議室", scheduled.place());
        var invited = (MeetingEvent.MembersInvited) TopicProbe.decode(TopicProbe.await(Topics.MEETINGS,
                r -> meetingId.equals(r.key()) && TopicProbe.decode(r).data() instanceof MeetingEvent.MembersInvited,
                Duration.ofSeconds(30))).data();
        assertEquals(List.of("kurume-kikan-01"), invited.agencyIds());
        assertEquals(java.time.LocalTime.of(13, 30), invited.startsAt());
        assertEquals("えーる・ピア久留米 会議室", invited.place());

        // the calendar's series are held at its time and place
        given().header("Authorization", bearer(role("coordinator", KURUME))).get("/meetings?from=2031-04-01"
                        + "&to=2031-04-30&type=JUUSOU_SHIEN_KAIGI").then().statusCode(200);
        given().header("Authorization", bearer(role("coordinator", KURUME))).contentType("application/json")
                .body("{\"fiscalYear\":\"R13\"}").post("/meetings/schedule").then().statusCode(200)
                .body("find { it.meetingId == '402036-JUUSOU_SHIEN_KAIGI-2031-04-23' }.startsAt", equalTo("14:00:00"))
                .body("find { it.meetingId == '402036-JUUSOU_SHIEN_KAIGI-2031-04-23' }.place",
                        equalTo("久留米市役所 会議室（仮）"));
    }

    @Test
    void badRequestsAreNamed() {
        given().header("Authorization", bearer(role("coordinator", KURUME))).contentType("application/json")
                .body("{\"type\":\"TEA_PARTY\",\"scheduledOn\":\"soon\",\"startsAt\":\"2pm\"}").post("/meetings")
                .then().statusCode(400)
                .body("errors.field", equalTo(List.of("type", "scheduledOn", "startsAt", "place")));
        given().header("Authorization", bearer(role("coordinator", KURUME))).contentType("application/json")
                .body("{\"type\":\"SHIEN_KAIGI\",\"scheduledOn\":\"2024-10-01\"}").post("/meetings").then()
                .statusCode(400).body("errors.field", equalTo(List.of("startsAt", "place")));
        given().header("Authorization", bearer(agency("kurume-houkatsu-01", KURUME))).contentType("application/json")
                .body(newMeeting("SHIEN_KAIGI", "2024-10-01")).post("/meetings").then()
                .statusCode(403);
        postMinutes("402036-SHIEN_KAIGI-2099-01-01", "{\"heldOn\":\"2024-01-01\"}").statusCode(404);
    }

    @Test
    void anAgencyAddedToTheDirectoryMayBeInvitedWithoutARestart() {
        var kurume = jp.tsunagu.contract.directory.Directories.load(java.util.Optional.empty()).get(KURUME);
        var template = kurume.agencies().get(0);
        String newcomer = "kurume-newcomer-" + UUID.randomUUID().toString().substring(0, 8);
        var added = new jp.tsunagu.contract.directory.Agency(newcomer, template.organizationId(), "新しい相談窓口",
                template.kind(), template.fields(), template.role(), template.targetGroup(), template.minimumAge(),
                template.maximumAge(), template.form(), template.legalCategory(), template.department(),
                template.wholeCity(), template.serviceAreas(), template.status(), false, false);
        List<jp.tsunagu.contract.directory.Agency> agencies = new java.util.ArrayList<>(kurume.agencies());
        agencies.add(added);
        var edition = new jp.tsunagu.contract.directory.AgencyDirectory(kurume.municipality(),
                kurume.municipalityName(), "test-" + newcomer, kurume.sample(), kurume.note(), kurume.areas(),
                kurume.organizations(), agencies);
        String body = "{\"type\":\"SHIEN_KAIGI\",\"scheduledOn\":\"2024-11-01\",\"startsAt\":\"14:00\","
                + "\"place\":\"会議室\",\"members\":[\"" + newcomer + "\"]}";
        given().header("Authorization", bearer(role("coordinator", KURUME))).contentType("application/json")
                .body(body).post("/meetings").then().statusCode(400).body("errors.field", hasItem("members[0]"));

        publish(Topics.ROUTING, new RoutingEvent.DirectoryChanged(KURUME, edition.version(),
                jp.tsunagu.contract.directory.Directories.checksum(edition), edition), LocalDate.of(2024, 10, 1));

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> given()
                .header("Authorization", bearer(role("coordinator", KURUME))).contentType("application/json")
                .body(body).post("/meetings").statusCode() == 201);
    }

    @Test
    void anAgendaItemCarriesTheMeetingPackOfItsCase() {
        LocalDate on = LocalDate.of(2024, 10, 1);
        String caseId = UUID.randomUUID().toString();
        publish(Topics.INTAKE, new IntakeEvent.ReferralReceived(caseId, "R6-000101", KURUME, "kurume-jiritsu-01",
                Channel.AGENCY, on,
                "荒木", AgeBand.AGE_75_PLUS, List.of(new HouseholdMember(Relation.CHILD, AgeBand.AGE_50_64,
                List.of(Concern.HIKIKOMORI))), List.of(Concern.DEMENTIA, Concern.POVERTY), Consent.GIVEN,
                Urgency.ROUTINE, false, new SealedData("A256GCM", "case/" + caseId + "/1", "bm9uY2U=", "Y2lwaGVy")),
                on);
        publish(Topics.ROUTING, new RoutingEvent.CaseEscalatedV1(caseId, KURUME, MeetingType.JUUSOU_SHIEN_KAIGI, false,
                List.of(), List.of(new Reason("MULTI_FIELD", "複数分野（高齢・生活困窮）: 重層的支援会議へ",
                "several fields")), "rules", "dir").current(), on);
        String meetingId = awaitMeetingEvent(caseId, MeetingEvent.CaseQueued.class, q -> true).meetingId();

        String item = "agenda.find { it.caseId == '" + caseId + "' }";
        meeting(role("coordinator", KURUME), meetingId).statusCode(200)
                .body(item + ".caseNumber", equalTo("R6-000101"))
                .body(item + ".area", equalTo("荒木"))
                .body(item + ".ageBand", equalTo("AGE_75_PLUS"))
                .body(item + ".concerns", equalTo(List.of("DEMENTIA", "POVERTY")))
                .body(item + ".household[0].relation", equalTo("CHILD"))
                .body(item + ".referringAgencyId", equalTo("kurume-jiritsu-01"))
                .body(item + ".referringAgencyName", equalTo("生活自立支援センター（サンプル第1）"))
                .body(item + ".reasons[0].rule", equalTo("MULTI_FIELD"))
                .body(item + ".daysWaiting", greaterThanOrEqualTo(0))
                .body(item + ".name", equalTo(null));
    }

    @Test
    void minutesKeepTheirRecordAndOrderAndPrintAsAJapaneseGijiroku() {
        LocalDate received = LocalDate.of(2025, 1, 6);
        String first = referAndEscalate(KURUME, Consent.UNKNOWN, MeetingType.SHIEN_KAIGI, received, false,
                "R6-000042");
        String second = referAndEscalate(KURUME, Consent.UNKNOWN, MeetingType.SHIEN_KAIGI, received, false,
                "R6-000043");
        String meetingId = awaitMeetingEvent(first, MeetingEvent.CaseQueued.class, q -> true).meetingId();
        assertEquals("402036-SHIEN_KAIGI-2025-01-22", meetingId);
        awaitMeetingEvent(second, MeetingEvent.CaseQueued.class, q -> true);

        postMinutes(meetingId, """
                {"heldOn":"2025-01-22","startTime":"14:00","endTime":"13:00","attendees":["kurume-kikan-01"]}""")
                .statusCode(400).body("errors.field", hasItem("endTime"));
        postMinutes(meetingId, """
                {"heldOn":"2025-01-22","startTime":"14:00","endTime":"15:30","place":"久留米市役所 401会議室",
                 "chair":"地域福祉課 調整担当","notes":"次回までに訪問結果を共有する",
                 "attendees":["kurume-kikan-01","kurume-houkatsu-01"],
                 "reviews":[{"caseId":"%s","outcome":"WATCH","note":"<b>民生委員</b>が見守る"},
                            {"caseId":"%s","outcome":"CONTINUE"}]}""".formatted(second, first)).statusCode(201);

        meeting(role("coordinator", KURUME), meetingId).statusCode(200)
                .body("reviews.caseId", equalTo(List.of(second, first)))
                .body("reviews.caseNumber", equalTo(List.of("R6-000043", "R6-000042")))
                .body("held.place", equalTo("久留米市役所 401会議室"))
                .body("held.startTime", equalTo("14:00:00"));
        String html = given().header("Authorization", bearer(role("coordinator", KURUME))).accept("text/html")
                .get("/meetings/" + meetingId).then().statusCode(200).contentType(containsString("text/html"))
                .extract().asString();
        for (String expected : List.of("久留米市 支援会議 議事録", "社会福祉法第106条の6", "令和7年1月22日",
                "14:00〜15:30", "久留米市役所 401会議室", "地域福祉課 調整担当", "次回までに訪問結果を共有する",
                "障害者基幹相談支援センター（サンプル第1）", "見守り", "&lt;b&gt;民生委員&lt;/b&gt;", "@page { size: A4")) {
            assertTrue(html.contains(expected), expected + " in the printed minutes");
        }
        assertTrue(html.indexOf("R6-000043") > 0 && html.indexOf("R6-000043") < html.indexOf("R6-000042"),
                "named by their 受付番号, in the order discussed");
        assertFalse(html.contains(first) || html.contains(second), "nobody reads out a UUID");
        given().header("Authorization", bearer(agency("kurume-houkatsu-03", KURUME))).accept("text/html")
                .get("/meetings/" + meetingId).then().statusCode(404);
    }

    @Test
    void minutesAreCorrectedByAmendmentsThatKeepEveryVersionAndBecomeEvents() {
        LocalDate received = LocalDate.of(2025, 4, 7);
        String planned = referAndEscalate(KURUME, Consent.GIVEN, MeetingType.JUUSOU_SHIEN_KAIGI, received, false);
        String continued = referAndEscalate(KURUME, Consent.GIVEN, MeetingType.JUUSOU_SHIEN_KAIGI, received, false);
        String meetingId = meetingOfBoth(planned, continued);
        String heldOn = meetingId.substring(meetingId.length() - 10);
        // a wish longer than a plan takes is refused here, beside its field, not later when the plan is completed
        postMinutes(meetingId, """
                {"heldOn":"%s","reviews":[{"caseId":"%s","outcome":"PLAN","planType":"MULTI_AGENCY","wish":"%s"},
                                          {"caseId":"%s","outcome":"CONTINUE"}]}"""
                .formatted(heldOn, planned, "願".repeat(jp.tsunagu.contract.codes.PlanTexts.WISH + 1), continued))
                .statusCode(400).body("errors.field", equalTo(List.of("reviews[0].wish")));
        postMinutes(meetingId, """
                {"heldOn":"%s","attendees":["kurume-houkatsu-01"],"place":"久留米市役所 401会議室",
                 "reviews":[{"caseId":"%s","outcome":"PLAN","planType":"MULTI_AGENCY",
                             "roles":[{"agencyId":"kurume-jiritsu-01","responsibility":"家計の立て直し"}],
                             "wish":"母と家で暮らし続けたい","goals":["週1回の外出","家計の見通し"],
                             "reviewOn":"2025-10-31"},
                            {"caseId":"%s","outcome":"CONTINUE","note":"次回も検討"}]}"""
                .formatted(heldOn, planned, continued)).statusCode(201)
                .body("minutesVersion", equalTo(1))
                .body("reviews[0].wish", equalTo("母と家で暮らし続けたい"))
                .body("reviews[0].reviewOn", equalTo("2025-10-31"));
        assertEquals(LocalDate.of(2025, 10, 31),
                awaitMeetingEvent(planned, MeetingEvent.CaseReviewed.class, r -> true).reviewOn());

        // what cannot be corrected here: the day, an outcome that made a plan; and nothing without a coordinator
        amend(meetingId, """
                {"reason":"誤記","heldOn":"2025-04-01"}""").statusCode(400).body("errors.field", hasItem("heldOn"));
        // 3,000 unknown attendees: the first 20 named and the rest counted, not a 2.7 MB answer
        amend(meetingId, "{\"reason\":\"誤記\",\"attendees\":["
                + String.join(",", java.util.Collections.nCopies(3000, "\"no-such-agency\"")) + "]}").statusCode(400)
                .body("errors.size()", equalTo(20)).body("errors[19].field", equalTo("attendees[19]"))
                .body("moreErrors", equalTo(2980));
        amend(meetingId, """
                {"reason":"誤記","reviews":[{"caseId":"%s","outcome":"CONTINUE"}]}""".formatted(planned))
                .statusCode(409).body("type", equalTo("/problems/outcome-changed-a-plan"));
        given().header("Authorization", bearer(agency("kurume-houkatsu-01", KURUME))).contentType("application/json")
                .body("{\"reason\":\"x\"}").post("/meetings/" + meetingId + "/minutes/amendments").then()
                .statusCode(403);

        amend(meetingId, """
                {"reason":"結果の誤記を訂正（継続ではなく参加支援プラン作成）","attendees":["kurume-houkatsu-01",
                 "kurume-jiritsu-01"],
                 "reviews":[{"caseId":"%s","outcome":"PLAN","planType":"PARTICIPATION","note":"本人の同意を確認"}]}"""
                .formatted(continued)).statusCode(201)
                .header("Location", containsString("/meetings/" + meetingId + "/minutes/versions"))
                .body("minutesVersion", equalTo(2))
                .body("corrections[0].reason", equalTo("結果の誤記を訂正（継続ではなく参加支援プラン作成）"))
                .body("corrections[0].amendedCaseIds", equalTo(List.of(continued)))
                .body("reviews[1].outcome", equalTo("PLAN"))
                .body("attendees.agencyId", equalTo(List.of("kurume-houkatsu-01", "kurume-jiritsu-01")))
                .body("held.place", equalTo("久留米市役所 401会議室"));
        MeetingEvent.CaseReviewAmended amended = awaitMeetingEvent(continued, MeetingEvent.CaseReviewAmended.class,
                a -> true);
        assertEquals(2, amended.version());
        assertEquals("CONTINUE", amended.previousOutcome().name());
        assertEquals("PARTICIPATION", amended.planType().name());
        var minutesAmended = TopicProbe.await(Topics.MEETINGS, r -> meetingId.equals(r.key())
                && TopicProbe.decode(r).data() instanceof MeetingEvent.MinutesAmended, Duration.ofSeconds(30));
        assertEquals(List.of(continued),
                ((MeetingEvent.MinutesAmended) TopicProbe.decode(minutesAmended).data()).amendedCaseIds());

        given().header("Authorization", bearer(role("coordinator", KURUME)))
                .get("/meetings/" + meetingId + "/minutes/versions").then().statusCode(200)
                .body("version", equalTo(List.of(1, 2)))
                .body("[0].reviews.find { it.caseId == '%s' }.outcome".formatted(continued), equalTo("CONTINUE"))
                .body("[1].reviews.find { it.caseId == '%s' }.outcome".formatted(continued), equalTo("PLAN"))
                .body("[1].reviews.find { it.caseId == '%s' }.note".formatted(continued), equalTo("本人の同意を確認"))
                .body("[0].attendees.agencyId", equalTo(List.of("kurume-houkatsu-01")))
                .body("[1].reason", containsString("誤記を訂正"));
        String html = given().header("Authorization", bearer(role("coordinator", KURUME))).accept("text/html")
                .get("/meetings/" + meetingId).then().statusCode(200).extract().asString();
        for (String expected : List.of("第2版", "訂正履歴", "結果の誤記を訂正", "本人の希望", "母と家で暮らし続けたい",
                "週1回の外出", "見直し予定日", "令和7年10月31日", "参加支援プラン")) {
            assertTrue(html.contains(expected), expected + " in the printed minutes");
        }
        given().header("Authorization", bearer(role("coordinator", KURUME))).get("/audit?from=2020-01-01").then()
                .statusCode(200).body("resource", hasItem("meeting/" + meetingId + "/v2"))
                .body("action", hasItem("amend-minutes:JUUSOU_SHIEN_KAIGI"));
    }

    @Test
    void erasureReachesEveryWordOfTheMinutesAndNoNewWordsAreTakenAfterIt() {
        String name = "消去花子" + UUID.randomUUID().toString().substring(0, 6);
        LocalDate received = LocalDate.of(2025, 5, 7);
        String erased = referAndEscalate(KURUME, Consent.GIVEN, MeetingType.JUUSOU_SHIEN_KAIGI, received, false);
        String other = referAndEscalate(KURUME, Consent.GIVEN, MeetingType.JUUSOU_SHIEN_KAIGI, received, false);
        String meetingId = meetingOfBoth(erased, other);
        String heldOn = meetingId.substring(meetingId.length() - 10);
        postMinutes(meetingId, """
                {"heldOn":"%1$s","attendees":["kurume-houkatsu-01"],"notes":"%2$sさんの件を中心に",
                 "reviews":[{"caseId":"%3$s","outcome":"PLAN","planType":"MULTI_AGENCY","note":"%2$sさんは母と同居",
                             "roles":[{"agencyId":"kurume-jiritsu-01","responsibility":"%2$sさんの家計"}],
                             "wish":"%2$sとして暮らしたい","goals":["%2$sの外出"]},
                            {"caseId":"%4$s","outcome":"CONTINUE"}]}"""
                .formatted(heldOn, name, erased, other)).statusCode(201);
        amend(meetingId, """
                {"reason":"%sさんの件の補足","notes":"%sさんの件を中心に（補足）"}""".formatted(name, name))
                .statusCode(201).body("minutesVersion", equalTo(2));
        // the role's words never reached the log (the record's bytes, not a decoded event)
        var reviewed = TopicProbe.await(Topics.MEETINGS, r -> erased.equals(r.key())
                && TopicProbe.decode(r).data() instanceof MeetingEvent.CaseReviewed, Duration.ofSeconds(30));
        String logged = new String(reviewed.value(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(logged.contains("kurume-jiritsu-01") && !logged.contains(name), logged);

        publish(Topics.INTAKE, new IntakeEvent.PersonErased(erased, KURUME, received.plusDays(30)), received);
        String coordinator = role("coordinator", KURUME);
        await().atMost(Duration.ofSeconds(30)).until(() -> !meeting(coordinator, meetingId).extract().asString()
                .contains(name));
        // every read, version and print of the minutes: none of the words
        for (String read : List.of(meeting(coordinator, meetingId).statusCode(200).extract().asString(),
                given().header("Authorization", bearer(coordinator)).get("/meetings/" + meetingId
                        + "/minutes/versions").then().statusCode(200).extract().asString(),
                given().header("Authorization", bearer(coordinator)).accept("text/html").get("/meetings/"
                        + meetingId).then().statusCode(200).extract().asString())) {
            assertFalse(read.contains(name), read);
            assertTrue(read.contains("kurume-jiritsu-01") || read.contains("自立"), "the role's agency stays");
        }

        // words about the erased person are refused (410); a correction without them is still taken
        amend(meetingId, """
                {"reason":"補足","reviews":[{"caseId":"%s","note":"%sさんが転居"}]}""".formatted(erased, name))
                .statusCode(410).body("type", equalTo("/problems/person-erased"));
        amend(meetingId, """
                {"reason":"補足","notes":"%sさんのその後"}""".formatted(name)).statusCode(410);
        amend(meetingId, """
                {"reason":"出席者の追記","attendees":["kurume-houkatsu-01","kurume-jiritsu-01"]}""").statusCode(201)
                .body("minutesVersion", equalTo(3));
        assertFalse(meeting(coordinator, meetingId).extract().asString().contains(name));
    }

    /** The meeting both escalated cases were queued for (the first's; the second must join it). */
    static String meetingOfBoth(String first, String second) {
        String meetingId = awaitMeetingEvent(first, MeetingEvent.CaseQueued.class, q -> true).meetingId();
        awaitMeetingEvent(second, MeetingEvent.CaseQueued.class, q -> meetingId.equals(q.meetingId()));
        return meetingId;
    }

    /** A new ad-hoc meeting's body: its type and day, at 14:00 in a city hall room. */
    static String newMeeting(String type, String scheduledOn) {
        return """
                {"type":"%s","scheduledOn":"%s","startsAt":"14:00","place":"市役所 401会議室"}"""
                .formatted(type, scheduledOn);
    }

    static ValidatableResponse choose(String token, String caseId, String meetingId) {
        return given().header("Authorization", bearer(token)).contentType("application/json")
                .body("{\"meetingId\":\"" + meetingId + "\"}").put("/cases/" + caseId + "/agenda").then();
    }

    static ValidatableResponse amend(String meetingId, String body) {
        return given().header("Authorization", bearer(role("coordinator", KURUME))).contentType("application/json")
                .body(body).post("/meetings/" + meetingId + "/minutes/amendments").then();
    }

    static String referAndEscalate(String municipality, Consent consent, MeetingType track, LocalDate on,
                                   boolean urgent) {
        return referAndEscalate(municipality, consent, track, on, urgent, null);
    }

    /** The same, with the 受付番号 intake gave the case. */
    static String referAndEscalate(String municipality, Consent consent, MeetingType track, LocalDate on,
                                   boolean urgent, String caseNumber) {
        String caseId = UUID.randomUUID().toString();
        publish(Topics.INTAKE, new IntakeEvent.ReferralReceived(caseId, caseNumber, municipality, "referrer-1",
                Channel.AGENCY, on,
                municipality.equals(KURUME) ? "荒木" : "北部", AgeBand.AGE_40_49, List.of(),
                List.of(Concern.HIKIKOMORI), consent, urgent ? Urgency.EMERGENCY : Urgency.ROUTINE, false,
                new SealedData("A256GCM", "case/" + caseId + "/1", "bm9uY2U=", "Y2lwaGVy")), on);
        // as routing writes it (case-escalated.v2): with the consent it knows, an urgent case as 緊急 and 危険・緊急
        publish(Topics.ROUTING, new RoutingEvent.CaseEscalated(caseId, municipality, track,
                urgent ? Urgency.EMERGENCY : Urgency.ROUTINE, EmergencyReview.of(urgent), consent, List.of(),
                List.of(), "rules", "dir"), on);
        return caseId;
    }

    static void publish(String topic, TsunaguEvent event, LocalDate on) {
        TopicProbe.publish(topic, new EventEnvelope<>(UUID.randomUUID().toString(), "/tsunagu/test", Instant.now(),
                on, null, event));
    }

    static <E extends MeetingEvent> E awaitMeetingEvent(String caseId, Class<E> type, Predicate<E> match) {
        return TopicProbe.awaitEvent(Topics.MEETINGS, caseId, type, match);
    }

    static ValidatableResponse meeting(String token, String meetingId) {
        return given().header("Authorization", bearer(token)).get("/meetings/" + meetingId).then();
    }

    static ValidatableResponse postMinutes(String meetingId, String body) {
        return given().header("Authorization", bearer(role("coordinator", KURUME))).contentType("application/json")
                .body(body).post("/meetings/" + meetingId + "/minutes").then();
    }
}
