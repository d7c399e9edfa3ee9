package jp.tsunagu.infra.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.tsunagu.contract.directory.Agency;
import jp.tsunagu.contract.directory.AgencyDirectory;

import java.util.List;

import static jp.tsunagu.infra.identity.RealmNames.AGENCIES_GROUP;
import static jp.tsunagu.infra.identity.RealmNames.AGENCY;
import static jp.tsunagu.infra.identity.RealmNames.ANALYST;
import static jp.tsunagu.infra.identity.RealmNames.COORDINATOR;
import static jp.tsunagu.infra.identity.RealmNames.MEETING_MEMBER;
import static jp.tsunagu.infra.identity.RealmNames.PORTAL;
import static jp.tsunagu.infra.identity.RealmNames.SECOND_FACTOR;
import static jp.tsunagu.infra.identity.RealmNames.STAFF_GROUP;

/**
 * The whole Keycloak realm of one municipality, generated from its agency directory (nothing in a realm is made by
 * hand): the realm's security settings here, the sign-in flow in {@link RealmFlows}, the clients in
 * {@link RealmClients}, the users in {@link RealmUsers}. The result is Keycloak's own realm representation, as
 * {@code POST /admin/realms} and the operator's {@code KeycloakRealmImport} take it.
 */
public final class RealmGenerator {

    static final ObjectMapper JSON = new ObjectMapper();

    /** Events a city's administrator reviews: sign-ins, failures, lockouts, TOTP enrolments, token use. */
    static final List<String> EVENT_TYPES = List.of("LOGIN", "LOGIN_ERROR", "LOGOUT", "LOGOUT_ERROR",
            "CODE_TO_TOKEN", "CODE_TO_TOKEN_ERROR", "CLIENT_LOGIN", "CLIENT_LOGIN_ERROR", "REFRESH_TOKEN",
            "REFRESH_TOKEN_ERROR", "UPDATE_TOTP", "REMOVE_TOTP", "UPDATE_CREDENTIAL", "REMOVE_CREDENTIAL",
            "UPDATE_PASSWORD", "USER_DISABLED_BY_TEMPORARY_LOCKOUT", "USER_DISABLED_BY_PERMANENT_LOCKOUT",
            "INTROSPECT_TOKEN_ERROR", "PERMISSION_TOKEN_ERROR");

    public static final String PASSWORD_POLICY =
            "length(12) and maxLength(128) and notUsername and notEmail and passwordHistory(5)";
    /** Access tokens live 5 minutes: a disabled person or a deleted client stops at most this long after. */
    public static final int ACCESS_TOKEN_SECONDS = 300;

    private RealmGenerator() {
    }

    /**
     * @param consoleUrl the staff console's address, e.g. {@code http://127.0.0.1:8080}; its sign-in returns there
     * @param secrets    LOCAL only (client secrets and demo passwords); null for PRODUCTION
     */
    public static ObjectNode realm(AgencyDirectory directory, Profile profile, String consoleUrl, LocalSecrets secrets) {
        if (profile == Profile.LOCAL && secrets == null) {
            throw new IllegalArgumentException("a local realm needs its secrets");
        }
        String code = directory.municipality();
        ObjectNode realm = JSON.createObjectNode()
                .put("realm", code)
                .put("displayName", directory.municipalityName() + " Tsunagu")
                .put("enabled", true);
        settings(realm);
        roles(realm.putObject("roles").putArray("realm"));
        groups(realm.putArray("groups"), directory);
        RealmFlows.browser(realm);
        realm.set("clients", RealmClients.clients(directory, profile, consoleUrl, secrets));
        realm.set("users", RealmUsers.users(directory, profile, secrets));
        return realm;
    }

