package jp.tsunagu.support.security;

/** The roles of the public API (README, "Using the API"), as carried in the JWT {@code groups} claim. */
public final class Roles {
    /** Staff of a partner agency (相談支援機関); the token names the agency. */
    public static final String AGENCY = "agency";
    /** City coordinators (地域福祉課 / 福祉政策課, 多機関協働事業者). */
    public static final String COORDINATOR = "coordinator";
    public static final String MEETING_MEMBER = "meeting-member";
    public static final String ANALYST = "analyst";
    public static final String PORTAL = "portal";

    private Roles() {
    }
}
