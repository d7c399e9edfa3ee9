package jp.tsunagu.infra.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static jp.tsunagu.infra.identity.KeycloakAdmin.segment;

/**
 * Puts generated realms into a running Keycloak. A missing realm is created whole. A realm that exists gets only what
 * is missing from it (a new agency of the directory: its group, its client and the client's service account; in the
 * local run also missing demo users and local clients); nothing a city's administrator changed is overwritten or
 * deleted, so disabling a client or a person, or changing a setting, survives every run.
 *
 * <p>Keycloak's partial import with {@code SKIP} adds missing roles, clients and users, but skips an existing
 * top-level group with all its subgroups: missing subgroups are therefore made first through the children endpoint
 * (which ignores realm roles, hence the role mapping after it).
 */
public final class RealmApplier {

    /** What a run did to one realm. */
    public record Outcome(String realm, boolean created, List<String> added) {
        public String line() {
            if (created) {
                return realm + ": created";
            }
            return added.isEmpty() ? realm + ": up to date" : realm + ": added: " + String.join(", ", added);
        }
    }

    private static final List<String> IMPORT_ORDER = List.of("REALM_ROLE", "GROUP", "CLIENT", "USER");

    private final KeycloakAdmin admin;
    private final IdpHome localHome;

    /**
     * @param localHome the local run's home, whose secret files follow an existing realm's secrets; null in production
     */
    public RealmApplier(URI idp, String adminUser, String adminPassword, IdpHome localHome) {
        this.admin = new KeycloakAdmin(idp, adminUser, adminPassword);
        this.localHome = localHome;
    }

    public Outcome apply(ObjectNode realm) {
        String name = realm.get("realm").asText();
        String base = "/admin/realms/" + segment(name);
        KeycloakAdmin.Answer existing = admin.get(base);
        if (existing.status() == 404) {
            admin.expect(admin.post("/admin/realms", realm), "create realm " + name, 201);
            return new Outcome(name, true, List.of());
        }
        admin.expect(existing, "read realm " + name, 200);
        List<String> added = new ArrayList<>();
        addMissingSubgroups(base, realm.path("groups"), added);
        Set<String> addedClients = partialImport(base, realm, added);
        if (localHome != null) {
            followExistingSecrets(base, name, realm.path("clients"), addedClients);
        }
        return new Outcome(name, false, added);
    }

    private void addMissingSubgroups(String base, JsonNode groups, List<String> added) {
        Map<String, String> topLevel = new HashMap<>();
        admin.expect(admin.get(base + "/groups?briefRepresentation=true&max=10000"), "list groups", 200).json()
                .forEach(g -> topLevel.put(g.path("name").asText(), g.path("id").asText()));
        for (JsonNode group : groups) {
            String parentId = topLevel.get(group.path("name").asText());
            if (parentId == null) {
                continue; // the partial import makes the whole group
            }
            Set<String> children = new HashSet<>();
            admin.expect(admin.get(base + "/groups/" + parentId + "/children?briefRepresentation=true&max=10000"),
                    "list subgroups of " + group.path("path").asText(), 200).json()
                    .forEach(c -> children.add(c.path("name").asText()));
            for (JsonNode child : group.path("subGroups")) {
                if (!children.contains(child.path("name").asText())) {
                    addSubgroup(base, parentId, child);
                    added.add("group " + child.path("path").asText());
                }
            }
        }
    }

    private void addSubgroup(String base, String parentId, JsonNode child) {
        String path = child.path("path").asText();
        ObjectNode body = KeycloakAdmin.JSON.createObjectNode().put("name", child.path("name").asText());
        if (child.has("attributes")) {
            body.set("attributes", child.get("attributes"));
        }
        KeycloakAdmin.Answer made = admin.expect(admin.post(base + "/groups/" + parentId + "/children", body),
                "create group " + path, 201);
        String id = made.location() != null ? made.location().substring(made.location().lastIndexOf('/') + 1)
                : made.json().path("id").asText();
        ArrayNode roles = KeycloakAdmin.JSON.createArrayNode();
        for (JsonNode role : child.path("realmRoles")) {
            roles.add(admin.expect(admin.get(base + "/roles/" + segment(role.asText())), "read role " + role.asText(),
                    200).json());
        }
        if (!roles.isEmpty()) {
            admin.expect(admin.post(base + "/groups/" + id + "/role-mappings/realm", roles),
                    "give group " + path + " its roles", 204);
        }
    }

    /** Adds the missing roles, top-level groups, clients and users; returns the ids of the clients it added. */
    private Set<String> partialImport(String base, ObjectNode realm, List<String> added) {
        ObjectNode body = KeycloakAdmin.JSON.createObjectNode().put("ifResourceExists", "SKIP");
        for (String part : List.of("roles", "groups", "clients", "users")) {
            if (realm.has(part)) {
                body.set(part, realm.get(part));
            }
        }
        JsonNode result = admin.expect(admin.post(base + "/partialImport", body), "import what is missing", 200)
                .json();
        Set<String> addedClients = new HashSet<>();
        List<JsonNode> results = new ArrayList<>();
        result.path("results").forEach(r -> {
            if (r.path("action").asText().equals("ADDED")) {
                results.add(r);
            }
        });
        // Keycloak lists them in no fixed order; a person reads roles, groups, clients, then users
        results.sort(java.util.Comparator.comparingInt((JsonNode r) -> IMPORT_ORDER.indexOf(
                r.path("resourceType").asText())).thenComparing(r -> r.path("resourceName").asText()));
        for (JsonNode r : results) {
            String type = r.path("resourceType").asText().toLowerCase().replace('_', ' ');
            String resource = r.path("resourceName").asText();
            added.add(type + " " + resource);
            if (type.equals("client")) {
                addedClients.add(resource);
            }
        }
        return addedClients;
    }

    /**
     * A secret file made in this run for a client Keycloak already had (the files were removed, the realm kept):
     * the file takes Keycloak's secret, as the realm is never overwritten.
     */
    private void followExistingSecrets(String base, String realm, JsonNode clients, Set<String> addedClients) {
        for (JsonNode client : clients) {
            String clientId = client.path("clientId").asText();
            if (!client.has("secret") || addedClients.contains(clientId)
                    || !localHome.secretMadeNow(realm, clientId)) {
                continue;
            }
            JsonNode found = admin.expect(admin.get(base + "/clients?clientId=" + segment(clientId)),
                    "find client " + clientId, 200).json();
            if (found.isArray() && !found.isEmpty()) {
                String secret = admin.expect(admin.get(base + "/clients/" + found.get(0).path("id").asText()
                        + "/client-secret"), "read the secret of " + clientId, 200).json().path("value").asText(null);
                if (secret != null) {
                    localHome.keepSecret(realm, clientId, secret);
                }
            }
        }
    }
}
