package jp.tsunagu.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The local run's Keycloak as the tests speak to it: its token endpoint as a client would, and its admin API as the
 * city's administrator would (user {@code tsunagu-admin} of the master realm). Secrets and demo passwords are read from
 * the files {@code ./tsunagu up} wrote in the run's home.
 */
record IdentityProvider(URI url, Path idpHome) {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    static IdentityProvider of(LocalSystem system) throws Exception {
        return new IdentityProvider(URI.create("http://127.0.0.1:" + system.run("port", "idp").trim()),
                system.home().resolve("idp"));
    }

    String issuer(String realm) {
        return url + "/realms/" + realm;
    }

    String secret(String realm, String clientId) throws Exception {
        return Files.readString(idpHome.resolve("secrets").resolve(realm).resolve(clientId)).strip();
    }

    String password(String realm, String user) throws Exception {
        return Files.readString(idpHome.resolve("demo-passwords").resolve(realm).resolve(user)).strip();
    }

    /** The token endpoint's answer to a form (status and JSON body). */
    HttpResponse<String> tokenRequest(String realm, Map<String, String> form) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(issuer(realm) + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form))).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A client-credentials token of a confidential client of the local realm, as an agency's system gets one. */
    HttpResponse<String> clientCredentials(String realm, String clientId, String secret) throws Exception {
        return tokenRequest(realm, Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", secret));
    }

    String accessToken(HttpResponse<String> tokenResponse) throws Exception {
        if (tokenResponse.statusCode() != 200) {
            throw new AssertionError("token endpoint said " + tokenResponse.statusCode() + ": " + tokenResponse.body());
        }
        return JSON.readTree(tokenResponse.body()).get("access_token").asText();
    }

    /** The master realm's administrator: a genuine token of this provider that no service may accept. */
    String masterToken() throws Exception {
        return accessToken(tokenRequest("master", Map.of("grant_type", "password", "client_id", "admin-cli",
                "username", "tsunagu-admin", "password", Files.readString(idpHome.resolve("admin.password")).strip())));
    }

    /** An admin API call; returns status and body. */
    HttpResponse<String> admin(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + "/admin/realms" + path))
                .header("Authorization", "Bearer " + masterToken());
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode adminJson(String path) throws Exception {
        HttpResponse<String> r = admin("GET", path, null);
        if (r.statusCode() != 200) {
            throw new AssertionError("GET " + path + " said " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    String userId(String realm, String username) throws Exception {
        return adminJson("/" + realm + "/users?exact=true&username=" + username).get(0).get("id").asText();
    }

    /**
     * Removes the user's authenticator app (OTP credentials), as an administrator does for a lost phone: her next
     * sign-in asks her to enrol one again. Tests that sign a coordinator in start from here, whatever ran before.
     */
    void removeOtp(String realm, String username) throws Exception {
        String user = userId(realm, username);
        for (JsonNode credential : adminJson("/" + realm + "/users/" + user + "/credentials")) {
            if ("otp".equals(credential.path("type").asText())) {
                HttpResponse<String> r = admin("DELETE", "/" + realm + "/users/" + user + "/credentials/"
                        + credential.get("id").asText(), null);
                if (r.statusCode() != 204) {
                    throw new AssertionError("removing " + username + "'s OTP said " + r.statusCode() + ": " + r.body());
                }
            }
        }
    }

    /** The internal id of a client (the admin API addresses clients by it). */
    String clientUuid(String realm, String clientId) throws Exception {
        return adminJson("/" + realm + "/clients?clientId=" + clientId).get(0).get("id").asText();
    }

    /** Sets one attribute of a client, as an administrator does in the admin console. */
    void setClientAttribute(String realm, String clientId, String name, String value) throws Exception {
        String id = clientUuid(realm, clientId);
        com.fasterxml.jackson.databind.node.ObjectNode client =
                (com.fasterxml.jackson.databind.node.ObjectNode) adminJson("/" + realm + "/clients/" + id);
        ((com.fasterxml.jackson.databind.node.ObjectNode) client.with("attributes")).put(name, value);
        HttpResponse<String> r = admin("PUT", "/" + realm + "/clients/" + id, JSON.writeValueAsString(client));
        if (r.statusCode() != 204) {
            throw new AssertionError("PUT client " + clientId + " said " + r.statusCode() + ": " + r.body());
        }
    }

    static String form(Map<String, String> fields) {
        return new LinkedHashMap<>(fields).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** The claims of a JWT, unverified (the test reads what it was given). */
    static JsonNode claims(String jwt) throws Exception {
        return JSON.readTree(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }
}
