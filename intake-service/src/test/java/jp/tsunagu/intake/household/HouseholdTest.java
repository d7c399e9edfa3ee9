package jp.tsunagu.intake.household;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jp.tsunagu.contract.Topics;
import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.IntakeEvent;
import jp.tsunagu.contract.events.RoutingEvent;
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
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Households (世帯) through the REST API, on the real broker and database. */
@QuarkusTest
@QuarkusTestResource(TsunaguTestResources.class)
class HouseholdTest {

    static final String COORDINATOR = role("coordinator", KURUME);
    /** The 地域包括支援センター that refers the parent (80). */
    static final String PARENT_SIDE = agency("kurume-houkatsu-02", KURUME);
    /** The agency that refers the son, withdrawn at home for years. */
    static final String SON_SIDE = agency("kurume-jiritsu-01", KURUME);
    /** The agency that accepts the son's case and so coordinates it. */
    static final String SON_COORDINATOR = "kurume-kikan-02";

    @Test
    void theSonsReferralNamingHisMotherIsSuggestedLinkedAndReadByEachSideAsItsCaseAllows() {
        String parent = refer(PARENT_SIDE, "2019-05-07", person("世帯 母子", "セタイ ハハコ", "昭和21年4月2日",
                "久留米市荒木町9丁目1番1号"), "");
        String son = refer(SON_SIDE, "2019-05-14", person("世帯 息子", "セタイ ムスコ", "1975-06-01",
                "久留米市東町5-5"), """
                ,"household":[{"relation":"PARENT","name":"世帯 母子","nameKana":"せたい ははこ",
                               "birthDate":"1946-04-02","concerns":["DEMENTIA"]}]""");

        // the son's referral shows his mother's name to its readers, sealed like his own
        given().header("Authorization", bearer(SON_SIDE)).get("/referrals/" + son + "/person").then()
                .statusCode(200).body("household[0].name", equalTo("世帯 母子"))
                .body("household[0].nameKana", equalTo("せたい ははこ"))
                .body("household[0].birthDate", equalTo("1946-04-02"))
                .body("household[0].relation", equalTo("PARENT"));

        // suggested to both cases, each from its side
        suggestions(son).body("", hasSize(1)).body("[0].caseId", equalTo(parent))
                .body("[0].basis", equalTo("MEMBER_IS_PERSON")).body("[0].basisLabel", equalTo("世帯員の氏名・生年月日が一致"));
        suggestions(parent).body("", hasSize(1)).body("[0].caseId", equalTo(son))
                .body("[0].basis", equalTo("PERSON_IS_MEMBER"));
        assertEquals(1, item(son).get("householdSuggestions"));
        given().header("Authorization", bearer(SON_SIDE)).get("/cases/" + son + "/household-suggestions").then()
                .statusCode(403);

        // bad requests change nothing
        link(son, son).then().statusCode(422).body("errors[0].field", equalTo("caseIds"));
        given().header("Authorization", bearer(COORDINATOR)).contentType(ContentType.JSON)
                .body("{\"caseIds\":[\"" + son + "\"]}").post("/households").then().statusCode(422);
        link(son, UUID.randomUUID().toString()).then().statusCode(404);
        String elsewhere = given().header("Authorization", bearer(role("coordinator", NAGAREYAMA)))
                .contentType(ContentType.JSON).body("{\"caseIds\":[\"" + son + "\",\"" + parent + "\"]}")
                .post("/households").then().statusCode(404).extract().asString();
        assertFalse(elsewhere.contains("householdId\""), elsewhere);
        assertNull(item(son).get("householdId"));

        Response created = link(parent, son);
        created.then().statusCode(201).body("members", hasSize(2));
        String householdId = created.path("householdId");
        assertEquals("/households/" + householdId, java.net.URI.create(created.header("Location")).getPath());
        String parentNumber = (String) item(parent).get("caseNumber");
        String sonNumber = (String) item(son).get("caseNumber");
        String label = "世帯（" + parentNumber + "・" + sonNumber + "）";
        assertEquals(label, created.path("label"));
        assertEquals(householdId, item(son).get("householdId"));
        assertEquals(0, item(son).get("householdSuggestions"), "linked: no longer offered");
        suggestions(son).body("", hasSize(0));
        given().header("Authorization", bearer(PARENT_SIDE)).get("/referrals/" + parent).then().statusCode(200)
                .body("householdId", equalTo(householdId));
        assertTrue(history(PARENT_SIDE, parent).contains("世帯に登録"));
        IntakeEvent.HouseholdLinked event = TopicProbe.awaitEvent(Topics.INTAKE, son,
                IntakeEvent.HouseholdLinked.class, e -> householdId.equals(e.householdId()));
        assertEquals(sonNumber, event.caseNumber());
        // the mother's name and birth date are in no event (only inside the son's sealed fields)
        TopicProbe.readAll(Topics.INTAKE).stream().filter(r -> son.equals(r.key()))
                .map(r -> new String(r.value(), java.nio.charset.StandardCharsets.UTF_8))
                .forEach(text -> assertFalse(text.contains("ははこ") || text.contains("母子")
                        || text.contains("1946-04-02"), text));

        // a case already in a household: 409 naming it by its members' 受付番号
        String third = refer(SON_SIDE, "2019-05-20", person("世帯 別人", "ベツ ジン", "1980-01-01", null), "");
        link(third, parent).then().statusCode(409).body("type", equalTo("/problems/household-conflict"))
                .body("householdId", equalTo(householdId))
                .body("detail", equalTo("案件 " + parentNumber + " はすでに" + label + "に属しています"));
        given().header("Authorization", bearer(COORDINATOR)).contentType(ContentType.JSON)
                .body("{\"caseId\":\"" + son + "\"}").post("/households/" + householdId + "/members").then()
                .statusCode(409).body("householdId", equalTo(householdId));
        assertNull(item(third).get("householdId"), "nothing changed by a refused request");

        // the son's case is accepted by the agency that coordinates it from now on
        TopicProbe.publish(Topics.ROUTING, new EventEnvelope<>(UUID.randomUUID().toString(), "/tsunagu/test",
                Instant.now(), LocalDate.of(2019, 5, 15), null,
                new RoutingEvent.RoutingAccepted(son, KURUME, SON_COORDINATOR)));
        await().atMost(Duration.ofSeconds(30)).until(() -> "ACCEPTED".equals(item(son).get("status")));

        // the parent's side sees that the son's case exists, its status and who coordinates it; nothing else of him
        Response parentSide = household(PARENT_SIDE, householdId);
        parentSide.then().statusCode(200).body("label", equalTo(label));
        Map<String, Object> sonSeen = member(parentSide, son);
        assertEquals(sonNumber, sonSeen.get("caseNumber"));
        assertEquals("ACCEPTED", sonSeen.get("status"));
        assertEquals(SON_COORDINATOR, sonSeen.get("agencyId"));
        assertEquals(false, sonSeen.get("personVisible"));
        assertTrue(sonSeen.containsKey("person") && sonSeen.get("person") == null);
        assertEquals("世帯 母子", ((Map<?, ?>) member(parentSide, parent).get("person")).get("name"));
        assertFalse(parentSide.<List<String>>path("timeline.caseId").contains(son), "none of his timeline");
        assertFalse(parentSide.asString().contains("世帯 息子") || parentSide.asString().contains("1975-06-01"));
        assertFalse(parentSide.<List<List<String>>>path("agencies.caseIds").stream().anyMatch(l -> l.contains(son)));
        // the son's coordinating agency reads its member fully as far as his case allows, and the mother not at all
        Response sonSide = household(agency(SON_COORDINATOR, KURUME), householdId);
        assertEquals(true, member(sonSide, son).get("personVisible"), "consent given, case entrusted to it");
        assertEquals(false, member(sonSide, parent).get("personVisible"));
        given().header("Authorization", bearer(agency("kurume-kikan-01", KURUME)))
                .get("/households/" + householdId).then().statusCode(404);
        Response full = household(COORDINATOR, householdId);
        assertEquals("世帯 息子", ((Map<?, ?>) member(full, son).get("person")).get("name"));
        assertTrue(full.<List<String>>path("timeline.caseId").containsAll(List.of(son, parent)));
        List<Map<String, Object>> audit = given().header("Authorization", bearer(COORDINATOR)).get("/audit")
                .then().statusCode(200).extract().path("findAll { it.action == 'read-household' }");
        assertTrue(audit.stream().anyMatch(e -> ("household/" + householdId).equals(e.get("resource"))
                && String.valueOf(e.get("detail")).contains(son)), audit.toString());

        // erasing the son keeps the link and his mother
        given().header("Authorization", bearer(COORDINATOR)).delete("/persons/" + son).then().statusCode(204);
        Response afterErasure = household(COORDINATOR, householdId);
        assertEquals(true, member(afterErasure, son).get("erased"));
        assertNull(member(afterErasure, son).get("person"));
        assertEquals("世帯 母子", ((Map<?, ?>) member(afterErasure, parent).get("person")).get("name"));

        // unlinking needs a reason, and a current member
        unlink(householdId, parent, " ").then().statusCode(422).body("errors[0].field", equalTo("reason"));
        unlink(householdId, third, "別世帯").then().statusCode(404);
        unlink(householdId, parent, "施設入所により世帯を分離").then().statusCode(200)
                .body("members.caseId", equalTo(List.of(son)))
                .body("formerMembers[0].caseId", equalTo(parent));
        assertTrue(history(PARENT_SIDE, parent).contains("世帯から外す"));
        assertNull(item(parent).get("householdId"));
        TopicProbe.awaitEvent(Topics.INTAKE, parent, IntakeEvent.HouseholdUnlinked.class,
                e -> householdId.equals(e.householdId()));
    }

