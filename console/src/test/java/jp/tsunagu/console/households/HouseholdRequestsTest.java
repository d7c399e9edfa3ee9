package jp.tsunagu.console.households;

import com.fasterxml.jackson.databind.ObjectMapper;
import jp.tsunagu.console.households.HouseholdRequests.Link;
import jp.tsunagu.console.households.HouseholdRequests.Side;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 同じ世帯として登録 goes to the operation that fits where the two cases are; the reason goes as typed. */
class HouseholdRequestsTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void givenTwoCasesInNoHouseholdWhenLinkedThenANewHouseholdOfBothIsAskedFor() {
        Link link = HouseholdRequests.link(json, new Side("parent", null), new Side("son", ""));

        assertFalse(link.joins());
        assertNull(link.householdId());
        assertEquals("{\"caseIds\":[\"parent\",\"son\"]}", link.body().toString());
    }

    @Test
    void givenTheSuggestedCaseInAHouseholdWhenLinkedThenThisCaseJoinsThatHousehold() {
        Link link = HouseholdRequests.link(json, new Side("son", null), new Side("parent", "h-1"));

        assertTrue(link.joins());
        assertEquals("h-1", link.householdId());
        assertEquals("{\"caseId\":\"son\"}", link.body().toString());
    }

    @Test
    void givenThisCaseInAHouseholdWhenLinkedThenTheSuggestedCaseJoinsIt() {
        Link link = HouseholdRequests.link(json, new Side("parent", "h-1"), new Side("daughter", null));

        assertEquals("h-1", link.householdId());
        assertEquals("{\"caseId\":\"daughter\"}", link.body().toString());
    }

    @Test
    void givenBothInHouseholdsWhenLinkedThenThisCaseAsksToJoinTheOtherAndIntakeSaysWhyNot() {
        Link link = HouseholdRequests.link(json, new Side("son", "h-2"), new Side("parent", "h-1"));

        assertEquals("h-1", link.householdId(), "intake answers 409 naming the household the son is in");
        assertEquals("{\"caseId\":\"son\"}", link.body().toString());
    }

    @Test
    void givenAReasonWhenSentThenItGoesStrippedAndAnEmptyOneIsLeftForIntakeToName() {
        assertEquals("{\"reason\":\"別居の親族でした\"}", HouseholdRequests.reason(json, "  別居の親族でした\n").toString());
        assertEquals("{}", HouseholdRequests.reason(json, "   ").toString());
        assertEquals("{}", HouseholdRequests.reason(json, null).toString());
    }

    @Test
    void givenAPathValueWhenCheckedThenOnlyIdCharactersPass() {
        assertTrue(HouseholdIds.valid("h-3f2a9c1e-0b7d-4e8a-9c1d-2b3e4f5a6b7c"));
        assertFalse(HouseholdIds.valid("../cases"));
        assertFalse(HouseholdIds.valid("h-1?x=y"));
        assertFalse(HouseholdIds.valid(""));
        assertFalse(HouseholdIds.valid(null));
    }
}
