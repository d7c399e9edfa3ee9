package jp.tsunagu.console.signin;

import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.TenantConfigResolver;
import io.quarkus.oidc.runtime.OidcTenantConfig.ApplicationType;
import io.quarkus.oidc.runtime.OidcTenantConfig.Authentication.CookieSameSite;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.console.ConsoleConfig;
import jp.tsunagu.contract.identity.Issuers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One sign-in tenant per municipality, chosen by the first segment of the page's path ({@code /402036/…}): a person
 * signs in at her own city's realm, her session cookie is scoped to that city's pages, and a page of another city
 * asks her to sign in there. Paths outside a served municipality fall to the default tenant, which is off.
 */
@ApplicationScoped
public class ConsoleTenants implements TenantConfigResolver {

    private final ConsoleConfig config;
    private final Issuers issuers;
    private final Municipalities municipalities;
    private final Map<String, OidcTenantConfig> tenants = new ConcurrentHashMap<>();

    public ConsoleTenants(ConsoleConfig config, Municipalities municipalities, Issuers issuers) {
        this.config = config;
        this.municipalities = municipalities;
        this.issuers = issuers;
    }

    @Override
    public Uni<OidcTenantConfig> resolve(RoutingContext context, OidcRequestContext<OidcTenantConfig> requestContext) {
        Optional<String> municipality = municipalities.ofPath(context.normalizedPath());
        if (municipality.isEmpty()) {
            return null;
        }
        return Uni.createFrom().item(tenants.computeIfAbsent(municipality.get(), this::tenant));
    }

    private OidcTenantConfig tenant(String municipality) {
        String issuer = issuers.issuerOf(municipality)
                .orElseThrow(() -> new IllegalStateException("no issuer for " + municipality
                        + ": set tsunagu.identity.issuer or tsunagu.console.issuers." + municipality));
        String base = "/" + municipality;
        return OidcTenantConfig.authServerUrl(issuer)
                .tenantId("municipality-" + municipality)
                .applicationType(ApplicationType.WEB_APP)
                .clientId(config.clientId())
                .credentials(secret(municipality))
                .authentication()
                        .pkceRequired(true)
                        .cookiePath(base)
                        .cookieSameSite(CookieSameSite.LAX)
                        .cookieForceSecure(config.secureCookies())
                        .sessionAgeExtension(config.idleTimeout())
                        .restorePathAfterRedirect(true)
                        .removeRedirectParameters(true)
                        .javaScriptAutoRedirect(false)
                        .extraParam("ui_locales", "ja")
                        .end()
                .tokenStateManager().encryptionSecret(config.sessionKey()).end()
                .token().issuer(issuer).refreshExpired(true)
                        // renewed a minute early, so a token never expires on its way to a service
                        .refreshTokenTimeSkew(Duration.ofSeconds(60))
                        // the realm speaks for its own municipality only
                        .requiredClaims("municipality", municipality).end()
                .roles().roleClaimPath("groups").end()
                .logout().path(base + "/signout").postLogoutPath(base + "/signed-out").end()
                .build();
    }

    private String secret(String municipality) {
        Path dir = config.clientSecrets().orElseThrow(() -> new IllegalStateException(
                "tsunagu.console.client-secrets is not set: the console cannot sign people in"));
        Path file = dir.resolve(municipality).resolve(config.clientId());
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("the console's client secret for " + municipality + " is missing: "
                    + file, e);
        }
    }
}
