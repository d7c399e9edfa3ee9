package jp.tsunagu.planning;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jp.tsunagu.testing.TsunaguTestResources;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static io.restassured.RestAssured.given;
import static jp.tsunagu.testing.Tokens.KURUME;
import static jp.tsunagu.testing.Tokens.bearer;
import static jp.tsunagu.testing.Tokens.role;
import static org.hamcrest.Matchers.equalTo;

/** The plans to follow up take one parameter: anything but overdue=true is a 400 naming it (was false, or 400 "query"). */
@QuarkusTest
@QuarkusTestResource(TsunaguTestResources.class)
class PlanQueryTest {

    @ParameterizedTest(name = "?{0}")
    @ValueSource(strings = {"overdue=maybe", "overdue=false", "overdue=1"})
    void aBadOverdueIsNamed(String query) {
        given().header("Authorization", bearer(role("coordinator", KURUME))).header("Accept-Language", "ja")
                .get("/plans?" + query).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/validation"))
                .body("errors.field", equalTo(List.of("overdue")));
    }
}
