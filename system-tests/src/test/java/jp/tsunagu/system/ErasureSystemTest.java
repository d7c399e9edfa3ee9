package jp.tsunagu.system;

import com.fasterxml.jackson.databind.JsonNode;
import jp.tsunagu.contract.codes.BusinessDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static jp.tsunagu.system.LocalRunSystemTest.HOME;
import static jp.tsunagu.system.LocalRunSystemTest.HTTP;
import static jp.tsunagu.system.LocalRunSystemTest.INTAKE;
import static jp.tsunagu.system.LocalRunSystemTest.JSON;
import static jp.tsunagu.system.LocalRunSystemTest.MEETING;
import static jp.tsunagu.system.LocalRunSystemTest.PLANNING;
import static jp.tsunagu.system.LocalRunSystemTest.REPORTING;
import static jp.tsunagu.system.LocalRunSystemTest.ROUTING;
import static jp.tsunagu.system.LocalRunSystemTest.awaitStatus;
import static jp.tsunagu.system.LocalRunSystemTest.get;
import static jp.tsunagu.system.LocalRunSystemTest.port;
import static jp.tsunagu.system.LocalRunSystemTest.post;
import static jp.tsunagu.system.LocalRunSystemTest.records;
import static jp.tsunagu.system.LocalRunSystemTest.refer;
import static jp.tsunagu.system.LocalRunSystemTest.run;
import static jp.tsunagu.system.LocalRunSystemTest.uri;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Erasure reaches every word written about a person (issue 25, findings 2 and 5): a distinctive name is written into
 * every free-text field the API takes about a case (the referral, a decline's reason, the minutes' notes, a review's
 * note, ad-hoc reason, roles, wish and goals, a correction's reason and notes, plan details, a 再プラン's reason, a
 * follow-up's note); after {@code DELETE /persons} no read, print, version, export, history, replay, log or Kafka record
 * holds it, and new words about the person are refused with 410.
 */
@ExtendWith(RunningSystem.class)
class ErasureSystemTest {

    static final String NAME = "Erasable" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @Test
    void everyWordAboutAnErasedPersonIsGoneFromEveryReadAndRecordAndNoNewOneIsTaken() throws Exception {
        String referrer = run("token", "agency", "--agency", "kurume-houkatsu-01").trim();
        String coordinator = run("token", "coordinator").trim();
        String analyst = run("token", "analyst").trim();
        String today = BusinessDate.today().toString();

        String caseId = refer(referrer, """
                {"channel":"AGENCY","person":{"name":"%s太郎","age":84,"area":"荒木","address":"%s町1-1"},
                 "summary":"%sさんは母と二人暮らし","concerns":["DEMENTIA"],"consent":"GIVEN","urgency":"ROUTINE"}"""
                .formatted(NAME, NAME, NAME));
        awaitStatus(caseId, referrer, "ROUTED");
        String routedTo = JSON.readTree(get(port(ROUTING), "/cases/" + caseId + "/routing", coordinator).body())
                .path("agencyId").asText();
        String site = run("token", "agency", "--agency", routedTo).trim();
        expect(200, post(ROUTING, "/cases/" + caseId + "/acceptance", site, null,
                "{\"accepted\":false,\"reason\":\"" + NAME + "さんは圏域外\"}"));

        String meetingId = JSON.readTree(expect(201, post(MEETING, "/meetings", coordinator,
                UUID.randomUUID().toString(), "{\"type\":\"JUUSOU_SHIEN_KAIGI\",\"scheduledOn\":\"" + today
                        + "\",\"startsAt\":\"14:00\",\"place\":\"久留米市役所 401会議室\"}"))
                .body()).get("meetingId").asText();
        expect(201, post(MEETING, "/meetings/" + meetingId + "/minutes", coordinator, null, """
                {"heldOn":"%1$s","attendees":["kurume-houkatsu-01"],"notes":"%2$sさんの件を中心に",
                 "reviews":[{"caseId":"%3$s","outcome":"PLAN","planType":"PARTICIPATION","reason":"%2$sさんの急変",
                             "note":"%2$sさんは母と同居","wish":"%2$sとして働きたい","goals":["%2$sの外出"],
                             "roles":[{"agencyId":"kurume-sanka-01","responsibility":"%2$sさんの受け入れ先調整"}]}]}"""
                .formatted(today, NAME, caseId)));
        expect(201, post(MEETING, "/meetings/" + meetingId + "/minutes/amendments", coordinator, null,
                "{\"reason\":\"" + NAME + "さんの件の補足\",\"notes\":\"" + NAME + "さんの件（補足）\"}"));

        String planId = null;
        for (int i = 0; i < 150 && planId == null; i++) {
            JsonNode plans = JSON.readTree(get(port(PLANNING), "/cases/" + caseId + "/plans", coordinator).body());
            if (plans.isArray() && !plans.isEmpty()) {
                planId = plans.get(0).get("planId").asText();
            } else {
                Thread.sleep(200);
            }
        }
        assertTrue(planId != null, "the meeting's PLAN made a plan");
        expect(200, put("/plans/" + planId + "/details", coordinator,
                "{\"wish\":\"" + NAME + "として働きたい\",\"goals\":[\"" + NAME + "の外出\"]}"));
        expect(201, post(PLANNING, "/plans/" + planId + "/revisions", coordinator, null,
                "{\"madeOn\":\"" + today + "\",\"reason\":\"" + NAME + "さんが転居\"}"));
        String placementId = JSON.readTree(expect(201, post(PLANNING, "/plans/" + planId + "/placements",
                coordinator, null, "{\"resourceId\":\"kurume-res-running-team\",\"placedOn\":\"" + today + "\"}"))
                .body()).get("placementId").asText();
        expect(201, post(PLANNING, "/placements/" + placementId + "/follow-ups", coordinator, null,
                "{\"side\":\"PERSON\",\"on\":\"" + today + "\",\"note\":\"" + NAME + "さんと面談\"}"));
        assertTrue(get(port(MEETING), "/meetings/" + meetingId, coordinator).body().contains(NAME),
                "before erasure the minutes hold the words (the test would prove nothing otherwise)");

        // --- erasure ------------------------------------------------------------------------------------------
        expect(204, delete("/persons/" + caseId, coordinator));
        for (int i = 0; i < 150 && (get(port(MEETING), "/meetings/" + meetingId, coordinator).body().contains(NAME)
                || get(port(PLANNING), "/plans/" + planId, coordinator).body().contains(NAME)
                || get(port(ROUTING), "/cases/" + caseId + "/routing", coordinator).body().contains(NAME)); i++) {
            Thread.sleep(200);
        }

        Map<String, HttpResponse<String>> reads = new java.util.LinkedHashMap<>();
        reads.put("referral", get(port(INTAKE), "/referrals/" + caseId, referrer));
        reads.put("person", get(port(INTAKE), "/referrals/" + caseId + "/person", coordinator));
        reads.put("routing (referrer)", get(port(ROUTING), "/cases/" + caseId + "/routing", referrer));
        reads.put("routing (coordinator)", get(port(ROUTING), "/cases/" + caseId + "/routing", coordinator));
        reads.put("declining agency's inbox", get(port(ROUTING), "/inbox?state=all", site));
        reads.put("meeting", get(port(MEETING), "/meetings/" + meetingId, coordinator));
        reads.put("minutes versions", get(port(MEETING), "/meetings/" + meetingId + "/minutes/versions", coordinator));
        reads.put("printed minutes", html("/meetings/" + meetingId, coordinator));
        reads.put("plan", get(port(PLANNING), "/plans/" + planId, coordinator));
        reads.put("plans of the case", get(port(PLANNING), "/cases/" + caseId + "/plans", coordinator));
        reads.put("history", get(port(REPORTING), "/cases/" + caseId + "/history", coordinator));
        reads.put("export", get(port(REPORTING), "/exports/events?from=" + today + "&to=" + today, analyst));
        List<String> found = new ArrayList<>();
        reads.forEach((what, r) -> {
            if (r.body().contains(NAME)) {
                found.add(what + ": " + r.body());
            }
        });
        if (run("replay").contains(NAME)) {
            found.add("the replay's output");
        }
        for (var record : records("tsunagu.intake.v1", "tsunagu.routing.v1", "tsunagu.meetings.v1",
                "tsunagu.plans.v1")) {
            if (new String(record.value(), StandardCharsets.ISO_8859_1).contains(NAME)) {
                found.add("a record of " + record.topic() + " at offset " + record.offset());
            }
        }
        try (Stream<Path> logs = Files.walk(HOME.resolve("logs"))) {
            for (Path log : logs.filter(Files::isRegularFile).toList()) {
                if (Files.readString(log, StandardCharsets.ISO_8859_1).contains(NAME)) {
                    found.add("log " + log.getFileName());
                }
            }
        }
        assertEquals(List.of(), found, "the erased person's words (" + NAME + ") are still readable");
        assertEquals(200, reads.get("meeting").statusCode(), "the minutes stay, without the words");
        assertEquals(200, reads.get("plan").statusCode(), "the plan stays, without the words");

        // --- nothing more is written about the person -----------------------------------------------------------
        String again = NAME + "さんのその後";
        expect(410, post(MEETING, "/meetings/" + meetingId + "/minutes/amendments", coordinator, null,
                "{\"reason\":\"補足\",\"reviews\":[{\"caseId\":\"" + caseId + "\",\"note\":\"" + again + "\"}]}"));
        expect(410, post(MEETING, "/meetings/" + meetingId + "/minutes/amendments", coordinator, null,
                "{\"reason\":\"補足\",\"notes\":\"" + again + "\"}"));
        expect(410, post(PLANNING, "/plans/" + planId + "/revisions", coordinator, null,
                "{\"madeOn\":\"" + today + "\",\"reason\":\"" + again + "\"}"));
        expect(410, put("/plans/" + planId + "/details", coordinator, "{\"goals\":[\"" + again + "\"]}"));
        expect(410, post(PLANNING, "/placements/" + placementId + "/follow-ups", coordinator, null,
                "{\"side\":\"PERSON\",\"on\":\"" + today + "\",\"note\":\"" + again + "\"}"));
        assertTrue(!get(port(MEETING), "/meetings/" + meetingId, coordinator).body().contains(again)
                && !get(port(PLANNING), "/plans/" + planId, coordinator).body().contains(again));
    }

    static HttpResponse<String> expect(int status, HttpResponse<String> r) {
        assertEquals(status, r.statusCode(), r.request().method() + " " + r.uri() + ": " + r.body());
        return r;
    }

    static HttpResponse<String> put(String path, String token, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(PLANNING, path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> delete(String path, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(INTAKE, path)).header("Authorization", "Bearer " + token)
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> html(String path, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(MEETING, path)).header("Authorization", "Bearer " + token)
                .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
