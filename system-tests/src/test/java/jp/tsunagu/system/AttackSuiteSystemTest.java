package jp.tsunagu.system;

import com.fasterxml.jackson.databind.JsonNode;
import jp.tsunagu.contract.codes.BusinessDate;
import jp.tsunagu.infra.DevKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static jp.tsunagu.system.LocalRunSystemTest.HOME;
import static jp.tsunagu.system.LocalRunSystemTest.HTTP;
import static jp.tsunagu.system.LocalRunSystemTest.JSON;
import static jp.tsunagu.system.LocalRunSystemTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile requests against the running system (OWASP API Security Top 10, 2023): no, forged, expired, unsigned and
 * ill-claimed tokens on every endpoint; other municipalities' and other agencies' ids; wrong roles; malformed,
 * oversized and over-assigned bodies; injection strings in text fields and parameters; a flood. Every outcome is
 * asserted, every error must be a problem document without a stack trace, SQL or personal value, and the personal
 * values planted as canaries must appear in no answer, no log and no Kafka segment, before and after erasure.
 */
@ExtendWith(RunningSystem.class)
class AttackSuiteSystemTest {

    static final String INTAKE = LocalRunSystemTest.INTAKE;
    static final String ROUTING = LocalRunSystemTest.ROUTING;
    static final String MEETING = LocalRunSystemTest.MEETING;
    static final String PLANNING = LocalRunSystemTest.PLANNING;
    static final String REPORTING = LocalRunSystemTest.REPORTING;
    static final String KURUME = "402036";
    static final String NAGAREYAMA = "122203";
    static final String CANARY = "CANARY" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    static final String RUN = UUID.randomUUID().toString();
    static final List<String> INJECTIONS = List.of("'; drop table referral; --", "\" OR \"1\"=\"1",
            "<script>alert(1)</script>", "${jndi:ldap://127.0.0.1/x}", "../../../../etc/passwd", "%00\u0000nul",
            "{{7*7}}", "\u202Eevil\u202C", "あ".repeat(300));
    static final Set<String> LEAKS = Set.of("Exception", "\tat ", "org.hibernate", "io.vertx", "SQLState",
            "select ", "insert into", "postgres", "java.lang");

    static final Set<String> CLAIM_DEFECTS = Set.of("no municipality", "ill-formed municipality",
            "agency without agency claim");

    record Attack(String name, String method, String service, String path, String token, String body,
                  Map<String, String> headers, Set<Integer> expected) {
    }

    final List<String> failures = new ArrayList<>();
    final Map<String, AtomicInteger> byCategory = new LinkedHashMap<>();
    final List<String> answers = new ArrayList<>();
    int tried;

