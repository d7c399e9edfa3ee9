package jp.tsunagu.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jp.tsunagu.contract.Topics;
import jp.tsunagu.contract.calendar.BusinessCalendar;
import jp.tsunagu.contract.codes.AgeBand;
import jp.tsunagu.contract.codes.BusinessDate;
import jp.tsunagu.contract.codes.Channel;
import jp.tsunagu.contract.codes.Concern;
import jp.tsunagu.contract.codes.Consent;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.PlanType;
import jp.tsunagu.contract.codes.Urgency;
import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.IntakeEvent;
import jp.tsunagu.contract.events.MeetingEvent;
import jp.tsunagu.contract.events.PlanningEvent;
import jp.tsunagu.contract.events.Role;
import jp.tsunagu.contract.events.RoutingEvent;
import jp.tsunagu.contract.events.SealedData;
import jp.tsunagu.contract.events.TsunaguEvent;
import jp.tsunagu.routing.webhook.PublicAddresses;
import jp.tsunagu.routing.webhook.TableResolver;
import jp.tsunagu.testing.TopicProbe;
import jp.tsunagu.testing.TsunaguTestResources;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.restassured.RestAssured.given;
import static jp.tsunagu.testing.Tokens.KURUME;
import static jp.tsunagu.testing.Tokens.agency;
import static jp.tsunagu.testing.Tokens.bearer;
import static jp.tsunagu.testing.Tokens.role;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Notices by webhook to real HTTP receivers on loopback, and on the inbox feed. Signatures are checked here with
 * this test's own HMAC, not with the sending code.
 */
@QuarkusTest
@QuarkusTestResource(TsunaguTestResources.class)
class WebhookTest {

    /** The 地域包括支援センター every 荒木 elderly case goes to; each test uses its own subscription. */
    static final String SITE = "kurume-houkatsu-06";
    static final ObjectMapper JSON = new ObjectMapper();

    /** A receiver: what it got, and the statuses it answers with in turn (then 200). */
    static final class Receiver {
        final HttpServer server;
        final List<Map<String, String>> received = new CopyOnWriteArrayList<>();
        final ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();

        Receiver(int port) throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            server.createContext("/hook", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                received.add(Map.of("id", String.valueOf(exchange.getRequestHeaders().getFirst("webhook-id")),
                        "timestamp", String.valueOf(exchange.getRequestHeaders().getFirst("webhook-timestamp")),
                        "signature", String.valueOf(exchange.getRequestHeaders().getFirst("webhook-signature")),
                        "contentType", String.valueOf(exchange.getRequestHeaders().getFirst("content-type")),
                        "body", body));
                Integer status = answers.poll();
                exchange.sendResponseHeaders(status == null ? 200 : status, -1);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }

        List<JsonNode> bodies() {
            return received.stream().map(r -> read(r.get("body"))).toList();
        }
    }

    final List<Receiver> receivers = new ArrayList<>();
    /** agency → its subscriptions made by the test */
    final Map<String, List<String>> subscriptions = new java.util.HashMap<>();

    @AfterEach
    void stop() {
        receivers.forEach(r -> r.server.stop(0));
        subscriptions.forEach((owner, ids) -> ids.forEach(id -> given()
                .header("Authorization", bearer(agency(owner, KURUME))).delete("/subscriptions/" + id)));
    }

    @Test
    void aRoutedCaseReachesTheAgencySignedAndA500IsTriedAgainLater() throws Exception {
        Receiver receiver = receiver(0);
        receiver.answers.add(500);
        Map<String, Object> subscription = subscribe(receiver.url(), List.of("case-routed"));
        String secret = (String) subscription.get("secret");
        assertTrue(secret.startsWith("whsec_"));

        String caseId = refer(BusinessDate.today());

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.bodies().stream()
                .filter(b -> caseId.equals(b.path("subject").asText())).count() == 2);
        List<Map<String, String>> both = receiver.received.stream()
                .filter(r -> read(r.get("body")).path("subject").asText().equals(caseId)).toList();
        Map<String, String> delivered = both.get(1);
        assertEquals(both.get(0).get("body"), delivered.get("body"), "the same notice, sent again");
        assertEquals(both.get(0).get("id"), delivered.get("id"), "the same webhook-id on every attempt");
        assertEquals(signature(secret, delivered.get("id"), delivered.get("timestamp"), delivered.get("body")),
                delivered.get("signature"));
        assertTrue(delivered.get("contentType").startsWith("application/cloudevents+json"));

