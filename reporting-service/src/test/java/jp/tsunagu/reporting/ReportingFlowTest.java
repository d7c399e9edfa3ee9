package jp.tsunagu.reporting;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jp.tsunagu.contract.Topics;
import jp.tsunagu.contract.codes.AgeBand;
import jp.tsunagu.contract.codes.Channel;
import jp.tsunagu.contract.codes.Concern;
import jp.tsunagu.contract.codes.Consent;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.PlanType;
import jp.tsunagu.contract.codes.ReviewOutcome;
import jp.tsunagu.contract.codes.Urgency;
import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.IntakeEvent;
import jp.tsunagu.contract.events.MeetingEvent;
import jp.tsunagu.contract.events.PlanningEvent;
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
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static jp.tsunagu.testing.Tokens.KURUME;
import static jp.tsunagu.testing.Tokens.NAGAREYAMA;
import static jp.tsunagu.testing.Tokens.agency;
import static jp.tsunagu.testing.Tokens.bearer;
import static jp.tsunagu.testing.Tokens.role;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Events in, the fiscal-year table and the case history out, on the real broker and database. */
@QuarkusTest
@QuarkusTestResource(TsunaguTestResources.class)
class ReportingFlowTest {

    @Test
    void eventsInTheYearTableOut() {
        // FY2019 (R1) is used by this test only
        LocalDate held = LocalDate.of(2019, 6, 26);
        for (int i = 0; i < 2; i++) {
            String meetingId = "m-" + UUID.randomUUID();
            publish(Topics.MEETINGS, new MeetingEvent.MinutesRecorded(meetingId, KURUME, MeetingType.JUUSOU_SHIEN_KAIGI,
                    held.plusMonths(i), List.of(), 1), held.plusMonths(i));
            publish(Topics.MEETINGS, new MeetingEvent.CaseReviewed("case-r1", KURUME, meetingId,
                    MeetingType.JUUSOU_SHIEN_KAIGI, held.plusMonths(i), ReviewOutcome.CONTINUE, null, List.of(), false,
                    null),
                    held.plusMonths(i));
        }
        publish(Topics.PLANS, new PlanningEvent.PlanCreated("p-r1", "case-r1", KURUME, PlanType.MULTI_AGENCY, held,
                List.of(), null, null), held);
        publish(Topics.PLANS, new PlanningEvent.PlanRevised("p-r1", "case-r1", KURUME, PlanType.MULTI_AGENCY, 2,
                held.plusMonths(3), null), held.plusMonths(3));
        publish(Topics.PLANS, new PlanningEvent.PlanClosed("p-r1", "case-r1", KURUME, PlanType.MULTI_AGENCY,
                LocalDate.of(2020, 3, 31)), LocalDate.of(2020, 3, 31));

        await().atMost(Duration.ofSeconds(30)).until(() -> given()
                .header("Authorization", bearer(role("coordinator", KURUME)))
                .get("/reports/fiscal-years?from=R1&to=R1").<Integer>path("years[0].plans.MULTI_AGENCY.closed") == 1);
        given().header("Authorization", bearer(role("coordinator", KURUME)))
                .get("/reports/fiscal-years?from=R1&to=R1").then().statusCode(200)
                .body("municipality", equalTo(KURUME))
                .body("years[0].label", equalTo("令和元年度"))
                .body("years[0].code", equalTo("R1"))
                .body("years[0].meetings.JUUSOU_SHIEN_KAIGI.held", equalTo(2))
                .body("years[0].meetings.JUUSOU_SHIEN_KAIGI.casesHandled", equalTo(2))
                .body("years[0].meetings.JUUSOU_SHIEN_KAIGI.distinctCases", equalTo(1))
                .body("years[0].plans.MULTI_AGENCY.made", equalTo(2))
                .body("years[0].plans.MULTI_AGENCY.replans", equalTo(1));
        given().header("Authorization", bearer(role("analyst", KURUME))).accept("text/csv")
                .get("/reports/fiscal-years?from=2019&to=2019").then().statusCode(200)
                .body(containsString("重層的支援会議,開催回数,2"));
        given().header("Authorization", bearer(role("coordinator", KURUME))).accept("text/html")
                .get("/reports/fiscal-years?from=R1&to=R1").then().statusCode(200)
                .body(containsString("久留米市 重層的支援体制整備事業の実績"));
        given().header("Authorization", bearer(role("coordinator", NAGAREYAMA)))
                .get("/reports/fiscal-years?from=R1&to=R1").then().statusCode(200)
                .body("years[0].meetings.JUUSOU_SHIEN_KAIGI.held", equalTo(0));
        given().header("Authorization", bearer(agency("kurume-houkatsu-01", KURUME)))
                .get("/reports/fiscal-years").then().statusCode(403);
        given().header("Authorization", bearer(role("coordinator", KURUME)))
                .get("/reports/fiscal-years?from=H30x").then().statusCode(400);
    }

