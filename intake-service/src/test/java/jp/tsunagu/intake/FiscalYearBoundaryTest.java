package jp.tsunagu.intake;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jp.tsunagu.support.clock.BusinessClock;
import jp.tsunagu.testing.TsunaguTestResources;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static jp.tsunagu.intake.IntakeApiTest.AGENCY;
import static jp.tsunagu.intake.IntakeApiTest.coordinator;
import static jp.tsunagu.intake.IntakeApiTest.post;
import static jp.tsunagu.intake.IntakeApiTest.referral;
import static jp.tsunagu.testing.Tokens.KURUME;
import static jp.tsunagu.testing.Tokens.agency;
import static jp.tsunagu.testing.Tokens.bearer;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fiscal year turns at midnight in Japan between 3/31 and 4/1 (年度替わり): a referral sent without receivedOn is
 * received today by intake's clock, and its 受付番号 follows the fiscal year of that day. The clock is set with
 * QuarkusMock, so the test says the minute instead of waiting for it.
 */
@QuarkusTest
@QuarkusTestResource(TsunaguTestResources.class)
class FiscalYearBoundaryTest {

    private static final LocalDate LAST_DAY_OF_R7 = LocalDate.of(2026, 3, 31);
    private static final LocalDate FIRST_DAY_OF_R8 = LocalDate.of(2026, 4, 1);

    @Test
    void aReferralAtTheLastMinuteOfMarchIsReceivedInTheOldFiscalYear() {
        QuarkusMock.installMockForType(BusinessClock.at(LAST_DAY_OF_R7, 23, 59), BusinessClock.class);
        Response created = post(agency(AGENCY, KURUME), UUID.randomUUID().toString(), withoutReceivedOn());
        created.then().statusCode(201).body("receivedOn", equalTo("2026-03-31"));
        String number = created.path("caseNumber");
        assertTrue(number.matches("R7-\\d{6}"), number); // 令和7年度 (2025-04-01 … 2026-03-31)
        given().header("Authorization", bearer(coordinator())).queryParam("caseNumber", number)
                .queryParam("fiscalYear", "令和7年度").get("/cases").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].receivedOn", equalTo("2026-03-31"));
        // one minute before the new year, its first day is still in the future
        post(agency(AGENCY, KURUME), UUID.randomUUID().toString(), referral("年度末").replace("2024-05-14",
                FIRST_DAY_OF_R8.toString())).then().statusCode(400).body("errors.field", hasSize(1))
                .body("errors[0].field", equalTo("receivedOn"));
    }

    @Test
    void aReferralAtMidnightOfTheFirstOfAprilIsReceivedInTheNewFiscalYear() {
        QuarkusMock.installMockForType(BusinessClock.at(FIRST_DAY_OF_R8, 0, 0), BusinessClock.class);
        Response created = post(agency(AGENCY, KURUME), UUID.randomUUID().toString(), withoutReceivedOn());
        created.then().statusCode(201).body("receivedOn", equalTo("2026-04-01"));
        String number = created.path("caseNumber");
        assertTrue(number.matches("R8-\\d{6}"), number); // 令和8年度 from 2026-04-01
        // the day before is still taken as given: a referral written down on 3/31 keeps the old year's number
        Response late = post(agency(AGENCY, KURUME), UUID.randomUUID().toString(), referral("年度末")
                .replace("2024-05-14", LAST_DAY_OF_R7.toString()));
        late.then().statusCode(201).body("receivedOn", equalTo("2026-03-31"));
        String lateNumber = late.path("caseNumber");
        assertTrue(lateNumber.matches("R7-\\d{6}"), lateNumber);
    }

    private static String withoutReceivedOn() {
        String body = referral("年度替わり").replace("\"receivedOn\":\"2024-05-14\",", "");
        assertTrue(!body.contains("receivedOn"), body);
        return body;
    }
}
