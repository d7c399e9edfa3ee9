package jp.tsunagu.routing;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jp.tsunagu.contract.Topics;
import jp.tsunagu.contract.codes.AgeBand;
import jp.tsunagu.contract.codes.BusinessDate;
import jp.tsunagu.contract.codes.Channel;
import jp.tsunagu.contract.codes.Concern;
import jp.tsunagu.contract.codes.Consent;
import jp.tsunagu.contract.codes.Relation;
import jp.tsunagu.contract.codes.Urgency;
import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.HouseholdMember;
import jp.tsunagu.contract.events.IntakeEvent;
import jp.tsunagu.contract.events.RoutingEvent;
import jp.tsunagu.contract.events.SealedData;
import jp.tsunagu.contract.events.TsunaguEvent;
import jp.tsunagu.testing.TopicProbe;
import jp.tsunagu.testing.TamperedCursors;
import jp.tsunagu.testing.TsunaguTestResources;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static jp.tsunagu.testing.Tokens.KURUME;
import static jp.tsunagu.testing.Tokens.NAGAREYAMA;
import static jp.tsunagu.testing.Tokens.agency;
import static jp.tsunagu.testing.Tokens.bearer;
import static jp.tsunagu.testing.Tokens.role;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An agency's inbox on the real broker and database: what it holds, its pages, who may read it. */
@QuarkusTest
@QuarkusTestResource(TsunaguTestResources.class)
class InboxTest {

    /** 地域包括支援センター of 荒木: every elderly case of 荒木 goes there. */
    static final String SITE = "kurume-houkatsu-06";
    static final String REFERRER = "kurume-jiritsu-01";

    @Test
    void pagesNeverSkipOrRepeatWhileCasesArrive() {
        List<String> first = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            first.add(referAndAwait(BusinessDate.today(), Urgency.ROUTINE));
        }
        String token = agency(SITE, KURUME);

        ExtractableResponse<Response> page1 = inbox(token, "limit=2");
        assertEquals(List.of(first.get(4), first.get(3)), page1.jsonPath().getList("items.caseId"));
        String next = page1.jsonPath().getString("next");
        String link = page1.header("Link");
        assertTrue(link.contains("cursor=" + next) && link.endsWith("rel=\"next\"") && link.contains("limit=2"),
                link);

        String late1 = referAndAwait(BusinessDate.today(), Urgency.ROUTINE);
        String late2 = referAndAwait(BusinessDate.today(), Urgency.ROUTINE);

        ExtractableResponse<Response> page2 = inbox(token, "limit=2&cursor=" + next);
        assertEquals(List.of(first.get(2), first.get(1)), page2.jsonPath().getList("items.caseId"),
                "the cases that arrived meanwhile are not on later pages");
        ExtractableResponse<Response> page3 = inbox(token, "limit=2&cursor=" + page2.jsonPath().getString("next"));
        assertEquals(first.get(0), page3.jsonPath().getList("items.caseId").get(0));

