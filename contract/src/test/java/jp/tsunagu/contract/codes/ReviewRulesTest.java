package jp.tsunagu.contract.codes;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Given a meeting type, the person's consent and an outcome, then allowed or the reason it is refused. */
class ReviewRulesTest {

    @ParameterizedTest(name = "{0}, consent {1}, {2} → {3}")
    @CsvSource(textBlock = """
            # meeting,         consent,   outcome,    answer
            JUUSOU_SHIEN_KAIGI, GIVEN,     PLAN,       ALLOWED
            JUUSOU_SHIEN_KAIGI, GIVEN,     REPLAN,     ALLOWED
            JUUSOU_SHIEN_KAIGI, GIVEN,     SHARE_INFO, ALLOWED
            JUUSOU_SHIEN_KAIGI, GIVEN,     WATCH,      ALLOWED
            JUUSOU_SHIEN_KAIGI, GIVEN,     CONTINUE,   ALLOWED
            JUUSOU_SHIEN_KAIGI, GIVEN,     CLOSE,      ALLOWED
            JUUSOU_SHIEN_KAIGI, UNKNOWN,   PLAN,       no-plan-without-consent
            JUUSOU_SHIEN_KAIGI, NOT_GIVEN, REPLAN,     no-plan-without-consent
            JUUSOU_SHIEN_KAIGI, UNKNOWN,   SHARE_INFO, no-sharing-without-consent
            JUUSOU_SHIEN_KAIGI, NOT_GIVEN, SHARE_INFO, no-sharing-without-consent
            JUUSOU_SHIEN_KAIGI, UNKNOWN,   WATCH,      no-sharing-without-consent
            JUUSOU_SHIEN_KAIGI, NOT_GIVEN, CONTINUE,   no-sharing-without-consent
            JUUSOU_SHIEN_KAIGI, UNKNOWN,   CLOSE,      ALLOWED
            JUUSOU_SHIEN_KAIGI, NOT_GIVEN, CLOSE,      ALLOWED
            SHIEN_KAIGI,        UNKNOWN,   SHARE_INFO, ALLOWED
            SHIEN_KAIGI,        NOT_GIVEN, WATCH,      ALLOWED
            SHIEN_KAIGI,        UNKNOWN,   CONTINUE,   ALLOWED
            SHIEN_KAIGI,        NOT_GIVEN, CLOSE,      ALLOWED
            SHIEN_KAIGI,        GIVEN,     SHARE_INFO, ALLOWED
            SHIEN_KAIGI,        GIVEN,     PLAN,       no-plan-without-consent
            SHIEN_KAIGI,        UNKNOWN,   REPLAN,     no-plan-without-consent
            KOUCHIKU_KAI,       GIVEN,     SHARE_INFO, no-case-agenda
            DAIHYOUSHA_KAIGI,   UNKNOWN,   CLOSE,      no-case-agenda
            """)
    void whatAMeetingMayDecideForACase(MeetingType type, Consent consent, ReviewOutcome outcome, String answer) {
        Optional<ReviewRules.Refusal> refusal = ReviewRules.refusal(type, consent, outcome);
        assertEquals(answer, refusal.map(ReviewRules.Refusal::code).orElse("ALLOWED"));
    }

    @Test
    void theReasonSaysWhyInJapaneseAndNamesTheMeetingWhereSharingIsAllowed() {
        ReviewRules.Refusal sharing = ReviewRules.refusal(MeetingType.JUUSOU_SHIEN_KAIGI, Consent.UNKNOWN,
                ReviewOutcome.SHARE_INFO).orElseThrow();
        assertEquals("本人の同意が記録されていません（未確認）。重層的支援会議は本人の同意がある事例だけを検討します。"
                + "同意のない事例の情報共有・見守りは支援会議（社会福祉法第106条の6）で行ってください。", sharing.japanese());
        assertTrue(sharing.english().startsWith("no consent is recorded (UNKNOWN)"), sharing.english());

        ReviewRules.Refusal plan = ReviewRules.refusal(MeetingType.SHIEN_KAIGI, Consent.GIVEN, ReviewOutcome.PLAN)
                .orElseThrow();
        assertTrue(plan.japanese().startsWith("支援会議（社会福祉法第106条の6）"), plan.japanese());
        assertTrue(plan.english().contains("never adopts a plan"), plan.english());
    }

    @ParameterizedTest(name = "{0} {1}, running plan of the type: {2} → {3}")
    @CsvSource(textBlock = """
            # outcome, planType,     running, answer
            REPLAN,    MULTI_AGENCY, false,   nothing-to-replan
            REPLAN,    OUTREACH,     false,   nothing-to-replan
            REPLAN,    MULTI_AGENCY, true,    ALLOWED
            PLAN,      MULTI_AGENCY, false,   ALLOWED
            CONTINUE,  MULTI_AGENCY, false,   ALLOWED
            """)
    void aReplanNeedsAPlanToRevise(ReviewOutcome outcome, PlanType type, boolean running, String answer) {
        assertEquals(answer, ReviewRules.replanRefusal(outcome, type, running).map(ReviewRules.Refusal::code)
                .orElse("ALLOWED"));
    }

    @Test
    void theNothingToReplanReasonNamesThePlanType() {
        ReviewRules.Refusal r = ReviewRules.replanRefusal(ReviewOutcome.REPLAN, PlanType.PARTICIPATION, false)
                .orElseThrow();
        assertEquals("再プランは実施中の参加支援プランを見直すものですが、このケースには実施中の参加支援プランがありません。"
                + "新たに作る場合は結果をプラン作成（PLAN）にしてください。", r.japanese());
    }

    @Test
    void everyRefusalIsListedOnceForTheProblemDocuments() {
        assertEquals(ReviewRules.refusals().size(), ReviewRules.refusals().stream().distinct().count());
        assertTrue(ReviewRules.refusals().stream().anyMatch(r -> r.code().equals("no-sharing-without-consent")));
        assertTrue(ReviewRules.refusals().stream().anyMatch(r -> r.code().equals("nothing-to-replan")));
    }
}
