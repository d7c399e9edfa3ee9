package jp.tsunagu.intake.duplicate;

import jp.tsunagu.intake.cases.DuplicateDecision;
import jp.tsunagu.support.problem.FieldError;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DuplicateRulesTest {

    static final DuplicateRules.CaseState FREE = new DuplicateRules.CaseState("c2", false, null);
    static final DuplicateRules.CaseState FIRST = new DuplicateRules.CaseState("c1", false, null);

    @Test
    void aDismissalNeedsAReasonAConfirmationDoesNot() {
        assertEquals(List.of("reason"), fields(new DuplicateRequest("DISMISS", "c1", " ")));
        assertTrue(DuplicateRules.errors("c2", new DuplicateRequest("CONFIRM", "c1", null)).isEmpty());
        assertTrue(DuplicateRules.errors("c2", new DuplicateRequest("DISMISS", "c1", "生年月日が違う")).isEmpty());
        assertEquals("生年月日が違う",
                DuplicateRules.valid(new DuplicateRequest("DISMISS", " c1 ", " 生年月日が違う ")).reason());
    }

    @Test
    void theDecisionTheOtherCaseAndTheReasonAreCheckedTogether() {
        assertEquals(List.of("decision", "of"), fields(new DuplicateRequest("confirm", null, null)));
        assertEquals(List.of("of"), fields(new DuplicateRequest("CONFIRM", "c2", null)), "not itself");
        assertEquals(List.of("decision", "reason"), fields(new DuplicateRequest(null, "c1", "x".repeat(1001))));
    }

    @Test
    void aJoinedCaseIsDecidedForGood() {
        var joined = new DuplicateRules.CaseState("c2", false, "c1");
        for (DuplicateDecision d : DuplicateDecision.values()) {
            assertEquals("duplicate-decided", DuplicateRules.refusal(d, joined, FIRST).orElseThrow().slug());
        }
        var firstJoinedElsewhere = new DuplicateRules.CaseState("c1", false, "c0");
        assertTrue(DuplicateRules.refusal(DuplicateDecision.CONFIRM, FREE, firstJoinedElsewhere).orElseThrow()
                .detail().contains("c0"), "decide against the case it was joined to");
    }

    @Test
    void aCaseWithAPlanRunningIsNotJoinedButMayBeFoundAnotherPerson() {
        var planned = new DuplicateRules.CaseState("c2", true, null);
        assertEquals("plan-running", DuplicateRules.refusal(DuplicateDecision.CONFIRM, planned, FIRST).orElseThrow()
                .slug());
        assertTrue(DuplicateRules.refusal(DuplicateDecision.DISMISS, planned, FIRST).isEmpty());
        assertTrue(DuplicateRules.refusal(DuplicateDecision.CONFIRM, FREE, FIRST).isEmpty(),
                "a dismissed case may still be confirmed later: only a confirmation is final");
    }

    private static List<String> fields(DuplicateRequest request) {
        return DuplicateRules.errors("c2", request).orElse(List.of()).stream().map(FieldError::field).toList();
    }
}
