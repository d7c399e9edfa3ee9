package jp.tsunagu.system;

import com.fasterxml.jackson.databind.JsonNode;
import jp.tsunagu.contract.codes.BusinessDate;
import jp.tsunagu.contract.codes.FiscalYear;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.concurrent.ThreadLocalRandom;

import static jp.tsunagu.system.HouseholdCalls.await;
import static jp.tsunagu.system.HouseholdCalls.awaitFigures;
import static jp.tsunagu.system.HouseholdCalls.call;
import static jp.tsunagu.system.HouseholdCalls.expectJson;
import static jp.tsunagu.system.HouseholdCalls.figures;
import static jp.tsunagu.system.HouseholdCalls.find;
import static jp.tsunagu.system.HouseholdCalls.plus;
import static jp.tsunagu.system.HouseholdCalls.replay;
import static jp.tsunagu.system.HouseholdCalls.texts;
import static jp.tsunagu.system.LocalRunSystemTest.INTAKE;
import static jp.tsunagu.system.LocalRunSystemTest.MEETING;
import static jp.tsunagu.system.LocalRunSystemTest.PLANNING;
import static jp.tsunagu.system.LocalRunSystemTest.REPORTING;
import static jp.tsunagu.system.LocalRunSystemTest.ROUTING;
import static jp.tsunagu.system.LocalRunSystemTest.awaitHistory;
import static jp.tsunagu.system.LocalRunSystemTest.awaitStatus;
import static jp.tsunagu.system.LocalRunSystemTest.refer;
import static jp.tsunagu.system.LocalRunSystemTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 30, the seed's story through the public APIs (Kurume 402036): the 地域包括支援センター refers an 80-year-old
 * parent with dementia; a week later the 基幹相談支援センター refers the son, withdrawn at home (8050), naming the parent
 * as a household member. The coordinator is offered "same household?", links the two cases, discusses the household
 * as one item of one 重層的支援会議, whose PLAN outcomes make one household plan with roles for both sides; the son
 * is placed through 参加支援, the plans close and both cases with them by the contract's one status rule. The year
 * table counts one more household for the two cases, a replay gives the same figures, the parent's agency reads the
 * household without learning anything of the son, and every bad request is refused with nothing changed.
 */
@ExtendWith(RunningSystem.class)
class HouseholdSystemTest {

    static final String CITY = "402036";
    static final LocalSystem TOKENS = LocalSystem.SINGLE;
    /** The son's wish as the meeting heard it: his words, for readers of his case only. */
    static final String SON_WISH = "誰かの役に立つ仕事がしたい";

