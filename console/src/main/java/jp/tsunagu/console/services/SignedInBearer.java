package jp.tsunagu.console.services;

import io.quarkus.arc.Arc;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Puts the signed-in person's own access token (from her sign-in session) on every call to a service, so each rule,
 * tenant check and audit entry in the services is about her; the console has no account of its own. A call without a
 * signed-in person goes without a token and is refused by the service.
 */
@Priority(Priorities.AUTHENTICATION)
public class SignedInBearer implements ClientRequestFilter {

    @Override
    public void filter(ClientRequestContext request) {
        SecurityIdentity identity = Arc.container().instance(CurrentIdentityAssociation.class).get().getIdentity();
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        if (token != null) {
            request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token.getToken());
        }
    }
}
