package jp.tsunagu.reporting.figures;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jp.tsunagu.support.clock.BusinessClock;
import jp.tsunagu.testing.TsunaguTestResources;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static io.restassured.RestAssured.given;
import static jp.tsunagu.testing.Tokens.KURUME;
import static jp.tsunagu.testing.Tokens.bearer;
import static jp.tsunagu.testing.Tokens.role;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * The year table's and the case figures' default fiscal year (年度, from April 1) is today's in Japan, by the injected
 * clock: late on March 31 the year ending that day, early on April 1 (still March 31 in UTC) the new one.
 */
@QuarkusTest
@QuarkusTestResource(TsunaguTestResources.class)
class DefaultFiscalYearTest {

    private static final String COORDINATOR = bearer(role("coordinator", KURUME));

    @Test
    void onMarch31TheYearTableShowsTheYearEndingThatDay() {
        QuarkusMock.installMockForType(BusinessClock.at(LocalDate.of(2026, 3, 31), 23, 30), BusinessClock.class);
        given().header("Authorization", COORDINATOR).get("/reports/fiscal-years").then().statusCode(200)
                .body("years", hasSize(1)).body("years[0].code", equalTo("R7"));
        given().header("Authorization", COORDINATOR).get("/reports/cases").then().statusCode(200)
                .body("year.code", equalTo("R7"));
    }

    @Test
    void onApril1TheYearTableShowsTheNewYear() {
        // 00:10 on April 1 in Japan is still March 31 in UTC: the business date is Japan's
        QuarkusMock.installMockForType(BusinessClock.at(LocalDate.of(2026, 4, 1), 0, 10), BusinessClock.class);
        given().header("Authorization", COORDINATOR).get("/reports/fiscal-years").then().statusCode(200)
                .body("years", hasSize(1)).body("years[0].code", equalTo("R8"));
        given().header("Authorization", COORDINATOR).get("/reports/cases").then().statusCode(200)
                .body("year.code", equalTo("R8"));
    }
}
