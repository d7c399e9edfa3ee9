package jp.tsunagu.infra.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.tsunagu.contract.directory.Agency;
import jp.tsunagu.contract.directory.AgencyDirectory;
import jp.tsunagu.contract.directory.Directories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Given a directory and a profile, when the realm is generated, then it holds what the identity design says. */
class RealmGeneratorTest {

    static final Map<String, AgencyDirectory> DIRECTORIES = Directories.load(Optional.empty());
    static final String CONSOLE = "http://127.0.0.1:8080";

    /** Deterministic secrets, so a test reads what the realm must carry. */
    static final LocalSecrets SECRETS = new LocalSecrets() {
        @Override
        public String clientSecret(String realm, String clientId) {
            return "secret-of-" + realm + "-" + clientId;
        }

        @Override
        public String demoPassword(String realm, String username) {
            return "Pw" + Integer.toHexString((realm + username).hashCode()) + "-demo-password";
        }
    };

    static Stream<Arguments> everyRealm() {
        List<Arguments> all = new ArrayList<>();
        for (AgencyDirectory d : DIRECTORIES.values()) {
            for (Profile p : Profile.values()) {
                all.add(Arguments.of(d.municipality(), p));
            }
        }
        return all.stream();
    }

    static ObjectNode realm(String code, Profile profile) {
        return RealmGenerator.realm(DIRECTORIES.get(code), profile, CONSOLE,
                profile == Profile.LOCAL ? SECRETS : null);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyRealm")
    void everyAgencyHasItsGroupAndAClientWhoseServiceAccountIsInIt(String code, Profile profile) {
        ObjectNode realm = realm(code, profile);
        for (Agency agency : DIRECTORIES.get(code).agencies()) {
            JsonNode group = subgroup(realm, "agencies", agency.id());
            assertNotNull(group, "group /agencies/" + agency.id());
            assertEquals(agency.id(), group.path("attributes").path("agency").get(0).asText());
            assertEquals(agency.name(), group.path("attributes").path("agencyName").get(0).asText());
            assertEquals(List.of("agency"), texts(group.path("realmRoles")));

            JsonNode client = client(realm, "agency-" + agency.id());
            assertNotNull(client, "client agency-" + agency.id());
            assertTrue(client.path("serviceAccountsEnabled").asBoolean());
            assertFalse(client.path("standardFlowEnabled").asBoolean());
            assertEquals(agency.name() + "の業務システム", client.path("description").asText());
            JsonNode account = serviceAccount(realm, "agency-" + agency.id());
            assertNotNull(account, "service account of agency-" + agency.id());
            assertEquals(List.of("/agencies/" + agency.id()), texts(account.path("groups")));
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyRealm")
    void everyClientCarriesTheClaimsTheServicesReadAndNoneTakesPasswords(String code, Profile profile) {
        for (JsonNode client : realm(code, profile).path("clients")) {
            String id = client.path("clientId").asText();
            assertFalse(client.path("directAccessGrantsEnabled").asBoolean(true), id);
            if (id.equals("admin-cli")) { // Keycloak's own: its tokens carry none of Tsunagu's claims, no aud
                assertTrue(client.path("protocolMappers").isMissingNode(), id);
                continue;
            }
            assertFalse(client.path("publicClient").asBoolean(true), id);
            Map<String, JsonNode> mappers = new java.util.HashMap<>();
            client.path("protocolMappers").forEach(m -> mappers.put(m.path("protocolMapper").asText(), m.path("config")));
            assertEquals(code, mappers.get("oidc-hardcoded-claim-mapper").path("claim.value").asText(), id);
            assertEquals("municipality", mappers.get("oidc-hardcoded-claim-mapper").path("claim.name").asText(), id);
            assertEquals("agency", mappers.get("oidc-usermodel-attribute-mapper").path("claim.name").asText(), id);
            assertEquals("true", mappers.get("oidc-usermodel-attribute-mapper").path("aggregate.attrs").asText(), id);
            assertEquals("groups", mappers.get("oidc-usermodel-realm-role-mapper").path("claim.name").asText(), id);
            assertEquals("tsunagu", mappers.get("oidc-audience-mapper").path("included.custom.audience").asText(), id);
            mappers.values().forEach(m -> assertEquals("true", m.path("access.token.claim").asText(), id));
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyRealm")
    void coordinatorsAndAnalystsNeedASecondFactorAndTokensAreShort(String code, Profile profile) {
        ObjectNode realm = realm(code, profile);
        Set<String> needSecondFactor = new HashSet<>();
        for (JsonNode role : realm.path("roles").path("realm")) {
            if (texts(role.path("composites").path("realm")).contains("requires-second-factor")) {
                needSecondFactor.add(role.path("name").asText());
            }
        }
        assertEquals(Set.of("coordinator", "analyst"), needSecondFactor);
        assertTrue(realm.path("accessTokenLifespan").asInt() <= 300, "access tokens live at most 5 minutes");
        assertTrue(realm.path("bruteForceProtected").asBoolean());
        assertEquals("ja", realm.path("defaultLocale").asText());
        assertEquals("[\"ja\"]", realm.path("supportedLocales").toString(), "the sign-in pages are Japanese only");
        assertTrue(realm.path("eventsEnabled").asBoolean());
        assertTrue(texts(realm.path("enabledEventTypes")).containsAll(List.of("LOGIN", "LOGIN_ERROR",
                "USER_DISABLED_BY_TEMPORARY_LOCKOUT", "UPDATE_TOTP", "CLIENT_LOGIN")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyRealm")
    void peopleSignInWithPasswordThenTotpWhenTheirRoleRequiresIt(String code, Profile profile) {
        ObjectNode realm = realm(code, profile);
        assertEquals("tsunagu browser", realm.path("browserFlow").asText());
        assertEquals(List.of("auth-cookie ALTERNATIVE", "tsunagu forms ALTERNATIVE"), steps(realm, "tsunagu browser"));
        assertEquals(List.of("auth-username-password-form REQUIRED", "tsunagu second factor CONDITIONAL"),
                steps(realm, "tsunagu forms"));
        assertEquals(List.of("conditional-user-role REQUIRED", "auth-otp-form REQUIRED"),
                steps(realm, "tsunagu second factor"));
        JsonNode config = realm.path("authenticatorConfig").get(0);
        assertEquals("requires-second-factor", config.path("config").path("condUserRole").asText());

        JsonNode console = client(realm, "tsunagu-console");
        assertTrue(console.path("standardFlowEnabled").asBoolean());
        assertFalse(console.path("serviceAccountsEnabled").asBoolean());
        assertEquals("S256", console.path("attributes").path("pkce.code.challenge.method").asText());
        assertEquals(List.of(CONSOLE + "/*"), texts(console.path("redirectUris")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shipped")
    void productionHasNoPeopleNoLocalClientsAndNoSecrets(String code) {
        ObjectNode realm = realm(code, Profile.PRODUCTION);
        for (JsonNode user : realm.path("users")) {
            assertTrue(user.hasNonNull("serviceAccountClientId"), "only service accounts: " + user);
            assertFalse(user.has("credentials"), user.toString());
        }
        for (JsonNode client : realm.path("clients")) {
            assertFalse(client.path("clientId").asText().startsWith("tsunagu-local-"), client.path("clientId").asText());
            assertFalse(client.has("secret"), client.path("clientId").asText());
        }
        assertFalse(realm.toString().contains("secret-of-"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shipped")
    void theLocalRunHasRoleClientsSecretsAndDemoPeopleWhosePasswordsPassThePolicy(String code) {
        ObjectNode realm = realm(code, Profile.LOCAL);
        for (String role : List.of("coordinator", "meeting-member", "analyst")) {
            JsonNode client = client(realm, "tsunagu-local-" + role);
            assertNotNull(client, role);
            assertEquals(List.of(role), texts(serviceAccount(realm, "tsunagu-local-" + role).path("realmRoles")));
        }
        for (JsonNode client : realm.path("clients")) {
            if (client.path("publicClient").asBoolean()) {
                continue; // admin-cli: no secret to have
            }
            assertEquals(SECRETS.clientSecret(code, client.path("clientId").asText()), client.path("secret").asText());
        }
        List<String> people = new ArrayList<>();
        for (JsonNode user : realm.path("users")) {
            if (user.has("serviceAccountClientId")) {
                continue;
            }
            String name = user.path("username").asText();
            people.add(name);
            String password = user.path("credentials").get(0).path("value").asText();
            assertTrue(password.length() >= 16 && password.length() <= 128, name);
            assertFalse(password.contains(name) || password.equals(user.path("email").asText()), name);
            assertEquals(name + "@" + code + ".example.invalid", user.path("email").asText());
            String group = user.path("groups").get(0).asText();
            String[] path = group.substring(1).split("/");
            assertNotNull(subgroup(realm, path[0], path[1]), group);
        }
        List<Agency> agencies = DIRECTORIES.get(code).agencies();
        assertEquals(List.of("coordinator", "analyst", "member", "staff-" + agencies.get(0).id(),
                "staff-" + agencies.get(1).id(), "staff-" + agencies.get(2).id()), people);
    }

    @Test
    void aNewAgencyInTheDirectoryYieldsANewGroupAndClient() {
        AgencyDirectory before = DIRECTORIES.get("402036");
        Agency first = before.agencies().get(0);
        Agency added = new Agency("kurume-new-01", first.organizationId(), "新設の相談支援機関", first.kind(),
                first.fields(), first.role(), first.targetGroup(), first.minimumAge(), first.maximumAge(), first.form(),
                first.legalCategory(), first.department(), first.wholeCity(), first.serviceAreas(), "active",
                true, true);
        List<Agency> agencies = new ArrayList<>(before.agencies());
        agencies.add(added);
        AgencyDirectory after = new AgencyDirectory(before.municipality(), before.municipalityName(), "next",
                before.sample(), before.note(), before.areas(), before.organizations(), agencies);

        ObjectNode old = RealmGenerator.realm(before, Profile.PRODUCTION, CONSOLE, null);
        ObjectNode now = RealmGenerator.realm(after, Profile.PRODUCTION, CONSOLE, null);

        assertEquals(subgroups(old, "agencies").size() + 1, subgroups(now, "agencies").size());
        assertEquals(old.path("clients").size() + 1, now.path("clients").size());
        assertNotNull(subgroup(now, "agencies", "kurume-new-01"));
        assertEquals("新設の相談支援機関の業務システム", client(now, "agency-kurume-new-01").path("description").asText());
        assertEquals(List.of("/agencies/kurume-new-01"),
                texts(serviceAccount(now, "agency-kurume-new-01").path("groups")));
    }

    static Stream<String> shipped() {
        return DIRECTORIES.keySet().stream();
    }

    // --- reading the representation ----------------------------------------------------------------------------

    static List<JsonNode> subgroups(JsonNode realm, String parent) {
        for (JsonNode group : realm.path("groups")) {
            if (group.path("name").asText().equals(parent)) {
                return StreamSupport.stream(group.path("subGroups").spliterator(), false).toList();
            }
        }
        return List.of();
    }

    static JsonNode subgroup(JsonNode realm, String parent, String name) {
        return subgroups(realm, parent).stream().filter(g -> g.path("name").asText().equals(name)).findFirst()
                .orElse(null);
    }

    static JsonNode client(JsonNode realm, String clientId) {
        return find(realm.path("clients"), "clientId", clientId);
    }

    static JsonNode serviceAccount(JsonNode realm, String clientId) {
        return find(realm.path("users"), "serviceAccountClientId", clientId);
    }

    static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode item : array) {
            if (item.path(field).asText().equals(value)) {
                return item;
            }
        }
        return null;
    }

    /** A flow's executions as "authenticator-or-subflow REQUIREMENT", in priority order. */
    static List<String> steps(JsonNode realm, String flow) {
        JsonNode found = find(realm.path("authenticationFlows"), "alias", flow);
        assertNotNull(found, flow);
        List<String> steps = new ArrayList<>();
        for (JsonNode e : found.path("authenticationExecutions")) {
            String what = e.path("authenticatorFlow").asBoolean() ? e.path("flowAlias").asText()
                    : e.path("authenticator").asText();
            assertEquals(e.path("authenticatorFlow"), e.path("autheticatorFlow"), "both spellings agree");
            steps.add(what + " " + e.path("requirement").asText());
        }
        return steps;
    }

    static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    @Test
    void keycloaksOwnCommandLineClientTakesNoPasswords() {
        for (Profile profile : Profile.values()) {
            JsonNode adminCli = null;
            for (JsonNode client : realm("402036", profile).path("clients")) {
                if (client.path("clientId").asText().equals("admin-cli")) {
                    adminCli = client;
                }
            }
            assertTrue(adminCli != null, profile + ": the realm defines admin-cli itself");
            assertFalse(adminCli.path("directAccessGrantsEnabled").asBoolean(true), profile.toString());
        }
    }
}
