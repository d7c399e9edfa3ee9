package jp.tsunagu.reporting;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jp.tsunagu.contract.Topics;
import jp.tsunagu.contract.codes.AgeBand;
import jp.tsunagu.contract.codes.Channel;
import jp.tsunagu.contract.codes.Concern;
import jp.tsunagu.contract.codes.Consent;
import jp.tsunagu.contract.codes.PlanType;
import jp.tsunagu.contract.codes.Urgency;
import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.IntakeEvent;
import jp.tsunagu.contract.events.PlanningEvent;
import jp.tsunagu.contract.events.SealedData;
import jp.tsunagu.contract.events.TsunaguEvent;
import jp.tsunagu.testing.TopicProbe;
import jp.tsunagu.testing.TsunaguTestResources;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static jp.tsunagu.testing.Tokens.KURUME;
import static jp.tsunagu.testing.Tokens.bearer;
import static jp.tsunagu.testing.Tokens.role;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Households (世帯) through the real broker and database: the year table and the figures count them, a household's
 * plan once, a replay rebuilds them equal, and exports name households by per-export pseudonyms, only households that
 * k households of the export look like. FY2010 (平成22年度) and FY2009's and FY2008's June of 久留米市 are this test's own.
 */
@QuarkusTest
@QuarkusTestResource(TsunaguTestResources.class)
class HouseholdFiguresFlowTest {

    static final LocalDate APRIL = LocalDate.of(2010, 4, 12);

    @Test
    void aHouseholdOfTwoCasesWithOneHouseholdPlanIsOneHouseholdAndOnePlanAndTheReplayAgrees() {
        // given the parent and the son linked as household h1, one household plan for both (a plan-created per
        // member, one planId), and two cases linked as h2 of which one is unlinked again
        String run = UUID.randomUUID().toString().substring(0, 8);
        String parent = "hh-parent-" + run;
        String son = "hh-son-" + run;
        String left = "hh-left-" + run;
        String stays = "hh-stays-" + run;
        for (String caseId : List.of(parent, son, left, stays)) {
            referral(caseId, APRIL);
        }
        String h1 = "h-" + run + "-1";
        String h2 = "h-" + run + "-2";
        LocalDate linkedOn = APRIL.plusDays(7);
        publish(Topics.INTAKE, new IntakeEvent.HouseholdLinked(parent, null, KURUME, h1, linkedOn), linkedOn);
        publish(Topics.INTAKE, new IntakeEvent.HouseholdLinked(son, null, KURUME, h1, linkedOn), linkedOn);
        publish(Topics.INTAKE, new IntakeEvent.HouseholdLinked(left, null, KURUME, h2, linkedOn), linkedOn);
        publish(Topics.INTAKE, new IntakeEvent.HouseholdLinked(stays, null, KURUME, h2, linkedOn), linkedOn);
        publish(Topics.INTAKE, new IntakeEvent.HouseholdUnlinked(left, null, KURUME, h2, linkedOn.plusDays(1)),
                linkedOn.plusDays(1));
        LocalDate madeOn = APRIL.plusDays(30);
        String planId = "p-hh-" + run;
        for (String member : List.of(parent, son)) {
            publish(Topics.PLANS, new PlanningEvent.PlanCreated(planId, member, KURUME, PlanType.MULTI_AGENCY, madeOn,
                    List.of(), null, null, h1), madeOn);
        }

        // when the year is asked, then: four cases in three households (h1, h2 with the one that stayed, and the
        // unlinked case as its own), one with two cases, one with a plan, one plan made
        String coordinator = bearer(role("coordinator", KURUME));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().header("Authorization", coordinator)
                .get("/reports/fiscal-years?from=2010&to=2010").<Integer>path("years[0].householdsWithPlan") == 1
                && given().header("Authorization", coordinator).get("/reports/fiscal-years?from=2010&to=2010")
                .<Integer>path("years[0].householdsSupported") == 3);
        given().header("Authorization", coordinator).get("/reports/fiscal-years?from=2010&to=2010").then()
                .statusCode(200)
                .body("years[0].casesSupported", equalTo(4))
                .body("years[0].householdsSupported", equalTo(3))
                .body("years[0].multiCaseHouseholds", equalTo(1))
                .body("years[0].householdsWithPlan", equalTo(1))
                .body("years[0].casesPerHousehold", equalTo(1.3f))
                .body("years[0].plans.MULTI_AGENCY.made", equalTo(1));
        given().header("Authorization", coordinator).get("/reports/cases?fiscalYear=2010").then().statusCode(200)
                .body("year.referrals", equalTo(4))
                .body("year.householdsSupported", equalTo(3))
                .body("year.householdsWithPlan", equalTo(1))
                .body("labels.households.householdsSupported", equalTo("支援世帯数"));
        given().header("Authorization", coordinator).accept("text/html")
                .get("/reports/fiscal-years?from=2010&to=2010").then().statusCode(200)
                .body(containsString("支援世帯数"));
        // published: small numbers are suppressed like every count of people, the ratio not shown under 10 households
        given().header("Authorization", bearer(role("portal", KURUME))).get("/reports/portal?fiscalYear=2010").then()
                .statusCode(200)
                .body("year.householdsSupported", equalTo("*"))
                .body("year.householdsWithPlan", equalTo("*"))
                .body("year.casesPerHousehold", equalTo(null));

