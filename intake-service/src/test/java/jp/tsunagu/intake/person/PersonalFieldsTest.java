package jp.tsunagu.intake.person;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Given/when/then for forgetting an erased person named as a household member (世帯員) in another referral. */
class PersonalFieldsTest {

    static final PersonalFields.MemberFields MOTHER =
            new PersonalFields.MemberFields("久留米 花子", "クルメ ハナコ", "1946-04-02", 80);
    static final PersonalFields.MemberFields SISTER =
            new PersonalFields.MemberFields("久留米 桜", "クルメ サクラ", null, 45);

    @Test
    void givenTheSonsReferralNamingHisMother_whenSheIsForgotten_thenOnlyHerNameKanaAndBirthDateGo() {
        PersonalFields son = new PersonalFields("久留米 一郎", "クルメ イチロウ", "1975-06-01", "久留米市東町5-5",
                null, null, 51, Arrays.asList(MOTHER, null, SISTER));

        PersonalFields after = son.forgetting(Set.of(0));

        assertEquals(new PersonalFields.MemberFields(null, null, null, 80), after.household().getFirst(),
                "her age stays: it says as much as the referral's relation and age band");
        assertNull(after.household().get(1), "an unnamed member stays unnamed");
        assertEquals(SISTER, after.household().get(2));
        assertEquals(List.of("久留米 一郎", "クルメ イチロウ", "1975-06-01", 51),
                List.of(after.name(), after.nameKana(), after.birthDate(), after.age()));
    }

    @Test
    void givenAPlaceNotInTheReferral_whenForgotten_thenNothingChanges() {
        PersonalFields son = new PersonalFields("久留米 一郎", "クルメ イチロウ", null, null, null, null, 51,
                List.of(MOTHER));
        assertEquals(son, son.forgetting(Set.of(3)));
    }
}
