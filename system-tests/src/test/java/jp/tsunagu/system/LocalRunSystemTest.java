package jp.tsunagu.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.tsunagu.contract.codes.BusinessDate;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.PlanType;
import jp.tsunagu.infra.seed.SeedTable;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole system as a newcomer runs it: {@code ./tsunagu up} starts Kafka, PostgreSQL and the five packaged
 * services; a referral goes in over HTTP with a token from {@code ./tsunagu token}; {@code ./tsunagu stop} stops
 * everything, and after another {@code up} the case is still there. Ports are shifted by 1000 so a developer's own
 * running system is not disturbed.
 */
@ExtendWith(RunningSystem.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalRunSystemTest {

    static final String INTAKE = "intake-service";
    static final String ROUTING = "routing-service";
    static final String MEETING = "meeting-service";
    static final String PLANNING = "planning-service";
    static final String REPORTING = "reporting-service";
    static final Path ROOT = LocalSystem.ROOT;
    static final Path HOME = LocalSystem.SINGLE.home();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final ObjectMapper JSON = new ObjectMapper();


    @Test
    void aReferralPostedToTheRunningSystemIsKeptAcrossARestart() throws Exception {
        for (String service : List.of(INTAKE, ROUTING, MEETING, PLANNING, REPORTING)) {
            HttpResponse<String> health = get(port(service), "/q/health/ready", null);
            assertEquals(200, health.statusCode(), service + " on " + port(service) + " ready");
        }
        String token = run("token", "agency", "--agency", "kurume-houkatsu-01", "--municipality", "402036").trim();

        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(uri(INTAKE, "/referrals"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"channel":"AGENCY","person":{"name":"システム 試験","age":45,"area":"篠山"},
                         "household":[{"relation":"PARENT","age":78,"concerns":["DEMENTIA"]}],
                         "concerns":["MENTAL_HEALTH","POVERTY"],"consent":"GIVEN","urgency":"ROUTINE"}"""))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        String caseId = JSON.readTree(created.body()).get("caseId").asText();

        // the case is known at once; its status may already have moved on (routing can escalate it within the GET)
        JsonNode status = JSON.readTree(get(port(INTAKE), "/referrals/" + caseId, token).body());
        assertEquals(caseId, status.get("caseId").asText());
        assertEquals("jp.tsunagu.intake.referral-received.v1", status.get("history").get(0).get("eventType").asText());

        run("stop");
        assertFalse(run("status").contains("running"), "stop stopped everything it started");
        run("up");

        HttpResponse<String> again = get(port(INTAKE), "/referrals/" + caseId, token);
        assertEquals(200, again.statusCode(), "the case survives stop and up");
        assertTrue(again.body().contains(caseId));
        assertFalse(again.body().contains("システム"), "no personal field in the status");
    }

    @Test
    void aReferralIsRoutedAndTheReferrerSeesTheAgencyAcceptIt() throws Exception {
        String referrer = run("token", "agency", "--agency", "kurume-kikan-01", "--municipality", "402036").trim();
        String caseId = refer(referrer, """
                {"channel":"AGENCY","person":{"name":"ルート 試験","age":81,"area":"荒木"},
                 "concerns":["DEMENTIA"],"consent":"UNKNOWN","urgency":"ROUTINE"}""");

        JsonNode routed = awaitStatus(caseId, referrer, "ROUTED");
        assertEquals("kurume-houkatsu-06", routed.get("agencyId").asText(), "荒木's 地域包括支援センター");

        String assigned = run("token", "agency", "--agency", "kurume-houkatsu-06", "--municipality", "402036").trim();
        HttpResponse<String> accepted = post(ROUTING, "/cases/" + caseId + "/acceptance", assigned, null,
                "{\"accepted\":true}");
        assertEquals(200, accepted.statusCode(), accepted.body());

        JsonNode status = awaitStatus(caseId, referrer, "ACCEPTED");
        List<String> steps = new java.util.ArrayList<>();
        status.get("history").forEach(h -> steps.add(h.get("eventType").asText()));
        assertEquals(List.of("jp.tsunagu.intake.referral-received.v1", "jp.tsunagu.routing.case-routed.v1",
                "jp.tsunagu.routing.routing-accepted.v1"), steps);
    }

    @Test
    void theReceivingAgencyIsToldReadsItsInboxAcceptsAndReadsThePerson() throws Exception {
        List<JsonNode> notices = new java.util.concurrent.CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            notices.add(JSON.readTree(exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String site = run("token", "agency", "--agency", "kurume-houkatsu-06", "--municipality", "402036").trim();
            HttpResponse<String> subscribed = post(ROUTING, "/subscriptions", site, null,
                    "{\"url\":\"http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook\"}");
            assertEquals(201, subscribed.statusCode(), subscribed.body());

            String referrer = run("token", "agency", "--agency", "kurume-kikan-01", "--municipality", "402036").trim();
            String caseId = refer(referrer, """
                    {"channel":"AGENCY","person":{"name":"長谷 試験子","nameKana":"ハセ シケンコ","age":81,
                     "area":"荒木","phone":"0942-11-2222"},
                     "concerns":["DEMENTIA"],"consent":"GIVEN","urgency":"URGENT"}""");

            JsonNode notice = awaitNotice(notices, caseId);
            assertEquals("jp.tsunagu.notice.case-routed.v1", notice.path("type").asText());
            assertTrue(notice.path("data").path("urgent").asBoolean(), "an URGENT referral's notice is urgent");
            assertFalse(notice.toString().contains("長谷"), "no name in a notice");

            JsonNode inbox = JSON.readTree(get(port(ROUTING), "/inbox?limit=200", site).body());
            JsonNode item = null;
            for (JsonNode i : inbox.path("items")) {
                if (caseId.equals(i.path("caseId").asText())) {
                    item = i;
                }
            }
            assertTrue(item != null, "the case is in the agency's inbox: " + inbox);
            assertEquals("URGENT", item.path("urgency").asText());
            assertEquals(notice.path("data").path("dueOn").asText(), item.path("dueOn").asText());
            assertEquals(404, get(port(INTAKE), "/referrals/" + caseId + "/person", site).statusCode(),
                    "not before it accepts");

            assertEquals(200, post(ROUTING, "/cases/" + caseId + "/acceptance", site, null, "{\"accepted\":true}")
                    .statusCode());
            awaitStatus(caseId, referrer, "ACCEPTED");
            HttpResponse<String> person = null;
            for (int i = 0; i < 150 && (person == null || person.statusCode() != 200); i++) {
                person = get(port(INTAKE), "/referrals/" + caseId + "/person", site);
                Thread.sleep(200);
            }
            assertEquals(200, person.statusCode(), person.body());
            assertEquals("長谷 試験子", JSON.readTree(person.body()).path("name").asText());
            assertEquals("0942-11-2222", JSON.readTree(person.body()).path("phone").asText());

            // a decline's reason reaches the referrer, and only it
            HttpResponse<String> second = post(INTAKE, "/referrals", referrer, UUID.randomUUID().toString(), """
                    {"channel":"AGENCY","person":{"name":"辞退 試験","age":85,"area":"荒木"},
                     "concerns":["DEMENTIA"],"consent":"GIVEN","urgency":"ROUTINE"}""");
            String declinedCase = JSON.readTree(second.body()).get("caseId").asText();
            awaitStatus(declinedCase, referrer, "ROUTED");
            assertEquals(200, post(ROUTING, "/cases/" + declinedCase + "/acceptance", site, null,
                    "{\"accepted\":false,\"reason\":\"定員超過のため\"}").statusCode());
            JsonNode history = awaitHistory(declinedCase, referrer, "jp.tsunagu.routing.routing-declined.v1");
            // the reason is words about the person: routing keeps it (erasable) and shows it to the referrer; no
            // event carries it, so intake's history says that it was declined, not why
            assertTrue(!history.path("history").toString().contains("定員超過のため"), history.toString());
            HttpResponse<String> routing = get(port(ROUTING), "/cases/" + declinedCase + "/routing", referrer);
            assertEquals(200, routing.statusCode(), routing.body());
            assertTrue(routing.body().contains("辞退（理由: 定員超過のため）"), routing.body());
        } finally {
            receiver.stop(0);
        }
    }

    static JsonNode awaitNotice(List<JsonNode> notices, String caseId) throws Exception {
        for (int i = 0; i < 150; i++) {
            for (JsonNode n : notices) {
                if (caseId.equals(n.path("subject").asText())) {
                    return n;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no notice about " + caseId + " reached the webhook: " + notices);
    }

    @Test
    void cSanWithConsentGoesToTheMultiLayeredMeetingAndItsOutcomeReachesTheReferrer() throws Exception {
        String referrer = run("token", "agency", "--agency", "kurume-jiritsu-01", "--municipality", "402036").trim();
        String coordinator = run("token", "coordinator", "--municipality", "402036").trim();
        String caseId = refer(referrer, """
                {"channel":"AGENCY","person":{"name":"C","age":45,"area":"篠山"},
                 "household":[{"relation":"PARENT","age":78,"concerns":["DEMENTIA"]}],
                 "concerns":["MENTAL_HEALTH","POVERTY"],"consent":"GIVEN","urgency":"ROUTINE"}""");

        awaitStatus(caseId, referrer, "IN_MEETING");
        JsonNode routing = JSON.readTree(get(port(ROUTING), "/cases/" + caseId + "/routing", referrer).body());
        assertEquals("ESCALATED", routing.get("decision").asText());
        assertEquals("JUUSOU_SHIEN_KAIGI", routing.get("track").asText());

        String today = BusinessDate.today().toString();
        String meetingId = meetingWithOnItsAgenda(caseId, coordinator);

        HttpResponse<String> minutes = post(MEETING, "/meetings/" + meetingId + "/minutes", coordinator, null, """
                {"heldOn":"%s","attendees":["kurume-jiritsu-01","kurume-houkatsu-01","kurume-kikan-01"],
                 "reviews":[{"caseId":"%s","outcome":"PLAN","planType":"MULTI_AGENCY",
                   "roles":[{"agencyId":"kurume-kikan-01","responsibility":"障害者手帳の取得支援"},
                            {"agencyId":"kurume-jiritsu-01","responsibility":"家計の相談"}]}]}"""
                .formatted(today, caseId));
        assertEquals(201, minutes.statusCode(), minutes.body());

        awaitHistory(caseId, referrer, "jp.tsunagu.meeting.case-reviewed.v1");
        // the PLAN outcome makes planning-service write the 多機関協働プラン at once: the referrer sees it running
        JsonNode status = awaitStatus(caseId, referrer, "PLAN_ACTIVE");
        List<String> details = new java.util.ArrayList<>();
        status.get("history").forEach(h -> details.add(h.path("detail").asText()));
        assertTrue(details.contains("重層的支援会議で検討: プラン作成"), details.toString());
    }

    /** The next 重層的支援会議 whose agenda holds the case (an ad-hoc one of another test may come first). */
    static String meetingWithOnItsAgenda(String caseId, String coordinator) throws Exception {
        JsonNode meetings = JSON.readTree(get(port(MEETING), "/meetings?type=JUUSOU_SHIEN_KAIGI&from="
                + BusinessDate.today(), coordinator).body());
        List<String> seen = new java.util.ArrayList<>();
        for (JsonNode m : meetings) {
            String meetingId = m.get("meetingId").asText();
            JsonNode meeting = JSON.readTree(get(port(MEETING), "/meetings/" + meetingId, coordinator).body());
            for (JsonNode a : meeting.path("agenda")) {
                if (caseId.equals(a.get("caseId").asText())) {
                    return meetingId;
                }
            }
            seen.add(meetingId);
        }
        throw new AssertionError("case " + caseId + " is on the agenda of none of " + seen);
    }

    /**
     * Issue 16's coordinator: the same person referred by the 地域包括 and by the 生活自立支援センター is found by kana and
     * marked as a possible duplicate; both are discussed in a 重層的支援会議 whose minutes carry the plan's wish and
     * goals; a correction turns the second review into a 参加支援プラン, and the printed 議事録 and the year table
     * follow it.
     */
    @Test
    void oneFamilyReferredTwiceIsFoundDiscussedAndItsCorrectedMinutesReachThePrintAndTheYearTable()
            throws Exception {
        String houkatsu = run("token", "agency", "--agency", "kurume-houkatsu-01", "--municipality", "402036").trim();
        String jiritsu = run("token", "agency", "--agency", "kurume-jiritsu-01", "--municipality", "402036").trim();
        String coordinator = run("token", "coordinator", "--municipality", "402036").trim();
        String kana = "チクゴ " + "アイウエオカキクケコ".charAt((int) (System.nanoTime() % 10)) + "ロウ"
                + UUID.randomUUID().toString().chars().filter(Character::isDigit).limit(3)
                .mapToObj(d -> String.valueOf("ゼイニサシゴロナハキ".charAt(d - '0'))).reduce("", String::concat);
        String referral = """
                {"channel":"AGENCY","person":{"name":"筑後 一郎","nameKana":"%s","birthDate":"1974-04-02",
                 "area":"篠山"},"household":[{"relation":"PARENT","age":81,"concerns":["DEMENTIA"]}],
                 "concerns":["MENTAL_HEALTH","POVERTY"],"consent":"GIVEN","urgency":"ROUTINE"}""";
        String first = refer(houkatsu, referral.formatted(kana));
        String second = refer(jiritsu, referral.formatted(kana.replace(" ", "　")));
        awaitStatus(first, houkatsu, "IN_MEETING");
        awaitStatus(second, jiritsu, "IN_MEETING");

        // coordinators see the possible duplicate and find both by kana; the referrer sees no trace of the other case
        JsonNode listed = JSON.readTree(get(port(INTAKE), "/cases?referrer=kurume-jiritsu-01", coordinator).body());
        JsonNode item = null;
        for (JsonNode i : listed.path("items")) {
            if (second.equals(i.path("caseId").asText())) {
                item = i;
            }
        }
        assertTrue(item != null, "the second referral in the case list: " + listed);
        assertEquals(first, item.path("possibleDuplicateOf").asText(), item.toString());
        assertFalse(get(port(INTAKE), "/referrals/" + second, jiritsu).body().contains(first));
        String hiragana = kana.chars().mapToObj(c -> String.valueOf((char) (c >= 'ァ' && c <= 'ヶ' ? c - 0x60 : c)))
                .reduce("", String::concat);
        HttpResponse<String> found = post(INTAKE, "/cases/search", coordinator, null,
                "{\"nameKana\":\"" + hiragana + "\"}");
        assertEquals(200, found.statusCode(), found.body());
        assertTrue(found.body().contains(first) && found.body().contains(second), found.body());

        // a 重層的支援会議 held today discusses both; the minutes carry the plan's wish and goals
        String today = BusinessDate.today().toString();
        HttpResponse<String> scheduled = post(MEETING, "/meetings", coordinator, UUID.randomUUID().toString(),
                "{\"type\":\"JUUSOU_SHIEN_KAIGI\",\"scheduledOn\":\"" + today
                        + "\",\"startsAt\":\"14:00\",\"place\":\"久留米市役所 401会議室\"}");
        assertEquals(201, scheduled.statusCode(), scheduled.body());
        String meetingId = JSON.readTree(scheduled.body()).get("meetingId").asText();
        HttpResponse<String> minutes = post(MEETING, "/meetings/" + meetingId + "/minutes", coordinator, null, """
                {"heldOn":"%s","attendees":["kurume-houkatsu-01","kurume-jiritsu-01"],"place":"久留米市役所 401会議室",
                 "reviews":[{"caseId":"%s","outcome":"PLAN","planType":"MULTI_AGENCY",
                             "reason":"同一世帯の重複相談のため臨時に検討",
                             "roles":[{"agencyId":"kurume-houkatsu-01","responsibility":"母の介護サービス調整"}],
                             "wish":"母と一緒に家で暮らし続けたい","goals":["母の介護サービス利用開始","本人の通院再開"],
                             "reviewOn":"%s"},
                            {"caseId":"%s","outcome":"CONTINUE","reason":"同一世帯の重複相談のため臨時に検討",
                             "note":"同一人物として扱う"}]}"""
                .formatted(today, first, BusinessDate.today().plusMonths(3), second));
        assertEquals(201, minutes.statusCode(), minutes.body());
        awaitStatus(first, houkatsu, "PLAN_ACTIVE");

        String year = jp.tsunagu.contract.codes.FiscalYear.of(BusinessDate.today()).label();
        int madeBefore = participationPlansMade(coordinator, year);
        HttpResponse<String> amended = post(MEETING, "/meetings/" + meetingId + "/minutes/amendments", coordinator,
                null, """
                {"reason":"記載誤り：2件目は継続ではなく参加支援プランを作成",
                 "reviews":[{"caseId":"%s","outcome":"PLAN","planType":"PARTICIPATION",
                             "roles":[{"agencyId":"kurume-jiritsu-01","responsibility":"就労体験先の調整"}]}]}"""
                        .formatted(second));
        assertEquals(201, amended.statusCode(), amended.body());
        assertEquals(2, JSON.readTree(amended.body()).get("minutesVersion").asInt());
        awaitStatus(second, jiritsu, "PLAN_ACTIVE");
        awaitHistory(second, jiritsu, "jp.tsunagu.meeting.case-review-amended.v1");
        for (int i = 0; i < 150 && participationPlansMade(coordinator, year) < madeBefore + 1; i++) {
            Thread.sleep(200);
        }
        assertEquals(madeBefore + 1, participationPlansMade(coordinator, year), "the year table follows");

        HttpResponse<String> printed = HTTP.send(HttpRequest.newBuilder(uri(MEETING, "/meetings/" + meetingId))
                .header("Authorization", "Bearer " + coordinator).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, printed.statusCode());
        for (String expected : List.of("重層的支援会議 議事録", "第2版", "訂正履歴", "記載誤り：2件目は継続ではなく",
                "母と一緒に家で暮らし続けたい", "母の介護サービス利用開始", "参加支援プラン", "就労体験先の調整")) {
            assertTrue(printed.body().contains(expected), expected + " in the printed minutes");
        }
    }

    /**
     * Last, when the other tests have made the services write every kind of event: each record on the stage topics
     * fits the JSON Schema the contract publishes for its ce_type (required fields present, nothing null that is not
     * marked so), as a portal developer coding against the schemas expects.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void everyRecordTheServicesWroteFitsItsPublishedSchema() throws Exception {
        var factory = com.networknt.schema.JsonSchemaFactory.getInstance(
                com.networknt.schema.SpecVersion.VersionFlag.V202012);
        Map<String, com.networknt.schema.JsonSchema> schemas = new java.util.HashMap<>();
        Map<String, Integer> checked = new java.util.TreeMap<>();
        List<String> failures = new java.util.ArrayList<>();
        for (var record : records(jp.tsunagu.contract.Topics.INTAKE, jp.tsunagu.contract.Topics.ROUTING,
                jp.tsunagu.contract.Topics.MEETINGS, jp.tsunagu.contract.Topics.PLANS)) {
            var header = record.headers().lastHeader("ce_type");
            String type = header == null ? "(no ce_type)" : new String(header.value(),
                    java.nio.charset.StandardCharsets.UTF_8);
            var schema = schemas.computeIfAbsent(type, t -> {
                var in = jp.tsunagu.contract.Topics.class.getResourceAsStream("/schemas/" + t + ".schema.json");
                return in == null ? null : factory.getSchema(in);
            });
            if (schema == null) {
                failures.add(record.topic() + "@" + record.offset() + ": no published schema for " + type);
                continue;
            }
            var errors = schema.validate(JSON.readTree(record.value()));
            errors.forEach(e -> failures.add(type + " @" + record.offset() + ": " + e.getMessage()));
            checked.merge(type, 1, Integer::sum);
        }
        assertTrue(failures.isEmpty(), failures.size() + " records do not fit their schema:\n"
                + String.join("\n", failures.subList(0, Math.min(30, failures.size()))));
        assertTrue(checked.keySet().containsAll(List.of("jp.tsunagu.intake.referral-received.v1",
                "jp.tsunagu.routing.case-routed.v1", "jp.tsunagu.meeting.case-reviewed.v1",
                "jp.tsunagu.meeting.case-review-amended.v1", "jp.tsunagu.planning.plan-created.v1")),
                "records of every stage checked: " + checked);
    }

    /**
     * Last, when the services have logged their starts, requests, and a restart: with {@code TSUNAGU_LOG_JSON=true}
     * (set for this system) every line each service wrote to its console, from the first line of its start, is one
     * JSON object a log collector can read, naming the service, the logger, the level and the message.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void everyServiceLogsOneJsonObjectPerLineWhenConfigured() throws Exception {
        for (String service : List.of(INTAKE, ROUTING, MEETING, PLANNING, REPORTING)) {
            List<String> lines = java.nio.file.Files.readAllLines(HOME.resolve("logs/" + service + ".log"),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(lines.size() > 3, service + " logged its start: " + lines);
            boolean started = false;
            for (String line : lines) {
                com.fasterxml.jackson.databind.JsonNode json;
                try {
                    json = JSON.readTree(line);
                } catch (java.io.IOException e) {
                    throw new AssertionError(service + " wrote a line that is not JSON: " + line, e);
                }
                assertTrue(json != null && json.isObject(), service + ": " + line);
                assertEquals(service, json.path("service").asText(), line);
                for (String field : List.of("timestamp", "level", "loggerName", "message", "threadName")) {
                    assertTrue(json.hasNonNull(field), service + " line without " + field + ": " + line);
                }
                started |= json.get("message").asText().contains(service + " ")
                        && json.get("message").asText().contains("started in");
            }
            assertTrue(started, service + "'s start is among its JSON lines");
        }
    }

    /**
     * Traces switched on as a city would (OTLP/HTTP to the test's loopback receiver): one referral is one trace, and
     * every one of the five services exports spans of it (intake's request, and each service applying its events).
     */
    @Test
    void oneReferralIsOneTraceThroughAllFiveServices() throws Exception {
        String referrer = run("token", "agency", "--agency", "kurume-jiritsu-01", "--municipality", "402036").trim();
        String caseId = refer(referrer, """
                {"channel":"AGENCY","person":{"name":"T","age":45,"area":"篠山"},
                 "household":[{"relation":"PARENT","age":79,"concerns":["DEMENTIA"]}],
                 "concerns":["MENTAL_HEALTH","POVERTY"],"consent":"GIVEN","urgency":"ROUTINE"}""");
        awaitStatus(caseId, referrer, "IN_MEETING");

        String traceparent = null;
        for (var record : records(jp.tsunagu.contract.Topics.INTAKE)) {
            var header = record.headers().lastHeader("traceparent");
            if (caseId.equals(record.key()) && header != null) {
                traceparent = new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        assertTrue(traceparent != null && traceparent.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]"),
                "the referral's record carries W3C trace context: " + traceparent);
        String traceId = traceparent.substring(3, 35);
        OtlpReceiver receiver = OtlpReceiver.on(LocalSystem.OTLP_PORT);
        List<String> missing = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            missing.clear();
            for (String service : List.of(INTAKE, ROUTING, MEETING, PLANNING, REPORTING)) {
                if (!receiver.sawTrace(service, traceId)) {
                    missing.add(service);
                }
            }
            if (missing.isEmpty()) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("trace " + traceId + " has no span from " + missing + " (" + receiver.exports()
                + " exports received)");
    }

    /** Posts a referral as the token's agency (a fresh Idempotency-Key) and returns its case, which must be new. */
    static String refer(String token, String body) throws Exception {
        HttpResponse<String> created = post(INTAKE, "/referrals", token, UUID.randomUUID().toString(), body);
        assertEquals(201, created.statusCode(), created.body());
        return JSON.readTree(created.body()).get("caseId").asText();
    }

    /** Every record of the topics, from offset 0 to their end as it is now. */
    static List<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>> records(String... topics)
            throws Exception {
        var props = new java.util.Properties();
        props.put("bootstrap.servers", "127.0.0.1:" + run("port", "kafka").trim());
        props.put("key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        props.put("value.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer");
        List<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>> all = new java.util.ArrayList<>();
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<String, byte[]>(props)) {
            List<org.apache.kafka.common.TopicPartition> partitions = new java.util.ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(
                        new org.apache.kafka.common.TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<org.apache.kafka.common.TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                consumer.poll(Duration.ofSeconds(1)).forEach(all::add);
            }
        }
        return all;
    }

    static int participationPlansMade(String token, String year) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri(REPORTING, "/reports/fiscal-years?from=" + year
                        + "&to=" + year)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body()).path("years").get(0).path("plans").path("PARTICIPATION").path("made").asInt();
    }

    @Test
    void aSanIsReachedByOutreachAndRunsWithTheLocalTeamThroughAParticipationPlan() throws Exception {
        String referrer = run("token", "agency", "--agency", "kurume-kikan-02", "--municipality", "402036").trim();
        String provider = run("token", "agency", "--agency", "kurume-sanka-01", "--municipality", "402036").trim();
        HttpResponse<String> created = post(INTAKE, "/referrals", referrer, UUID.randomUUID().toString(), """
                {"channel":"OUTREACH","person":{"name":"A","age":24,"area":"荒木"},
                 "concerns":["HIKIKOMORI","ISOLATION"],"consent":"GIVEN","urgency":"ROUTINE","hardToReach":true}""");
        assertEquals(201, created.statusCode(), created.body());
        String caseId = JSON.readTree(created.body()).get("caseId").asText();
        assertEquals("kurume-outreach-01", awaitStatus(caseId, referrer, "IN_OUTREACH").get("agencyId").asText());

        String plan = """
                {"type":"PARTICIPATION","madeOn":"%s","wish":"一緒にフルマラソンを走りたい","wishTags":["running","marathon"],
                 "goals":["週1回の練習に参加する"],"roles":[{"agencyId":"kurume-sanka-01","responsibility":"受け入れ先との調整"}]}"""
                .formatted(BusinessDate.today());
        String key = UUID.randomUUID().toString();
        HttpResponse<String> planned = null;
        // the city's coordination writes it and gives the participation provider its role; from then on the
        // provider works the plan (a provider never handed the case cannot write one for it)
        String coordinator = run("token", "coordinator", "--municipality", "402036").trim();
        assertEquals(404, post(PLANNING, "/cases/" + caseId + "/plans", provider, UUID.randomUUID().toString(), plan)
                .statusCode());
        for (int i = 0; i < 100; i++) { // until planning-service has consumed the referral
            planned = post(PLANNING, "/cases/" + caseId + "/plans", coordinator, key, plan);
            if (planned.statusCode() == 201) {
                break;
            }
            Thread.sleep(200);
        }
        assertEquals(201, planned.statusCode(), planned.body());
        String planId = JSON.readTree(planned.body()).get("planId").asText();
        awaitStatus(caseId, referrer, "PLAN_ACTIVE");

        JsonNode suggestions = JSON.readTree(get(port(PLANNING), "/plans/" + planId + "/suggestions", provider).body());
        String resourceId = suggestions.get(0).get("resource").get("id").asText();
        assertEquals("kurume-res-running-team", resourceId);

        String today = BusinessDate.today().toString();
        HttpResponse<String> placed = post(PLANNING, "/plans/" + planId + "/placements", provider, null,
                "{\"resourceId\":\"" + resourceId + "\",\"placedOn\":\"" + today + "\"}");
        assertEquals(201, placed.statusCode(), placed.body());
        String placementId = JSON.readTree(placed.body()).get("placementId").asText();
        awaitHistory(caseId, referrer, "jp.tsunagu.planning.placement-made.v1");
        for (String side : List.of("PERSON", "HOST")) {
            assertEquals(201, post(PLANNING, "/placements/" + placementId + "/follow-ups", provider, null,
                    "{\"side\":\"" + side + "\",\"on\":\"" + today + "\"}").statusCode());
        }
        awaitHistory(caseId, referrer, "jp.tsunagu.planning.placement-followed-up.v1");
        assertEquals(201, post(PLANNING, "/plans/" + planId + "/closure", provider, null,
                "{\"closedOn\":\"" + today + "\",\"reason\":\"42.195kmを完走し、友人を誘うまでになった\"}").statusCode());

        JsonNode closed = awaitStatus(caseId, referrer, "CLOSED");
        List<String> steps = new java.util.ArrayList<>();
        closed.get("history").forEach(h -> steps.add(h.get("eventType").asText()));
        assertEquals(List.of("jp.tsunagu.intake.referral-received.v1", "jp.tsunagu.routing.outreach-requested.v1",
                "jp.tsunagu.planning.plan-created.v1", "jp.tsunagu.planning.placement-made.v1",
                "jp.tsunagu.planning.placement-followed-up.v1", "jp.tsunagu.planning.placement-followed-up.v1",
                "jp.tsunagu.planning.plan-closed.v1"), steps);
    }

    @Test
    void seed000sHistoryLoadedThroughTheApisIsReportedAsSeed000sTable() throws Exception {
        String loaded = run("seed-history");
        String coordinator = run("token", "coordinator", "--municipality", "402036").trim();
        Map<String, Integer> expected = SeedTable.EXPECTED.cells();
        awaitReport(coordinator, expected, Duration.ofSeconds(120));
        // the history reviewed every case it referred: none is left waiting for a meeting of today's calendar
        Set<String> seedCases = new HashSet<>();
        Matcher referred = Pattern.compile(": case ([0-9a-f-]{36})").matcher(loaded);
        while (referred.find()) {
            seedCases.add(referred.group(1));
        }
        assertTrue(seedCases.size() > 100, "the referrals' case ids in seed-history's output: " + seedCases.size());
        Set<String> leftWaiting = waitingCases(coordinator);
        leftWaiting.retainAll(seedCases);
        assertEquals(Set.of(), leftWaiting, "seed cases left on GET /agenda/waiting");

        run("seed-history"); // again: every step finds what the first run made
        for (int i = 0; i < 10; i++) { // anything made twice would reach the report within seconds
            Thread.sleep(1000);
            List<String> differences = SeedTable.differences(expected, reportedCells(coordinator));
            assertTrue(differences.isEmpty(), "after a second seed-history the table changed:\n"
                    + String.join("\n", differences));
        }

        // the operator's replay: every projection rebuilt from offset 0 gives the same figures
        String replay = run("replay");
        assertTrue(replay.contains("equals the live one"), replay);
        String distinct = run("replay", "--cases-handled", "DISTINCT_CASES");
        assertTrue(distinct.contains("equals the live one") && distinct.contains("Under the definitions"), distinct);
        assertTrue(SeedTable.differences(expected, reportedCells(coordinator)).isEmpty(), "the live table untouched");
    }

    /** Polls the report until every cell of seed 000's table is as expected; fails with the cells that differ. */
    static void awaitReport(String token, Map<String, Integer> expected, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> differences = List.of("no answer yet");
        while (System.nanoTime() < deadline) {
            differences = SeedTable.differences(expected, reportedCells(token));
            if (differences.isEmpty()) {
                return;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("GET /reports/fiscal-years?from=R3&to=R6 did not match seed 000's table within "
                + timeout.toSeconds() + " s; the cells that differ:\n" + String.join("\n", differences));
    }

    /** The report's R3–R6 cells, keyed as {@link SeedTable#cells()} keys them; a failed request gives none. */
    static Map<String, Integer> reportedCells(String token) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri(REPORTING, "/reports/fiscal-years?from=R3&to=R6"))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        Map<String, Integer> cells = new java.util.LinkedHashMap<>();
        if (r.statusCode() != 200) {
            return cells;
        }
        for (JsonNode year : JSON.readTree(r.body()).path("years")) {
            String label = year.path("code").asText();
            for (MeetingType type : SeedTable.CASE_MEETINGS) {
                JsonNode m = year.path("meetings").path(type.name());
                for (String figure : List.of("held", "casesHandled")) {
                    if (m.has(figure)) {
                        cells.put(SeedTable.cell(label, type, figure), m.get(figure).asInt());
                    }
                }
            }
            for (PlanType type : PlanType.values()) {
                JsonNode p = year.path("plans").path(type.name());
                for (String figure : List.of("made", "replans", "closed")) {
                    if (p.has(figure)) {
                        cells.put(SeedTable.cell(label, type, figure), p.get(figure).asInt());
                    }
                }
            }
        }
        return cells;
    }

    static JsonNode awaitHistory(String caseId, String token, String eventType) throws Exception {
        for (int i = 0; i < 150; i++) {
            HttpResponse<String> r = get(port(INTAKE), "/referrals/" + caseId, token);
            if (r.statusCode() == 200 && r.body().contains(eventType)) {
                return JSON.readTree(r.body());
            }
            Thread.sleep(200);
        }
        throw new AssertionError("case " + caseId + " never showed " + eventType);
    }

    static JsonNode awaitStatus(String caseId, String token, String status) throws Exception {
        JsonNode last = null;
        for (int i = 0; i < 150; i++) {
            HttpResponse<String> r = get(port(INTAKE), "/referrals/" + caseId, token);
            if (r.statusCode() == 200) {
                last = JSON.readTree(r.body());
                if (status.equals(last.get("status").asText())) {
                    return last;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("case " + caseId + " never reached " + status + "; last seen " + last);
    }

    static HttpResponse<String> post(String service, String path, String token, String idempotencyKey, String body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(service, path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json");
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        return HTTP.send(b.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The ids of the cases GET /agenda/waiting lists (at most 500, those without a meeting first). */
    static Set<String> waitingCases(String coordinator) throws Exception {
        HttpResponse<String> waiting = get(port(MEETING), "/agenda/waiting", coordinator);
        assertEquals(200, waiting.statusCode(), waiting.body());
        Set<String> ids = new HashSet<>();
        JSON.readTree(waiting.body()).forEach(c -> ids.add(c.get("caseId").asText()));
        return ids;
    }

    static HttpResponse<String> get(int port, String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static URI uri(String service, String path) {
        return URI.create("http://127.0.0.1:" + port(service) + path);
    }

    /** The port of a service in the test's run (./tsunagu port), so no test assumes the default ports. */
    static int port(String service) {
        return LocalSystem.SINGLE.port(service);
    }

    /** Runs ./tsunagu with the test's home and ports; fails with its output when it fails. */
    static String run(String... args) throws Exception {
        return LocalSystem.SINGLE.run(args);
    }
}
