package jp.tsunagu.meeting.minutes;

import jp.tsunagu.contract.codes.Consent;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.PlanType;
import jp.tsunagu.contract.codes.ReviewOutcome;
import jp.tsunagu.contract.events.Role;
import jp.tsunagu.support.problem.FieldError;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** Given minutes as recorded, when a correction is asked, then the version it makes or why it is refused. */
class MinutesAmendmentsTest {

    static final LocalDate HELD = LocalDate.of(2024, 6, 26);
    static final Set<String> AGENCIES = Set.of("a1", "a2", "a3");

    /**
     * c1 CONTINUE (consent; an アウトリーチプラン runs, made without a meeting), c2 PLAN made a 多機関協働プラン, c3 WATCH
     * without consent, c4 CLOSE.
     */
    static MinutesAmendments.Minutes minutes(MeetingType type) {
        return new MinutesAmendments.Minutes(type, HELD, 1, MinutesRulesTest.at("a1", "a2"),
                new MinutesRules.Details(LocalTime.of(14, 0), LocalTime.of(15, 30), "市役所 401会議室", "地域福祉課長",
                        "全体の記録"),
                List.of(review("c1", ReviewOutcome.CONTINUE, null), review("c2", ReviewOutcome.PLAN,
                                PlanType.MULTI_AGENCY), review("c3", ReviewOutcome.WATCH, null),
                        review("c4", ReviewOutcome.CLOSE, null)),
                Map.of("c1", Consent.GIVEN, "c2", Consent.GIVEN, "c3", Consent.NOT_GIVEN, "c4", Consent.GIVEN),
                AGENCIES, Map.of("c1", Set.of(PlanType.OUTREACH), "c2", Set.of(PlanType.MULTI_AGENCY)));
    }

    static MinutesRules.Review review(String caseId, ReviewOutcome outcome, PlanType planType) {
        return new MinutesRules.Review(caseId, outcome, planType, List.of(new Role("a1", "見守り")), "記録", false, null,
                outcome.adoptsPlan() ? new MinutesRules.PlanTerms("希望", List.of("目標"), HELD.plusMonths(3)) : null);
    }

    static MinutesRequest.ReviewRequest correct(String caseId, String outcome, String planType, String note) {
        return MinutesRequest.ReviewRequest.of(caseId, outcome).withPlanType(planType).withNote(note);
    }

    static MinutesAmendments.Result amend(MeetingType type, MinutesRequest.ReviewRequest... reviews) {
        return MinutesAmendments.check(minutes(type), AmendmentRequest.because("誤記の訂正").withReviews(List.of(reviews)));
    }

    @ParameterizedTest(name = "{0}: {1} {2}/{3} → {4}")
    @CsvSource(nullValues = "-", textBlock = """
            # meeting,         case, outcome,  planType,     note,    answer
            JUUSOU_SHIEN_KAIGI, c1,   PLAN,     MULTI_AGENCY, -,       VALID
            JUUSOU_SHIEN_KAIGI, c1,   WATCH,    -,            -,       VALID
            JUUSOU_SHIEN_KAIGI, c1,   -,        -,            訂正メモ, VALID
            JUUSOU_SHIEN_KAIGI, c2,   -,        -,            訂正メモ, VALID
            JUUSOU_SHIEN_KAIGI, c2,   CONTINUE, -,            -,       outcome-changed-a-plan
            JUUSOU_SHIEN_KAIGI, c2,   PLAN,     OUTREACH,     -,       outcome-changed-a-plan
            JUUSOU_SHIEN_KAIGI, c4,   CONTINUE, -,            -,       outcome-changed-a-plan
            JUUSOU_SHIEN_KAIGI, c3,   PLAN,     MULTI_AGENCY, -,       no-plan-without-consent
            SHIEN_KAIGI,        c1,   PLAN,     MULTI_AGENCY, -,       no-plan-without-consent
            SHIEN_KAIGI,        c3,   SHARE_INFO, -,          -,       VALID
            JUUSOU_SHIEN_KAIGI, c3,   SHARE_INFO, -,          -,       no-sharing-without-consent
            JUUSOU_SHIEN_KAIGI, c3,   CONTINUE, -,            -,       no-sharing-without-consent
            JUUSOU_SHIEN_KAIGI, c3,   CLOSE,    -,            -,       VALID
            JUUSOU_SHIEN_KAIGI, c1,   REPLAN,   MULTI_AGENCY, -,       nothing-to-replan
            JUUSOU_SHIEN_KAIGI, c1,   REPLAN,   OUTREACH,     -,       VALID
            JUUSOU_SHIEN_KAIGI, c1,   REPLAN,   PARTICIPATION, -,      nothing-to-replan
            """)
    void whatACorrectionMayChange(MeetingType type, String caseId, String outcome, String planType, String note,
                                  String answer) {
        MinutesAmendments.Result result = amend(type, correct(caseId, outcome, planType, note));
        if (answer.equals("VALID")) {
            var valid = assertInstanceOf(MinutesAmendments.Result.Valid.class, result);
            assertEquals(2, valid.version());
            assertEquals(1, valid.changed().size());
            assertEquals(caseId, valid.changed().get(0).after().caseId());
        } else {
            assertEquals(answer, assertInstanceOf(MinutesAmendments.Result.Conflict.class, result).slug());
        }
    }

