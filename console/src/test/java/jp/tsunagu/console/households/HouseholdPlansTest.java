package jp.tsunagu.console.households;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The household page's プラン as planning lists them: type, status, subjects by 受付番号, roles with their words. */
class HouseholdPlansTest {

    private final ObjectMapper json = new ObjectMapper();

    private static final String HOUSEHOLD = """
            {"householdId":"h-1","members":[{"caseId":"p","caseNumber":"R8-000001"},
                                            {"caseId":"s","caseNumber":"R8-000007"}]}""";

    @Test
    void givenAHouseholdPlanAndAPersonsClosedPlanWhenListedThenEachNamesItsSubjectsAndRoles() throws Exception {
        JsonNode plans = json.readTree("""
                [{"planId":"p-9","caseId":"p","type":"MULTI_AGENCY","typeLabel":"多機関協働プラン","status":"ACTIVE",
                  "householdId":"h-1",
                  "subjects":[{"caseId":"p","roles":[{"agencyId":"kurume-houkatsu-01","responsibility":"介護サービスの調整"}]},
                              {"caseId":"s","roles":[{"agencyId":"kurume-sanka-01"}]},
                              {"caseId":"not-shown-to-her","roles":[]}],
                  "householdRoles":[{"agencyId":"kurume-jiritsu-01","responsibility":"家計の相談"}]},
                 {"planId":"p-3","caseId":"s","type":"PARTICIPATION","typeLabel":"参加支援プラン","status":"CLOSED"}]""");
        Map<String, String> names = Map.of("kurume-houkatsu-01", "地域包括支援センター",
                "kurume-jiritsu-01", "自立相談支援機関");

        List<HouseholdPlans.Row> rows = HouseholdPlans.of(plans, json.readTree(HOUSEHOLD), names);

        assertEquals(2, rows.size());
        HouseholdPlans.Row household = rows.get(0);
        assertEquals("多機関協働プラン", household.typeLabel());
        assertEquals("実施中", household.statusLabel());
        assertEquals("R8-000001・R8-000007", household.subjects(), "a case the household view does not number is left out");
        assertEquals(List.of("自立相談支援機関：家計の相談", "地域包括支援センター：介護サービスの調整", "kurume-sanka-01"),
                household.roles(), "the household's roles first; an agency not in the directory by its id");
        HouseholdPlans.Row person = rows.get(1);
        assertFalse(person.open());
        assertEquals("終結", person.statusLabel());
        assertEquals("R8-000007", person.subjects(), "a plan without subjects names its case");
        assertTrue(person.roles().isEmpty());
    }
}