        // and a replay from offset 0 gives the same figures, households included
        String analyst = bearer(role("analyst", KURUME));
        String replayId = given().header("Authorization", analyst).contentType("application/json").body("{}")
                .post("/replays").then().statusCode(202).extract().path("replayId");
        CaseFiguresAndReplayTest.awaitReplay(analyst, replayId)
                .body("figuresEqual", equalTo(true))
                .body("differences.size()", equalTo(0));
    }

    @Test
    void anExportNamesEachHouseholdByOnePseudonymThatTheNextExportDoesNotShare() {
        // given ten households of two alike cases each (so that k = 10 releases them), in a month of their own
        LocalDate june = LocalDate.of(2009, 6, 3);
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int h = 0; h < 10; h++) {
            String household = "h-x-" + run + "-" + h;
            for (int m = 0; m < 2; m++) {
                String caseId = "hx-" + run + "-" + h + "-" + m;
                referral(caseId, june);
                publish(Topics.INTAKE, new IntakeEvent.HouseholdLinked(caseId, null, KURUME, household, june), june);
            }
        }
        String coordinator = bearer(role("coordinator", KURUME));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().header("Authorization", coordinator)
                .get("/reports/cases?fiscalYear=2009").<Integer>path("year.householdsSupported") == 10);

        // when exported twice
        String analyst = bearer(role("analyst", KURUME));
        String range = "/exports/events?from=2009-06-01&to=2009-06-30";
        List<Map<String, Object>> first = ndjson(given().header("Authorization", analyst).get(range).then()
                .statusCode(200).extract().asString());
        List<Map<String, Object>> second = ndjson(given().header("Authorization", analyst).get(range).asString());

        // then within each export the two members of a household share its pseudonym, and no household's (nor
        // case's) pseudonym of one export is in the other
        Map<String, Set<String>> casesOfHousehold = households(first);
        assertEquals(10, casesOfHousehold.size(), "ten households: " + casesOfHousehold);
        casesOfHousehold.values().forEach(cases -> assertEquals(2, cases.size(), "its two members: " + cases));
        assertTrue(first.stream().allMatch(l -> l.get("householdPseudonym") != null), "every line names it");
        Map<String, Set<String>> inSecond = households(second);
        assertEquals(10, inSecond.size());
        assertTrue(Collections.disjoint(casesOfHousehold.keySet(), inSecond.keySet()),
                "household pseudonyms differ between exports");
        assertTrue(first.stream().noneMatch(l -> String.valueOf(l.get("householdPseudonym")).contains(run)),
                "no household id in an export");
    }

    @Test
    void anExportDoesNotNameAHouseholdWhoseMembersTakenTogetherFewerThanKHouseholdsShare() {
        // given, in June of FY2008 (this test's own), twelve alike cases: ten each a household of its own and two
        // in one household, the only pair (each case's record is shared by all twelve: k = 10 releases them)
        LocalDate june = LocalDate.of(2008, 6, 4);
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int c = 0; c < 12; c++) {
            String caseId = "hp-" + run + "-" + c;
            referral(caseId, june);
            String household = "h-p-" + run + "-" + Math.min(c, 10);
            publish(Topics.INTAKE, new IntakeEvent.HouseholdLinked(caseId, null, KURUME, household, june), june);
        }
        String coordinator = bearer(role("coordinator", KURUME));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().header("Authorization", coordinator)
                .get("/reports/cases?fiscalYear=2008").<Integer>path("year.householdsSupported") == 11);
        String analyst = bearer(role("analyst", KURUME));
        String range = "/exports/events?from=2008-06-01&to=2008-06-30";
        // each case's two lines (相談受付, 世帯に登録) are in: twelve records alike
        await().atMost(Duration.ofSeconds(30)).until(() -> ndjson(given().header("Authorization", analyst)
                .get(range).asString()).size() == 24);

        // when exported
        List<Map<String, Object>> lines = ndjson(given().header("Authorization", analyst).get(range).then()
                .statusCode(200).header("Tsunagu-Suppressed-Cases", "0").extract().asString());

        // then all twelve cases are released; the ten single households (ten alike) are named, one case each,
        // and the pair's two cases name none: the pair would single the family out
        Map<String, Set<String>> byHousehold = households(lines);
        assertEquals(12, lines.stream().map(l -> l.get("case")).distinct().count(), "twelve cases: " + byHousehold);
        assertEquals(2, byHousehold.get(null).size(), "the pair is not named: " + byHousehold);
        assertEquals(11, byHousehold.size(), "ten named households and the unnamed: " + byHousehold);
        byHousehold.forEach((h, cases) -> assertEquals(h == null ? 2 : 1, cases.size(), h + ": " + cases));
    }

    private static Map<String, Set<String>> households(List<Map<String, Object>> lines) {
        Map<String, Set<String>> byHousehold = new HashMap<>();
        lines.forEach(l -> byHousehold.computeIfAbsent((String) l.get("householdPseudonym"),
                h -> new java.util.HashSet<>()).add((String) l.get("case")));
        return byHousehold.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static void referral(String caseId, LocalDate on) {
        TopicProbe.publish(Topics.INTAKE, new EventEnvelope<TsunaguEvent>(caseId + "/referral-received",
                "/tsunagu/test", Instant.now(), on, null, new IntakeEvent.ReferralReceived(caseId, null, KURUME, null, Channel.AGENCY,
                on, "中部", AgeBand.AGE_40_49, List.of(), List.of(Concern.EIGHTY_FIFTY), Consent.GIVEN,
                Urgency.ROUTINE, false, new SealedData("A256GCM", "case/" + caseId + "/1", "bm9uY2U=", "Y2lwaGVy"))));
    }

    private static void publish(String topic, TsunaguEvent event, LocalDate on) {
        TopicProbe.publish(topic, new EventEnvelope<>(UUID.randomUUID().toString(), "/tsunagu/test", Instant.now(), on,
                null, event));
    }

    private static List<Map<String, Object>> ndjson(String body) {
        try {
            var json = new com.fasterxml.jackson.databind.ObjectMapper();
            List<Map<String, Object>> lines = new java.util.ArrayList<>();
            for (String line : body.split("\n")) {
                if (!line.isBlank()) {
                    lines.add(json.readValue(line, new com.fasterxml.jackson.core.type.TypeReference<>() {
                    }));
                }
            }
            return lines;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
