package jp.tsunagu.contract.identity;

import java.util.List;

/**
 * The roles of the public API, as the identity provider's tokens carry them in {@code groups}: the one list the
 * services' access checks and the generated realms are made from.
 */
public final class ApiRoles {
    /** Staff or the own system of a partner agency (相談支援機関); the token names the agency. */
    public static final String AGENCY = "agency";
    /** City coordinators (地域福祉課 / 福祉政策課, 多機関協働事業者). */
    public static final String COORDINATOR = "coordinator";
    public static final String MEETING_MEMBER = "meeting-member";
    public static final String ANALYST = "analyst";
    public static final String PORTAL = "portal";

    public static final List<String> ALL = List.of(AGENCY, COORDINATOR, MEETING_MEMBER, ANALYST, PORTAL);

    private ApiRoles() {
    }
}