        assertEquals(List.of(late2, late1), inbox(token, "limit=2").jsonPath().getList("items.caseId"),
                "a new first page starts with them");
    }

    @Test
    void anItemCarriesWhatTriageNeedsAndNoPersonalData() {
        String caseId = referAndAwait(BusinessDate.today(), Urgency.URGENT);

        Map<String, Object> item = inbox(agency(SITE, KURUME), "limit=1").jsonPath().getMap("items[0]");

        assertEquals(caseId, item.get("caseId"));
        assertEquals("AWAITING", item.get("state"));
        assertEquals("ROUTED", item.get("decision"));
        assertEquals("URGENT", item.get("urgency"));
        assertEquals("AGE_75_PLUS", item.get("ageBand"));
        assertEquals("荒木", item.get("area"));
        assertEquals(List.of("DEMENTIA"), item.get("concerns"));
        assertEquals(List.of(Map.of("relation", "CHILD", "ageBand", "AGE_50_64", "concerns", List.of())),
                item.get("household"));
        assertEquals(REFERRER, item.get("referringAgencyId"));
        assertEquals("生活自立支援センター（サンプル第1）", item.get("referringAgencyName"));
        assertEquals(false, item.get("overdue"));
        assertEquals(BusinessDate.today().toString(), item.get("routedOn"));
        assertTrue(item.get("dueOn").toString().compareTo(item.get("routedOn").toString()) > 0);
        assertFalse(((List<?>) item.get("reasons")).isEmpty());
        assertNull(item.get("name"));
        assertEquals(List.of("caseId", "state", "decision", "routedOn", "dueOn", "overdue", "urgency", "ageBand",
                "area", "concerns", "household", "referringAgencyId", "referringAgencyName", "reasons"),
                new ArrayList<>(item.keySet()));
    }

    @Test
    void answersMoveItemsBetweenStatesAndOverdueOnesAreMarked() {
        String token = agency(SITE, KURUME);
        String accepted = referAndAwait(BusinessDate.today(), Urgency.ROUTINE);
        String declined = referAndAwait(BusinessDate.today(), Urgency.ROUTINE);
        String late = referAndAwait(BusinessDate.today().minusDays(30), Urgency.ROUTINE);
        answer(token, accepted, "{\"accepted\":true}");
        answer(token, declined, "{\"accepted\":false,\"reason\":\"担当圏域外のため\"}");

        assertTrue(ids(token, "state=accepted&limit=200").contains(accepted));
        assertFalse(ids(token, "limit=200").contains(accepted), "no longer awaiting");
        ExtractableResponse<Response> declinedPage = inbox(token, "state=declined&limit=1");
        assertEquals(declined, declinedPage.jsonPath().getString("items[0].caseId"));
        assertEquals("担当圏域外のため", declinedPage.jsonPath().getString("items[0].declineReason"));

        ExtractableResponse<Response> overdue = inbox(token, "overdue=true&sort=due&limit=200");
        assertTrue(overdue.jsonPath().getList("items.caseId").contains(late));
        assertEquals(List.of(true), overdue.jsonPath().getList("items.overdue").stream().distinct().toList());
        assertFalse(overdue.jsonPath().getList("items.caseId").contains(accepted));
        assertTrue(ids(token, "state=all&limit=200").containsAll(List.of(accepted, declined, late)));

        given().header("Authorization", bearer(role("coordinator", KURUME))).post("/routing/acceptance-check")
                .then().statusCode(200);
        assertTrue(ids(token, "state=expired&limit=200").contains(late), "taken away after its deadline");
    }

    /** Given a case awaiting the site's answer, when a coordinator joins it to the person's earlier case: withdrawn. */
    @Test
    void aCaseJoinedAsADuplicateLeavesTheAwaitedAnswersAndCannotBeAnsweredAfterwards() {
        String token = agency(SITE, KURUME);
        String joined = referAndAwait(BusinessDate.today(), Urgency.ROUTINE);
        var confirmed = new IntakeEvent.DuplicateConfirmed(joined, null, KURUME, UUID.randomUUID().toString(), null,
                BusinessDate.today());
        TopicProbe.publish(Topics.INTAKE, new EventEnvelope<TsunaguEvent>(joined + "/duplicate-confirmed",
                "/tsunagu/intake-service", Instant.now(), BusinessDate.today(), "request/test", confirmed));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> ids(token, "state=joined&limit=200").contains(joined));
        assertFalse(ids(token, "limit=200").contains(joined), "no longer awaiting");
        assertEquals("JOINED", inbox(token, "state=joined&limit=200").jsonPath()
                .getString("items.find { it.caseId == '" + joined + "' }.state"));
        given().header("Authorization", bearer(token)).header("Accept-Language", "ja")
                .contentType("application/json").body("{\"accepted\":true}")
                .post("/cases/" + joined + "/acceptance").then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("同一人物の先の案件に重複として統合"));
    }

    @Test
    void aReferralTypedInTwoWeeksLateArrivesWithItsWholeTimeToAnswer() {
        // given a paper consultation received 14 days ago and typed in today
        LocalDate today = BusinessDate.today();
        String caseId = referAndAwait(today.minusDays(14), Instant.now(), Urgency.ROUTINE);
        String token = agency(SITE, KURUME);

        // when the agency reads its inbox, and the hourly check runs
        Map<String, Object> item = inbox(token, "limit=200").jsonPath()
                .getMap("items.find { it.caseId == '" + caseId + "' }");
        given().header("Authorization", bearer(role("coordinator", KURUME))).post("/routing/acceptance-check")
                .then().statusCode(200);

        // then it waits there, not overdue, due after today, counted from the day it reached the agency
        assertEquals("AWAITING", item.get("state"));
        assertEquals(false, item.get("overdue"));
        assertEquals(today.toString(), item.get("routedOn"));
        assertTrue(LocalDate.parse(item.get("dueOn").toString()).isAfter(today), item.get("dueOn").toString());
        assertTrue(ids(token, "limit=200").contains(caseId), "not taken away by the check");
        assertFalse(ids(token, "overdue=true&limit=200").contains(caseId));
        given().header("Authorization", bearer(token)).get("/cases/" + caseId + "/routing").then().statusCode(200)
                .body("state", org.hamcrest.Matchers.equalTo("AWAITING"))
                .body("dueOn", org.hamcrest.Matchers.equalTo(item.get("dueOn")));
    }

    @Test
    void anAgencyReadsItsOwnInboxAndACoordinatorAnyOfTheCity() {
        String caseId = referAndAwait(BusinessDate.today(), Urgency.ROUTINE);
        String coordinator = role("coordinator", KURUME);

        assertTrue(ids(coordinator, "agency=" + SITE + "&limit=200").contains(caseId));
        problem(coordinator, "limit=1", 400, "agency");
        problem(coordinator, "agency=nagareyama-houkatsu-01", 404, "not found");
        problem(role("coordinator", NAGAREYAMA), "agency=" + SITE, 404, "not found");
        problem(agency("kurume-houkatsu-01", KURUME), "agency=" + SITE, 403, "own inbox");
        assertFalse(ids(agency("kurume-houkatsu-01", KURUME), "state=all&limit=200").contains(caseId));
        problem(agency(SITE, KURUME), "limit=201", 400, "limit");
        problem(agency(SITE, KURUME), "state=lost", 400, "state");
        problem(agency(SITE, KURUME), "cursor=not-ours", 400, "cursor");
        String newestCursor = inbox(agency(SITE, KURUME), "state=all&limit=1").jsonPath().getString("next");
        problem(agency(SITE, KURUME), "state=all&sort=due&cursor=" + newestCursor, 400, "sort=newest");
        given().get("/inbox").then().statusCode(401);
    }

    @Test
    void theReferrerIsToldOfADeclineWithItsReasonAndOfTheEscalationAndSeesTheCaseNumber() {
        // given agency A refers a case, numbered R8-000123 by intake, and it is routed to the only candidate B
        String caseId = referAndAwait(BusinessDate.today(), Instant.now(), Urgency.ROUTINE, "R8-000123");
        String referrer = agency(REFERRER, KURUME);
        assertEquals(List.of(), notices(referrer, caseId, "limit=200"), "a first routing tells the referrer nothing");

        // when B declines, saying why: nobody else is left, the case goes to multi-agency coordination
        answer(agency(SITE, KURUME), caseId, "{\"accepted\":false,\"reason\":\"担当圏域外のため\"}");

        // then A reads both, newest first, the reason with the decline
        List<Map<String, Object>> told = notices(referrer, caseId, "limit=200");
        assertEquals(List.of("referral-escalated", "referral-declined"),
                told.stream().map(n -> n.get("notice")).toList(), "newest first");
        assertEquals("担当圏域外のため", told.get(1).get("reason"));
        assertEquals("紹介したケースの受入を辞退されました", told.get(1).get("what"));
        assertEquals("紹介したケースが多機関協働事業に移りました", told.get(0).get("what"));
        assertTrue(told.get(0).get("link").toString().endsWith("/cases/" + caseId + "/routing"));
        // and the case number wherever the case is named
        assertEquals(List.of("R8-000123"), told.stream().map(n -> n.get("caseNumber")).distinct().toList());
        assertEquals("R8-000123", notices(agency(SITE, KURUME), caseId, "type=case-routed").get(0).get("caseNumber"));
        assertEquals("R8-000123", inbox(agency(SITE, KURUME), "state=declined&limit=200").jsonPath()
                .getString("items.find { it.caseId == '" + caseId + "' }.caseNumber"));
        given().header("Authorization", bearer(referrer)).get("/cases/" + caseId + "/routing").then()
                .statusCode(200).body("caseNumber", equalTo("R8-000123"));

        // when the person is erased, then the reason (words that may describe them) goes from the notice too
        TopicProbe.publish(Topics.INTAKE, new EventEnvelope<TsunaguEvent>(caseId + "/person-erased", "/tsunagu/test",
                Instant.now(), BusinessDate.today(), null,
                new IntakeEvent.PersonErased(caseId, KURUME, BusinessDate.today())));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() ->
                "（本人の情報は消去されました）".equals(notices(referrer, caseId, "type=referral-declined").get(0)
                        .get("reason")));
    }

    @Test
    void theNoticeListPagesNewestFirstAndFiltersByTypeAndTime() {
        String caseId = referAndAwait(BusinessDate.today(), Urgency.ROUTINE);
        String site = agency(SITE, KURUME);
        String routedAt = notices(site, caseId, "type=case-routed&limit=200").get(0).get("time").toString();

        ExtractableResponse<Response> page1 = given().header("Authorization", bearer(site))
                .get("/notices?limit=1&type=case-routed").then().statusCode(200).extract();
        assertEquals(List.of("jp.tsunagu.notice.case-routed.v1"), page1.jsonPath().getList("items.type"));
        String next = page1.jsonPath().getString("next");
        assertTrue(page1.header("Link").contains("cursor=" + next), page1.header("Link"));
        List<Object> two = given().header("Authorization", bearer(site)).get("/notices?limit=2&type=case-routed")
                .then().statusCode(200).extract().jsonPath().getList("items.id");
        assertEquals(two.get(1), given().header("Authorization", bearer(site))
                .get("/notices?limit=1&type=case-routed&cursor=" + next).then().statusCode(200).extract()
                .jsonPath().getString("items[0].id"), "the second page starts where the first ended");

        assertEquals(1, notices(site, caseId, "since=" + routedAt.replace("+", "%2B") + "&limit=200").size());
        assertEquals(List.of(), notices(site, caseId, "since=" + Instant.parse(routedAt).plusSeconds(1) + "&limit=200"),
                "made before the time asked for");
        noticeProblem(site, "type=case-routed,lost", "type");
        noticeProblem(site, "since=yesterday", "since");
        noticeProblem(site, "limit=0", "limit");
        noticeProblem(site, "cursor=not-ours", "cursor");
        given().header("Authorization", bearer(role("coordinator", KURUME))).get("/notices").then().statusCode(403);
        given().get("/notices").then().statusCode(401);
    }

    @Test
    void aTamperedCursorIsABadRequestNotAnError() {
        for (String sort : List.of("newest", "due")) {
            for (String cursor : TamperedCursors.of(sort, sort.equals("newest") ? 1 : 2)) {
                given().header("Authorization", bearer(agency(SITE, KURUME))).queryParam("state", "all")
                        .queryParam("sort", sort).queryParam("cursor", cursor).get("/inbox").then().statusCode(400)
                        .contentType("application/problem+json").body("type", equalTo("/problems/cursor"));
            }
        }
    }

    @Test
    void aTokenOutsideTheDirectoryIsRefusedEverywhere() {
        problem(agency("no-such-agency", KURUME), "limit=1", 403, "not in the current directory");
        problem(agency("nagareyama-houkatsu-01", KURUME), "limit=1", 403, "not in the current directory");
        problem(role("coordinator", "999999"), "agency=" + SITE, 403, "not served");
        given().header("Authorization", bearer(agency("no-such-agency", KURUME))).get("/agencies").then()
                .statusCode(403).contentType("application/problem+json");
    }

    private static void problem(String token, String query, int status, String detail) {
        given().header("Authorization", bearer(token)).get("/inbox?" + query).then().statusCode(status)
                .contentType("application/problem+json").body("detail", containsString(detail));
    }

    /** The caller's notices about one case (their {@code data}, with the notice's {@code time}), newest first. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> notices(String token, String caseId, String query) {
        List<Map<String, Object>> items = given().header("Authorization", bearer(token)).urlEncodingEnabled(false)
                .get("/notices?" + query).then().statusCode(200).extract().jsonPath().getList("items");
        return items.stream().filter(n -> caseId.equals(n.get("subject"))).map(n -> {
            Map<String, Object> data = new java.util.LinkedHashMap<>((Map<String, Object>) n.get("data"));
            data.put("time", n.get("time"));
            return data;
        }).toList();
    }

    private static void noticeProblem(String token, String query, String field) {
        given().header("Authorization", bearer(token)).get("/notices?" + query).then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString(field));
    }

    private static List<Object> ids(String token, String query) {
        return inbox(token, query).jsonPath().getList("items.caseId");
    }

    private static ExtractableResponse<Response> inbox(String token, String query) {
        return given().header("Authorization", bearer(token)).get("/inbox?" + query).then().statusCode(200)
                .extract();
    }

    private static void answer(String token, String caseId, String body) {
        given().header("Authorization", bearer(token)).contentType("application/json").body(body)
                .post("/cases/" + caseId + "/acceptance").then().statusCode(200);
    }

    /**
     * A referral of an 80-something in 荒木 with dementia, living with a child in their fifties (a concern of the
     * child's would make it a case for 重層的支援会議, not for one agency).
     */
    static String referAndAwait(LocalDate receivedOn, Urgency urgency) {
        return referAndAwait(receivedOn, recordedOn(receivedOn), urgency);
    }

    /** A moment of the given business day, as if the referral was typed in that day (now, for today). */
    static Instant recordedOn(LocalDate day) {
        return day.equals(BusinessDate.today()) ? Instant.now()
                : day.atStartOfDay(BusinessDate.ZONE).plusHours(10).toInstant();
    }

    /** The referral received on one day and typed into Tsunagu at {@code recordedAt}. */
    static String referAndAwait(LocalDate receivedOn, Instant recordedAt, Urgency urgency) {
        return referAndAwait(receivedOn, recordedAt, urgency, null);
    }

    /** The same, with the 受付番号 intake gave it. */
    static String referAndAwait(LocalDate receivedOn, Instant recordedAt, Urgency urgency, String caseNumber) {
        String caseId = UUID.randomUUID().toString();
        var event = new IntakeEvent.ReferralReceived(caseId, caseNumber, KURUME, REFERRER, Channel.AGENCY, receivedOn,
                "荒木",
                AgeBand.of(84), List.of(new HouseholdMember(Relation.CHILD, AgeBand.of(52), List.of())),
                List.of(Concern.DEMENTIA), Consent.UNKNOWN, urgency, false,
                new SealedData("A256GCM", "case/" + caseId + "/1", "bm9uY2U=", "Y2lwaGVy"));
        TopicProbe.publish(Topics.INTAKE, new EventEnvelope<TsunaguEvent>(caseId + "/referral-received",
                "/tsunagu/intake-service", recordedAt, receivedOn, "request/test", event));
        TopicProbe.awaitEvent(Topics.ROUTING, caseId, RoutingEvent.CaseRouted.class, e -> true);
        // the event is on the topic once routing's transaction is about to commit: wait for the inbox to show it
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() ->
                given().header("Authorization", bearer(role("coordinator", KURUME)))
                        .get("/cases/" + caseId + "/routing").statusCode() == 200);
        return caseId;
    }
}
