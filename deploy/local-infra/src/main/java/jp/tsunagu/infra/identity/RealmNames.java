package jp.tsunagu.infra.identity;

import jp.tsunagu.contract.identity.ApiRoles;

import java.util.List;

/**
 * The names a realm is made of, in one place: the services, {@code ./tsunagu token} and the deploy files rely on them
 * (identity design of issue 26). The roles are the contract's {@link ApiRoles}.
 */
public final class RealmNames {

    public static final String AGENCY = ApiRoles.AGENCY;
    public static final String COORDINATOR = ApiRoles.COORDINATOR;
    public static final String MEETING_MEMBER = ApiRoles.MEETING_MEMBER;
    public static final String ANALYST = ApiRoles.ANALYST;
    public static final String PORTAL = ApiRoles.PORTAL;
    /** Not a role of the API: the browser flow asks for TOTP of whoever has it (coordinators and analysts). */
    public static final String SECOND_FACTOR = "requires-second-factor";

    public static final String AGENCIES_GROUP = "agencies";
    public static final String STAFF_GROUP = "staff";

    public static final String CONSOLE = "tsunagu-console";
    public static final String PORTAL_CLIENT = "tsunagu-portal";
    public static final String AUDIENCE = "tsunagu";

    /** Roles whose local-run client {@code tsunagu-local-<role>} exists (never in production). */
    public static final List<String> LOCAL_ROLES = List.of(COORDINATOR, MEETING_MEMBER, ANALYST);

    public static final String BROWSER_FLOW = "tsunagu browser";
    public static final String FORMS_FLOW = "tsunagu forms";
    public static final String SECOND_FACTOR_FLOW = "tsunagu second factor";

    private RealmNames() {
    }

    /** The confidential client of one partner agency's own case system. */
    public static String agencyClient(String agencyId) {
        return "agency-" + agencyId;
    }

    /** The local run's client for a staff role, for {@code ./tsunagu token} and the tests. */
    public static String localClient(String role) {
        return "tsunagu-local-" + role;
    }

    /** The staff subgroup that grants a role. */
    public static String staffGroup(String role) {
        return switch (role) {
            case COORDINATOR -> "coordinators";
            case MEETING_MEMBER -> "meeting-members";
            case ANALYST -> "analysts";
            default -> throw new IllegalArgumentException("no staff group grants " + role);
        };
    }

    /** Keycloak names a client's service-account user so. */
    public static String serviceAccount(String clientId) {
        return "service-account-" + clientId;
    }
}