        JsonNode notice = read(delivered.get("body"));
        assertEquals("1.0", notice.path("specversion").asText());
        assertEquals("jp.tsunagu.notice.case-routed.v1", notice.path("type").asText());
        assertEquals(delivered.get("id"), notice.path("id").asText());
        assertEquals(caseId, notice.path("data").path("caseId").asText());
        assertEquals(SITE, notice.path("data").path("agencyId").asText());
        assertFalse(notice.path("data").path("dueOn").isMissingNode());
        assertTrue(notice.path("data").path("link").asText().endsWith("/cases/" + caseId + "/routing"));
        assertFalse(delivered.get("body").contains("荒木"), "no area, name or address in a notice");

        given().header("Authorization", bearer(agency(SITE, KURUME)))
                .get("/subscriptions/" + subscription.get("id") + "/deliveries").then().statusCode(200)
                .body("find { it.caseId == '" + caseId + "' }.state", equalTo("DELIVERED"))
                .body("find { it.caseId == '" + caseId + "' }.history.status", equalTo(List.of(500, 200)));
        given().header("Authorization", bearer(agency(SITE, KURUME)))
                .get("/subscriptions/" + subscription.get("id")).then().statusCode(200)
                .body("state", equalTo("ACTIVE")).body("secret", equalTo(null));
    }

    @Test
    void aReceiverThatIsDownGetsEveryNoticeOnceItIsUpAgain() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            port = free.getLocalPort();
        }
        Map<String, Object> subscription = subscribe("http://127.0.0.1:" + port + "/hook", List.of());
        String first = refer(BusinessDate.today());
        String second = refer(BusinessDate.today());
        await().atMost(Duration.ofSeconds(20)).until(() -> given()
                .header("Authorization", bearer(agency(SITE, KURUME)))
                .get("/subscriptions/" + subscription.get("id") + "/deliveries").<List<Integer>>path("attempts")
                .stream().filter(n -> n > 0).count() >= 2);

        Receiver receiver = receiver(port);
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.bodies().stream()
                .map(b -> b.path("subject").asText()).toList().containsAll(List.of(first, second)));
    }

    @Test
    void aSubscriptionWhoseDeliveriesKeepFailingIsDisabledWithTheReason() throws Exception {
        Receiver receiver = receiver(0);
        for (int i = 0; i < 100; i++) {
            receiver.answers.add(503);
        }
        Map<String, Object> subscription = subscribe(receiver.url(), List.of("case-routed"));
        refer(BusinessDate.today());
        await().atMost(Duration.ofSeconds(40)).until(() -> "DISABLED".equals(given()
                .header("Authorization", bearer(agency(SITE, KURUME)))
                .get("/subscriptions/" + subscription.get("id")).path("state")));
        given().header("Authorization", bearer(agency(SITE, KURUME)))
                .get("/subscriptions/" + subscription.get("id")).then()
                .body("disabledReason", containsString("HTTP 503"));
    }

    @Test
    void urlsToInternalAddressesAreRefusedWithoutEverConnecting() {
        String token = agency(SITE, KURUME);
        for (var refused : List.of(
                List.of("http://10.0.0.5/hook", "a private address"),
                List.of("http://192.168.1.10/hook", "a private address"),
                List.of("http://169.254.169.254/latest/meta-data", "a link-local address"),
                List.of("http://127.0.0.2/hook", "a loopback address"),
                List.of("http://[fd00::1]/hook", "a private address"),
                List.of("http://100.64.0.1/hook", "carrier-grade NAT"),
                // IPv4 carried in IPv6 (NAT64, 6to4, compatible, SIIT), and the other special-purpose blocks
                List.of("http://[64:ff9b::a9fe:a9fe]/hook", "a link-local address"),
                List.of("http://[2002:a9fe:a9fe::1]/hook", "a link-local address"),
                List.of("http://[::a9fe:a9fe]/hook", "a link-local address"),
                List.of("http://[::ffff:0:a9fe:a9fe]/hook", "a link-local address"),
                List.of("http://[::10.0.0.1]/hook", "a private address"),
                List.of("http://192.0.2.1/hook", "a documentation address"),
                List.of("http://198.18.0.1/hook", "a special-purpose address"),
                List.of("http://192.0.0.1/hook", "a special-purpose address"),
                List.of("http://[100::1]/hook", "a special-purpose address"),
                List.of("http://[2001:db8::1]/hook", "a documentation address"),
                List.of("ftp://127.0.0.1/hook", "https"),
                List.of("https://user:pw@example.org/hook", "user name"))) {
            given().header("Authorization", bearer(token)).contentType("application/json")
                    .body(Map.of("url", refused.get(0))).post("/subscriptions").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("url"))
                    .body("errors[0].message", containsString(refused.get(1)));
        }
        // this machine's own addresses (the services listen on every interface in a container), by address
        for (java.net.InetAddress own : PublicAddresses.interfaceAddresses()) {
            if (own.isLoopbackAddress() || own instanceof java.net.Inet6Address) {
                continue; // loopback is the tests' allow-listed receivers'
            }
            given().header("Authorization", bearer(token)).contentType("application/json")
                    .body(Map.of("url", "http://" + own.getHostAddress() + ":8082/hook")).post("/subscriptions")
                    .then().statusCode(400)
                    .body("errors[0].message", equalTo("its host is an address of this server: webhooks go to the "
                            + "agency's public endpoint"));
        }
        given().header("Authorization", bearer(token)).header("Accept-Language", "ja")
                .contentType("application/json").body(Map.of("url", "http://[64:ff9b::a9fe:a9fe]/hook"))
                .post("/subscriptions").then().statusCode(400)
                .body("errors[0].message", equalTo("ホストがリンクローカルアドレスです。"
                        + "Webhook の送信先は機関の公開エンドポイントにしてください"));
        given().header("Authorization", bearer(token)).contentType("application/json")
                .body(Map.of("url", "http://127.0.0.1:9/hook", "eventTypes", List.of("everything"))).post("/subscriptions")
                .then().statusCode(400).body("errors[0].field", equalTo("eventTypes[0]"));
        given().header("Authorization", bearer(role("coordinator", KURUME))).contentType("application/json")
                .body(Map.of("url", "http://127.0.0.1:9/hook")).post("/subscriptions").then().statusCode(403);
        given().header("Authorization", bearer(agency("kurume-houkatsu-01", KURUME)))
                .get("/subscriptions/" + "sub_nothing").then().statusCode(404);
    }

    @Test
    void aNameThatResolvesElsewhereLaterIsRefusedAtDelivery() throws Exception {
        Receiver receiver = receiver(0);
        // a name that resolves to the allow-listed loopback when the subscription is made
        String host = "hooks-" + UUID.randomUUID() + TableResolver.DOMAIN;
        TableResolver.NAMES.put(host, "127.0.0.1");
        Map<String, Object> subscription = subscribe("http://" + host + ":" + receiver.server.getAddress().getPort()
                + "/hook", List.of("case-routed"));
        String first = refer(BusinessDate.today());
        // delivered to the address checked: no resolver but the test's knows the name
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.bodies().stream()
                .anyMatch(b -> first.equals(b.path("subject").asText())));

        // then the name is pointed at the cloud's metadata service
        TableResolver.NAMES.put(host, "169.254.169.254");
        String second = refer(BusinessDate.today());
        await().atMost(Duration.ofSeconds(30)).until(() -> given()
                .header("Authorization", bearer(agency(SITE, KURUME)))
                .get("/subscriptions/" + subscription.get("id") + "/deliveries")
                .<List<String>>path("findAll { it.caseId == '" + second + "' }.history.flatten().error")
                .stream().anyMatch(e -> e != null && e.contains("its host is a link-local address")));
        given().header("Authorization", bearer(agency(SITE, KURUME)))
                .get("/subscriptions/" + subscription.get("id") + "/deliveries").then()
                .body("find { it.caseId == '" + second + "' }.history[0].error", equalTo(
                        "URL refused: its host is a link-local address: webhooks go to the agency's public endpoint"))
                .body("find { it.caseId == '" + second + "' }.history[0].status", equalTo(null));
        assertFalse(receiver.bodies().stream().anyMatch(b -> second.equals(b.path("subject").asText())));
    }

    @Test
    void theReferringAgencyIsToldByWebhookWhatBecameOfItsReferralWithTheDeclinesReason() throws Exception {
        // given the referrer subscribes to what becomes of its referrals
        Receiver receiver = receiver(0);
        subscribe(InboxTest.REFERRER, receiver.url(), List.of("referral-declined", "referral-escalated"));
        String caseId = refer(BusinessDate.today());
        // when the agency it went to declines (no other candidate: the case is escalated)
        given().header("Authorization", bearer(agency(SITE, KURUME))).contentType("application/json")
                .body("{\"accepted\":false,\"reason\":\"担当圏域外のため\"}").post("/cases/" + caseId + "/acceptance")
                .then().statusCode(200);
        // then both reach the referrer, the decline with its reason
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.bodies().stream()
                .filter(b -> caseId.equals(b.path("subject").asText())).count() == 2);
        JsonNode declined = receiver.bodies().stream()
                .filter(b -> b.path("type").asText().equals("jp.tsunagu.notice.referral-declined.v1")).findFirst()
                .orElseThrow();
        assertEquals("担当圏域外のため", declined.path("data").path("reason").asText());
        assertEquals(InboxTest.REFERRER, declined.path("data").path("agencyId").asText());
        assertTrue(receiver.bodies().stream().anyMatch(b -> b.path("type").asText()
                .equals("jp.tsunagu.notice.referral-escalated.v1")), "" + receiver.bodies());
    }

    @Test
    void planRolesReviewsAndDeadlinesAreNoticedToo() throws Exception {
        Receiver receiver = receiver(0);
        subscribe(receiver.url(), List.of("plan-role", "plan-review-due", "answer-due", "meeting-invitation"));
        String planId = "p-" + UUID.randomUUID();
        String caseId = UUID.randomUUID().toString();
        publish(Topics.PLANS, new PlanningEvent.PlanCreated(planId, caseId, KURUME, PlanType.MULTI_AGENCY,
                BusinessDate.today(), List.of(new Role(SITE, "見守り")), BusinessDate.today().plusMonths(3), "m-1"));
        publish(Topics.PLANS, new PlanningEvent.PlanReviewDue(planId, caseId, KURUME, PlanType.MULTI_AGENCY,
                BusinessDate.today().plusMonths(3)));
        String meetingId = "m-" + UUID.randomUUID();
        publish(Topics.MEETINGS, new MeetingEvent.MembersInvited(meetingId, KURUME, MeetingType.SHIEN_KAIGI,
                BusinessDate.today().plusDays(7), List.of(SITE, "kurume-kikan-01"), java.time.LocalTime.of(14, 0),
                java.time.LocalTime.of(15, 30), "久留米市役所 401会議室"));

        // a case whose answer is due on the next business day: the check reminds the agency
        BusinessCalendar calendar = BusinessCalendar.japan();
        LocalDate tomorrow = calendar.plusBusinessDays(BusinessDate.today(), 1);
        LocalDate routedOn = BusinessDate.today();
        while (calendar.plusBusinessDays(routedOn, 5).isAfter(tomorrow)) {
            routedOn = routedOn.minusDays(1);
        }
        String dueSoon = refer(routedOn);
        given().header("Authorization", bearer(role("coordinator", KURUME))).post("/routing/acceptance-check")
                .then().statusCode(200);

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.bodies().stream()
                .map(b -> b.path("type").asText()).toList().containsAll(List.of("jp.tsunagu.notice.plan-role.v1",
                        "jp.tsunagu.notice.plan-review-due.v1", "jp.tsunagu.notice.answer-due.v1",
                        "jp.tsunagu.notice.meeting-invitation.v1")));
        JsonNode invitation = receiver.bodies().stream()
                .filter(b -> b.path("type").asText().endsWith("meeting-invitation.v1")).findFirst().orElseThrow();
        assertEquals(meetingId, invitation.path("data").path("reference").asText());
        assertEquals(SITE, invitation.path("data").path("agencyId").asText(), "each agency is told of its own");
        assertTrue(invitation.path("data").path("startsAt").asText().startsWith("14:00"), "when");
        assertEquals("久留米市役所 401会議室", invitation.path("data").path("place").asText(), "and where");
        assertTrue(invitation.path("data").path("what").asText().endsWith(" 14:00〜、久留米市役所 401会議室）"),
                invitation.toString());
        JsonNode reminder = receiver.bodies().stream()
                .filter(b -> b.path("type").asText().endsWith("answer-due.v1")).findFirst().orElseThrow();
        assertEquals(dueSoon, reminder.path("subject").asText());
        assertFalse(receiver.bodies().stream().anyMatch(b -> b.path("type").asText().endsWith("case-routed.v1")),
                "only the types subscribed to");
        given().header("Authorization", bearer(role("coordinator", KURUME))).post("/routing/acceptance-check")
                .then().statusCode(200);
        Thread.sleep(2500);
        assertEquals(1, receiver.bodies().stream().filter(b -> b.path("type").asText().endsWith("answer-due.v1")
                && b.path("subject").asText().equals(dueSoon)).count(), "reminded once");
    }

    @Test
    void theInboxFeedStreamsTheNoticesAndResumesAfterTheLastOneReceived() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        String token = agency(SITE, KURUME);
        URI feed = URI.create("http://127.0.0.1:" + io.restassured.RestAssured.port + "/inbox/feed");
        HttpResponse<java.io.InputStream> stream = client.send(HttpRequest.newBuilder(feed)
                .header("Authorization", bearer(token)).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, stream.statusCode());
        String first = refer(BusinessDate.today());
        List<String> lines = readEvent(stream, first);
        String id = lines.stream().filter(l -> l.startsWith("id:")).findFirst().orElseThrow().substring(3).strip();
        assertTrue(lines.contains("event:case-routed") || lines.contains("event: case-routed"), lines.toString());
        stream.body().close();

        String second = refer(BusinessDate.today());
        HttpResponse<java.io.InputStream> resumed = client.send(HttpRequest.newBuilder(feed)
                .header("Authorization", bearer(token)).header("Last-Event-ID", id).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        List<String> next = readEvent(resumed, second);
        assertFalse(String.join("\n", next).contains(first), "resumes after the last notice received");
        resumed.body().close();

        // the submitted id is never quoted back, in either language
        given().header("Authorization", bearer(token)).header("Last-Event-ID", "notice/not-yours<script>")
                .get("/inbox/feed").then().statusCode(404)
                .body("detail", equalTo("the notice named by Last-Event-ID was not found"))
                .body(not(containsString("not-yours")));
        given().header("Authorization", bearer(token)).header("Last-Event-ID", "notice/not-yours<script>")
                .header("Accept-Language", "ja").get("/inbox/feed").then().statusCode(404)
                .body("detail", equalTo("Last-Event-ID で指定された通知は見つかりません"))
                .body(not(containsString("not-yours")));
    }

    /** The lines of the stream up to the event about {@code caseId}. */
    private static List<String> readEvent(HttpResponse<java.io.InputStream> response, String caseId)
            throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
        List<String> event = new ArrayList<>();
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        for (String line = reader.readLine(); line != null && System.nanoTime() < until; line = reader.readLine()) {
            if (line.isEmpty()) {
                if (String.join("\n", event).contains(caseId)) {
                    return event;
                }
                event.clear();
            } else {
                event.add(line);
            }
        }
        throw new AssertionError("no event about " + caseId);
    }

    private Receiver receiver(int port) throws IOException {
        Receiver r = new Receiver(port);
        receivers.add(r);
        return r;
    }

    private Map<String, Object> subscribe(String url, List<String> types) {
        return subscribe(SITE, url, types);
    }

    private Map<String, Object> subscribe(String agencyId, String url, List<String> types) {
        Map<String, Object> created = given().header("Authorization", bearer(agency(agencyId, KURUME)))
                .contentType("application/json").body(Map.of("url", url, "eventTypes", types))
                .post("/subscriptions").then().statusCode(201).header("Location", containsString("/subscriptions/sub_"))
                .extract().as(Map.class);
        subscriptions.computeIfAbsent(agencyId, a -> new ArrayList<>()).add((String) created.get("id"));
        return created;
    }

    /** Standard Webhooks: base64(HMAC-SHA256(key, id.timestamp.body)), the key being the base64 after whsec_. */
    private static String signature(String secret, String id, String timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        return "v1," + Base64.getEncoder().encodeToString(
                mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void publish(String topic, TsunaguEvent event) {
        TopicProbe.publish(topic, new EventEnvelope<>(UUID.randomUUID().toString(), "/tsunagu/test", Instant.now(),
                BusinessDate.today(), null, event));
    }

    /** A routine dementia referral from 荒木: routed to {@link #SITE}. */
    private static String refer(LocalDate receivedOn) {
        String caseId = UUID.randomUUID().toString();
        var event = new IntakeEvent.ReferralReceived(caseId, null, KURUME, "kurume-jiritsu-01", Channel.AGENCY,
                receivedOn,
                "荒木", AgeBand.of(84), List.of(), List.of(Concern.DEMENTIA), Consent.UNKNOWN, Urgency.ROUTINE, false,
                new SealedData("A256GCM", "case/" + caseId + "/1", "bm9uY2U=", "Y2lwaGVy"));
        TopicProbe.publish(Topics.INTAKE, new EventEnvelope<TsunaguEvent>(caseId + "/referral-received",
                "/tsunagu/intake-service", InboxTest.recordedOn(receivedOn), receivedOn, "request/test", event));
        TopicProbe.awaitEvent(Topics.ROUTING, caseId, RoutingEvent.CaseRouted.class, e -> true);
        return caseId;
    }
}
