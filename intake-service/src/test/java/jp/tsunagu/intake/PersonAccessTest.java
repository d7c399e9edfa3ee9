package jp.tsunagu.intake;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jp.tsunagu.contract.Topics;
import jp.tsunagu.contract.codes.BusinessDate;
import jp.tsunagu.contract.codes.Field;
import jp.tsunagu.contract.codes.PlanType;
import jp.tsunagu.contract.events.PlanningEvent;
import jp.tsunagu.contract.events.Role;
import jp.tsunagu.contract.events.RoutingEvent;
import jp.tsunagu.testing.TamperedCursors;
import jp.tsunagu.testing.TsunaguTestResources;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static jp.tsunagu.intake.ClosedLoopStatusTest.awaitStatus;
import static jp.tsunagu.intake.ClosedLoopStatusTest.publish;
import static jp.tsunagu.intake.IntakeApiTest.AGENCY;
import static jp.tsunagu.intake.IntakeApiTest.post;
import static jp.tsunagu.intake.IntakeApiTest.referral;
import static jp.tsunagu.testing.Tokens.KURUME;
import static jp.tsunagu.testing.Tokens.NAGAREYAMA;
import static jp.tsunagu.testing.Tokens.agency;
import static jp.tsunagu.testing.Tokens.bearer;
import static jp.tsunagu.testing.Tokens.role;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The receiving agency's side in intake: the person's details on a need-to-know basis (every read audited), the
 * referrer's list of its referrals, and a decline's reason for the referrer only. Real broker and database.
 */
@QuarkusTest
@QuarkusTestResource(TsunaguTestResources.class)
class PersonAccessTest {

    static final String ACCEPTING = "kurume-kikan-02";
    static final String PLAN_ROLE = "kurume-sanka-01";
    static final String OTHER = "kurume-jiritsu-02";

    @Test
    void thePersonIsReadByThoseWhoMustContactThemAndEveryReadIsAudited() {
        String referrer = agency(AGENCY, KURUME);
        String caseId = newCase(referrer, "GIVEN");
        publish(Topics.ROUTING, new RoutingEvent.CaseRouted(caseId, KURUME, ACCEPTING, List.of(Field.DISABILITY),
                List.of(), "rules-1", "dir-1"));
        awaitStatus(referrer, caseId, "ROUTED");
        person(agency(ACCEPTING, KURUME), caseId, 404); // routed, not yet accepted
        publish(Topics.ROUTING, new RoutingEvent.RoutingAccepted(caseId, KURUME, ACCEPTING));
        awaitStatus(referrer, caseId, "ACCEPTED");
        publish(Topics.PLANS, new PlanningEvent.PlanCreated("p-" + caseId, caseId, KURUME, PlanType.MULTI_AGENCY,
                LocalDate.of(2024, 6, 26), List.of(new Role(PLAN_ROLE, "就労体験の受入")), null, "m-1"));
        awaitStatus(referrer, caseId, "PLAN_ACTIVE");

        ExtractableResponse<Response> read = person(referrer, caseId, 200);
        assertEquals("カナリア花子", read.path("name"));
        assertEquals("カナリアハナコ", read.path("nameKana"));
        assertEquals("1975-02-03", read.path("birthDate"));
        assertEquals(Period.between(LocalDate.of(1975, 2, 3), BusinessDate.today()).getYears(),
                (int) read.path("age"));
        assertEquals("久留米市荒木町1-2-3", read.path("address"));
        assertEquals("0942-00-0000", read.path("phone"));
        assertEquals("PARENT", read.path("household[0].relation"));
        assertEquals("no-store", read.header("Cache-Control"));
        person(agency(ACCEPTING, KURUME), caseId, 200);
        person(agency(PLAN_ROLE, KURUME), caseId, 200);
        person(role("coordinator", KURUME), caseId, 200);
        person(agency(OTHER, KURUME), caseId, 404);
        person(role("coordinator", NAGAREYAMA), caseId, 404);
        person(agency(ACCEPTING, KURUME), UUID.randomUUID().toString(), 404);

        List<String> audit = auditOf(caseId);
        assertEquals(4, audit.stream().filter(a -> a.equals("read-person ALLOWED")).count(), audit.toString());
        assertEquals(2, audit.stream().filter(a -> a.equals("read-person DENIED")).count(),
                "the other agency and the routed agency before it accepted: " + audit);
    }