    @Test
    void hostileRequestsGetTheExpectedAnswersAndNoCanaryLeaks() throws Exception {
        String referrer = token("agency", "--agency", "kurume-houkatsu-01");
        String coordinator = token("coordinator");
        String otherAgency = token("agency", "--agency", "kurume-jiritsu-02");
        String outreachAgency = token("agency", "--agency", "kurume-outreach-01");
        String portal = token("portal");
        String analyst = token("analyst");
        String member = token("meeting-member");
        String nagareyama = token("coordinator", "--municipality", NAGAREYAMA);
        String nagareyamaAgency = token("agency", "--agency", "nagareyama-houkatsu-01", "--municipality", NAGAREYAMA);
        String today = BusinessDate.today().toString();

        // the case under attack carries canaries in every personal field
        HttpResponse<String> created = LocalRunSystemTest.post(INTAKE, "/referrals", referrer, "attack-" + RUN,
                referral(CANARY + "太郎", "荒木", CANARY + " 住所", CANARY + " 相談の要旨"));
        assertEquals(201, created.statusCode(), created.body());
        String caseId = JSON.readTree(created.body()).get("caseId").asText();
        String meetingId = JSON.readTree(LocalRunSystemTest.post(MEETING, "/meetings", coordinator, "attack-m-" + RUN,
                "{\"type\":\"JUUSOU_SHIEN_KAIGI\",\"scheduledOn\":\"" + today + "\",\"startsAt\":\"14:00\","
                        + "\"place\":\"会議室\"}").body()).get("meetingId").asText();
        String planId = null;
        for (int i = 0; i < 100 && planId == null; i++) { // until planning has the case
            HttpResponse<String> r = LocalRunSystemTest.post(PLANNING, "/cases/" + caseId + "/plans", coordinator,
                    "attack-p-" + RUN, "{\"type\":\"PARTICIPATION\",\"madeOn\":\"" + today + "\",\"wish\":\""
                            + CANARY + "の願い\",\"goals\":[\"" + CANARY + "の目標\"]}");
            if (r.statusCode() == 201) {
                planId = JSON.readTree(r.body()).get("planId").asText();
            } else {
                Thread.sleep(200);
            }
        }
        assertTrue(planId != null, "the plan under attack was made");

        // --- every endpoint, with every kind of bad token: 401 -------------------------------------------------
        List<Attack> endpoints = endpoints(caseId, meetingId, planId, today);
        Map<String, String> badTokens = badTokens();
        for (Map.Entry<String, String> bad : badTokens.entrySet()) {
            // a genuine token with unusable claims may meet the role check (403) before the claim check (401)
            Set<Integer> expected = CLAIM_DEFECTS.contains(bad.getKey()) ? Set.of(401, 403) : Set.of(401);
            for (Attack e : endpoints) {
                attempt("authentication", with(e, bad.getKey(), bad.getValue(), expected));
            }
        }
        attempt("authentication", new Attack("GET /feed/cases without a token", "GET", REPORTING, "/feed/cases", null,
                null, Map.of(), Set.of(401)));

        // --- another municipality's ids: 404, never 403, where the role may call (BOLA / tenant isolation) ------
        for (Attack e : caseEndpoints(caseId, meetingId, planId, today)) {
            attempt("other municipality", with(e, "122203 coordinator", nagareyama, e.expected()));
            // an agency of the other city: 404, or 403 where agencies may not call at all
            attempt("other municipality", with(e, "122203 agency", nagareyamaAgency, Set.of(403, 404)));
        }

        // --- another agency of the same city: 404 (BOLA) -----------------------------------------------------
        for (Attack a : List.of(
                get(INTAKE, "/referrals/" + caseId, otherAgency, 404),
                post(INTAKE, "/referrals/" + caseId + "/consent", otherAgency, "{\"consent\":\"GIVEN\"}", 404),
                get(ROUTING, "/cases/" + caseId + "/routing", otherAgency, 404),
                post(ROUTING, "/cases/" + caseId + "/acceptance", otherAgency, "{\"accepted\":true}", 404),
                get(PLANNING, "/plans/" + planId, otherAgency, 404),
                get(PLANNING, "/cases/" + caseId + "/plans", otherAgency, 404),
                get(PLANNING, "/plans/" + planId + "/suggestions", otherAgency, 404),
                post(PLANNING, "/plans/" + planId + "/revisions", otherAgency,
                        "{\"madeOn\":\"" + today + "\",\"reason\":\"x\"}", 403, 404),
                post(PLANNING, "/cases/" + caseId + "/plans", outreachAgency,
                        "{\"type\":\"OUTREACH\",\"madeOn\":\"" + today + "\"}", 404),
                get(MEETING, "/meetings/" + meetingId, otherAgency, 404))) {
            attempt("other agency", a);
        }

        // --- roles that may not (BFLA): 403 --------------------------------------------------------------------
        for (Attack a : List.of(
                get(INTAKE, "/referrals/" + caseId, portal, 403), get(INTAKE, "/referrals/" + caseId, analyst, 403),
                post(INTAKE, "/referrals", portal, referral("x", "荒木", null, null), 403),
                post(INTAKE, "/referrals", analyst, referral("x", "荒木", null, null), 403),
                post(INTAKE, "/referrals", member, referral("x", "荒木", null, null), 403),
                delete(INTAKE, "/persons/" + caseId, referrer, 403), delete(INTAKE, "/persons/" + caseId, analyst, 403),
                delete(INTAKE, "/persons/" + caseId, portal, 403), delete(INTAKE, "/persons/" + caseId, member, 403),
                get(ROUTING, "/cases/" + caseId + "/routing", portal, 403),
                get(ROUTING, "/cases/" + caseId + "/routing", analyst, 403),
                post(ROUTING, "/cases/" + caseId + "/acceptance", coordinator, "{\"accepted\":true}", 403),
                post(ROUTING, "/routing/acceptance-check", referrer, "", 403),
                post(MEETING, "/meetings", referrer, "{\"type\":\"SHIEN_KAIGI\",\"scheduledOn\":\"" + today + "\"}", 403),
                post(MEETING, "/meetings", analyst, "{\"type\":\"SHIEN_KAIGI\",\"scheduledOn\":\"" + today + "\"}", 403),
                get(MEETING, "/meetings/" + meetingId, portal, 403), get(MEETING, "/meetings/" + meetingId, analyst, 403),
                post(MEETING, "/meetings/" + meetingId + "/minutes", referrer, "{\"heldOn\":\"" + today + "\"}", 403),
                get(MEETING, "/audit", referrer, 403), get(MEETING, "/audit", analyst, 403),
                get(PLANNING, "/plans/" + planId, portal, 403), get(PLANNING, "/plans/" + planId, analyst, 403),
                post(PLANNING, "/cases/" + caseId + "/plans", referrer,
                        "{\"type\":\"MULTI_AGENCY\",\"madeOn\":\"" + today + "\"}", 403),
                get(PLANNING, "/plans?overdue=true", referrer, 403),
                get(REPORTING, "/reports/fiscal-years", referrer, 403), get(REPORTING, "/reports/fiscal-years", portal, 403),
                get(REPORTING, "/reports/cases", portal, 403), get(REPORTING, "/reports/cases", referrer, 403),
                get(REPORTING, "/reports/portal", analyst, 403), get(REPORTING, "/reports/portal", referrer, 403),
                get(REPORTING, "/cases/" + caseId + "/history", referrer, 403),
                get(REPORTING, "/cases/" + caseId + "/history", analyst, 403),
                get(REPORTING, "/cases/" + caseId + "/history", portal, 403),
                get(REPORTING, "/exports/events", coordinator, 403), get(REPORTING, "/exports/events", portal, 403),
                get(REPORTING, "/exports/events", referrer, 403),
                post(REPORTING, "/replays", portal, "{}", 403), post(REPORTING, "/replays", referrer, "{}", 403))) {
            attempt("wrong role", a);
        }

        // --- malformed, over-assigned and oversized bodies: 400 / 413 / 411 ----------------------------------
        List<Attack> writes = List.of(
                post(INTAKE, "/referrals", referrer, "", 400),
                post(INTAKE, "/referrals/" + caseId + "/consent", referrer, "", 400),
                post(ROUTING, "/cases/" + caseId + "/acceptance", referrer, "", 400, 404),
                post(MEETING, "/meetings", coordinator, "", 400),
                post(MEETING, "/meetings/" + meetingId + "/minutes", coordinator, "", 400),
                post(PLANNING, "/cases/" + caseId + "/plans", coordinator, "", 400),
                post(PLANNING, "/plans/" + planId + "/revisions", coordinator, "", 400),
                post(PLANNING, "/plans/" + planId + "/closure", coordinator, "", 400),
                post(PLANNING, "/plans/" + planId + "/placements", coordinator, "", 400),
                post(REPORTING, "/replays", coordinator, "", 400, 202));
        for (Attack w : writes) {
            boolean replays = w.path().equals("/replays");
            for (String body : List.of("{", "[1,2]", "\"text\"", "{\"type\":{\"nested\":true}}", "{\"a\":1e999999}")) {
                attempt("malformed body", new Attack(w.name() + " " + body, w.method(), w.service(), w.path(), w.token(),
                        body, Map.of("Idempotency-Key", UUID.randomUUID().toString()),
                        replays ? Set.of(400) : w.expected()));
            }
            attempt("oversized body", new Attack(w.name() + " 200 KB", w.method(), w.service(), w.path(), w.token(),
                    "{\"x\":\"" + "あ".repeat(70_000) + "\"}", Map.of("Idempotency-Key", UUID.randomUUID().toString()),
                    Set.of(413)));
        }
        for (String field : List.of("\"caseId\":\"mine\"", "\"status\":\"CLOSED\"", "\"municipality\":\"122203\"",
                "\"assignedAgencyId\":\"kurume-jiritsu-02\"", "\"personal\":{\"ciphertext\":\"x\"}")) {
            attempt("mass assignment", post(INTAKE, "/referrals", referrer,
                    referral("x", "荒木", null, null).replaceFirst("\\{", "{" + field + ","), 400));
        }
        attempt("mass assignment", post(PLANNING, "/cases/" + caseId + "/plans", coordinator,
                "{\"type\":\"OUTREACH\",\"madeOn\":\"" + today + "\",\"planId\":\"p-chosen\"}", 400));
        attempt("mass assignment", post(PLANNING, "/plans/" + planId + "/revisions", coordinator,
                "{\"madeOn\":\"" + today + "\",\"reason\":\"x\",\"version\":99}", 400));
        attempt("mass assignment", post(MEETING, "/meetings", coordinator,
                "{\"type\":\"SHIEN_KAIGI\",\"scheduledOn\":\"" + today + "\",\"heldOn\":\"" + today + "\"}", 400));
        attempt("missing idempotency key", new Attack("POST /referrals without Idempotency-Key", "POST", INTAKE,
                "/referrals", referrer, referral("x", "荒木", null, null), Map.of(), Set.of(400)));
        attempt("bad idempotency key", new Attack("POST /referrals with a 300-char key", "POST", INTAKE, "/referrals",
                referrer, referral("x", "荒木", null, null), Map.of("Idempotency-Key", "k".repeat(300)), Set.of(400)));

        // --- injection strings in every text field and parameter ----------------------------------------------
        for (String evil : INJECTIONS) {
            String json = jsonString(evil);
            attempt("injection (name)", post(INTAKE, "/referrals", referrer,
                    referral(evil, "荒木", evil, evil), 201, 400));
            attempt("injection (area)", post(INTAKE, "/referrals", referrer, referral("x", evil, null, null), 400));
            attempt("injection (consent)", post(INTAKE, "/referrals/" + caseId + "/consent", referrer,
                    "{\"consent\":" + json + "}", 400));
            attempt("injection (decline reason)", post(ROUTING, "/cases/" + caseId + "/acceptance", referrer,
                    "{\"accepted\":false,\"reason\":" + json + "}", 400, 404, 409));
            attempt("injection (plan wish)", post(PLANNING, "/plans/" + planId + "/revisions", coordinator,
                    "{\"madeOn\":\"" + today + "\",\"reason\":" + json + ",\"wish\":" + json + "}", 201, 400));
            attempt("injection (meeting type)", post(MEETING, "/meetings", coordinator,
                    "{\"type\":" + json + ",\"scheduledOn\":\"" + today + "\"}", 400));
            String q = java.net.URLEncoder.encode(evil, StandardCharsets.UTF_8);
            attempt("injection (path)", get(INTAKE, "/referrals/" + q, referrer, 404, 400));
            attempt("injection (path)", get(PLANNING, "/plans/" + q, coordinator, 404, 400));
            attempt("injection (query)", get(REPORTING, "/reports/fiscal-years?from=" + q, coordinator, 400));
            attempt("injection (query)", get(REPORTING, "/exports/events?from=" + q, analyst, 400));
            attempt("injection (query)", get(MEETING, "/meetings?type=" + q, coordinator, 400));
            attempt("injection (query)", get(REPORTING, "/cases/" + caseId + "/history?asOf=" + q, coordinator, 400));
        }

        // --- a flood from one agency: 429 with Retry-After (API4) ---------------------------------------------
        String flooder = token("agency", "--agency", "kurume-houkatsu-09");
        int limited = 0;
        for (int i = 0; i < 3000 && limited == 0; i++) { // stops at the first 429; a busy machine needs more than 400
            HttpResponse<String> r = send(get(ROUTING, "/cases/" + caseId + "/routing", flooder, 404, 429));
            tried++;
            if (r.statusCode() == 429) {
                limited++;
                check("flood", get(ROUTING, "/cases/" + caseId + "/routing", flooder, 429), r);
                if (r.headers().firstValue("Retry-After").isEmpty()) {
                    failures.add("flood: 429 without Retry-After");
                }
            } else if (r.statusCode() != 404) {
                failures.add("flood: unexpected " + r.statusCode());
            }
        }
        byCategory.computeIfAbsent("flood (429 met)", k -> new AtomicInteger()).addAndGet(limited);
        if (limited == 0) {
            failures.add("flood: 400 requests in a row were never limited");
        }

        // --- what the authorised see carries no canary either, except where the person's own data is shown -----
        for (Attack a : List.of(get(INTAKE, "/referrals/" + caseId, referrer, 200),
                get(ROUTING, "/cases/" + caseId + "/routing", referrer, 200, 404),
                get(REPORTING, "/cases/" + caseId + "/history", coordinator, 200),
                get(REPORTING, "/exports/events?from=" + today + "&to=" + today, analyst, 200),
                get(REPORTING, "/reports/portal", portal, 200))) {
            attempt("authorised reads", a);
        }

        // --- erasure: afterwards the canary is nowhere -------------------------------------------------------
        attempt("erasure", delete(INTAKE, "/persons/" + caseId, coordinator, 204));
        String plan = null;
        for (int i = 0; i < 100; i++) {
            plan = send(get(PLANNING, "/plans/" + planId, coordinator, 200)).body();
            if (!plan.contains(CANARY)) {
                break;
            }
            Thread.sleep(200);
        }
        assertTrue(plan != null && !plan.contains(CANARY), "the plan's wish and goals erased: " + plan);
        attempt("erasure", new Attack("the erased referral repeated", "POST", INTAKE, "/referrals", referrer,
                referral(CANARY + "太郎", "荒木", CANARY + " 住所", CANARY + " 相談の要旨"),
                Map.of("Idempotency-Key", "attack-" + RUN), Set.of(409)));
        String replay = run("replay");
        assertTrue(replay.contains("equals the live one"), replay);

        // --- the audit trail of each service has the reads, the refused attempts and the erasure ---------------
        assertAudited(INTAKE, coordinator, "read-referral", "case/" + caseId, "DENIED", "kurume-jiritsu-02");
        assertAudited(INTAKE, coordinator, "read-referral", "case/" + caseId, "ALLOWED", "kurume-houkatsu-01");
        assertAudited(INTAKE, coordinator, "erase-person", "case/" + caseId, "ALLOWED", null);
        assertAudited(ROUTING, coordinator, "read-routing", "case/" + caseId, "DENIED", "kurume-jiritsu-02");
        assertAudited(PLANNING, coordinator, "read-plan", "plan/" + planId, "DENIED", "kurume-jiritsu-02");
        assertAudited(PLANNING, coordinator, "read-plan", "plan/" + planId, "ALLOWED", null);
        assertAudited(MEETING, coordinator, "read-meeting", "meeting/" + meetingId, "DENIED", "kurume-jiritsu-02");
        assertAudited(REPORTING, coordinator, "read-history", "case/" + caseId, "ALLOWED", null);
        // an export covers whole months (a day's export would date every line), and its audit entry says which
        java.time.YearMonth month = java.time.YearMonth.from(BusinessDate.today());
        assertAudited(REPORTING, coordinator, "export-events", "events/" + month.atDay(1) + ".." + month.atEndOfMonth(),
                "ALLOWED", null);
        // a refused attempt from another city is on that city's trail (its caller's), next to its other requests
        assertAudited(INTAKE, nagareyama, "read-referral", "case/" + caseId, "DENIED", null);

        // --- the verdict ---------------------------------------------------------------------------------------
        List<String> leaks = new ArrayList<>();
        answers.stream().filter(a -> a.contains(CANARY)).findFirst().ifPresent(a -> leaks.add("an answer: " + a));
        try (Stream<Path> logs = Files.walk(HOME.resolve("logs"))) {
            for (Path log : logs.filter(Files::isRegularFile).toList()) {
                if (Files.readString(log, StandardCharsets.ISO_8859_1).contains(CANARY)) {
                    leaks.add("log " + log.getFileName());
                }
            }
        }
        try (Stream<Path> kafka = Files.walk(HOME.resolve("kafka"))) {
            for (Path segment : kafka.filter(p -> p.toString().endsWith(".log")).toList()) {
                if (new String(Files.readAllBytes(segment), StandardCharsets.ISO_8859_1).contains(CANARY)) {
                    leaks.add("Kafka segment " + segment.getParent().getFileName());
                }
            }
        }
        System.out.println("Attack suite: " + tried + " hostile requests; " + byCategory + "; outcomes not as "
                + "expected: " + failures.size() + "; canaries found: " + leaks.size());
        assertTrue(tried >= 200, "at least 200 hostile requests");
        assertEquals(List.of(), failures, "every hostile request answered as expected");
        assertEquals(List.of(), leaks, "the canary " + CANARY + " leaked");
    }

