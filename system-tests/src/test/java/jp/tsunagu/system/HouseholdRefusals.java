package jp.tsunagu.system;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static jp.tsunagu.system.HouseholdCalls.call;
import static jp.tsunagu.system.HouseholdCalls.expectJson;
import static jp.tsunagu.system.LocalRunSystemTest.INTAKE;
import static jp.tsunagu.system.LocalRunSystemTest.PLANNING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 30's bad input, as a coordinator sends it: a case linked to itself, a member of one household put into
 * another, an unlinking without a reason, a household plan for a case outside the household. Each is an RFC 9457
 * problem, and afterwards the household is as it was (its members and former members, its plans) and the case
 * outside it is still outside.
 *
 * @param coordinators the coordinator's tokens
 * @param other        a case of the municipality in no household
 */
record HouseholdRefusals(Supplier<String> coordinators, String householdId, String parent, String son, String other) {

    /** A coordinator's token, renewed as it ages. */
    private String coordinator() {
        return coordinators.get();
    }

    /** The linking refusals (intake-service). */
    void linkingChecked(String parentNumber, String sonNumber) throws Exception {
        List<String> before = membership();

        problem(422, null, call("POST", INTAKE, "/households", coordinator(),
                "{\"caseIds\":[\"" + other + "\",\"" + other + "\"]}"), "a case linked to itself");
        problem(422, null, call("POST", INTAKE, "/households", coordinator(),
                "{\"caseIds\":[\"" + other + "\"]}"), "a household of one case");

        HttpResponse<String> conflict = call("POST", INTAKE, "/households", coordinator(),
                "{\"caseIds\":[\"" + other + "\",\"" + son + "\"]}");
        JsonNode p = problem(409, "household-conflict", conflict, "the son's case into another household");
        assertTrue(p.path("detail").asText().contains(sonNumber) && p.path("detail").asText().contains(parentNumber),
                "the detail names the case and the household it is in (by its members' 受付番号): " + p);
        assertTrue(conflict.body().contains(householdId), "the household's id is given: " + p);
        problem(409, null, call("POST", INTAKE, "/households/" + householdId + "/members",
                coordinator(), "{\"caseId\":\"" + parent + "\"}"), "a member added again");

        for (String body : List.of("{\"reason\":\"  \"}", "{}")) {
            JsonNode unlinked = problem(422, null, call("POST", INTAKE, "/households/" + householdId + "/members/"
                    + son + "/unlinking", coordinator(), body), "unlinking without a reason");
            assertTrue(unlinked.toString().contains("reason"), "the field error names reason: " + unlinked);
        }

        assertEquals(before, membership(), "nothing changed in the household");
        JsonNode outside = expectJson(200, call("GET", INTAKE, "/referrals/" + other, coordinator(), null));
        assertTrue(outside.path("householdId").isMissingNode() || outside.path("householdId").isNull(),
                "the other case is in no household: " + outside);
    }

    /**
     * Another municipality's case or household is, to the caller, one that does not exist (404): linking it, and
     * reading this household with that municipality's coordinator token.
     */
    void otherMunicipalityChecked(String foreignCase, String foreignCoordinator) throws Exception {
        List<String> before = membership();
        problem(404, null, call("POST", INTAKE, "/households", coordinator(),
                "{\"caseIds\":[\"" + other + "\",\"" + foreignCase + "\"]}"), "cases of two municipalities");
        problem(404, null, call("POST", INTAKE, "/households/" + householdId + "/members", coordinator(),
                "{\"caseId\":\"" + foreignCase + "\"}"), "another municipality's case added");
        assertEquals(404, call("GET", INTAKE, "/households/" + householdId, foreignCoordinator, null).statusCode(),
                "another municipality's coordinator does not find the household");
        assertEquals(before, membership(), "nothing changed in the household");
    }

    /** The household plan's refusal (planning-service), once the household's plan exists. */
    void planChecked(LocalDate today, String meetingId, String planId) throws Exception {
        List<String> before = membership();
        JsonNode p = problem(422, null, call("POST", PLANNING, "/households/" + householdId + "/plans",
                coordinator(), """
                {"type":"OUTREACH","madeOn":"%s","householdWish":"世帯の願い",
                 "members":[{"caseId":"%s","wish":"本人の願い",
                             "roles":[{"agencyId":"kurume-outreach-01","responsibility":"訪問"}]}]}"""
                        .formatted(today, other)), "a household plan for a case outside it");
        assertTrue(p.toString().contains("members[0].caseId"), "the field error names the subject: " + p);
        // the meeting's reviews already made the household's 多機関協働プラン: posting it again names that plan
        JsonNode made = problem(409, null, call("POST", PLANNING, "/households/" + householdId + "/plans",
                coordinator(), """
                {"type":"MULTI_AGENCY","madeOn":"%s","adoptedAtMeetingId":"%s","householdWish":"世帯の願い",
                 "members":[{"caseId":"%s","wish":"本人の願い"}]}""".formatted(today, meetingId, other)),
                "a second 多機関協働プラン from the same meeting");
        assertEquals(planId, made.path("planId").asText(), made.toString());

        JsonNode plans = expectJson(200, call("GET", PLANNING, "/households/" + householdId + "/plans",
                coordinator(), null));
        assertEquals(1, plans.size(), "still the one plan: " + plans);
        assertEquals(planId, plans.get(0).path("planId").asText());
        assertEquals(0, expectJson(200, call("GET", PLANNING, "/cases/" + other + "/plans", coordinator(), null))
                .size(), "no plan for the case outside the household");
        assertEquals(before, membership(), "nothing changed in the household");
    }

    /** The household's members and former members as the coordinator reads them (what a refusal must not change). */
    private List<String> membership() throws Exception {
        JsonNode view = expectJson(200, call("GET", INTAKE, "/households/" + householdId, coordinator(), null));
        List<String> lines = new ArrayList<>();
        for (JsonNode m : view.path("members")) {
            lines.add("member " + m.path("caseId").asText() + " " + m.path("caseNumber").asText() + " linked on "
                    + m.path("linkedOn").asText());
        }
        for (JsonNode m : view.path("formerMembers")) {
            lines.add("former " + m.path("caseId").asText() + " until " + m.path("unlinkedOn").asText());
        }
        lines.sort(null);
        assertEquals(2, view.path("members").size(), view.toString());
        return lines;
    }

    /** The answer is a problem document of that status (and slug, when given); returns it. */
    private static JsonNode problem(int status, String slug, HttpResponse<String> r, String what) throws Exception {
        JsonNode p = expectJson(status, r);
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                what + ": " + r.headers().map());
        assertEquals(status, p.path("status").asInt(), what + ": " + p);
        if (slug != null) {
            assertEquals("/problems/" + slug, p.path("type").asText(), what + ": " + p);
        }
        assertTrue(!p.path("detail").asText().isBlank() || p.has("errors"), what + " says why: " + p);
        return p;
    }
}
