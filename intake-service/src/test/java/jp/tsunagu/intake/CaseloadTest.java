package jp.tsunagu.intake;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jp.tsunagu.contract.Topics;
import jp.tsunagu.contract.codes.Field;
import jp.tsunagu.contract.codes.PlanType;
import jp.tsunagu.contract.events.PlanningEvent;
import jp.tsunagu.contract.events.Reason;
import jp.tsunagu.contract.events.Role;
import jp.tsunagu.contract.events.RoutingEvent;
import jp.tsunagu.testing.TsunaguTestResources;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static jp.tsunagu.intake.ClosedLoopStatusTest.newCase;
import static jp.tsunagu.intake.ClosedLoopStatusTest.publish;
import static jp.tsunagu.intake.IntakeApiTest.AGENCY;
import static jp.tsunagu.intake.IntakeApiTest.coordinator;
import static jp.tsunagu.testing.Tokens.KURUME;
import static jp.tsunagu.testing.Tokens.agency;
import static jp.tsunagu.testing.Tokens.bearer;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** GET /caseload: the cases an agency is responsible for or holds a plan role in; and it may read them. */
@QuarkusTest
@QuarkusTestResource(TsunaguTestResources.class)
class CaseloadTest {

    static final String RESPONSIBLE = "kurume-kikan-02";
    static final String PLAN_ROLE = "kurume-jiritsu-01";
    static final String NEITHER = "kurume-kikan-01";

    @Test
    void anAgencyWithAPlanRoleHasTheCaseInItsCaseloadAndReadsItAnotherAgencyNeither() {
        String caseId = newCase(agency(AGENCY, KURUME));
        publish(Topics.ROUTING, new RoutingEvent.CaseRouted(caseId, KURUME, RESPONSIBLE, List.of(Field.POVERTY),
                List.of(new Reason("R1", "生活困窮", "poverty")), "rules-1", "dir-1"));
        publish(Topics.ROUTING, new RoutingEvent.RoutingAccepted(caseId, KURUME, RESPONSIBLE));
        publish(Topics.PLANS, plan(caseId, PLAN_ROLE));

        String withRole = agency(PLAN_ROLE, KURUME);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                given().header("Authorization", bearer(withRole)).get("/caseload?limit=200")
                        .path("items.caseId").toString().contains(caseId));
        String item = "items.find { it.caseId == '" + caseId + "' }";
        given().header("Authorization", bearer(withRole)).get("/caseload?limit=200").then().statusCode(200)
                .body(item + ".relation", equalTo("PLAN_ROLE"))
                .body(item + ".relationLabel", equalTo("プランで役割"))
                .body(item + ".status", equalTo("PLAN_ACTIVE"))
                .body(item + ".statusLabel", notNullValue())
                .body(item + ".caseNumber", notNullValue())
                .body(item + ".area", equalTo("荒木"))
                .body(item + ".name", equalTo(null));
        given().header("Authorization", bearer(withRole)).get("/referrals/" + caseId).then().statusCode(200)
                .body("caseId", equalTo(caseId));
        given().header("Authorization", bearer(agency(RESPONSIBLE, KURUME))).get("/caseload?limit=200").then()
                .statusCode(200).body(item + ".relation", equalTo("RESPONSIBLE"))
                .body(item + ".relationLabel", equalTo("担当機関"));

        String other = agency(NEITHER, KURUME);
        given().header("Authorization", bearer(other)).get("/caseload?limit=200").then().statusCode(200)
                .body("items.caseId", not(hasItem(caseId)));
        given().header("Authorization", bearer(other)).get("/referrals/" + caseId).then().statusCode(404);
        // the referrer follows its referral, but it is not in its caseload
        given().header("Authorization", bearer(agency(AGENCY, KURUME))).get("/caseload?limit=200").then()
                .statusCode(200).body("items.caseId", not(hasItem(caseId)));
    }

    @Test
    void theCaseloadIsNewestChangeFirstFilteredByStatusAndPaged() {
        String first = newCase(agency(AGENCY, KURUME));
        String second = newCase(agency(AGENCY, KURUME));
        String holder = "kurume-kikan-01";
        String token = agency(holder, KURUME);
        publish(Topics.PLANS, plan(first, holder));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                given().header("Authorization", bearer(token)).get("/caseload?limit=200")
                        .path("items.caseId").toString().contains(first));
        publish(Topics.PLANS, plan(second, holder));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                given().header("Authorization", bearer(token)).get("/caseload?limit=200")
                        .path("items.caseId").toString().contains(second));

        var page = given().header("Authorization", bearer(token)).get("/caseload?status=PLAN_ACTIVE&limit=1").then()
                .statusCode(200).body("items", hasSize(1)).body("items[0].caseId", equalTo(second))
                .body("next", notNullValue()).extract();
        given().header("Authorization", bearer(token)).queryParam("status", "PLAN_ACTIVE").queryParam("limit", 1)
                .queryParam("cursor", page.path("next").toString()).get("/caseload").then().statusCode(200)
                .body("items[0].caseId", equalTo(first));
        given().header("Authorization", bearer(token)).get("/caseload?status=CLOSED&limit=200").then()
                .statusCode(200).body("items.caseId", not(hasItem(first)));
        given().header("Authorization", bearer(token)).get("/caseload?status=closed").then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
        given().header("Authorization", bearer(coordinator())).get("/caseload").then().statusCode(403);
        assertEquals("listCaseload", given().get("/q/openapi?format=json").path("paths.'/caseload'.get.operationId"));
    }

    private static PlanningEvent.PlanCreated plan(String caseId, String agencyId) {
        return new PlanningEvent.PlanCreated("p-" + UUID.randomUUID(), caseId, KURUME, PlanType.MULTI_AGENCY,
                LocalDate.of(2024, 6, 1), List.of(new Role(agencyId, null)), null, null);
    }
}