    @Test
    void whatIsNotNamedStaysAsRecorded() {
        var valid = assertInstanceOf(MinutesAmendments.Result.Valid.class,
                amend(MeetingType.JUUSOU_SHIEN_KAIGI, correct("c1", "PLAN", "PARTICIPATION", null)));
        MinutesRules.Review after = valid.changed().get(0).after();
        assertEquals(ReviewOutcome.CONTINUE, valid.changed().get(0).before().outcome());
        assertEquals(ReviewOutcome.PLAN, after.outcome());
        assertEquals(List.of(new Role("a1", "見守り")), after.roles());
        assertEquals("記録", after.note());
        assertEquals(MinutesRulesTest.at("a1", "a2"), valid.attendees());
        assertEquals("市役所 401会議室", valid.details().place());
    }

    @Test
    void theMeetingRecordIsCorrectedAndAPlansWordsToo() {
        var valid = assertInstanceOf(MinutesAmendments.Result.Valid.class, MinutesAmendments.check(
                minutes(MeetingType.JUUSOU_SHIEN_KAIGI), AmendmentRequest.because("出席者の記載漏れ")
                        .withAttendees(MinutesRulesTest.at("a1", "a2", "a3")).withTimes(null, "16:00")
                        .withReviews(List.of(MinutesRequest.ReviewRequest.of("c2", null)
                                .withTerms("自宅で暮らしたい", List.of("通院の継続"))))));
        assertEquals(MinutesRulesTest.at("a1", "a2", "a3"), valid.attendees());
        assertEquals(LocalTime.of(16, 0), valid.details().endTime());
        assertEquals("自宅で暮らしたい", valid.changed().get(0).after().terms().wish());
        assertEquals(HELD.plusMonths(3), valid.changed().get(0).after().terms().reviewOn());
    }

    @Test
    void aPlansRolesAndReviewDateAreChangedThroughThePlan() {
        assertEquals("outcome-changed-a-plan", assertInstanceOf(MinutesAmendments.Result.Conflict.class,
                amend(MeetingType.JUUSOU_SHIEN_KAIGI, MinutesRequest.ReviewRequest.of("c2", null)
                        .withRoles(List.of(new MinutesRequest.RoleRequest("a2", "通院同行"))))).slug());
        assertEquals("outcome-changed-a-plan", assertInstanceOf(MinutesAmendments.Result.Conflict.class,
                amend(MeetingType.JUUSOU_SHIEN_KAIGI, MinutesRequest.ReviewRequest.of("c2", null)
                        .withReviewOn("2025-01-31"))).slug());
    }

    @Test
    void everyBadFieldIsNamedAndNothingChangedIsSaid() {
        var invalid = assertInstanceOf(MinutesAmendments.Result.Invalid.class, MinutesAmendments.check(
                minutes(MeetingType.JUUSOU_SHIEN_KAIGI), AmendmentRequest.because(" ").withHeldOn("2024-06-27")
                        .withAttendees(MinutesRulesTest.at("zz")).withTimes("25:00", null)
                        .withReviews(List.of(correct("c9", "PLAN", null, null), correct("c1", "DECIDE", null, null)))));
        assertEquals(List.of("reason", "heldOn", "attendees[0]", "startTime", "reviews[0].caseId",
                "reviews[1].outcome"), invalid.errors().stream().map(FieldError::field).toList());
        var nothing = assertInstanceOf(MinutesAmendments.Result.Invalid.class,
                amend(MeetingType.JUUSOU_SHIEN_KAIGI, correct("c1", "CONTINUE", null, "記録")));
        assertEquals("the amendment changes nothing in the minutes (version 1)", nothing.errors().get(0).message());
    }

    @Test
    void anAmendmentThatNamesNoAttendeesKeepsThoseRecorded() {
        // given minutes with two attendees; when a correction of the notes sends no attendee, or an empty list (as a
        // form does when nobody touched the attendees); then both stay (one emptied them: 出席機関（記録なし）)
        for (List<Attendee> none : java.util.Arrays.asList(null, List.<Attendee>of())) {
            var valid = assertInstanceOf(MinutesAmendments.Result.Valid.class, MinutesAmendments.check(
                    minutes(MeetingType.JUUSOU_SHIEN_KAIGI), AmendmentRequest.because("全体の記録の補足").withAttendees(none)
                            .withNotes("全体の記録（補足）")));
            assertEquals(MinutesRulesTest.at("a1", "a2"), valid.attendees());
            assertEquals("全体の記録（補足）", valid.details().notes());
        }
    }

    @Test
    void anAmendmentNamesThePeopleWhoAttended() {
        var valid = assertInstanceOf(MinutesAmendments.Result.Valid.class, MinutesAmendments.check(
                minutes(MeetingType.JUUSOU_SHIEN_KAIGI), AmendmentRequest.because("出席者の氏名を記載").withAttendees(
                        List.of(new Attendee("山田 花子", "a1", null), new Attendee("佐藤 一郎", null, "市 地域福祉課")))));
        assertEquals(List.of(new Attendee("山田 花子", "a1", null), new Attendee("佐藤 一郎", null, "市 地域福祉課")),
                valid.attendees());
    }
}
