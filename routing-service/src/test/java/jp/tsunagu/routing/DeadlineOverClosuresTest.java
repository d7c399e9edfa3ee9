package jp.tsunagu.routing;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jp.tsunagu.contract.codes.BusinessDate;
import jp.tsunagu.contract.codes.Urgency;
import jp.tsunagu.support.clock.BusinessClock;
import jp.tsunagu.testing.TsunaguTestResources;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static jp.tsunagu.testing.Tokens.KURUME;
import static jp.tsunagu.testing.Tokens.agency;
import static jp.tsunagu.testing.Tokens.bearer;
import static jp.tsunagu.testing.Tokens.role;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An agency's time to answer counts office days only (no weekends, public holidays or 12/29–1/3), and the inbox and
 * the acceptance check see the day the service's {@link BusinessClock} says: given a referral on the day before a
 * closure, with the clock set to each day after it, then overdue only from the day after the deadline.
 */
@QuarkusTest
@QuarkusTestResource(TsunaguTestResources.class)
class DeadlineOverClosuresTest {

    @Test
    void aReferralOf1228IsDueAfterTheYearEndClosureAndOverdueOnlyFromTheDayAfterItsDeadline() {
        // given a referral recorded on Monday 12/28 (routine: five office days; 12/29–1/3 closed)
        LocalDate dec28 = LocalDate.of(2026, 12, 28);
        today(dec28);
        String caseId = InboxTest.referAndAwait(dec28, at(dec28), Urgency.ROUTINE);

        // then it is due on Friday 1/8, counted from 1/4
        assertEquals(Map.of("dueOn", "2027-01-08", "overdue", false), item(caseId));

        // when the clock stands on the closure, then on the deadline: not overdue, not taken away
        for (LocalDate day : new LocalDate[] {LocalDate.of(2026, 12, 30), LocalDate.of(2027, 1, 4),
                LocalDate.of(2027, 1, 8)}) {
            today(day);
            assertEquals(false, item(caseId).get("overdue"), day.toString());
            check();
            assertEquals("AWAITING", state(caseId), day.toString());
        }

        // when the clock stands on the day after the deadline: overdue, and the check takes it away
        today(LocalDate.of(2027, 1, 9));
        assertEquals(true, item(caseId).get("overdue"));
        check();
        assertEquals("ESCALATED", state(caseId));
        // and its routing says the referral's urgency and the review as two things
        var routing = routing(caseId);
        assertEquals("ROUTINE", routing.getString("urgency"));
        assertEquals("REGULAR", routing.getString("review"));
    }

    @Test
    void aShikyuuReferralBeforeGoldenWeekIsDueAfterTheHolidays() {
        // given a 至急 referral recorded on Friday 4/30/2027 (two office days; 5/1–5/5 are a weekend and holidays)
        LocalDate apr30 = LocalDate.of(2027, 4, 30);
        today(apr30);
        String caseId = InboxTest.referAndAwait(apr30, at(apr30), Urgency.URGENT);

        // then it is due on Friday 5/7
        assertEquals(Map.of("dueOn", "2027-05-07", "overdue", false), item(caseId));
        today(LocalDate.of(2027, 5, 5));
        assertEquals(false, item(caseId).get("overdue"));
        today(LocalDate.of(2027, 5, 7));
        assertEquals(false, item(caseId).get("overdue"));
        check();
        assertEquals("AWAITING", state(caseId));

        // when the clock stands on Saturday 5/8: overdue, and the check passes it on to coordination as 至急
        today(LocalDate.of(2027, 5, 8));
        assertEquals(true, item(caseId).get("overdue"));
        check();
        var routing = routing(caseId);
        assertEquals("ESCALATED", routing.getString("state"));
        assertEquals("URGENT", routing.getString("urgency"), "至急 kept after the answer never came");
        assertEquals("REGULAR", routing.getString("review"));
        assertEquals(false, routing.getBoolean("urgent"), "deprecated: the emergency review only");
    }

    private static void today(LocalDate day) {
        QuarkusMock.installMockForType(BusinessClock.on(day), BusinessClock.class);
    }

    /** Ten in the morning of the day, in Japan: when the referral was typed in. */
    private static Instant at(LocalDate day) {
        return day.atStartOfDay(BusinessDate.ZONE).plusHours(10).toInstant();
    }

    private static Map<String, Object> item(String caseId) {
        Map<String, Object> item = given().header("Authorization", bearer(agency(InboxTest.SITE, KURUME)))
                .get("/inbox?state=all&limit=200").then().statusCode(200).extract().jsonPath()
                .getMap("items.find { it.caseId == '" + caseId + "' }");
        assertFalse(item == null, "case " + caseId + " in the inbox");
        return Map.of("dueOn", item.get("dueOn"), "overdue", item.get("overdue"));
    }

    private static String state(String caseId) {
        return routing(caseId).getString("state");
    }

    private static io.restassured.path.json.JsonPath routing(String caseId) {
        return given().header("Authorization", bearer(role("coordinator", KURUME)))
                .get("/cases/" + caseId + "/routing").then().statusCode(200).extract().jsonPath();
    }

    private static void check() {
        int status = given().header("Authorization", bearer(role("coordinator", KURUME)))
                .post("/routing/acceptance-check").then().extract().statusCode();
        assertTrue(status == 200, "acceptance check: " + status);
    }
}
