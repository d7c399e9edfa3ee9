package jp.tsunagu.console.households;

import jp.tsunagu.console.services.NotVisible;
import jp.tsunagu.console.services.Refused;

import java.util.regex.Pattern;

/**
 * A household id in the console's paths, checked before it is passed on to intake (as {@code web/Ids} does for case
 * ids): intake's ids are letters, digits and hyphens ({@code h-…}); anything else is no household, the console's 404.
 */
public final class HouseholdIds {

    private static final Pattern HOUSEHOLD_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,79}");

    private HouseholdIds() {
    }

    public static void require(String householdId) {
        if (householdId == null || !HOUSEHOLD_ID.matcher(householdId).matches()) {
            throw new NotVisible();
        }
    }

    /**
     * A page acting for a household (its agenda, its plan): coordinators only, as the household page offers them only
     * to her. Anyone else gets the console's "not for you" page (403), never a form the service would refuse; an id
     * that is no household's is the console's 404.
     */
    public static void requireCoordinator(boolean coordinator, String householdId) {
        if (!coordinator) {
            throw new Refused(403);
        }
        require(householdId);
    }

    public static boolean valid(String householdId) {
        return householdId != null && HOUSEHOLD_ID.matcher(householdId).matches();
    }
}
