package jp.tsunagu.reporting.export;

import jp.tsunagu.reporting.export.ExportGeneraliser.CaseLine;
import jp.tsunagu.reporting.export.ExportGeneraliser.Release;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A household (世帯) is named in an export only when k households of it look alike, members taken together. */
class HouseholdReleaseTest {

    private static final String REFERRAL = "jp.tsunagu.intake.referral-received.v1";
    private static final LocalDate MAY = LocalDate.of(2024, 5, 7);
    private static final int K = 10;

    private final List<CaseLine> lines = new ArrayList<>();
    private final Map<String, String> householdOf = new HashMap<>();

    @Test
    void givenTheOnlyPairOfAnEightyWithDementiaAndAFiftyWithHikikomoriWhenExportedThenTheirHouseholdIsNotNamed() {
        // given ten 80s cases with 認知症 and ten 50s cases with ひきこもり (each record common), and one household
        // that pairs one of each: the only such pair
        for (int i = 0; i < K; i++) {
            elder("elder-" + i);
            son("son-" + i);
        }
        householdOf.put("elder-0", "h-family");
        householdOf.put("son-0", "h-family");

        // when exported
        Release release = ExportGeneraliser.release(lines, K);
        Map<String, String> named = HouseholdRelease.pseudonyms(release, householdOf, Pseudonymizer.forOneExport());

        // then both cases are released (each record is k-anonymous) but neither names the household
        assertEquals(2 * K, release.cases().size());
        assertEquals(2 * K, named.size());
        assertNull(named.get("elder-0"));
        assertNull(named.get("son-0"));
    }

    @Test
    void givenKAlikePairsWhenExportedTwiceThenEachHouseholdIsNamedSharedByItsMembersAndRenamedNextTime() {
        // given k households, each an 80s case with 認知症 and a 50s case with ひきこもり
        for (int h = 0; h < K; h++) {
            elder("elder-" + h);
            son("son-" + h);
            householdOf.put("elder-" + h, "h-" + h);
            householdOf.put("son-" + h, "h-" + h);
        }
        Release release = ExportGeneraliser.release(lines, K);

        // when exported twice
        Map<String, String> first = HouseholdRelease.pseudonyms(release, householdOf, Pseudonymizer.forOneExport());
        Map<String, String> second = HouseholdRelease.pseudonyms(release, householdOf, Pseudonymizer.forOneExport());

        // then in each export the two members share their household's pseudonym, households differ, and no
        // pseudonym of the first export is in the second
        Set<String> households = new HashSet<>();
        for (int h = 0; h < K; h++) {
            assertNotNull(first.get("elder-" + h));
            assertEquals(first.get("elder-" + h), first.get("son-" + h));
            assertEquals(second.get("elder-" + h), second.get("son-" + h));
            assertNotEquals(first.get("elder-" + h), second.get("elder-" + h));
            households.add(first.get("elder-" + h));
        }
        assertEquals(K, households.size());
    }

    @Test
    void givenOneAlikePairTooFewWhenExportedThenNoneIsNamedAndACaseInNoHouseholdNeither() {
        // given k − 1 alike households and an eleventh case in none
        for (int h = 0; h < K - 1; h++) {
            elder("elder-" + h);
            son("son-" + h);
            householdOf.put("elder-" + h, "h-" + h);
            householdOf.put("son-" + h, "h-" + h);
        }
        elder("alone");
        son("son-alone");

        // when exported
        Map<String, String> named = HouseholdRelease.pseudonyms(ExportGeneraliser.release(lines, K), householdOf,
                Pseudonymizer.forOneExport());

        // then no case names a household: null says no more than a case in none says
        assertEquals(2 * K, named.size());
        named.forEach((caseId, household) -> assertNull(household, caseId));
    }

    @Test
    void givenHouseholdsWhoseMembersCameInAnotherOrderWhenExportedThenTheyStillLookAlike() {
        // given k households of the same pair, half of them with the son's case received (and listed) first
        for (int h = 0; h < K; h++) {
            if (h % 2 == 0) {
                elder("elder-" + h);
                son("son-" + h);
            } else {
                son("son-" + h);
                elder("elder-" + h);
            }
            householdOf.put("elder-" + h, "h-" + h);
            householdOf.put("son-" + h, "h-" + h);
        }

        // when exported
        Map<String, String> named = HouseholdRelease.pseudonyms(ExportGeneraliser.release(lines, K), householdOf,
                Pseudonymizer.forOneExport());

        // then the multiset is what counts: all are named
        named.forEach((caseId, household) -> assertNotNull(household, caseId));
    }

    @Test
    void givenAMemberSuppressedWhenExportedThenTheHouseholdIsKeyedByTheMembersReleased() {
        // given 2k households of an elder alone as released (so that detail costs one case in 21, and the finest
        // level is kept), one of them also holding a case too rare to release
        for (int h = 0; h < 2 * K; h++) {
            elder("elder-" + h);
            householdOf.put("elder-" + h, "h-" + h);
        }
        lines.add(new CaseLine("rare", MAY, "城島", "AGE_18_29", "DEBT", REFERRAL, MAY, null, null, null, null,
                "相談受付"));
        householdOf.put("rare", "h-0");

        // when exported
        Release release = ExportGeneraliser.release(lines, K);
        Map<String, String> named = HouseholdRelease.pseudonyms(release, householdOf, Pseudonymizer.forOneExport());

        // then the rare case is left out and its household looks like the other 2k − 1: all are named
        assertEquals(0, release.level());
        assertEquals(1, release.suppressedCases());
        assertEquals(2 * K, named.size());
        named.forEach((caseId, household) -> assertNotNull(household, caseId));
    }

    private void elder(String id) {
        lines.add(new CaseLine(id, MAY, "荒木", "AGE_75_PLUS", "DEMENTIA", REFERRAL, MAY, null, null, null, null,
                "相談受付"));
    }

    private void son(String id) {
        lines.add(new CaseLine(id, MAY, "荒木", "AGE_50_64", "HIKIKOMORI", REFERRAL, MAY, null, null, null, null,
                "相談受付"));
    }
}
