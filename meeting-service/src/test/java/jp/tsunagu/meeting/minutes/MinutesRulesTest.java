package jp.tsunagu.meeting.minutes;

import jp.tsunagu.contract.codes.Consent;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.PlanTexts;
import jp.tsunagu.contract.codes.PlanType;
import jp.tsunagu.contract.codes.ReviewOutcome;
import jp.tsunagu.support.problem.FieldError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MinutesRulesTest {

    static final LocalDate TODAY = LocalDate.of(2024, 6, 30);
    static final Set<String> AGENCIES = Set.of("a1", "a2");

    static MinutesRequest.ReviewRequest review(String caseId, String outcome, String planType, String reason) {
        return new MinutesRequest.ReviewRequest(caseId, outcome, planType,
                List.of(new MinutesRequest.RoleRequest("a1", "生活面の見守り")), "メモ", reason);
    }

    /** Agencies attending with nobody named, as minutes before 2026-12 gave them. */
    static List<Attendee> at(String... agencyIds) {
        return java.util.Arrays.stream(agencyIds).map(Attendee::agency).toList();
    }

    static MinutesRules.Result check(MeetingType type, MinutesRequest.ReviewRequest... reviews) {
        return MinutesRules.check(new MinutesRules.Meeting(type, null, Set.of("c1", "c2"),
                        Map.of("c1", Consent.GIVEN, "c2", Consent.NOT_GIVEN, "c3", Consent.GIVEN), AGENCIES,
                        Map.of("c1", LocalDate.of(2024, 5, 1)), Map.of("c1", Set.of(PlanType.OUTREACH))),
                new MinutesRequest("2024-06-26", at("a1", "a2"), List.of(reviews)), TODAY);
    }

    @Test
    void aMultiLayeredMeetingAdoptsAPlanForACaseWithConsent() {
        var valid = assertInstanceOf(MinutesRules.Result.Valid.class,
                check(MeetingType.JUUSOU_SHIEN_KAIGI, review("c1", "PLAN", "MULTI_AGENCY", null)));
        assertEquals(ReviewOutcome.PLAN, valid.reviews().get(0).outcome());
        assertEquals("a1", valid.reviews().get(0).roles().get(0).agencyId());
    }

    @Test
    void aSupportMeetingNeverAdoptsAPlan() {
        for (String outcome : List.of("PLAN", "REPLAN")) {
            var conflict = assertInstanceOf(MinutesRules.Result.Conflict.class,
                    check(MeetingType.SHIEN_KAIGI, review("c2", outcome, "MULTI_AGENCY", null)));
            assertEquals("no-plan-without-consent", conflict.slug());
            assertTrue(conflict.detail().contains("106条の6"), conflict.detail());
        }
        for (String outcome : List.of("SHARE_INFO", "WATCH", "CONTINUE")) {
            assertInstanceOf(MinutesRules.Result.Valid.class, check(MeetingType.SHIEN_KAIGI, review("c2", outcome, null,
                    null)));
        }
    }

    @Test
    void noPlanWithoutConsentEvenInAMultiLayeredMeeting() {
        assertInstanceOf(MinutesRules.Result.Conflict.class,
                check(MeetingType.JUUSOU_SHIEN_KAIGI, review("c2", "PLAN", "MULTI_AGENCY", null)));
    }

    /**
     * Given c1 with consent and a running アウトリーチプラン, c2 without consent (NOT_GIVEN), c4 unknown to consent
     * (UNKNOWN), when the minutes record the outcome, then it is recorded or refused by ReviewRules.
     */
    @ParameterizedTest(name = "{0}: {1} {2}/{3} → {4}")
    @CsvSource(nullValues = "-", textBlock = """
            # meeting,         case, outcome,    planType,     answer
            JUUSOU_SHIEN_KAIGI, c4,   SHARE_INFO, -,            no-sharing-without-consent
            JUUSOU_SHIEN_KAIGI, c2,   SHARE_INFO, -,            no-sharing-without-consent
            JUUSOU_SHIEN_KAIGI, c4,   WATCH,      -,            no-sharing-without-consent
            JUUSOU_SHIEN_KAIGI, c2,   CONTINUE,   -,            no-sharing-without-consent
            JUUSOU_SHIEN_KAIGI, c2,   CLOSE,      -,            VALID
            JUUSOU_SHIEN_KAIGI, c1,   SHARE_INFO, -,            VALID
            SHIEN_KAIGI,        c4,   SHARE_INFO, -,            VALID
            SHIEN_KAIGI,        c2,   WATCH,      -,            VALID
            JUUSOU_SHIEN_KAIGI, c1,   REPLAN,     MULTI_AGENCY, nothing-to-replan
            JUUSOU_SHIEN_KAIGI, c1,   REPLAN,     OUTREACH,     VALID
            JUUSOU_SHIEN_KAIGI, c1,   PLAN,       MULTI_AGENCY, VALID
            JUUSOU_SHIEN_KAIGI, c4,   REPLAN,     OUTREACH,     no-plan-without-consent
            """)
    void whatTheMinutesMayRecordForACase(MeetingType type, String caseId, String outcome, String planType,
                                         String answer) {
        MinutesRules.Result result = check(type, review(caseId, outcome, planType, "臨時の検討"));
        if (answer.equals("VALID")) {
            assertInstanceOf(MinutesRules.Result.Valid.class, result);
        } else {
            var conflict = assertInstanceOf(MinutesRules.Result.Conflict.class, result);
            assertEquals(answer, conflict.slug());
            assertTrue(conflict.detail().startsWith("case " + caseId + ": "), conflict.detail());
        }
    }

    @Test
    void aCaseOffTheAgendaNeedsAReasonAndIsRecordedAsAdHoc() {
        var invalid = assertInstanceOf(MinutesRules.Result.Invalid.class,
                check(MeetingType.JUUSOU_SHIEN_KAIGI, review("c3", "CONTINUE", null, null)));
        assertEquals(List.of("reviews[0].reason"), invalid.errors().stream().map(FieldError::field).toList());
        var valid = assertInstanceOf(MinutesRules.Result.Valid.class,
                check(MeetingType.JUUSOU_SHIEN_KAIGI, review("c3", "CONTINUE", null, "緊急の情報共有")));
        assertTrue(valid.reviews().get(0).adHoc());
    }

    @Test
    void minutesAreRecordedOnceAndMeetingsWithoutCasesTakeNoReviews() {
        assertEquals("minutes-exist", assertInstanceOf(MinutesRules.Result.Conflict.class, MinutesRules.check(
                new MinutesRules.Meeting(MeetingType.JUUSOU_SHIEN_KAIGI, LocalDate.of(2024, 6, 26), Set.of(), Map.of(),
                        AGENCIES, Map.of(), Map.of()), new MinutesRequest("2024-06-26", at(), List.of()), TODAY)).slug());
        assertEquals("no-case-agenda", assertInstanceOf(MinutesRules.Result.Conflict.class,
                check(MeetingType.DAIHYOUSHA_KAIGI, review("c1", "CONTINUE", null, null))).slug());
        assertInstanceOf(MinutesRules.Result.Valid.class, MinutesRules.check(
                new MinutesRules.Meeting(MeetingType.KOUCHIKU_KAI, null, Set.of(), Map.of(), AGENCIES, Map.of(), Map.of()),
                new MinutesRequest("2024-06-26", at("a1"), null), TODAY));
    }

    @Test
    void aMeetingCannotReviewACaseBeforeItWasReceived() {
        var invalid = assertInstanceOf(MinutesRules.Result.Invalid.class, MinutesRules.check(
                new MinutesRules.Meeting(MeetingType.JUUSOU_SHIEN_KAIGI, null, Set.of("c1"), Map.of("c1", Consent.GIVEN),
                        AGENCIES, Map.of("c1", LocalDate.of(2024, 7, 1)), Map.of()),
                new MinutesRequest("2024-06-26", at("a1"), List.of(review("c1", "CONTINUE", null, null))),
                TODAY));
        assertEquals("reviews[0].caseId", invalid.errors().get(0).field());
        assertEquals("heldOn must not be before the case was received (2024-07-01)",
                invalid.errors().get(0).message());
    }

    @Test
    void everyBadFieldIsNamed() {
        var invalid = assertInstanceOf(MinutesRules.Result.Invalid.class, MinutesRules.check(
                new MinutesRules.Meeting(MeetingType.JUUSOU_SHIEN_KAIGI, null, Set.of("c1", "c2"), Map.of(), AGENCIES,
                        Map.of(), Map.of()),
                new MinutesRequest("2099-01-01", at("zz"), List.of(
                        MinutesRequest.ReviewRequest.of("c1", "DECIDE")
                                .withRoles(List.of(new MinutesRequest.RoleRequest("zz", "x"))),
                        MinutesRequest.ReviewRequest.of("c2", "PLAN"))), TODAY));
        assertEquals(List.of("heldOn", "attendees[0]", "reviews[0].outcome", "reviews[0].roles[0].agencyId",
                "reviews[1].planType"), invalid.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void aPlanCarriesTheWishGoalsAndReviewDateTheMeetingAgreed() {
        var valid = assertInstanceOf(MinutesRules.Result.Valid.class, check(MeetingType.JUUSOU_SHIEN_KAIGI,
                MinutesRequest.ReviewRequest.of("c1", "PLAN").withPlanType("MULTI_AGENCY").withRoles(List.of())
                        .withTerms("家で母と暮らし続けたい", List.of("週1回の外出", "母の介護サービス利用"))
                        .withReviewOn("2024-09-30")));
        MinutesRules.PlanTerms terms = valid.reviews().get(0).terms();
        assertEquals("家で母と暮らし続けたい", terms.wish());
        assertEquals(List.of("週1回の外出", "母の介護サービス利用"), terms.goals());
        assertEquals(LocalDate.of(2024, 9, 30), terms.reviewOn());
        assertTrue(!terms.toString().contains("母"), "the person's words stay out of logs");
    }

    @Test
    void planTermsBelongToAPlanAndItsReviewDateFollowsTheMeeting() {
        var invalid = assertInstanceOf(MinutesRules.Result.Invalid.class, check(MeetingType.JUUSOU_SHIEN_KAIGI,
                MinutesRequest.ReviewRequest.of("c1", "CONTINUE").withRoles(List.of()).withTerms("希望", null),
                MinutesRequest.ReviewRequest.of("c2", "PLAN").withPlanType("MULTI_AGENCY").withRoles(List.of())
                        .withTerms(null, java.util.Arrays.asList("目標", " ")).withReviewOn("2024-06-26")));
        assertEquals(List.of("reviews[0].outcome", "reviews[1].goals[1]", "reviews[1].reviewOn"),
                invalid.errors().stream().map(FieldError::field).toList());
        assertEquals("must be after the day the meeting was held (2024-06-26)", invalid.errors().get(2).message());
    }

    /**
     * Given the plan's limits (PlanTexts), when minutes give a PLAN's wish, goals or a role's responsibility beyond
     * them, then the minutes refuse each at once beside its field, as the plan would have refused it later; at the
     * limits they are taken.
     */
    @Test
    void aPlansTextsAreHeldToThePlansOwnLimits() {
        String wish = "願".repeat(PlanTexts.WISH);
        String goal = "目".repeat(PlanTexts.GOAL);
        String responsibility = "役".repeat(PlanTexts.RESPONSIBILITY);
        var atTheLimits = assertInstanceOf(MinutesRules.Result.Valid.class, check(MeetingType.JUUSOU_SHIEN_KAIGI,
                MinutesRequest.ReviewRequest.of("c1", "PLAN").withPlanType("MULTI_AGENCY")
                        .withRoles(List.of(new MinutesRequest.RoleRequest("a1", responsibility)))
                        .withTerms(wish, java.util.Collections.nCopies(PlanTexts.GOALS, goal))
                        .withReviewOn("2024-09-30")));
        assertEquals(wish, atTheLimits.reviews().get(0).terms().wish());

        var beyond = assertInstanceOf(MinutesRules.Result.Invalid.class, check(MeetingType.JUUSOU_SHIEN_KAIGI,
                MinutesRequest.ReviewRequest.of("c1", "PLAN").withPlanType("MULTI_AGENCY")
                        .withRoles(List.of(new MinutesRequest.RoleRequest("a1", responsibility + "役")))
                        .withTerms(wish + "願", List.of(goal + "目")).withReviewOn("2024-09-30"),
                MinutesRequest.ReviewRequest.of("c2", "WATCH").withRoles(List.of())
                        .withTerms(null, java.util.Collections.nCopies(PlanTexts.GOALS + 1, "目標"))));
        assertEquals(List.of("reviews[0].roles[0].responsibility: at most " + PlanTexts.RESPONSIBILITY + " characters",
                        "reviews[0].wish: at most " + PlanTexts.WISH + " characters",
                        "reviews[0].goals[0]: at most " + PlanTexts.GOAL + " characters",
                        "reviews[1].outcome: wish, goals and reviewOn belong to a PLAN or REPLAN outcome"),
                beyond.errors().stream().map(e -> e.field() + ": " + e.message()).toList());
        var tooMany = assertInstanceOf(MinutesRules.Result.Invalid.class, check(MeetingType.JUUSOU_SHIEN_KAIGI,
                MinutesRequest.ReviewRequest.of("c1", "REPLAN").withPlanType("OUTREACH").withRoles(List.of())
                        .withTerms(null, java.util.Collections.nCopies(PlanTexts.GOALS + 1, "目標"))));
        assertEquals(List.of("reviews[0].goals: at most " + PlanTexts.GOALS + " items"),
                tooMany.errors().stream().map(e -> e.field() + ": " + e.message()).toList());
    }

    static MinutesRules.Result withAttendees(List<Attendee> attendees) {
        return MinutesRules.check(new MinutesRules.Meeting(MeetingType.KOUCHIKU_KAI, null, Set.of(), Map.of(),
                AGENCIES, Map.of(), Map.of()), new MinutesRequest("2024-06-26", attendees, null), TODAY);
    }

    @Test
    void attendeesArePeopleWithTheirAgencyOrOrganisationOrAnAgencyAlone() {
        var valid = assertInstanceOf(MinutesRules.Result.Valid.class, withAttendees(List.of(
                new Attendee("山田 花子", "a1", null), new Attendee(" 佐藤 一郎 ", null, "市 地域福祉課"),
                Attendee.agency("a2"), new Attendee("山田 花子", "a1", null))));

        assertEquals(List.of(new Attendee("山田 花子", "a1", null), new Attendee("佐藤 一郎", null, "市 地域福祉課"),
                Attendee.agency("a2")), valid.attendees(), "the same person once, names stripped");
        assertEquals("山田 花子（地域包括）", valid.attendees().get(0).display("地域包括"));
        assertEquals("佐藤 一郎（市 地域福祉課）", valid.attendees().get(1).display(null));
        assertEquals("地域包括", valid.attendees().get(2).display("地域包括"));
        assertEquals(List.of("a1", "a2"), Attendee.agencyIds(valid.attendees()));
    }

    @Test
    void anAttendeeNeedsAnAgencyOrAnOrganisationAndANameWithAnOrganisation() {
        var invalid = assertInstanceOf(MinutesRules.Result.Invalid.class, withAttendees(java.util.Arrays.asList(
                new Attendee("山田 花子", null, null), new Attendee("山田 花子", "a1", "市"),
                new Attendee(null, null, "市 地域福祉課"), new Attendee("山田 花子", "zz", null), Attendee.agency("zz"),
                new Attendee("名".repeat(51), "a1", null), null)));

        assertEquals(List.of("attendees[0].agencyId", "attendees[1].organisation", "attendees[2].name",
                "attendees[3].agencyId", "attendees[4]", "attendees[5].name", "attendees[6]"),
                invalid.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void minutesThatSayNothingOfTimeOrPlaceRecordThoseScheduled() {
        MinutesRules.Details scheduled = new MinutesRules.Details(java.time.LocalTime.of(14, 0),
                java.time.LocalTime.of(15, 30), "市役所 401会議室", null, null);
        MinutesRules.Meeting meeting = new MinutesRules.Meeting(MeetingType.KOUCHIKU_KAI, null, Set.of(), Map.of(),
                AGENCIES, Map.of(), Map.of(), scheduled);

        var asPlanned = assertInstanceOf(MinutesRules.Result.Valid.class, MinutesRules.check(meeting,
                new MinutesRequest("2024-06-26", at("a1"), null), TODAY));
        var moved = assertInstanceOf(MinutesRules.Result.Valid.class, MinutesRules.check(meeting,
                new MinutesRequest("2024-06-26", at("a1"), null).withTimes("15:00", null).withPlace("公民館")
                        .withChair("司会"), TODAY));

        assertEquals(new MinutesRules.Details(java.time.LocalTime.of(14, 0), java.time.LocalTime.of(15, 30),
                "市役所 401会議室", null, null), asPlanned.details());
        assertEquals(new MinutesRules.Details(java.time.LocalTime.of(15, 0), null, "公民館", "司会", null),
                moved.details(), "a time given replaces both: an end alone would contradict the scheduled start");
    }

    /** Given c2 was joined to the person's first case, when minutes review it: refused, naming it. */
    @Test
    void minutesReviewingACaseJoinedAsADuplicateAreRefused() {
        MinutesRules.Result.Conflict refused = MinutesRules.joinedRefusal(List.of("c1", "c2"), Set.of("c2", "c9"));
        assertEquals("case-joined", refused.slug());
        assertTrue(refused.detail().startsWith("case c2 was joined"));
        assertEquals(null, MinutesRules.joinedRefusal(List.of("c1"), Set.of("c2")));
    }
}