    @Test
    void withoutConsentOnlyTheReferrerAndCoordinatorsReadThePersonAndAfterErasureNobody() {
        String referrer = agency(AGENCY, KURUME);
        String caseId = newCase(referrer, "NOT_GIVEN");
        publish(Topics.ROUTING, new RoutingEvent.CaseRouted(caseId, KURUME, ACCEPTING, List.of(Field.DISABILITY),
                List.of(), "rules-1", "dir-1"));
        publish(Topics.ROUTING, new RoutingEvent.RoutingAccepted(caseId, KURUME, ACCEPTING));
        awaitStatus(referrer, caseId, "ACCEPTED");

        person(agency(ACCEPTING, KURUME), caseId, 404);
        person(referrer, caseId, 200);
        person(role("coordinator", KURUME), caseId, 200);

        // consent obtained later: the accepting agency may now read the person
        given().header("Authorization", bearer(referrer)).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType("application/json").body("{\"consent\":\"GIVEN\",\"recordedOn\":\"2024-06-01\"}")
                .post("/referrals/" + caseId + "/consent").then().statusCode(201);
        person(agency(ACCEPTING, KURUME), caseId, 200);

        given().header("Authorization", bearer(role("coordinator", KURUME))).delete("/persons/" + caseId).then()
                .statusCode(204);
        assertTrue(person(referrer, caseId, 410).<String>path("type").endsWith("gone"));
        person(role("coordinator", KURUME), caseId, 410);
        person(agency(OTHER, KURUME), caseId, 404);
        assertTrue(auditOf(caseId).contains("read-person DENIED"));
    }

    @Test
    void theReferrerReadsWhyItsCaseWasDeclinedAndTheNextAgencyDoesNot() {
        String referrer = agency(AGENCY, KURUME);
        String caseId = newCase(referrer, "GIVEN");
        publish(Topics.ROUTING, new RoutingEvent.CaseRouted(caseId, KURUME, ACCEPTING, List.of(Field.DISABILITY),
                List.of(), "rules-1", "dir-1"));
        awaitStatus(referrer, caseId, "ROUTED");
        publish(Topics.ROUTING, new RoutingEvent.RoutingDeclined(caseId, KURUME, ACCEPTING, "定員超過のため"));
        awaitStatus(referrer, caseId, "DECLINED");
        publish(Topics.ROUTING, new RoutingEvent.CaseRouted(caseId, KURUME, OTHER, List.of(Field.DISABILITY),
                List.of(), "rules-1", "dir-1"));
        awaitStatus(referrer, caseId, "ROUTED")
                .body("history.find { it.eventType.contains('declined') }.reason", equalTo("定員超過のため"));
        given().header("Authorization", bearer(role("coordinator", KURUME))).get("/referrals/" + caseId).then()
                .body("history.reason", hasItem("定員超過のため"));
        given().header("Authorization", bearer(agency(OTHER, KURUME))).get("/referrals/" + caseId).then()
                .statusCode(200)
                .body("history.eventType", hasItem("jp.tsunagu.routing.routing-declined.v1"))
                .body("history.reason", not(hasItem("定員超過のため")));
    }

    @Test
    void aRefusalAtTheRoleCheckIsAuditedWithWhoAndWhat() {
        String caseId = newCase(agency(AGENCY, KURUME), "GIVEN");
        person(role("analyst", KURUME), caseId, 403);
        person(role("portal", KURUME), caseId, 403);
        person(role("meeting-member", KURUME), caseId, 403);
        person(agency("no-such-agency", KURUME), caseId, 403); // not in the directory: refused at the door too
        given().header("Authorization", bearer(role("analyst", KURUME))).get("/referrals/" + caseId).then()
                .statusCode(403);
        given().header("Authorization", bearer(role("analyst", KURUME))).delete("/persons/" + caseId).then()
                .statusCode(403);

        List<java.util.Map<String, Object>> denied = await().atMost(Duration.ofSeconds(10)).until(
                () -> entriesOf(caseId).stream().filter(e -> "DENIED".equals(e.get("outcome"))).toList(),
                d -> d.size() == 6);
        assertEquals(List.of("read-person analyst", "read-person portal", "read-person meeting-member",
                        "read-person agency", "read-referral analyst", "erase-person analyst"),
                denied.stream().map(e -> e.get("action") + " " + e.get("roles")).toList());
        assertTrue(denied.stream().allMatch(e -> e.get("subject") != null), denied.toString());
        assertEquals("no-such-agency", denied.get(3).get("agencyId"));
    }

