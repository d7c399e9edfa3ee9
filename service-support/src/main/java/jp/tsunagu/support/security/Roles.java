package jp.tsunagu.support.security;

import jp.tsunagu.contract.identity.ApiRoles;

/** The roles of the public API (docs/api.md) for {@code @RolesAllowed}; their names are the contract's. */
public final class Roles {
    /** Staff of a partner agency (相談支援機関); the token names the agency. */
    public static final String AGENCY = ApiRoles.AGENCY;
    /** City coordinators (地域福祉課 / 福祉政策課, 多機関協働事業者). */
    public static final String COORDINATOR = ApiRoles.COORDINATOR;
    public static final String MEETING_MEMBER = ApiRoles.MEETING_MEMBER;
    public static final String ANALYST = ApiRoles.ANALYST;
    public static final String PORTAL = ApiRoles.PORTAL;

    private Roles() {
    }
}
