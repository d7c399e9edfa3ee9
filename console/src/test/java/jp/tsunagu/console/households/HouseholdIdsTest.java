package jp.tsunagu.console.households;

import jp.tsunagu.console.services.NotVisible;
import jp.tsunagu.console.services.Refused;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The household's agenda and plan pages are a coordinator's; an id that is no household's is never passed on. */
class HouseholdIdsTest {

    @Test
    void givenAnAgencysStaffWhenSheOpensAHouseholdsAgendaOrPlanPageThenItIsNotForHer() {
        Refused refused = assertThrows(Refused.class, () -> HouseholdIds.requireCoordinator(false, "h-1"));

        assertEquals(403, refused.status());
    }

    @Test
    void givenACoordinatorWhenTheIdIsIntakesThenSheGoesOnAndWhenItIsNotThenNoSuchHousehold() {
        assertDoesNotThrow(() -> HouseholdIds.requireCoordinator(true, "h-6f1c2a9e"));
        assertThrows(NotVisible.class, () -> HouseholdIds.requireCoordinator(true, "../cases"));
        assertThrows(NotVisible.class, () -> HouseholdIds.requireCoordinator(true, null));
    }
}