    @Test
    void aCasesHistoryListsEveryStageInCausalOrderAndAsOfADate() {
        String caseId = UUID.randomUUID().toString();
        String received = caseId + "/referral-received";
        TopicProbe.publish(Topics.INTAKE, new EventEnvelope<TsunaguEvent>(received, "/tsunagu/intake-service",
                Instant.now(), LocalDate.of(2024, 5, 1), null, new IntakeEvent.ReferralReceived(caseId, KURUME, "a1",
                Channel.AGENCY, LocalDate.of(2024, 5, 1), "荒木", AgeBand.AGE_40_49, List.of(),
                List.of(Concern.DEBT), Consent.GIVEN, Urgency.ROUTINE, false,
                new SealedData("A256GCM", "case/" + caseId + "/1", "bm9uY2U=", "Y2lwaGVy"))));
        // recorded earlier than its cause (another service's clock): still listed after it
        TopicProbe.publish(Topics.ROUTING, new EventEnvelope<TsunaguEvent>(caseId + "/routing/1",
                "/tsunagu/routing-service", Instant.now().minusSeconds(5), LocalDate.of(2024, 5, 2), received,
                new RoutingEvent.CaseRouted(caseId, KURUME, "kurume-jiritsu-02", List.of(), List.of(), "r", "d")));

        await().atMost(Duration.ofSeconds(30)).until(() -> given()
                .header("Authorization", bearer(role("coordinator", KURUME))).get("/cases/" + caseId + "/history")
                .then().extract().statusCode() == 200 && given()
                .header("Authorization", bearer(role("coordinator", KURUME))).get("/cases/" + caseId + "/history")
                .<List<Object>>path("$").size() == 2);
        given().header("Authorization", bearer(role("coordinator", KURUME))).get("/cases/" + caseId + "/history")
                .then().body("[0].eventType", equalTo("jp.tsunagu.intake.referral-received.v1"))
                .body("[1].causationId", equalTo(received))
                .body("[1].businessDate", equalTo("2024-05-02"))
                .body(not(containsString("Y2lwaGVy")));
        given().header("Authorization", bearer(role("coordinator", KURUME)))
                .get("/cases/" + caseId + "/history?asOf=2024-05-01").then().body("size()", equalTo(1));
        given().header("Authorization", bearer(role("coordinator", NAGAREYAMA))).get("/cases/" + caseId + "/history")
                .then().statusCode(404);

        String first = given().header("Authorization", bearer(role("analyst", KURUME)))
                .get("/exports/events?from=2024-05-01&to=2024-05-02").then().statusCode(200)
                .contentType(containsString("application/x-ndjson")).extract().asString();
        String second = given().header("Authorization", bearer(role("analyst", KURUME)))
                .get("/exports/events?from=2024-05-01&to=2024-05-02&format=csv").then().statusCode(200)
                .extract().asString();
        org.junit.jupiter.api.Assertions.assertFalse(first.contains(caseId), "no case id in an export");
        org.junit.jupiter.api.Assertions.assertFalse(second.contains(caseId));
        org.junit.jupiter.api.Assertions.assertFalse(first.contains("Y2lwaGVy"), "not even the ciphertext");
        org.junit.jupiter.api.Assertions.assertTrue(first.contains("jp.tsunagu.routing.case-routed.v1"));
        given().header("Authorization", bearer(role("coordinator", KURUME))).get("/exports/events").then()
                .statusCode(403);
    }

