package jp.tsunagu.intake.referral;

import jp.tsunagu.contract.codes.AgeBand;
import jp.tsunagu.contract.directory.Directories;
import jp.tsunagu.intake.person.PersonalFields;
import jp.tsunagu.support.problem.FieldError;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Given a referral naming its household members, when checked, then their fields are checked like the person's. */
class HouseholdMemberRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 5);
    final ReferralRules rules = new ReferralRules(Directories.load(Optional.empty()));

    static ReferralRequest naming(ReferralRequest.HouseholdMemberRequest member) {
        return new ReferralRequest(null, null, "AGENCY",
                new ReferralRequest.PersonRequest("久留米 太郎", "クルメ タロウ", "1974-03-10", null, null, "荒木", null),
                List.of(member), List.of("EIGHTY_FIFTY"), "GIVEN", "ROUTINE", null, null);
    }

    @Test
    void givenAMotherNamedWithAJapaneseEraBirthDate_thenSheIsSealedWithThePersonAndNotInTheEvent() {
        var result = rules.check(naming(new ReferralRequest.HouseholdMemberRequest("PARENT", null, List.of(),
                "久留米 ハナ", "クルメ ハナ", "昭和17年5月1日")), "402036", "kurume-houkatsu-01", TODAY);
        ValidReferral r = assertInstanceOf(ReferralRules.Result.Valid.class, result).referral();
        assertEquals(List.of(new PersonalFields.MemberFields("久留米 ハナ", "クルメ ハナ", "1942-05-01", 84)),
                r.personal().household());
        assertEquals(AgeBand.of(84), r.household().getFirst().ageBand(), "the band from the birth date");
        assertFalse(r.household().toString().contains("ハナ"), "the event's household has no name");
        assertEquals(52, r.personal().age(), "the person's age on the day received, for the household index");
    }

    @Test
    void givenAMemberWithoutNames_thenNothingPersonalIsKeptForTheHousehold() {
        var result = rules.check(naming(new ReferralRequest.HouseholdMemberRequest("PARENT", 80, List.of())),
                "402036", null, TODAY);
        assertTrue(assertInstanceOf(ReferralRules.Result.Valid.class, result).referral().personal().household()
                .isEmpty());
    }

    @Test
    void givenABadBirthDateOrAnAgeThatDisagrees_thenTheMembersFieldIsNamed() {
        List<FieldError> bad = assertInstanceOf(ReferralRules.Result.Invalid.class, rules.check(naming(
                new ReferralRequest.HouseholdMemberRequest("PARENT", null, List.of(), null, null, "いつか")),
                "402036", null, TODAY)).errors();
        assertEquals("household[0].birthDate", bad.getFirst().field());
        List<FieldError> disagree = assertInstanceOf(ReferralRules.Result.Invalid.class, rules.check(naming(
                new ReferralRequest.HouseholdMemberRequest("PARENT", 70, List.of(), null, "クルメ ハナ", "1942-05-01")),
                "402036", null, TODAY)).errors();
        assertEquals(List.of("household[0].age"), disagree.stream().map(FieldError::field).toList());
        List<FieldError> future = assertInstanceOf(ReferralRules.Result.Invalid.class, rules.check(naming(
                new ReferralRequest.HouseholdMemberRequest("CHILD", null, List.of(), null, null, "2027-01-01")),
                "402036", null, TODAY)).errors();
        assertEquals("household[0].birthDate", future.getFirst().field());
    }
}