    @Test
    void theSameAddressWrittenTwoWaysIsSuggestedUntilDismissed() {
        String first = refer(PARENT_SIDE, "2019-06-03", person("住所 一", "ジュウショ ハジメ", "1950-02-02",
                "久留米市荒木町3丁目12番7号"), "");
        String second = refer(SON_SIDE, "2019-06-04", person("住所 二", "ジュウショ ツギ", "1952-03-03",
                "久留米市荒木町 ３－１２－７"), "");
        suggestions(second).body("", hasSize(1)).body("[0].caseId", equalTo(first))
                .body("[0].basis", equalTo("SAME_ADDRESS")).body("[0].basisLabel", equalTo("住所が一致"));
        given().header("Authorization", bearer(COORDINATOR)).contentType(ContentType.JSON).body("{\"reason\":\"\"}")
                .post("/cases/" + second + "/household-suggestions/" + first + "/dismissal").then().statusCode(422);
        given().header("Authorization", bearer(COORDINATOR)).contentType(ContentType.JSON)
                .body("{\"reason\":\"同じ集合住宅の別の部屋\"}")
                .post("/cases/" + second + "/household-suggestions/" + first + "/dismissal").then().statusCode(204);
        suggestions(second).body("", hasSize(0));
        suggestions(first).body("", hasSize(0));
        assertEquals(0, item(first).get("householdSuggestions"));
    }