    static void assertAudited(String service, String coordinator, String action, String resource, String outcome,
                              String agencyId) throws Exception {
        JsonNode entries = JSON.readTree(send(get(service, "/audit", coordinator, 200)).body());
        for (JsonNode e : entries) {
            if (e.path("action").asText().startsWith(action) && e.path("resource").asText().equals(resource)
                    && e.path("outcome").asText().equals(outcome)
                    && (agencyId == null || agencyId.equals(e.path("agencyId").asText()))
                    && !e.path("subject").asText().isEmpty() && !e.path("roles").asText().isEmpty()) {
                return;
            }
        }
        throw new AssertionError("no audit entry " + action + " " + resource + " " + outcome + " "
                + (agencyId == null ? "" : agencyId) + " of " + service + ": " + entries);
    }

    // --- the endpoints -------------------------------------------------------------------------------------------

    static List<Attack> endpoints(String caseId, String meetingId, String planId, String today) {
        List<Attack> all = new ArrayList<>(caseEndpoints(caseId, meetingId, planId, today));
        all.addAll(List.of(
                post(INTAKE, "/referrals", null, referral("x", "荒木", null, null), 401),
                post(ROUTING, "/routing/acceptance-check", null, "", 401),
                get(ROUTING, "/agencies", null, 401),
                post(MEETING, "/meetings", null, "{\"type\":\"SHIEN_KAIGI\",\"scheduledOn\":\"" + today + "\"}", 401),
                get(MEETING, "/meetings", null, 401),
                get(MEETING, "/audit", null, 401),
                get(PLANNING, "/resources", null, 401),
                get(PLANNING, "/plans?overdue=true", null, 401),
                get(REPORTING, "/reports/fiscal-years", null, 401),
                get(REPORTING, "/reports/cases", null, 401),
                get(REPORTING, "/reports/portal", null, 401),
                get(REPORTING, "/exports/events", null, 401),
                post(REPORTING, "/replays", null, "{}", 401),
                get(REPORTING, "/replays", null, 401)));
        return all;
    }

