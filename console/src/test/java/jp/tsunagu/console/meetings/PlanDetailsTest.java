package jp.tsunagu.console.meetings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Typed once: which plan a review made, and what of the minutes it still lacks. */
class PlanDetailsTest {

    private final ObjectMapper json = new ObjectMapper();

    private final JsonNode review = read("""
            {"caseId":"c-1","outcome":"PLAN","planType":"MULTI_AGENCY",
             "roles":[{"agencyId":"kurume-jiritsu-01","responsibility":"家計の立て直し"}],
             "wish":"母と家で暮らし続けたい","goals":["週1回の外出"],"reviewOn":"2027-03-24"}""");

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void givenNoPlanYetWhenAskedThenItWaits() {
        assertInstanceOf(PlanDetails.State.Waiting.class, PlanDetails.of(json, "m-1", review, read("[]")));
        JsonNode another = read("""
                [{"planId":"p-0","type":"MULTI_AGENCY","status":"ACTIVE","adoptedAtMeetingId":"m-0","currentVersion":1,
                  "versions":[{"version":1,"madeOn":"2026-10-28"}]}]""");
        assertInstanceOf(PlanDetails.State.Waiting.class, PlanDetails.of(json, "m-1", review, another),
                "a plan another meeting made is not this review's");
    }

    @Test
    void givenThePlanTheMeetingMadeFromItsEventWhenAskedThenTheWishGoalsAndRolesWordsAreMissingButNotItsReviewDate() {
        JsonNode plans = read("""
                [{"planId":"p-1","type":"MULTI_AGENCY","status":"ACTIVE","adoptedAtMeetingId":"m-1","currentVersion":1,
                  "versions":[{"version":1,"madeOn":"2026-12-23","roles":[{"agencyId":"kurume-jiritsu-01"}],
                               "reviewOn":"2027-03-24"}]}]""");

        PlanDetails.State state = PlanDetails.of(json, "m-1", review, plans);

        var missing = assertInstanceOf(PlanDetails.State.Missing.class, state);
        assertEquals("p-1", missing.planId());
        assertEquals("{\"wish\":\"母と家で暮らし続けたい\",\"goals\":[\"週1回の外出\"],"
                        + "\"roles\":[{\"agencyId\":\"kurume-jiritsu-01\",\"responsibility\":\"家計の立て直し\"}]}",
                missing.details().toString(), "planning refuses to overwrite a detail: only those it lacks are sent; "
                        + "the roles' agencies came with the review's event, their words (役割分担) only in the minutes");
    }

    @Test
    void givenAHouseholdsPlanTheMeetingMadeWhenAMembersReviewIsAskedThenHerWishAndRolesGoToHerSubjectNotTheHouseholds() {
        JsonNode plans = read("""
                [{"planId":"p-h","type":"MULTI_AGENCY","status":"ACTIVE","adoptedAtMeetingId":"m-1","currentVersion":1,
                  "householdId":"h-1","subjects":[{"caseId":"c-1","roles":[{"agencyId":"kurume-jiritsu-01"}]},
                                                  {"caseId":"c-2","wish":"人と話したい","roles":[]}],
                  "versions":[{"version":1,"madeOn":"2026-12-23","roles":[]}]}]""");

        var missing = assertInstanceOf(PlanDetails.State.Missing.class, PlanDetails.of(json, "m-1", review, plans));

        assertEquals("{\"goals\":[\"週1回の外出\"],\"reviewOn\":\"2027-03-24\"}", missing.details().toString(),
                "the version's wish and roles are the household's (世帯の願い): a member's are not put there");
        assertEquals("{\"wish\":\"母と家で暮らし続けたい\","
                + "\"roles\":[{\"agencyId\":\"kurume-jiritsu-01\",\"responsibility\":\"家計の立て直し\"}]}",
                missing.subject().toString(), "hers go to PUT /plans/{planId}/subjects/c-1");
    }

    @Test
    void givenAHouseholdsPlanWhereTheMemberIsNotASubjectYetWhenAskedThenItWaitsForHerReviewsEvent() {
        JsonNode plans = read("""
                [{"planId":"p-h","type":"MULTI_AGENCY","status":"ACTIVE","adoptedAtMeetingId":"m-1","currentVersion":1,
                  "householdId":"h-1","subjects":[{"caseId":"c-2","roles":[]}],
                  "versions":[{"version":1,"madeOn":"2026-12-23","roles":[]}]}]""");

        assertInstanceOf(PlanDetails.State.Waiting.class, PlanDetails.of(json, "m-1", review, plans),
                "not Done: her words are not in the plan, so the page must not say they were reflected");
    }

    @Test
    void givenAHouseholdsPlanWithHerWordsAndTheGoalsWhenAskedThenNothingIsLeftToDo() {
        JsonNode plans = read("""
                [{"planId":"p-h","type":"MULTI_AGENCY","status":"ACTIVE","adoptedAtMeetingId":"m-1","currentVersion":1,
                  "householdId":"h-1","subjects":[{"caseId":"c-1","wish":"家で","wishTags":[],
                     "roles":[{"agencyId":"kurume-jiritsu-01","responsibility":"家計"}]}],
                  "versions":[{"version":1,"madeOn":"2026-12-23","goals":["外出"],"reviewOn":"2027-03-24",
                               "roles":[]}]}]""");

        assertInstanceOf(PlanDetails.State.Done.class, PlanDetails.of(json, "m-1", review, plans));
    }

