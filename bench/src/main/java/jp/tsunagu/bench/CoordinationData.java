package jp.tsunagu.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What a city coordinator's pages show, made through the services' APIs as the agencies and a coordinator make it:
 * a man referred twice by the same agency (an 8050 household, consent given: both escalate to 重層的支援会議, the
 * second marked a possible duplicate of the first), {@code others} more escalated cases, an ad-hoc 重層的支援会議 today
 * for the first case and the others, its minutes (the first case a 多機関協働プラン with wish, goals, review date and
 * a role; the others continued), the plan's wish and goals filled in as the console does (typed once), and one
 * correction of the minutes. Answers the ids the pages need.
 */
final class CoordinationData {

    /** The ids the coordinator's pages are opened with. */
    record Made(String caseId, String duplicateId, String meetingId, String planId) {

        String line() {
            return "case=" + caseId + " duplicate=" + duplicateId + " meeting=" + meetingId + " plan=" + planId;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REFERRAL = """
            {"channel":"AGENCY","person":{"name":"%s","nameKana":"%s","birthDate":"%s","area":"荒木"},
             "household":[{"relation":"PARENT","age":84,"concerns":["DEMENTIA"]}],
             "concerns":["HIKIKOMORI","EIGHTY_FIFTY"],"consent":"GIVEN","urgency":"ROUTINE",
             "summary":"父の年金で暮らし、長く外出していない"}""";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String bootstrap;

    CoordinationData(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    /** Where the three services the coordination data passes through listen. */
    record Services(URI intake, URI meeting, URI planning) {
    }

    Made make(Services at, String agencyToken, String coordinatorToken, int others) throws Exception {
        URI intake = at.intake();
        URI meeting = at.meeting();
        URI planning = at.planning();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        String first = refer(intake, agencyToken, "堤 次郎", "ツツミ ジロウ", "1974-06-15");
        String second = refer(intake, agencyToken, "堤 次郎", "ツツミ ジロウ", "1974-06-15");
        List<String> cases = new ArrayList<>(List.of(first));
        for (int i = 0; i < others; i++) {
            cases.add(refer(intake, agencyToken, "性能 試験" + (i + 1), "セイノウ シケン", "1970-01-" + (10 + i % 18)));
        }
        Lag.awaitDrained(bootstrap, Set.of(), 300); // routing escalated them, meeting-service has them waiting
        var newMeeting = JSON.createObjectNode().put("type", "JUUSOU_SHIEN_KAIGI").put("scheduledOn", today.toString())
                .put("startsAt", "14:00").put("endsAt", "15:30").put("place", "久留米市役所 502会議室");
        newMeeting.putArray("members").add("kurume-houkatsu-01").add("kurume-kikan-01");
        cases.forEach(newMeeting.putArray("cases")::add);
        String meetingId = send("POST", meeting.resolve("/meetings"), coordinatorToken, newMeeting.toString(), 201)
                .path("meetingId").asText();

        var minutes = JSON.createObjectNode().put("heldOn", today.toString()).put("chair", "久留米市 地域福祉課 調整担当");
        minutes.putArray("attendees").add(JSON.createObjectNode().put("name", "山田 花子")
                .put("agencyId", "kurume-houkatsu-01")).add(JSON.createObjectNode().put("name", "佐藤 一郎")
                .put("agencyId", "kurume-kikan-01")).add(JSON.createObjectNode().put("name", "田中 次子")
                .put("organisation", "久留米市 地域福祉課"));
        var reviews = minutes.putArray("reviews");
        var plan = reviews.addObject().put("caseId", first).put("outcome", "PLAN").put("planType", "MULTI_AGENCY")
                .put("note", "父の介護と本人の外出を分けて支える").put("wish", "父と一緒に家で暮らし続けたい。いつか働きたい")
                .put("reviewOn", today.plusMonths(3).toString());
        plan.putArray("goals").add("週1回、包括の訪問を受け入れる");
        plan.putArray("roles").addObject().put("agencyId", "kurume-houkatsu-01")
                .put("responsibility", "父の介護サービスの調整");
        cases.subList(1, cases.size()).forEach(c -> reviews.addObject().put("caseId", c).put("outcome", "CONTINUE")
                .put("note", "次回の会議で状況を確認する"));
        send("POST", meeting.resolve("/meetings/" + meetingId + "/minutes"), coordinatorToken, minutes.toString(), 201);

        String planId = planOf(planning, first, coordinatorToken);
        // typed once, as the console does after the minutes: the plan made from the review gets its wish and goals
        var details = JSON.createObjectNode().put("wish", "父と一緒に家で暮らし続けたい。いつか働きたい");
        details.putArray("goals").add("週1回、包括の訪問を受け入れる");
        // 409: planning already has them (nothing lacking), which is as good for the pages
        send("PUT", planning.resolve("/plans/" + planId + "/details"), coordinatorToken, details.toString(), 200, 409);

        var amendment = JSON.createObjectNode().put("reason", "目標の記載漏れ");
        amendment.putArray("reviews").addObject().put("caseId", first).putArray("goals")
                .add("週1回、包括の訪問を受け入れる").add("月1回、父と外出する");
        send("POST", meeting.resolve("/meetings/" + meetingId + "/minutes/amendments"), coordinatorToken,
                amendment.toString(), 201);
        Lag.awaitDrained(bootstrap, Set.of(), 300);
        return new Made(first, second, meetingId, planId);
    }

    private String refer(URI intake, String token, String name, String kana, String born) throws Exception {
        return send("POST", intake.resolve("/referrals"), token, REFERRAL.formatted(name, kana, born), 201)
                .path("caseId").asText();
    }

    /** The plan planning-service made from the meeting's review (it follows the meeting's events). */
    private String planOf(URI planning, String caseId, String token) throws Exception {
        for (int i = 0; i < 60; i++) {
            JsonNode id = send("GET", planning.resolve("/cases/" + caseId + "/plans"), token, null, 200)
                    .findValue("planId");
            if (id != null) {
                return id.asText();
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("planning made no plan for case " + caseId + " in 30 s");
    }

    /**
     * A call expecting one of {@code expected}; an unexpected 409 is asked again for a while (the service has not yet
     * read the events the call depends on: a case not yet waiting for a meeting), anything else fails the run.
     */
    private JsonNode send(String method, URI uri, String token, String body, int... expected) throws Exception {
        Set<Integer> accepted = java.util.Arrays.stream(expected).boxed().collect(java.util.stream.Collectors.toSet());
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString());
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = null;
        for (int attempt = 0; attempt < 30; attempt++) {
            r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 409 || accepted.contains(409) || body == null) {
                break;
            }
            Thread.sleep(1000);
        }
        if (!accepted.contains(r.statusCode())) {
            throw new IllegalStateException(method + " " + uri.getPath() + " answered " + r.statusCode() + ": "
                    + r.body());
        }
        return r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body());
    }
}