    @Test
    void aTamperedCursorIsABadRequestNotAnError() {
        String referrer = agency(AGENCY, KURUME);
        for (String cursor : TamperedCursors.of("received", 2)) {
            given().header("Authorization", bearer(referrer)).queryParam("cursor", cursor).get("/referrals").then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("/problems/cursor"));
        }
    }

    @Test
    void theReferrerListsItsReferralsInPagesThatNeverSkipOrRepeat() {
        String referrer = agency("kurume-houkatsu-03", KURUME);
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            made.add(newCase(referrer, "GIVEN", "2024-07-0" + (i + 1)));
        }
        ExtractableResponse<Response> page1 = list(referrer, "limit=2&receivedFrom=2024-07-01&receivedTo=2024-07-31");
        assertEquals(List.of(made.get(4), made.get(3)), page1.path("items.caseId"));
        assertTrue(page1.header("Link").endsWith("rel=\"next\""));
        newCase(referrer, "GIVEN", "2024-07-09");
        ExtractableResponse<Response> page2 = list(referrer, "limit=2&receivedFrom=2024-07-01&receivedTo=2024-07-31"
                + "&cursor=" + page1.path("next"));
        assertEquals(List.of(made.get(2), made.get(1)), page2.path("items.caseId"));
        ExtractableResponse<Response> page3 = list(referrer, "limit=2&receivedFrom=2024-07-01&receivedTo=2024-07-31"
                + "&cursor=" + page2.path("next"));
        assertEquals(List.of(made.get(0)), page3.path("items.caseId"));
        assertTrue(page3.path("next") == null, "the last page");
        assertEquals(List.of("RECEIVED"), page3.path("items.status"));

        assertFalse(list(agency(OTHER, KURUME), "limit=200").<List<String>>path("items.caseId")
                .contains(made.get(0)), "another agency's referrals are not listed");
        given().header("Authorization", bearer(referrer)).get("/referrals?receivedFrom=2024-13-01").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("receivedFrom"));
        given().header("Authorization", bearer(referrer)).get("/referrals?status=LOST").then().statusCode(400);
        given().header("Authorization", bearer(role("coordinator", KURUME))).get("/referrals").then().statusCode(403);
    }

    private static String newCase(String token, String consent) {
        return newCase(token, consent, "2024-05-14");
    }

    private static String newCase(String token, String consent, String receivedOn) {
        String body = referral("カナリア花子").replace("\"consent\":\"GIVEN\"", "\"consent\":\"" + consent + "\"")
                .replace("\"receivedOn\":\"2024-05-14\"", "\"receivedOn\":\"" + receivedOn + "\"");
        return post(token, UUID.randomUUID().toString(), body).then().statusCode(201).extract().path("caseId");
    }

    private static ExtractableResponse<Response> person(String token, String caseId, int status) {
        return given().header("Authorization", bearer(token)).get("/referrals/" + caseId + "/person").then()
                .statusCode(status).extract();
    }

    private static ExtractableResponse<Response> list(String token, String query) {
        return given().header("Authorization", bearer(token)).get("/referrals?" + query).then().statusCode(200)
                .extract();
    }

    private static List<String> auditOf(String caseId) {
        await().atMost(Duration.ofSeconds(10)).until(() -> !entries(caseId).isEmpty());
        return entries(caseId);
    }

    private static List<String> entries(String caseId) {
        return entriesOf(caseId).stream().map(e -> e.get("action") + " " + e.get("outcome")).toList();
    }

    private static List<java.util.Map<String, Object>> entriesOf(String caseId) {
        List<java.util.Map<String, Object>> all = given()
                .header("Authorization", bearer(role("coordinator", KURUME))).get("/audit").then().statusCode(200)
                .extract().path("");
        return all.stream().filter(e -> ("case/" + caseId).equals(e.get("resource"))).toList();
    }
}