    /** The endpoints that name a case, meeting or plan of Kurume. */
    static List<Attack> caseEndpoints(String caseId, String meetingId, String planId, String today) {
        return List.of(
                // the expected answers are a foreign coordinator's: 404 wherever coordinators may call
                get(INTAKE, "/referrals/" + caseId, null, 404),
                post(INTAKE, "/referrals/" + caseId + "/consent", null, "{\"consent\":\"GIVEN\"}", 404),
                delete(INTAKE, "/persons/" + caseId, null, 404),
                get(ROUTING, "/cases/" + caseId + "/routing", null, 404),
                post(ROUTING, "/cases/" + caseId + "/acceptance", null, "{\"accepted\":true}", 403),
                get(MEETING, "/meetings/" + meetingId, null, 404),
                post(MEETING, "/meetings/" + meetingId + "/minutes", null, "{\"heldOn\":\"" + today + "\"}", 404),
                post(PLANNING, "/cases/" + caseId + "/plans", null, "{\"type\":\"OUTREACH\",\"madeOn\":\"" + today
                        + "\"}", 404),
                get(PLANNING, "/plans/" + planId, null, 404),
                get(PLANNING, "/cases/" + caseId + "/plans", null, 404),
                post(PLANNING, "/plans/" + planId + "/revisions", null, "{\"madeOn\":\"" + today
                        + "\",\"reason\":\"x\"}", 404),
                post(PLANNING, "/plans/" + planId + "/closure", null, "{\"closedOn\":\"" + today
                        + "\",\"reason\":\"x\"}", 404),
                get(REPORTING, "/cases/" + caseId + "/history", null, 404));
    }

