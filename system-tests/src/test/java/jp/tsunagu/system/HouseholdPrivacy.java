package jp.tsunagu.system;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.List;

import static jp.tsunagu.system.HouseholdCalls.call;
import static jp.tsunagu.system.HouseholdCalls.expectJson;
import static jp.tsunagu.system.HouseholdCalls.find;
import static jp.tsunagu.system.LocalRunSystemTest.INTAKE;
import static jp.tsunagu.system.LocalRunSystemTest.PLANNING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seeing the household never reveals a person the reader could not read case by case (issue 30, 2): the agency that
 * referred the parent learns that the son's case exists, its status and who coordinates it, and nothing else of him.
 *
 * @param parent the case the agency referred (its person is the agency's to read)
 * @param son    a case the agency may not follow
 */
record HouseholdPrivacy(String householdId, String parent, String son) {

    /**
     * @param parentName what the parent's member shows as her name
     * @param sonSecrets the son's personal values (name, kana, birth date): in no answer to the agency
     */
    void check(String agency, String coordinator, String parentName, List<String> sonSecrets) throws Exception {
        JsonNode all = expectJson(200, call("GET", INTAKE, "/households/" + householdId, coordinator, null));
        for (String member : List.of(parent, son)) {
            JsonNode m = find(all.path("members"), "caseId", member);
            assertNotNull(m, all.toString());
            assertTrue(m.path("personVisible").asBoolean(false), "the coordinator reads every member: " + m);
            assertFalse(m.path("person").path("name").asText().isBlank(), m.toString());
        }
        assertEquals(parentName, find(all.path("members"), "caseId", parent).path("person").path("name").asText());

        HttpResponse<String> read = call("GET", INTAKE, "/households/" + householdId, agency, null);
        JsonNode view = expectJson(200, read);
        JsonNode own = find(view.path("members"), "caseId", parent);
        assertNotNull(own, view.toString());
        assertTrue(own.path("personVisible").asBoolean(false), "the referrer reads its own case's person: " + own);
        assertEquals(parentName, own.path("person").path("name").asText(), own.toString());

        JsonNode his = find(view.path("members"), "caseId", son);
        assertNotNull(his, "the son's case exists for the agency: " + view);
        assertFalse(his.path("caseNumber").asText().isBlank(), his.toString());
        assertFalse(his.path("status").asText().isBlank(), "his case's status: " + his);
        assertFalse(his.path("personVisible").asBoolean(true), his.toString());
        assertTrue(his.path("person").isMissingNode() || his.path("person").isNull(), his.toString());
        for (JsonNode line : view.path("timeline")) {
            assertFalse(son.equals(line.path("caseId").asText()), "a line of the son's history: " + line);
        }
        assertNotNull(find(view.path("timeline"), "caseId", parent), "the parent's history is merged in: " + view);
        for (String secret : sonSecrets) {
            assertFalse(read.body().contains(secret), "the son's " + secret + " shown to the agency: " + read.body());
        }

        assertEquals(404, call("GET", INTAKE, "/referrals/" + son + "/person", agency, null).statusCode(),
                "his person, case by case: not the agency's");
        assertEquals(404, call("GET", INTAKE, "/referrals/" + son, agency, null).statusCode(),
                "his case's page, case by case: not the agency's");
        assertEquals(200, call("GET", INTAKE, "/referrals/" + parent + "/person", agency, null).statusCode(),
                "its own referral's person, as ever");
    }

    /**
     * The household's plan, read by the agency with a role for the parent: the son is one of its subjects (his case
     * and roles), no wish of his is shown (the meeting heard one; the agency attended the meeting, not his case).
     */
    void planChecked(String agency, String planId, String sonWish) throws Exception {
        HttpResponse<String> read = call("GET", PLANNING, "/plans/" + planId, agency, null);
        JsonNode plan = expectJson(200, read);
        JsonNode subject = find(plan.path("subjects"), "caseId", son);
        assertNotNull(subject, "the son is a subject of the plan: " + plan);
        assertFalse(subject.path("roles").isEmpty(), "his roles are shown: " + subject);
        assertTrue(subject.path("wish").isMissingNode() || subject.path("wish").isNull(), subject.toString());
        assertFalse(read.body().contains(sonWish), "the son's wish shown to the parent's agency: " + plan);
    }
}
