package jp.tsunagu.console.services;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The console's questions to intake's GET /cases name what they ask and nothing else. */
class CaseQueryTest {

    private static final CaseQuery NOTHING = new CaseQuery(null, null, null, null, null, null, null, null, null, null,
            null, null, null, null, null);

    @Test
    void aCaseByItsNumberAsksForThatNumberAndOneCase() {
        CaseQuery q = CaseQuery.byNumber("R8-000123");
        assertEquals("R8-000123", q.caseNumber());
        assertEquals(1, q.limit());
        assertEquals(withNumberAndLimit("R8-000123", 1), q);
    }

    @Test
    void theOverdueCasesAndAPageOfAStatus() {
        CaseQuery overdue = CaseQuery.overdue(5);
        assertEquals(Boolean.TRUE, overdue.overdue());
        assertEquals(5, overdue.limit());
        CaseQuery plans = CaseQuery.inStatus("PLAN_ACTIVE", 50, "next-page");
        assertEquals("PLAN_ACTIVE", plans.status());
        assertEquals("next-page", plans.cursor());
        assertEquals(50, plans.limit());
        assertEquals(null, plans.caseNumber());
        assertEquals(null, NOTHING.limit());
    }

    private static CaseQuery withNumberAndLimit(String number, int limit) {
        return new CaseQuery(null, null, null, null, null, null, null, null, null, null, null, number, null, limit,
                null);
    }
}
