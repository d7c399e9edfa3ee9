package jp.tsunagu.support.security;

import jp.tsunagu.contract.identity.Issuers;
import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.TenantConfigResolver;
import io.quarkus.oidc.runtime.OidcTenantConfig.ApplicationType;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.support.directory.AgencyDirectories;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One OIDC tenant per municipality served: the realm named by the token's issuer, its keys found by discovery and
 * cached (so tokens already issued keep working while the provider is down). The issuer is read from the token before
 * it is verified only to choose whose keys verify it; an issuer that is no served municipality's realm falls to the
 * default tenant, which is switched off outside the module tests (there, an offline test issuer), so it is refused.
 */
@ApplicationScoped
public class RealmTenants implements TenantConfigResolver {

    private final Issuers issuers;
    private final IdentityConfig config;
    private final AgencyDirectories directories;
    private final Map<String, OidcTenantConfig> tenants = new ConcurrentHashMap<>();

    public RealmTenants(IdentityConfig config, IdentityRules rules, AgencyDirectories directories) {
        this.issuers = rules.issuers();
        this.config = config;
        this.directories = directories;
    }

    @Override
    public Uni<OidcTenantConfig> resolve(RoutingContext context, OidcRequestContext<OidcTenantConfig> requestContext) {
        Optional<String> municipality = issuer(context.request().getHeader("Authorization"))
                .flatMap(issuers::municipalityOf)
                .filter(directories::serves);
        if (municipality.isEmpty()) {
            return null; // the default tenant
        }
        String code = municipality.get();
        return Uni.createFrom().item(tenants.computeIfAbsent(code, this::tenant));
    }

    private OidcTenantConfig tenant(String municipality) {
        String issuer = issuers.issuerOf(municipality).orElseThrow();
        return OidcTenantConfig.authServerUrl(issuer)
                .tenantId("municipality-" + municipality)
                .applicationType(ApplicationType.SERVICE)
                .token().issuer(issuer).audience(config.audience())
                        .age(config.maxTokenAge()).lifespanGrace((int) config.clockSkew().toSeconds())
                        // the realm speaks for its own municipality only, whatever else a token may claim
                        .requiredClaims("municipality", municipality).end()
                .roles().roleClaimPath("groups").end()
                .build();
    }

    /** The {@code iss} of a bearer token, unverified; empty when there is no readable one. */
    static Optional<String> issuer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String[] parts = authorization.substring(7).trim().split("\\.");
        if (parts.length != 3 || parts[1].length() > 16_384) {
            return Optional.empty();
        }
        try {
            JsonObject claims = new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]),
                    StandardCharsets.UTF_8));
            return Optional.ofNullable(claims.getValue("iss") instanceof String s ? s : null);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
