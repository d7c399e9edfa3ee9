package jp.tsunagu.infra.identity;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.tsunagu.contract.directory.Agency;
import jp.tsunagu.contract.directory.AgencyDirectory;

import static jp.tsunagu.infra.identity.RealmGenerator.JSON;
import static jp.tsunagu.infra.identity.RealmNames.AUDIENCE;
import static jp.tsunagu.infra.identity.RealmNames.CONSOLE;
import static jp.tsunagu.infra.identity.RealmNames.PORTAL_CLIENT;

/**
 * A realm's clients: the staff console (people sign in with the authorization code flow and PKCE), the portal's and
 * each partner agency's system (client credentials), and in the local run one client per staff role. Each carries
 * the mappers that put into its tokens the claims the services read; the realm keeps Keycloak's built-in client
 * scopes, which give {@code sub} and {@code preferred_username}.
 */
final class RealmClients {

    private RealmClients() {
    }

    static ArrayNode clients(AgencyDirectory directory, Profile profile, String consoleUrl, LocalSecrets secrets) {
        String code = directory.municipality();
        ArrayNode clients = JSON.createArrayNode();
        clients.add(console(code, profile, consoleUrl, secrets));
        clients.add(system(code, PORTAL_CLIENT, "住民向け窓口（ポータル）のシステム", profile, secrets));
        for (Agency agency : directory.agencies()) {
            clients.add(agencyClient(code, agency, profile, secrets));
        }
        clients.add(adminCli());
        if (profile == Profile.LOCAL) {
            for (String role : RealmNames.LOCAL_ROLES) {
                clients.add(system(code, RealmNames.localClient(role),
                        "ローカル実行専用: ロール " + role + " のトークン（./tsunagu token とテスト用。本番には存在しない）",
                        profile, secrets));
            }
        }
        return clients;
    }

    /**
     * Keycloak's own command-line client, which every realm gets, without the password grant it has by default:
     * there it would take a person's password directly, without the browser flow's second factor and past the
     * console, and answer whether a password is right. A city's administrators sign in to the master realm.
     */
    static ObjectNode adminCli() {
        ObjectNode client = JSON.createObjectNode()
                .put("clientId", "admin-cli")
                .put("name", "${client_admin-cli}")
                .put("enabled", true)
                .put("publicClient", true)
                .put("standardFlowEnabled", false)
                .put("implicitFlowEnabled", false)
                .put("directAccessGrantsEnabled", false)
                .put("serviceAccountsEnabled", false);
        client.put("protocol", "openid-connect");
        return client;
    }

    /** The client of one partner agency's own case system; its service account is in the agency's group. */
    static ObjectNode agencyClient(String code, Agency agency, Profile profile, LocalSecrets secrets) {
        return system(code, RealmNames.agencyClient(agency.id()), agency.name() + "の業務システム", profile, secrets);
    }

    private static ObjectNode console(String code, Profile profile, String consoleUrl, LocalSecrets secrets) {
        String base = consoleUrl.endsWith("/") ? consoleUrl.substring(0, consoleUrl.length() - 1) : consoleUrl;
        ObjectNode client = confidential(code, CONSOLE, "職員コンソール（人がサインインする）", profile, secrets)
                .put("standardFlowEnabled", true)
                .put("serviceAccountsEnabled", false)
                .put("rootUrl", base)
                .put("baseUrl", base + "/");
        // Only the console's own addresses: no open redirect through redirect_uri.
        client.putArray("redirectUris").add(base + "/*");
        client.putArray("webOrigins").add(base);
        client.withObjectProperty("attributes")
                .put("pkce.code.challenge.method", "S256")
                .put("post.logout.redirect.uris", base + "/*");
        return client;
    }

    /** A system that signs in with client credentials only. */
    private static ObjectNode system(String code, String clientId, String description, Profile profile,
                                     LocalSecrets secrets) {
        return confidential(code, clientId, description, profile, secrets)
                .put("standardFlowEnabled", false)
                .put("serviceAccountsEnabled", true);
    }

    private static ObjectNode confidential(String code, String clientId, String description, Profile profile,
                                           LocalSecrets secrets) {
        ObjectNode client = JSON.createObjectNode()
                .put("clientId", clientId)
                .put("name", clientId)
                .put("description", description)
                .put("enabled", true)
                .put("protocol", "openid-connect")
                .put("publicClient", false)
                .put("bearerOnly", false)
                .put("clientAuthenticatorType", "client-secret")
                .put("implicitFlowEnabled", false)
                .put("directAccessGrantsEnabled", false)
                .put("frontchannelLogout", true)
                .put("fullScopeAllowed", true);
        if (profile == Profile.LOCAL) {
            client.put("secret", secrets.clientSecret(code, clientId));
        }
        client.putObject("attributes");
        client.set("protocolMappers", mappers(code));
        return client;
    }

    /** The claims the services read: municipality, agency, groups (realm roles), and the audience. */
    static ArrayNode mappers(String code) {
        ArrayNode mappers = JSON.createArrayNode();
        claims(mapper(mappers, "municipality", "oidc-hardcoded-claim-mapper"))
                .put("claim.name", "municipality").put("claim.value", code).put("jsonType.label", "String");
        // aggregate.attrs: the attribute comes from the person's (or service account's) agency group
        claims(mapper(mappers, "agency", "oidc-usermodel-attribute-mapper"))
                .put("user.attribute", "agency").put("claim.name", "agency").put("jsonType.label", "String")
                .put("aggregate.attrs", "true").put("multivalued", "false");
        claims(mapper(mappers, "groups", "oidc-usermodel-realm-role-mapper"))
                .put("claim.name", "groups").put("jsonType.label", "String").put("multivalued", "true");
        mapper(mappers, "audience " + AUDIENCE, "oidc-audience-mapper")
                .put("included.custom.audience", AUDIENCE)
                .put("access.token.claim", "true").put("introspection.token.claim", "true")
                .put("id.token.claim", "false");
        return mappers;
    }

    /** The mapper's config, to be filled. */
    private static ObjectNode mapper(ArrayNode mappers, String name, String type) {
        return mappers.addObject().put("name", name).put("protocol", "openid-connect").put("protocolMapper", type)
                .put("consentRequired", false).putObject("config");
    }

    /** In the access token (what the services read), introspection, and the ID token and userinfo (the console). */
    private static ObjectNode claims(ObjectNode config) {
        return config.put("access.token.claim", "true").put("introspection.token.claim", "true")
                .put("id.token.claim", "true").put("userinfo.token.claim", "true");
    }
}
