package jp.tsunagu.intake.household;

import jp.tsunagu.contract.codes.Consent;
import jp.tsunagu.contract.household.HouseholdLabel;
import jp.tsunagu.contract.status.CaseListing;
import jp.tsunagu.contract.status.CaseProgress;
import jp.tsunagu.contract.status.CaseStage;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Given/when/then for the household decisions. */
class HouseholdRulesTest {

    static final HouseholdRules.Reader PARENT_SIDE = new HouseholdRules.Reader(false, "houkatsu");
    static final HouseholdRules.Reader COORDINATOR = new HouseholdRules.Reader(true, null);

    /** The parent's case: referred by houkatsu, consent given. */
    static final CaseProgress PARENT = progress("parent", "houkatsu", "houkatsu", Consent.GIVEN);
    /** The son's case: referred by jiritsu, coordinated by kikan. */
    static final CaseProgress SON = progress("son", "jiritsu", "kikan", Consent.GIVEN);

    static CaseProgress progress(String caseId, String referrer, String assigned, Consent consent) {
        return new CaseProgress(caseId, "402036", referrer, assigned, CaseStage.NONE, LocalDate.of(2026, 12, 1),
                consent, Set.of(assigned), CaseListing.NONE, Set.of());
    }

    @Test
    void givenFewerThanTwoCasesOrOneTwice_whenLinked_thenRefusedAsUnprocessable() {
        assertInstanceOf(HouseholdRules.Refusal.Invalid.class, HouseholdRules.newHousehold(List.of("a")).orElseThrow());
        assertInstanceOf(HouseholdRules.Refusal.Invalid.class,
                HouseholdRules.newHousehold(List.of("a", "a")).orElseThrow());
        assertTrue(HouseholdRules.newHousehold(List.of("a", "b")).isEmpty());
    }

    @Test
    void givenACaseInAHousehold_whenItJoinsAnother_thenTheConflictNamesItsHousehold() {
        var refusal = HouseholdRules.mayJoin("caseIds", new HouseholdRules.Candidate("c", "R8-000012", "h-1",
                HouseholdLabel.of(List.of("R8-000011", "R8-000010")), null)).orElseThrow();
        assertEquals(new HouseholdRules.Refusal.InHousehold("c", "R8-000012", "h-1", "世帯（R8-000010・R8-000011）"),
                refusal);
        assertTrue(HouseholdRules.mayJoin("caseIds", new HouseholdRules.Candidate("c", "R8-000012", null, null,
                null)).isEmpty());
    }

    @Test
    void givenACaseJoinedToAnotherAsADuplicate_whenLinked_thenRefusedOnItsField() {
        var refusal = HouseholdRules.mayJoin("caseId", new HouseholdRules.Candidate("c", "R8-000012", null, null,
                "earlier-case")).orElseThrow();
        assertEquals(new HouseholdRules.Refusal.Invalid("caseId", "重複として統合された案件は世帯に登録できません"),
                refusal);
    }

    @Test
    void givenAClosedCaseNotJoined_whenLinked_thenItMayJoin() {
        // closing (終結) is not a reason: only the duplicate's join is (CaseProgress.joinedTo)
        assertTrue(HouseholdRules.mayJoin("caseId", new HouseholdRules.Candidate("c", "R8-000012", null, null,
                null)).isEmpty());
    }

    @Test
    void givenTheParentsReferrer_whenItReadsTheHousehold_thenItSeesTheSonExistsButNotHim() {
        assertTrue(HouseholdRules.mayRead(PARENT_SIDE, List.of(PARENT, SON)));
        assertEquals(new HouseholdRules.Sight(true, true), HouseholdRules.sight(PARENT_SIDE, PARENT, false));
        assertEquals(new HouseholdRules.Sight(false, false), HouseholdRules.sight(PARENT_SIDE, SON, false));
    }

    @Test
    void givenAnAgencyWithNoMembersCase_whenItReads_thenTheHouseholdIsNotFound() {
        assertFalse(HouseholdRules.mayRead(new HouseholdRules.Reader(false, "shakyo"), List.of(PARENT, SON)));
    }

    @Test
    void givenAnEntrustedAgencyWithoutConsent_whenItReads_thenItFollowsTheCaseButNotThePerson() {
        CaseProgress noConsent = progress("son", "jiritsu", "kikan", Consent.NOT_GIVEN);
        assertEquals(new HouseholdRules.Sight(true, false),
                HouseholdRules.sight(new HouseholdRules.Reader(false, "kikan"), noConsent, false));
    }

    @Test
    void givenAnErasedMember_whenACoordinatorReads_thenNoPersonIsShown() {
        assertEquals(new HouseholdRules.Sight(true, false), HouseholdRules.sight(COORDINATOR, SON, true));
        assertEquals(new HouseholdRules.Sight(true, true), HouseholdRules.sight(COORDINATOR, SON, false));
    }
}