    @Test
    void theParentAndTheSonAreLinkedMetPlannedForAndCountedAsOneHouseholdAndEachSideSeesOnlyItsOwn()
            throws Exception {
        // tokens that renew themselves: an access token lives 5 minutes, the story with its replay may take longer
        Supplier<String> houkatsu = TOKENS.tokens("agency", "--agency", "kurume-houkatsu-01", "--municipality", CITY);
        Supplier<String> kikan = TOKENS.tokens("agency", "--agency", "kurume-kikan-01", "--municipality", CITY);
        Supplier<String> jiritsu = TOKENS.tokens("agency", "--agency", "kurume-jiritsu-01", "--municipality", CITY);
        Supplier<String> sanka = TOKENS.tokens("agency", "--agency", "kurume-sanka-01", "--municipality", CITY);
        Supplier<String> coordinator = TOKENS.tokens("coordinator", "--municipality", CITY);
        LocalDate today = BusinessDate.today();
        FiscalYear year = FiscalYear.of(today);
        // "a week later": the parent's referral a week before the son's, both in this fiscal year (the table's)
        LocalDate weekAgo = today.minusDays(7).isBefore(year.start()) ? year.start() : today.minusDays(7);

        // a case of another family (routed, not discussed), for the refusals that need a case outside the household;
        // the figures are read once it has reached reporting, so that they change by the story alone
        String other = refer(jiritsu.get(), """
                {"channel":"AGENCY","person":{"name":"別世帯 試験","nameKana":"%s","age":72,"area":"荒木"},
                 "concerns":["DEMENTIA"],"consent":"GIVEN","urgency":"ROUTINE"}""".formatted(kana("ベツ")));
        awaitStatus(other, jiritsu.get(), "ROUTED");
        await("reporting's history of the other case", 200, h -> h.toString().contains("referral-received")
                        && h.toString().contains("case-routed"),
                () -> call("GET", REPORTING, "/cases/" + other + "/history", coordinator.get(), null));
        Map<String, Integer> before = figures(coordinator.get(), year);

        // --- 1. two referrals, a week apart -----------------------------------------------------------------------
        String parentName = "水間 ハナ";
        String parentKana = kana("ミズマ ハナ");
        String parentBirth = today.minusYears(80).minusDays(40).toString();
        String sonName = "水間 誠" + kana("");
        String sonKana = kana("ミズマ マコト");
        String sonBirth = today.minusYears(52).minusDays(100).toString();
        String parent = refer(houkatsu.get(), """
                {"channel":"AGENCY","receivedOn":"%s","person":{"name":"%s","nameKana":"%s","birthDate":"%s",
                 "address":"久留米市篠山町%d-%d","area":"篠山"},
                 "household":[{"relation":"CHILD","age":52,"concerns":["HIKIKOMORI"]}],
                 "summary":"物忘れが進み、同居の息子は長くひきこもっている","concerns":["DEMENTIA","EIGHTY_FIFTY"],
                 "consent":"GIVEN","urgency":"ROUTINE"}"""
                .formatted(weekAgo, parentName, parentKana, parentBirth,
                        ThreadLocalRandom.current().nextInt(100, 900), ThreadLocalRandom.current().nextInt(1, 30)));
        String son = refer(kikan.get(), """
                {"channel":"AGENCY","receivedOn":"%s","person":{"name":"%s","nameKana":"%s","birthDate":"%s",
                 "area":"篠山"},
                 "household":[{"relation":"PARENT","name":"%s","nameKana":"%s","birthDate":"%s","age":80,
                               "concerns":["DEMENTIA"]}],
                 "summary":"20年近く自宅にひきこもり、母の年金で暮らす","concerns":["HIKIKOMORI","EIGHTY_FIFTY"],
                 "consent":"GIVEN","urgency":"ROUTINE"}"""
                .formatted(today, sonName, sonKana, sonBirth, parentName, parentKana, parentBirth));
        awaitStatus(parent, houkatsu.get(), "IN_MEETING");
        awaitStatus(son, kikan.get(), "IN_MEETING");
        for (String member : List.of(parent, son)) { // 8050, consent given: routing sends both to the 重層的支援会議
            JsonNode routing = expectJson(200, call("GET", ROUTING, "/cases/" + member + "/routing", coordinator.get(),
                    null));
            assertEquals("ESCALATED", routing.path("decision").asText(), routing.toString());
            assertEquals("JUUSOU_SHIEN_KAIGI", routing.path("track").asText(), routing.toString());
        }
        String parentNumber = caseNumber(parent, coordinator.get());
        String sonNumber = caseNumber(son, coordinator.get());

        // --- 2. the suggestion, for coordinators only, and the link ----------------------------------------------
        JsonNode offered = await("the son's household suggestion naming the parent", 200,
                s -> find(s, "caseId", parent) != null,
                () -> call("GET", INTAKE, "/cases/" + son + "/household-suggestions", coordinator.get(), null));
        JsonNode suggestion = find(offered, "caseId", parent);
        assertEquals("MEMBER_IS_PERSON", suggestion.path("basis").asText(), offered.toString());
        assertEquals(parentNumber, suggestion.path("caseNumber").asText());
        assertFalse(suggestion.path("basisLabel").asText().isBlank(), suggestion.toString());
        assertTrue(suggestion.path("householdId").isMissingNode() || suggestion.path("householdId").isNull(),
                "the parent is in no household yet: " + suggestion);
        JsonNode mirrored = find(expectJson(200, call("GET", INTAKE, "/cases/" + parent + "/household-suggestions",
                coordinator.get(), null)), "caseId", son);
        assertNotNull(mirrored, "a stored suggestion is shown to both cases");
        assertEquals("PERSON_IS_MEMBER", mirrored.path("basis").asText(),
                "the parent is a household member named in the son's referral: " + mirrored);
        assertFalse(call("GET", INTAKE, "/cases/" + son + "/household-suggestions", kikan.get(), null)
                .statusCode() == 200, "suggestions are for coordinators only");

        HttpResponse<String> linked = call("POST", INTAKE, "/households", coordinator.get(),
                "{\"caseIds\":[\"" + parent + "\",\"" + son + "\"]}");
        JsonNode household = expectJson(201, linked);
        String householdId = household.path("householdId").asText();
        assertTrue(linked.headers().firstValue("Location").orElse("").endsWith("/households/" + householdId),
                linked.headers().map().toString());
        assertEquals(CITY, household.path("municipality").asText());
        assertEquals(Set.of(parent, son), Set.copyOf(texts(household.path("members"), "caseId")),
                household.toString());
        assertTrue(household.path("label").asText().contains(parentNumber)
                && household.path("label").asText().contains(sonNumber), household.toString());
        assertEquals(householdId, expectJson(200, call("GET", INTAKE, "/referrals/" + son, coordinator.get(), null))
                .path("householdId").asText(), "the case says its household");
        assertEquals(null, find(expectJson(200, call("GET", INTAKE, "/cases/" + son + "/household-suggestions",
                coordinator.get(), null)), "caseId", parent), "a linked pair is no longer offered");

        // --- 6. bad input: refused, in Japanese, and nothing changed ----------------------------------------------
        HouseholdRefusals refusals = new HouseholdRefusals(coordinator, householdId, parent, son, other);
        refusals.linkingChecked(parentNumber, sonNumber);
        String nagareyama = run("token", "agency", "--agency", "nagareyama-houkatsu-01", "--municipality", "122203")
                .trim();
        String foreign = refer(nagareyama, """
                {"channel":"AGENCY","person":{"name":"流山 試験","age":75,"area":"北部"},
                 "concerns":["DEMENTIA"],"consent":"GIVEN","urgency":"ROUTINE"}""");
        refusals.otherMunicipalityChecked(foreign, run("token", "coordinator", "--municipality", "122203").trim());

        // --- 2. one 重層的支援会議 discusses the household as one item ----------------------------------------------
        String meetingId = expectJson(201, call("POST", MEETING, "/meetings", coordinator.get(),
                "{\"type\":\"JUUSOU_SHIEN_KAIGI\",\"scheduledOn\":\"" + today
                        + "\",\"startsAt\":\"15:00\",\"place\":\"久留米市役所 402会議室\"}")).path("meetingId").asText();
        JsonNode answer = await("the household on the meeting's agenda", 200,
                q -> q.path("placed").size() == 2 && q.path("notPlaced").isEmpty(),
                () -> call("PUT", MEETING, "/households/" + householdId + "/agenda", coordinator.get(),
                        "{\"meetingId\":\"" + meetingId + "\"}"));
        JsonNode queued = answer.path("placed");
        assertEquals(Set.of(parent, son), Set.copyOf(texts(queued, "caseId")), answer.toString());
        JsonNode agenda = expectJson(200, call("GET", MEETING, "/meetings/" + meetingId, coordinator.get(), null))
                .path("agenda");
        List<String> items = texts(agenda, "caseId");
        assertEquals(1, Math.abs(items.indexOf(parent) - items.indexOf(son)), "one household item: " + agenda);
        for (String member : List.of(parent, son)) {
            JsonNode item = find(agenda, "caseId", member);
            assertEquals(householdId, item.path("householdId").asText(), agenda.toString());
            assertTrue(item.path("householdLabel").asText().contains(parentNumber), agenda.toString());
        }

        String householdNote = "世帯として、母の介護と本人の社会参加を並行して支える";
        expectJson(201, call("POST", MEETING, "/meetings/" + meetingId + "/minutes", coordinator.get(), """
                {"heldOn":"%1$s","attendees":["kurume-houkatsu-01","kurume-kikan-01","kurume-sanka-01"],
                 "households":[{"householdId":"%2$s","note":"%3$s"}],
                 "reviews":[{"caseId":"%4$s","outcome":"PLAN","planType":"MULTI_AGENCY",
                             "wish":"住み慣れた家で息子と暮らし続けたい","goals":["介護保険サービスの利用開始"],
                             "roles":[{"agencyId":"kurume-houkatsu-01","responsibility":"介護保険サービスへの引き継ぎ"}]},
                            {"caseId":"%5$s","outcome":"PLAN","planType":"MULTI_AGENCY",
                             "wish":"%6$s","goals":["週1回の外出"],
                             "roles":[{"agencyId":"kurume-kikan-01","responsibility":"本人との面談と障害福祉サービスの検討"},
                                      {"agencyId":"kurume-sanka-01","responsibility":"参加支援の受け入れ先調整"}]}]}"""
                .formatted(today, householdId, householdNote, parent, son, SON_WISH)));
        JsonNode held = expectJson(200, call("GET", MEETING, "/meetings/" + meetingId, coordinator.get(), null));
        JsonNode note = find(held.path("households"), "householdId", householdId);
        assertEquals(householdNote, note == null ? null : note.path("note").asText(), held.toString());
        JsonNode reviews = held.path("reviews");
        for (String member : List.of(parent, son)) {
            assertEquals(householdId, find(reviews, "caseId", member).path("householdId").asText(),
                    "reviewed as the household's item: " + reviews);
        }

        // --- 3. one plan for the household, from the meeting's PLAN outcomes --------------------------------------
        JsonNode plans = await("one household plan covering both", 200, p -> p.size() == 1
                        && p.get(0).path("subjects").size() == 2,
                () -> call("GET", PLANNING, "/households/" + householdId + "/plans", coordinator.get(), null));
        JsonNode plan = plans.get(0);
        String planId = plan.path("planId").asText();
        assertEquals(householdId, plan.path("householdId").asText(), plan.toString());
        assertEquals("MULTI_AGENCY", plan.path("type").asText(), plan.toString());
        assertEquals(List.of("kurume-houkatsu-01"), texts(find(plan.path("subjects"), "caseId", parent)
                .path("roles"), "agencyId"), "the parent's care taken over by the 地域包括: " + plan);
        assertEquals(List.of("kurume-kikan-01", "kurume-sanka-01"), texts(find(plan.path("subjects"), "caseId", son)
                .path("roles"), "agencyId").stream().sorted().toList(), plan.toString());
        for (String member : List.of(parent, son)) {
            assertNotNull(find(expectJson(200, call("GET", PLANNING, "/cases/" + member + "/plans", coordinator.get(),
                    null)), "planId", planId), "each member's case runs the one plan");
        }
        awaitStatus(parent, houkatsu.get(), "PLAN_ACTIVE");
        awaitStatus(son, kikan.get(), "PLAN_ACTIVE");
        refusals.planChecked(today, meetingId, planId);

        // --- 5. the parent's agency reads the household: the son exists, nothing of him is shown -------------------
        HouseholdPrivacy privacy = new HouseholdPrivacy(householdId, parent, son);
        privacy.check(houkatsu.get(), coordinator.get(), parentName, List.of(sonName, sonKana, sonBirth));
        privacy.planChecked(houkatsu.get(), planId, SON_WISH);

        // --- 3. the son placed through 参加支援; the plans close and both cases with them --------------------------
        String participation = expectJson(201, call("POST", PLANNING, "/cases/" + son + "/plans", coordinator.get(), """
                {"type":"PARTICIPATION","madeOn":"%s","wish":"誰かの役に立ちたい","wishTags":["food","volunteer"],
                 "goals":["地域食堂でボランティアをする"],
                 "roles":[{"agencyId":"kurume-sanka-01","responsibility":"地域食堂との調整"}]}""".formatted(today)))
                .path("planId").asText();
        JsonNode resources = expectJson(200, call("GET", PLANNING, "/resources", sanka.get(), null)).path("resources");
        JsonNode shokudo = find(resources, "id", "kurume-res-shokudo"); // 地域食堂 of his 校区, 20 places
        assertNotNull(shokudo, "GET /resources lists the 地域食堂: " + resources);
        String resourceId = shokudo.path("id").asText();
        expectJson(201, call("POST", PLANNING, "/plans/" + participation + "/placements", sanka.get(),
                "{\"resourceId\":\"" + resourceId + "\",\"placedOn\":\"" + today + "\"}"));
        awaitHistory(son, kikan.get(), "jp.tsunagu.planning.placement-made.v1");
        expectJson(201, call("POST", PLANNING, "/plans/" + participation + "/closure", coordinator.get(),
                "{\"closedOn\":\"" + today + "\",\"reason\":\"地域食堂のボランティアが定着した\"}"));
        awaitHistory(son, kikan.get(), "jp.tsunagu.planning.plan-closed.v1");
        assertEquals("PLAN_ACTIVE", awaitStatus(son, kikan.get(), "PLAN_ACTIVE").path("status").asText(),
                "the household's plan still runs for him (CaseStatusRules.asSeen)");

        expectJson(201, call("POST", PLANNING, "/plans/" + planId + "/closure", coordinator.get(),
                "{\"closedOn\":\"" + today + "\",\"reason\":\"母は介護サービスに、本人は地域食堂につながった\"}"));
        // CaseStatusRules: plan-closed → CLOSED, seen as PLAN_ACTIVE only while another plan of the case is open
        awaitStatus(parent, houkatsu.get(), "CLOSED");
        awaitStatus(son, kikan.get(), "CLOSED");
        await("the household plan shown closed", 200, p -> find(p, "planId", planId) != null
                        && "CLOSED".equals(find(p, "planId", planId).path("status").asText()),
                () -> call("GET", PLANNING, "/households/" + householdId + "/plans", coordinator.get(), null));

        // --- 4. the year table: one more household, of two cases, one plan; replay equals live --------------------
        awaitFigures(coordinator.get(), year, plus(before, Map.of("casesSupported", 2, "householdsSupported", 1,
                "multiCaseHouseholds", 1, "householdsWithPlan", 1, "JUUSOU_SHIEN_KAIGI.distinctCases", 2,
                "MULTI_AGENCY.made", 1, "MULTI_AGENCY.closed", 1))); // the household's plan is one plan
        JsonNode replayed = replay(coordinator);
        assertEquals("DONE", replayed.path("status").asText(), replayed.toString());
        assertTrue(replayed.path("figuresEqual").asBoolean(false), "replay equals live: " + replayed);
    }

    /** The case's 受付番号 as the coordinator's case list shows it. */
    static String caseNumber(String caseId, String coordinator) throws Exception {
        String number = expectJson(200, call("GET", INTAKE, "/referrals/" + caseId, coordinator, null))
                .path("caseNumber").asText();
        assertFalse(number.isBlank(), "case " + caseId + " has a 受付番号");
        return number;
    }

    /** A kana name of this run (the prefix, then five random katakana), so no other test's person matches it. */
    static String kana(String prefix) {
        String letters = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワ";
        StringBuilder s = new StringBuilder(prefix);
        for (int i = 0; i < 5; i++) {
            s.append(letters.charAt(ThreadLocalRandom.current().nextInt(letters.length())));
        }
        return s.toString();
    }
}
