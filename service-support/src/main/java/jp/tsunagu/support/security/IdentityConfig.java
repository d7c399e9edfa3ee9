package jp.tsunagu.support.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * [city] Which identity provider vouches for the people and systems of each municipality (docs/identity.md;
 * docs/identity.md). Tokens are verified against the provider's keys, found by OIDC discovery of the issuer.
 */
@ConfigMapping(prefix = "tsunagu.identity")
public interface IdentityConfig {

    /**
     * The issuer of every municipality's realm, {@code {municipality}} standing for its code, e.g.
     * {@code https://idp.example.jp/realms/{municipality}} (Keycloak: one realm per municipality). Unset: only the
     * issuers named one by one below are trusted.
     */
    Optional<String> issuer();

    /** Issuers named per municipality code (a city's own provider, e.g. Entra ID); they take precedence. */
    Map<String, String> issuers();

    /** The audience every access token must carry ({@code aud}). */
    @WithDefault("tsunagu")
    String audience();

    /**
     * The clients ({@code azp}) whose tokens are accepted: exact ids, a trailing {@code *} for a prefix, and
     * {@code {agency}} for the token's own agency (an agency's system may speak only for its agency).
     */
    @WithDefault("tsunagu-console,tsunagu-portal,agency-{agency}")
    List<String> allowedClients();

    /**
     * The oldest token accepted, whatever lifespan the provider gave it: disabling a person takes effect within this
     * time even if an administrator lengthened the realm's token lifespan.
     */
    @WithDefault("5m")
    Duration maxTokenAge();

    /** How far the provider's clock and this service's may differ (expiry and age are read with this leeway). */
    @WithDefault("10s")
    Duration clockSkew();
}
