package jp.tsunagu.intake;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jp.tsunagu.contract.Topics;
import jp.tsunagu.contract.codes.Field;
import jp.tsunagu.contract.events.RoutingEvent;
import jp.tsunagu.support.clock.BusinessClock;
import jp.tsunagu.testing.TsunaguTestResources;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static jp.tsunagu.intake.CaseListTest.COORDINATOR;
import static jp.tsunagu.intake.ClosedLoopStatusTest.awaitStatus;
import static jp.tsunagu.intake.ClosedLoopStatusTest.publish;
import static jp.tsunagu.intake.IntakeApiTest.post;
import static jp.tsunagu.testing.Tokens.KURUME;
import static jp.tsunagu.testing.Tokens.agency;
import static jp.tsunagu.testing.Tokens.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * 年末年始: routing sets an answer's deadline past the closure (12/29–1/3); intake has no closure rule of its own, it
 * says a case is overdue only from the day after that deadline by its clock. The clock is set to each day with
 * QuarkusMock instead of waiting for January.
 */
@QuarkusTest
@QuarkusTestResource(TsunaguTestResources.class)
class YearEndOverdueTest {

    private static final String RECEIVED = "2025-12-25";
    /** Routed on 12/25, five business days over the closure. */
    private static final LocalDate DUE = LocalDate.of(2026, 1, 5);

    @Test
    void aDeadlineAfterTheYearEndClosureIsOverdueOnlyFromTheDayAfterIt() {
        // a past year-end: the routing event published below (now) is newer than the referral, as in life
        setClock(LocalDate.of(2025, 12, 26));
        String referrer = agency("kurume-houkatsu-02", KURUME);
        String caseId = refer(referrer);
        publish(Topics.ROUTING, new RoutingEvent.CaseRouted(caseId, KURUME, "kurume-kikan-02",
                List.of(Field.DISABILITY), List.of(), "rules-1", "dir-1", DUE));
        awaitStatus(referrer, caseId, "ROUTED");

        for (LocalDate day : List.of(LocalDate.of(2025, 12, 29), LocalDate.of(2026, 1, 3), DUE)) {
            setClock(day);
            assertEquals(false, received().path(item(caseId) + ".overdue"), day + ": not yet late");
            assertEquals(false, overdueOnly().<List<String>>path("items.caseId").contains(caseId), day.toString());
        }
        setClock(DUE.plusDays(1));
        assertEquals(true, received().path(item(caseId) + ".overdue"), "the day after the deadline");
        assertEquals(true, overdueOnly().<List<String>>path("items.caseId").contains(caseId));
    }

    private static String item(String caseId) {
        return "items.find { it.caseId == '" + caseId + "' }";
    }

    private static void setClock(LocalDate day) {
        QuarkusMock.installMockForType(BusinessClock.on(day), BusinessClock.class);
    }

    private static ExtractableResponse<Response> received() {
        return list("receivedFrom=" + RECEIVED + "&receivedTo=" + RECEIVED);
    }

    private static ExtractableResponse<Response> overdueOnly() {
        return list("overdue=true&receivedFrom=" + RECEIVED + "&receivedTo=" + RECEIVED);
    }

    private static ExtractableResponse<Response> list(String query) {
        return given().header("Authorization", bearer(COORDINATOR)).get("/cases?" + query).then().statusCode(200)
                .extract();
    }

    private static String refer(String token) {
        String body = """
                {"channel":"AGENCY","receivedOn":"%s",
                 "person":{"name":"年末 試験","nameKana":"ネンマツ シケン","age":70,"area":"荒木"},
                 "concerns":["MENTAL_HEALTH"],"consent":"GIVEN","urgency":"ROUTINE"}""".formatted(RECEIVED);
        return post(token, UUID.randomUUID().toString(), body).then().statusCode(201).extract().path("caseId");
    }
}