    @Test
    void givenRolesWithTheirWordsAndOneWithoutWhenAskedThenTheMinutesRolesAreSentForPlanningToFillTheGap() {
        JsonNode plans = read("""
                [{"planId":"p-1","type":"MULTI_AGENCY","status":"ACTIVE","adoptedAtMeetingId":"m-1","currentVersion":1,
                  "versions":[{"version":1,"wish":"w","goals":["g"],"reviewOn":"2027-03-24",
                               "roles":[{"agencyId":"a-1","responsibility":"見守り"},
                                        {"agencyId":"a-2","responsibility":null}]}]}]""");
        JsonNode named = read("""
                {"caseId":"c-1","outcome":"PLAN","roles":[{"agencyId":"a-1","responsibility":"見守り"},
                 {"agencyId":"a-2","responsibility":"就労の相談"}],"wish":"w"}""");
        var missing = assertInstanceOf(PlanDetails.State.Missing.class, PlanDetails.of(json, "m-1", named, plans));
        assertEquals("{\"roles\":[{\"agencyId\":\"a-1\",\"responsibility\":\"見守り\"},"
                + "{\"agencyId\":\"a-2\",\"responsibility\":\"就労の相談\"}]}", missing.details().toString(),
                "the same agencies, each with the minutes' words (planning keeps words it has)");
    }

    @Test
    void givenAPlanWithoutRolesWhenAskedThenTheMinutesRolesGoAsPlanningTakesThem() {
        JsonNode plans = read("""
                [{"planId":"p-1","type":"MULTI_AGENCY","status":"ACTIVE","adoptedAtMeetingId":"m-1","currentVersion":1,
                  "versions":[{"version":1,"wish":"w","goals":["g"],"reviewOn":"2027-03-24"}]}]""");
        JsonNode named = read("""
                {"caseId":"c-1","outcome":"PLAN","roles":[{"agencyId":"a-1","agencyName":"地域包括支援センター",
                 "responsibility":"見守り"}],"wish":"w"}""");
        var missing = assertInstanceOf(PlanDetails.State.Missing.class, PlanDetails.of(json, "m-1", named, plans));
        assertEquals("{\"roles\":[{\"agencyId\":\"a-1\",\"responsibility\":\"見守り\"}]}", missing.details().toString(),
                "the directory's name the minutes show is not planning's to take");
    }

    @Test
    void givenARevisionByThisMeetingWhenAskedThenThatVersionIsCompleted() {
        JsonNode plans = read("""
                [{"planId":"p-1","type":"MULTI_AGENCY","status":"ACTIVE","adoptedAtMeetingId":"m-0","currentVersion":2,
                  "versions":[{"version":1,"madeOn":"2026-10-28","wish":"前の希望"},
                              {"version":2,"madeOn":"2026-12-23","reason":"重層的支援会議（m-1）で再プラン"}]}]""");
        var missing = assertInstanceOf(PlanDetails.State.Missing.class, PlanDetails.of(json, "m-1",
                read("{\"caseId\":\"c-1\",\"outcome\":\"REPLAN\",\"wish\":\"新しい希望\"}"), plans));
        assertEquals("{\"wish\":\"新しい希望\"}", missing.details().toString());
    }

    @Test
    void givenThePlanHasTheDetailsOrMovedOnWhenAskedThenNothingIsLeftToDo() {
        JsonNode complete = read("""
                [{"planId":"p-1","type":"MULTI_AGENCY","status":"ACTIVE","adoptedAtMeetingId":"m-1","currentVersion":1,
                  "versions":[{"version":1,"wish":"母と家で暮らし続けたい","goals":["週1回の外出"],
                               "roles":[{"agencyId":"kurume-jiritsu-01","responsibility":"家計の立て直し"}],
                               "reviewOn":"2027-03-24"}]}]""");
        assertInstanceOf(PlanDetails.State.Done.class, PlanDetails.of(json, "m-1", review, complete));
        JsonNode revisedSince = read("""
                [{"planId":"p-1","type":"MULTI_AGENCY","status":"ACTIVE","adoptedAtMeetingId":"m-1","currentVersion":2,
                  "versions":[{"version":1},{"version":2,"reason":"就労の希望が出てきた"}]}]""");
        assertInstanceOf(PlanDetails.State.Done.class, PlanDetails.of(json, "m-1", review, revisedSince),
                "a later 再プラン is the plan's now: the meeting's version is not written into");
    }

    @Test
    void givenReviewsWhenAskedWhetherTheyCarryAPlansDetailsThenOnlyPlanAndReplanWithTermsDo() {
        assertTrue(PlanDetails.carriesDetails(review));
        assertFalse(PlanDetails.carriesDetails(read("{\"outcome\":\"PLAN\"}")));
        assertFalse(PlanDetails.carriesDetails(read("{\"outcome\":\"CONTINUE\",\"note\":\"x\"}")));
    }
}