    /**
     * Tokens that must not get in: 401 everywhere. Forged ones name the real realm as issuer, so only the signature
     * (the realm's keys, by discovery) tells them apart; a genuine one comes from the wrong realm (no city realm's
     * client takes a password directly: {@link SignInSystemTest}).
     * A genuine token that has expired is {@link SignInSystemTest}'s.
     */
    static Map<String, String> badTokens() throws Exception {
        DevKeys stranger = DevKeys.in(Files.createTempDirectory("other-idp"));
        String realm = "http://127.0.0.1:" + run("port", "idp").trim() + "/realms/" + KURUME;
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>(Map.of("iss", realm, "aud", "tsunagu",
                "azp", "tsunagu-console", "sub", "attacker", "preferred_username", "attacker",
                "groups", List.of("coordinator"), "municipality", KURUME, "iat", now, "exp", now + 600));
        claims.put("jti", UUID.randomUUID().toString());
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("no token", null);
        bad.put("malformed", "not.a.token");
        bad.put("garbage", Base64.getUrlEncoder().encodeToString(UUID.randomUUID().toString().getBytes(
                StandardCharsets.UTF_8)));
        bad.put("forged (the realm's issuer, another key)", stranger.sign(claims));
        bad.put("unsigned (alg none)", unsigned(claims));
        Map<String, Object> evilIssuer = new LinkedHashMap<>(claims);
        evilIssuer.put("iss", "https://evil.example/realms/" + KURUME);
        bad.put("foreign issuer", stranger.sign(evilIssuer));
        Map<String, Object> noCity = new LinkedHashMap<>(claims);
        noCity.remove("municipality");
        bad.put("no municipality", stranger.sign(noCity));
        Map<String, Object> badCity = new LinkedHashMap<>(claims);
        badCity.put("municipality", "40203' OR '1'='1");
        bad.put("ill-formed municipality", stranger.sign(badCity));
        Map<String, Object> agencyless = new LinkedHashMap<>(claims);
        agencyless.put("groups", List.of("agency"));
        bad.put("agency without agency claim", stranger.sign(agencyless));
        bad.put("genuine, master realm (the provider's administrator)", IdentityProvider.of(LocalSystem.SINGLE)
                .masterToken());
        return bad;
    }

