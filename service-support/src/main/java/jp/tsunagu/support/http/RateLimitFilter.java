package jp.tsunagu.support.http;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.support.problem.ApiProblem;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Per-agency rate limits (OWASP API4): each authenticated caller (municipality + agency, or the subject of a
 * coordinator, analyst or portal) gets {@code tsunagu.rate-limit.burst} requests at once, refilled at
 * {@code tsunagu.rate-limit.per-minute}; beyond that 429 with Retry-After. The limit is per service instance.
 * Unauthenticated requests are left to the authentication check (401).
 */
@ApplicationScoped
public class RateLimitFilter {

    private final CurrentIdentityAssociation identity;
    private final RateLimiter limiter;

    public RateLimitFilter(CurrentIdentityAssociation identity,
                           RateLimitConfig config) {
        this.identity = identity;
        this.limiter = new RateLimiter(config.perMinute(), config.burst(), System::nanoTime);
    }

    @ServerRequestFilter
    public Uni<Void> limit() {
        return identity.getDeferredIdentity().onFailure().recoverWithNull().map(id -> {
            String caller = callerOf(id);
            if (caller != null) {
                limiter.acquire(caller).ifPresent(seconds -> {
                    throw ApiProblem.tooManyRequests("too many requests from this caller; retry after " + seconds
                            + " s", seconds);
                });
            }
            return null;
        });
    }

    private static String callerOf(SecurityIdentity id) {
        if (id == null || id.isAnonymous() || !(id.getPrincipal() instanceof JsonWebToken jwt)) {
            return null;
        }
        Object municipality = jwt.getClaim("municipality");
        Object agency = jwt.getClaim("agency");
        return municipality + "|" + (agency != null ? "agency:" + agency : "sub:" + jwt.getSubject());
    }
}
