package jp.tsunagu.meeting;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import jakarta.inject.Inject;
import io.quarkus.test.junit.QuarkusTest;
import jp.tsunagu.contract.Topics;
import jp.tsunagu.contract.codes.Consent;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.events.IntakeEvent;
import jp.tsunagu.contract.events.MeetingEvent;
import jp.tsunagu.testing.DocumentedExamples;
import jp.tsunagu.testing.DocumentedExamples.Given;
import jp.tsunagu.testing.TsunaguTestResources;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static jp.tsunagu.meeting.MeetingFlowTest.awaitMeetingEvent;
import static jp.tsunagu.meeting.MeetingFlowTest.referAndEscalate;
import static jp.tsunagu.testing.DocumentedExamples.answered;
import static jp.tsunagu.testing.Tokens.KURUME;
import static jp.tsunagu.testing.Tokens.role;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What a city's coordinator tool copies from the OpenAPI document works as the document says. Last of the module's
 * classes: the year's regular meetings and the ad-hoc meeting its examples schedule would take the cases the other
 * classes escalate (junit-platform.properties orders the classes).
 */
@Order(Integer.MAX_VALUE)
@QuarkusTest
@QuarkusTestResource(TsunaguTestResources.class)
class DocumentedExamplesTest {

    @Inject
    AgroalDataSource database;

    private long members(String householdId) throws SQLException {
        try (var connection = database.getConnection(); var statement = connection.prepareStatement(
                "select count(*) from meeting.household_member where household_id = ?")) {
            statement.setString(1, householdId);
            var count = statement.executeQuery();
            count.next();
            return count.getLong(1);
        }
    }

    @Test
    void everyDocumentedRequestExampleIsAcceptedAndDoesWhatItSays() {
        String coordinator = role("coordinator", KURUME);
        // two cases escalated to 重層的支援会議 with consent wait for the next regular meeting after they came in
        LocalDate received = LocalDate.of(2025, 9, 1);
        String planned = referAndEscalate(KURUME, Consent.GIVEN, MeetingType.JUUSOU_SHIEN_KAIGI, received, false);
        String continued = referAndEscalate(KURUME, Consent.GIVEN, MeetingType.JUUSOU_SHIEN_KAIGI, received, false);
        String meetingId = awaitMeetingEvent(planned, MeetingEvent.CaseQueued.class, q -> true).meetingId();
        awaitMeetingEvent(continued, MeetingEvent.CaseQueued.class, q -> meetingId.equals(q.meetingId()));
        LocalDate heldOn = LocalDate.parse(meetingId.substring(meetingId.length() - 10));

        // two cases without consent wait for a 支援会議: the ad-hoc one takes the first as named, the second is chosen
        String named = referAndEscalate(KURUME, Consent.UNKNOWN, MeetingType.SHIEN_KAIGI, received, false);
        String chosen = referAndEscalate(KURUME, Consent.UNKNOWN, MeetingType.SHIEN_KAIGI, received, false);
        awaitMeetingEvent(named, MeetingEvent.CaseQueued.class, q -> true);
        awaitMeetingEvent(chosen, MeetingEvent.CaseQueued.class, q -> true);

        // a household (世帯) of two more such cases, linked by intake, goes on the ad-hoc meeting as one item
        String mother = referAndEscalate(KURUME, Consent.UNKNOWN, MeetingType.SHIEN_KAIGI, received, false);
        String son = referAndEscalate(KURUME, Consent.UNKNOWN, MeetingType.SHIEN_KAIGI, received, false);
        awaitMeetingEvent(mother, MeetingEvent.CaseQueued.class, q -> true);
        awaitMeetingEvent(son, MeetingEvent.CaseQueued.class, q -> true);
        String householdId = "h-" + UUID.randomUUID();
        for (String member : List.of(mother, son)) {
            MeetingFlowTest.publish(Topics.INTAKE, new IntakeEvent.HouseholdLinked(member, null, KURUME, householdId,
                    received), received);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(2L, members(householdId),
                "the household as intake linked it"));

        Map<String, Given> operations = new LinkedHashMap<>();
        operations.put("schedule", Given.as(coordinator));
        // a day no other test meets on, so the ad-hoc meeting is this test's own
        operations.put("create", Given.as(coordinator).swap("2025-06-12", "2031-06-12")
                .swap("7d1c2a4e-0b6f-4e8a-9c3d-2f5e8a1b4c6d", named));
        operations.put("chooseMeeting", Given.as(coordinator).path("caseId", chosen)
                .swap("m-3f9a1c2e5b7d4e6f", answered("create", "meetingId")));
        operations.put("chooseMeetingForHousehold", Given.as(coordinator).path("householdId", householdId)
                .swap("m-3f9a1c2e5b7d4e6f", answered("create", "meetingId")));
        operations.put("members", Given.as(coordinator).path("meetingId", answered("create", "meetingId")));
        operations.put("minutes", Given.as(coordinator).path("meetingId", meetingId)
                .swap("2025-09-24", heldOn.toString()).swap("2025-12-24", heldOn.plusMonths(3).toString())
                .swap("7d1c2a4e-0b6f-4e8a-9c3d-2f5e8a1b4c6d", planned)
                .swap("3b9e6f10-5a2d-4c7b-8e1f-6d4a2c9b0e3f", continued));
        operations.put("amendMinutes", Given.as(coordinator).path("meetingId", meetingId)
                .swap("3b9e6f10-5a2d-4c7b-8e1f-6d4a2c9b0e3f", continued));

        var sent = DocumentedExamples.replay(operations);

        assertEquals(heldOn.plusMonths(3), awaitMeetingEvent(planned, MeetingEvent.CaseReviewed.class,
                r -> true).reviewOn(), "the plan's review date as the minutes gave it");
        assertEquals("PARTICIPATION", awaitMeetingEvent(continued, MeetingEvent.CaseReviewAmended.class,
                a -> true).planType().name(), "the correction became an event");
        assertEquals("2", sent.getLast().field("minutesVersion"));
        String adHoc = sent.stream().filter(x -> x.operationId().equals("create")).findFirst().orElseThrow()
                .field("meetingId");
        awaitMeetingEvent(named, MeetingEvent.CaseQueued.class, q -> adHoc.equals(q.meetingId()));
        awaitMeetingEvent(chosen, MeetingEvent.CaseQueued.class, q -> adHoc.equals(q.meetingId()));
        awaitMeetingEvent(mother, MeetingEvent.CaseQueued.class, q -> adHoc.equals(q.meetingId()));
        awaitMeetingEvent(son, MeetingEvent.CaseQueued.class, q -> adHoc.equals(q.meetingId()));
    }
}