    static String unsigned(Map<String, Object> claims) throws Exception {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(JSON.writeValueAsBytes(claims)) + ".";
    }

    // --- sending and checking -----------------------------------------------------------------------------------

    void attempt(String category, Attack a) throws Exception {
        HttpResponse<String> r = send(a);
        tried++;
        byCategory.computeIfAbsent(category, k -> new AtomicInteger()).incrementAndGet();
        check(category, a, r);
    }

    void check(String category, Attack a, HttpResponse<String> r) {
        String body = r.body() == null ? "" : r.body();
        answers.add(body);
        String what = category + ": " + a.name() + " → " + r.statusCode();
        if (!a.expected().contains(r.statusCode())) {
            failures.add(what + " (expected " + a.expected() + ") " + abbreviate(body));
        }
        if (r.statusCode() >= 400) {
            String type = r.headers().firstValue("Content-Type").orElse("");
            if (!type.startsWith("application/problem+json")) {
                failures.add(what + ": not a problem document (" + type + ")");
            }
            LEAKS.stream().filter(body::contains).findFirst()
                    .ifPresent(leak -> failures.add(what + ": the answer shows " + leak));
        }
        if (r.statusCode() >= 500) {
            failures.add(what + ": a server error");
        }
    }

    static HttpResponse<String> send(Attack a) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + LocalRunSystemTest.port(a.service())
                + a.path())).timeout(Duration.ofSeconds(30));
        if (a.token() != null) {
            b.header("Authorization", "Bearer " + a.token());
        }
        a.headers().forEach(b::header);
        if (a.body() != null) {
            b.header("Content-Type", "application/json");
        }
        HttpRequest.BodyPublisher body = a.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(a.body());
        return HTTP.send(b.method(a.method(), body).build(), HttpResponse.BodyHandlers.ofString());
    }

    static Attack with(Attack a, String label, String token, Set<Integer> expected) {
        return new Attack(a.name() + " [" + label + "]", a.method(), a.service(), a.path(), token, a.body(),
                a.method().equals("POST") ? Map.of("Idempotency-Key", UUID.randomUUID().toString()) : Map.of(),
                expected);
    }

    static Attack get(String service, String path, String token, Integer... expected) {
        return new Attack("GET " + path, "GET", service, path, token, null, Map.of(), Set.of(expected));
    }

    static Attack post(String service, String path, String token, String body, Integer... expected) {
        return new Attack("POST " + path, "POST", service, path, token, body,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()), Set.of(expected));
    }

    static Attack delete(String service, String path, String token, Integer... expected) {
        return new Attack("DELETE " + path, "DELETE", service, path, token, null, Map.of(), Set.of(expected));
    }

    static String token(String role, String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("token", role));
        args.addAll(List.of(options));
        if (!args.contains("--municipality")) {
            args.addAll(List.of("--municipality", KURUME));
        }
        return run(args.toArray(String[]::new)).trim();
    }

    static String referral(String name, String area, String address, String summary) {
        return "{\"channel\":\"AGENCY\",\"person\":{\"name\":" + jsonString(name) + ",\"age\":45,\"area\":"
                + jsonString(area) + (address == null ? "" : ",\"address\":" + jsonString(address))
                + "},\"concerns\":[\"MENTAL_HEALTH\"],\"consent\":\"GIVEN\",\"urgency\":\"ROUTINE\""
                + (summary == null ? "" : ",\"summary\":" + jsonString(summary)) + "}";
    }

    static String jsonString(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
