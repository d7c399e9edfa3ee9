package jp.tsunagu.infra.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Access tokens of the local run, from its identity provider with client credentials: an agency's system signs in as
 * {@code agency-<id>}, the portal as {@code tsunagu-portal}, and the staff roles as the local-only clients
 * {@code tsunagu-local-<role>}, with the secrets {@code idp-realms} wrote under the run's home. Tokens live 5 minutes
 * while seed-history and replay run longer, so each client's token is kept and renewed once less than a minute of it
 * is left; the caller asks again before each request.
 */
public final class IdpTokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final Duration RENEW_BEFORE = Duration.ofSeconds(60);

    private record Held(String token, Instant expires) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI idp;
    private final IdpHome home;
    private final Clock clock;
    private final Map<String, Held> held = new HashMap<>();

    public IdpTokens(URI idp, IdpHome home) {
        this(idp, home, Clock.systemUTC());
    }

    IdpTokens(URI idp, IdpHome home, Clock clock) {
        this.idp = idp;
        this.home = home;
        this.clock = clock;
    }

    /** The client whose token carries the role: {@code agency} needs the agency's id. */
    public static String clientFor(String role, String agency) {
        return switch (role) {
            case RealmNames.AGENCY -> {
                if (agency == null) {
                    throw new IllegalArgumentException("an agency token needs the agency's id");
                }
                yield RealmNames.agencyClient(agency);
            }
            case RealmNames.PORTAL -> RealmNames.PORTAL_CLIENT;
            case RealmNames.COORDINATOR, RealmNames.MEETING_MEMBER, RealmNames.ANALYST -> RealmNames.localClient(role);
            default -> throw new IllegalArgumentException("no client gives the role " + role);
        };
    }

    /** A token of the role in the municipality's realm. */
    public String forRole(String municipality, String role, String agency) {
        return token(municipality, clientFor(role, agency));
    }

    /** The client's current token, renewed when less than a minute of it is left. */
    public synchronized String token(String realm, String clientId) {
        String key = realm + "/" + clientId;
        Held current = held.get(key);
        if (current != null && clock.instant().plus(RENEW_BEFORE).isBefore(current.expires())) {
            return current.token();
        }
        Held fresh = fetch(realm, clientId);
        held.put(key, fresh);
        return fresh.token();
    }

    private Held fetch(String realm, String clientId) {
        String secret = home.existingSecret(realm, clientId);
        if (secret == null) {
            throw new IdentityFailure("クライアント " + clientId + " のシークレットがありません / no secret for client "
                    + clientId + " in realm " + realm + " (" + home.secretFile(realm, clientId)
                    + "): not an agency of the directory (GET /agencies), or the realm is not made yet (./tsunagu up makes it)");
        }
        Instant asked = clock.instant();
        HttpRequest request = HttpRequest.newBuilder(
                        idp.resolve("/realms/" + KeycloakAdmin.segment(realm) + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(KeycloakAdmin.form(Map.of("grant_type",
                        "client_credentials", "client_id", clientId, "client_secret", secret))))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IdentityFailure("認証基盤に接続できません / cannot reach the identity provider at " + idp + " ("
                    + e + "); is it running? ./tsunagu status");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IdentityFailure("中断されました / interrupted");
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(response.body());
        } catch (IOException notJson) {
            answer = JSON.missingNode();
        }
        if (response.statusCode() != 200 || answer == null || !answer.hasNonNull("access_token")) {
            String error = answer == null ? "" : answer.path("error").asText("");
            String description = answer == null ? "" : answer.path("error_description").asText("");
            throw new IdentityFailure("認証基盤がクライアント " + clientId + " へのトークン発行を拒否しました / the identity "
                    + "provider refused a token to client " + clientId + " of realm " + realm + ": HTTP "
                    + response.statusCode() + " " + (error.isEmpty() ? "(no error given)" : error)
                    + (description.isEmpty() ? "" : " (" + description + ")"));
        }
        long lifetime = answer.path("expires_in").asLong(300);
        return new Held(answer.get("access_token").asText(), asked.plusSeconds(lifetime));
    }
}