    @Test
    void twoExportsShareNoValueButCodesDatesAndWordsSoNoRowLeadsBackToItsCase() throws Exception {
        // August 2018 is used by this test only
        LocalDate on = LocalDate.of(2018, 8, 1);
        String caseId = UUID.randomUUID().toString();
        String meetingId = "m-" + UUID.randomUUID();
        String planId = "p-" + UUID.randomUUID();
        publish(Topics.INTAKE, new IntakeEvent.ReferralReceived(caseId, KURUME, "kurume-houkatsu-01", Channel.AGENCY,
                on, "荒木", AgeBand.AGE_40_49, List.of(), List.of(Concern.HIKIKOMORI, Concern.POVERTY), Consent.GIVEN,
                Urgency.ROUTINE, false, new SealedData("A256GCM", "case/" + caseId + "/1", "bm9uY2U=", "Y2lwaGVy")),
                on);
        publish(Topics.ROUTING, new RoutingEvent.CaseRouted(caseId, KURUME, "kurume-jiritsu-02",
                List.of(jp.tsunagu.contract.codes.Field.POVERTY), List.of(), "r", "d"), on);
        publish(Topics.MEETINGS, new MeetingEvent.CaseReviewed(caseId, KURUME, meetingId,
                MeetingType.JUUSOU_SHIEN_KAIGI, on.plusDays(1), ReviewOutcome.PLAN, PlanType.PARTICIPATION,
                List.of(), false, null), on.plusDays(1));
        publish(Topics.PLANS, new PlanningEvent.PlanCreated(planId, caseId, KURUME, PlanType.PARTICIPATION,
                on.plusDays(1), List.of(), null, meetingId), on.plusDays(1));
        String analyst = bearer(role("analyst", KURUME));
        String range = "/exports/events?from=2018-08-01&to=2018-08-02";
        await().atMost(Duration.ofSeconds(30)).until(() -> given().header("Authorization", analyst).get(range)
                .asString().contains("jp.tsunagu.planning.plan-created.v1"));

        List<Map<String, Object>> first = ndjson(given().header("Authorization", analyst).get(range).asString());
        List<Map<String, Object>> second = ndjson(given().header("Authorization", analyst).get(range).asString());
        assertEquals(4, first.size());
        Map<String, Object> referral = first.get(0);
        assertEquals("HIKIKOMORI,POVERTY", referral.get("concerns"));
        assertEquals("荒木", referral.get("area"));
        assertEquals("AGE_40_49", referral.get("ageBand"));
        Map<String, Object> routed = first.get(1);
        assertEquals("POVERTY", routed.get("fields"));
        assertEquals("荒木", routed.get("area"), "the case's codes on each of its lines");
        assertEquals("支援機関へつなぐ（分野: 生活困窮）", routed.get("summary"));
        assertEquals("PARTICIPATION", first.get(3).get("planType"));
        assertEquals("JUUSOU_SHIEN_KAIGI", first.get(2).get("meetingType"));

        java.util.Set<String> common = values(first);
        common.retainAll(values(second));
        for (String shared : common) {
            String column = shared.substring(0, shared.indexOf('='));
            org.junit.jupiter.api.Assertions.assertFalse(column.equals("case") || column.equals("agency"),
                    "two exports share " + shared);
        }
        String both = first.toString() + second;
        for (String id : List.of(caseId, meetingId, planId, "kurume-jiritsu-02", "kurume-houkatsu-01")) {
            org.junit.jupiter.api.Assertions.assertFalse(both.contains(id), id + " in an export");
        }
        var csv = given().header("Authorization", analyst).get(range + "&format=csv").then().statusCode(200)
                .header("Content-Disposition",
                        containsString("filename=\"tsunagu-events-402036-2018-08-01_2018-08-02.csv\""))
                .extract().asByteArray();
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(csv[0], csv[1], csv[2]),
                "a BOM, so Excel reads UTF-8");
    }

    private static List<Map<String, Object>> ndjson(String body) throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<Map<String, Object>> lines = new java.util.ArrayList<>();
        for (String line : body.split("\n")) {
            if (!line.isBlank()) {
                lines.add(json.readValue(line, new com.fasterxml.jackson.core.type.TypeReference<>() {
                }));
            }
        }
        return lines;
    }

    private static java.util.Set<String> values(List<Map<String, Object>> lines) {
        java.util.Set<String> values = new java.util.HashSet<>();
        lines.forEach(l -> l.forEach((k, v) -> {
            if (v != null) {
                values.add(k + "=" + v);
            }
        }));
        return values;
    }

    static void publish(String topic, TsunaguEvent event, LocalDate on) {
        TopicProbe.publish(topic, new EventEnvelope<>(UUID.randomUUID().toString(), "/tsunagu/test", Instant.now(), on,
                null, event));
    }
}
