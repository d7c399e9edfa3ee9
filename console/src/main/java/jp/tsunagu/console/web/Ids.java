package jp.tsunagu.console.web;

import jp.tsunagu.console.services.NotVisible;

import java.util.regex.Pattern;

/**
 * The ids in the console's paths, checked before anything is passed on to a service: anything else is no record,
 * shown as the console's 404. Case ids are UUIDs.
 */
public final class Ids {

    private static final Pattern CASE_ID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private Ids() {
    }

    public static void requireCase(String caseId) {
        if (caseId == null || !CASE_ID.matcher(caseId).matches()) {
            throw new NotVisible();
        }
    }

    /**
     * Whether a GET came from another site's link or form ({@code Sec-Fetch-Site}): a read of personal data, which the
     * services audit in her name, is never made by another site (her session cookie is SameSite=Lax, so it would be
     * sent). Browsers without the header are taken at their word, as before.
     */
    public static boolean fromAnotherSite(String fetchSite) {
        return fetchSite != null && !fetchSite.equals("same-origin") && !fetchSite.equals("none");
    }
}