    private static void settings(ObjectNode realm) {
        realm.put("sslRequired", "external")
                .put("registrationAllowed", false)
                .put("resetPasswordAllowed", false)
                .put("rememberMe", false)
                .put("editUsernameAllowed", false)
                .put("loginWithEmailAllowed", true)
                .put("duplicateEmailsAllowed", false)
                .put("internationalizationEnabled", true)
                .put("defaultLocale", "ja")
                .put("loginTheme", "keycloak");
        // Japanese only: with English also offered, a browser set to English got English pages (seen in a screenshot)
        realm.putArray("supportedLocales").add("ja");
        realm.put("passwordPolicy", PASSWORD_POLICY);
        // Lockout: 5 failures lock for 5 minutes, doubling up to 15; never permanently (a person is not locked out
        // of their work for good by someone guessing at their name).
        realm.put("bruteForceProtected", true)
                .put("permanentLockout", false)
                .put("failureFactor", 5)
                .put("waitIncrementSeconds", 300)
                .put("maxFailureWaitSeconds", 900)
                .put("maxDeltaTimeSeconds", 43200)
                .put("quickLoginCheckMilliSeconds", 1000)
                .put("minimumQuickLoginWaitSeconds", 60);
        realm.put("accessTokenLifespan", ACCESS_TOKEN_SECONDS)
                .put("ssoSessionIdleTimeout", 1800)
                .put("ssoSessionMaxLifespan", 36000)
                .put("revokeRefreshToken", true)
                .put("refreshTokenMaxReuse", 0);
        // TOTP as the common authenticator apps compute it
        realm.put("otpPolicyType", "totp")
                .put("otpPolicyAlgorithm", "HmacSHA1")
                .put("otpPolicyDigits", 6)
                .put("otpPolicyPeriod", 30)
                .put("otpPolicyLookAheadWindow", 1);
        // Kept 400 days: a fiscal year and the report on it.
        realm.put("eventsEnabled", true)
                .put("eventsExpiration", 34_560_000)
                .put("adminEventsEnabled", true)
                .put("adminEventsDetailsEnabled", false);
        realm.putArray("eventsListeners").add("jboss-logging");
        ArrayNode types = realm.putArray("enabledEventTypes");
        EVENT_TYPES.forEach(types::add);
    }

    private static void roles(ArrayNode roles) {
        role(roles, AGENCY, "相談支援機関の職員・業務システム（トークンが機関を名指す）");
        role(roles, COORDINATOR, "市の調整担当（地域福祉課・多機関協働事業者）。市のすべての事例を読むため二要素認証が必須")
                .put("composite", true).putObject("composites").putArray("realm").add(SECOND_FACTOR);
        role(roles, MEETING_MEMBER, "支援会議・重層的支援会議の構成員");
        role(roles, ANALYST, "集計・報告の担当。市のすべての事例の統計を読むため二要素認証が必須")
                .put("composite", true).putObject("composites").putArray("realm").add(SECOND_FACTOR);
        role(roles, PORTAL, "住民向け窓口（ポータル）のシステム");
        role(roles, SECOND_FACTOR, "サインイン時にワンタイムパスワード（TOTP）を求める");
    }

    private static ObjectNode role(ArrayNode roles, String name, String description) {
        return roles.addObject().put("name", name).put("description", description).put("composite", false)
                .put("clientRole", false);
    }

    /** A city's administrator grants a role by putting a person in one of these groups. */
    private static void groups(ArrayNode groups, AgencyDirectory directory) {
        ObjectNode agencies = group(groups, "/", AGENCIES_GROUP);
        ArrayNode agencyGroups = agencies.putArray("subGroups");
        for (Agency agency : directory.agencies()) {
            agencyGroups.add(agencyGroup(agency));
        }
        ObjectNode staff = group(groups, "/", STAFF_GROUP);
        ArrayNode staffGroups = staff.putArray("subGroups");
        for (String role : RealmNames.LOCAL_ROLES) {
            ObjectNode g = group(staffGroups, "/" + STAFF_GROUP + "/", RealmNames.staffGroup(role));
            g.putArray("realmRoles").add(role);
            g.putArray("subGroups");
        }
    }

    /** The group of one agency: its members' tokens carry {@code agency} (the group attribute) and the role. */
    public static ObjectNode agencyGroup(Agency agency) {
        ObjectNode group = JSON.createObjectNode().put("name", agency.id())
                .put("path", "/" + AGENCIES_GROUP + "/" + agency.id());
        ObjectNode attributes = group.putObject("attributes");
        attributes.putArray("agency").add(agency.id());
        attributes.putArray("agencyName").add(agency.name());
        group.putArray("realmRoles").add(AGENCY);
        group.putArray("subGroups");
        return group;
    }

    private static ObjectNode group(ArrayNode groups, String parentPath, String name) {
        return groups.addObject().put("name", name).put("path", parentPath + name);
    }
}
