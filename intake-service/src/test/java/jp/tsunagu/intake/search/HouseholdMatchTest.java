package jp.tsunagu.intake.search;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Given/when/then for the ages a household member named with an age is matched by. */
class HouseholdMatchTest {

    @Test
    void givenAnAgeOnOneReferralDay_whenTheOtherSideIsKeyed_thenAYearEitherWayStillMatches() {
        // 77 on her own referral day, 78 on her son's: a birthday between the two days
        assertEquals(List.of(76, 77, 78), HouseholdMatch.agesNear(77));
    }

    @Test
    void givenANewbornsAge_whenKeyed_thenNoNegativeAgeIsKeyed() {
        assertEquals(List.of(0, 1), HouseholdMatch.agesNear(0));
    }
}