    @Test
    void aMemberNamedWithAnAgeIsFoundAndTheHouseholdsMeetingAndPlanAreSeenOnlyForFollowedMembers() {
        String mother = refer(PARENT_SIDE, "2019-07-01", person("年齢 母", "ネンレイ ハハ", "1940-01-10", null), "");
        String son = refer(SON_SIDE, "2019-07-08", person("年齢 子", "ネンレイ コ", "1970-02-02", null), """
                ,"household":[{"relation":"PARENT","nameKana":"ねんれい はは","age":79}]""");
        suggestions(son).body("", hasSize(1)).body("[0].caseId", equalTo(mother))
                .body("[0].basis", equalTo("MEMBER_IS_PERSON"));
        String householdId = link(mother, son).then().statusCode(201).extract().path("householdId");

        // one 重層的支援会議 discusses the household; one household plan covers both (one plan-created per member)
        String meetingId = "m-" + UUID.randomUUID();
        String planId = "p-" + UUID.randomUUID();
        for (String caseId : List.of(mother, son)) {
            TopicProbe.publish(Topics.MEETINGS, envelope(new jp.tsunagu.contract.events.MeetingEvent.CaseReviewed(
                    caseId, KURUME, meetingId, jp.tsunagu.contract.codes.MeetingType.JUUSOU_SHIEN_KAIGI,
                    LocalDate.of(2019, 7, 20), jp.tsunagu.contract.codes.ReviewOutcome.PLAN,
                    jp.tsunagu.contract.codes.PlanType.MULTI_AGENCY, List.of(), false, null, householdId)));
            TopicProbe.publish(Topics.PLANS, envelope(new jp.tsunagu.contract.events.PlanningEvent.PlanCreated(
                    planId, caseId, KURUME, jp.tsunagu.contract.codes.PlanType.MULTI_AGENCY,
                    LocalDate.of(2019, 7, 22), caseId.equals(son) ? List.of(new jp.tsunagu.contract.events.Role(
                    SON_COORDINATOR, null)) : List.of(), null, meetingId, householdId)));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> "PLAN_ACTIVE".equals(item(son).get("status"))
                && "PLAN_ACTIVE".equals(item(mother).get("status")));

        Response full = household(COORDINATOR, householdId);
        assertEquals(List.of(planId), full.path("plans.planId"), "a household plan is one plan");
        assertEquals(List.of(List.of(mother, son).stream().sorted().toList()), full.path("plans.caseIds"));
        assertEquals(true, full.path("plans[0].open"));
        assertEquals(List.of(meetingId), full.path("meetings.meetingId"));
        assertEquals("重層的支援会議", full.path("meetings[0].meetingTypeLabel"));
        assertTrue(full.<List<String>>path("agencies.agencyId").contains(SON_COORDINATOR));

        // the mother's referrer follows her case only: the plan and meeting show her, not her son
        Response parentSide = household(PARENT_SIDE, householdId);
        assertEquals(List.of(List.of(mother)), parentSide.path("plans.caseIds"));
        assertEquals(List.of(List.of(mother)), parentSide.path("meetings.caseIds"));
        assertFalse(parentSide.<List<String>>path("agencies.agencyId").contains(SON_COORDINATOR),
                "the son's plan role is his case's, not hers");
    }

