package jp.tsunagu.support.security;

import jp.tsunagu.contract.identity.Issuers;
import jakarta.enterprise.context.ApplicationScoped;

/** The identity rules of {@link IdentityConfig}, built once: which issuer speaks for whom, which clients count. */
@ApplicationScoped
public class IdentityRules {

    private final Issuers issuers;
    private final AllowedClients clients;

    public IdentityRules(IdentityConfig config) {
        this.issuers = new Issuers(config.issuer(), config.issuers());
        this.clients = new AllowedClients(config.allowedClients());
    }

    public Issuers issuers() {
        return issuers;
    }

    public AllowedClients clients() {
        return clients;
    }
}