    private static EventEnvelope<?> envelope(jp.tsunagu.contract.events.TsunaguEvent event) {
        return new EventEnvelope<>(UUID.randomUUID().toString(), "/tsunagu/test", Instant.now(),
                LocalDate.of(2019, 7, 20), null, event);
    }

    static String person(String name, String kana, String birthDate, String address) {
        return """
                {"name":"%s","nameKana":"%s","birthDate":"%s","area":"荒木"%s}""".formatted(name, kana, birthDate,
                address == null ? "" : ",\"address\":\"" + address + "\"");
    }

    static String refer(String token, String receivedOn, String person, String more) {
        String body = """
                {"channel":"AGENCY","receivedOn":"%s","person":%s,
                 "concerns":["ISOLATION"],"consent":"GIVEN","urgency":"ROUTINE"%s}""".formatted(receivedOn, person,
                more);
        return given().header("Authorization", bearer(token)).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(body).post("/referrals").then().statusCode(201).extract()
                .path("caseId");
    }

    static Response link(String a, String b) {
        return given().header("Authorization", bearer(COORDINATOR)).header("Accept-Language", "ja")
                .contentType(ContentType.JSON).body("{\"caseIds\":[\"" + a + "\",\"" + b + "\"]}")
                .post("/households");
    }

    private static Response unlink(String householdId, String caseId, String reason) {
        return given().header("Authorization", bearer(COORDINATOR)).contentType(ContentType.JSON)
                .body("{\"reason\":\"" + reason + "\"}")
                .post("/households/" + householdId + "/members/" + caseId + "/unlinking");
    }

    static io.restassured.response.ValidatableResponse suggestions(String caseId) {
        return given().header("Authorization", bearer(COORDINATOR)).get("/cases/" + caseId + "/household-suggestions")
                .then().statusCode(200);
    }

    private static Response household(String token, String householdId) {
        Response r = given().header("Authorization", bearer(token)).get("/households/" + householdId);
        r.then().statusCode(200);
        return r;
    }

    private static Map<String, Object> member(Response household, String caseId) {
        return household.<List<Map<String, Object>>>path("members").stream()
                .filter(m -> caseId.equals(m.get("caseId"))).findFirst().orElseThrow();
    }

    static Map<String, Object> item(String caseId) {
        return given().header("Authorization", bearer(COORDINATOR))
                .get("/cases?limit=200&receivedFrom=2019-05-01&receivedTo=2019-07-31")
                .then().statusCode(200).extract().<List<Map<String, Object>>>path("items").stream()
                .filter(i -> caseId.equals(i.get("caseId"))).findFirst().orElseThrow();
    }

    private static String history(String token, String caseId) {
        return given().header("Authorization", bearer(token)).get("/referrals/" + caseId).then().statusCode(200)
                .extract().<List<String>>path("history.detail").toString();
    }
}
