package jp.tsunagu.support.security;

import jp.tsunagu.contract.identity.Issuers;
import io.quarkus.security.AuthenticationFailedException;
import jakarta.enterprise.context.RequestScoped;
import jp.tsunagu.support.directory.AgencyDirectories;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;
import java.util.Set;

/**
 * The {@link Caller} of the current request, from the verified JWT. A token without a well-formed
 * {@code municipality} claim, or an agency token without {@code agency}, is refused as unauthenticated: nothing
 * downstream has to guess a tenant. So is a token issued to a client Tsunagu does not know ({@link AllowedClients})
 * or by another municipality's realm than the one its claim names ({@link Issuers}). A well-formed token for a
 * municipality Tsunagu does not serve, or for an agency that is not in its municipality's current directory (removed,
 * or never there), is refused with 403: the identity provider vouches for who is calling, the directory for what they
 * may do here.
 */
@RequestScoped
public class CurrentCaller {

    private final JsonWebToken jwt;
    private final AgencyDirectories directories;
    private final Issuers issuers;
    private final AllowedClients clients;
    private Caller caller;

    public CurrentCaller(JsonWebToken jwt, AgencyDirectories directories, IdentityRules identity) {
        this.jwt = jwt;
        this.directories = directories;
        this.issuers = identity.issuers();
        this.clients = identity.clients();
    }

    public Caller get() {
        if (caller == null) {
            caller = fromToken();
        }
        return caller;
    }

    /**
     * Who the token says is calling, without asking the directory what they may do here: for recording a refused
     * attempt. Empty when the token names no well-formed municipality (there is no tenant to record it under).
     */
    public static Optional<Caller> claimed(JsonWebToken jwt) {
        String municipality = jwt == null ? null : text(jwt.getClaim("municipality"));
        if (municipality == null || !municipality.matches("\\d{6}")) {
            return Optional.empty();
        }
        Set<String> groups = jwt.getGroups() == null ? Set.of() : Set.copyOf(jwt.getGroups());
        return Optional.of(new Caller(jwt.getSubject(), text(jwt.getClaim("preferred_username")),
                text(jwt.getClaim("azp")), municipality, text(jwt.getClaim("agency")), groups));
    }

    /** A claim as text; a JSON string claim may arrive with its quotes. */
    private static String text(Object claim) {
        return claim == null ? null : claim.toString().replace("\"", "");
    }

    private Caller fromToken() {
        Caller claimed = claimed(jwt).orElseThrow(() ->
                new AuthenticationFailedException("token has no valid municipality claim"));
        String municipality = claimed.municipality();
        String agency = claimed.agencyId();
        if (claimed.is(Roles.AGENCY) && (agency == null || agency.isBlank())) {
            throw new AuthenticationFailedException("agency token has no agency claim");
        }
        if (!clients.allows(claimed.client(), agency)) {
            throw new AuthenticationFailedException("token was issued to a client Tsunagu does not accept");
        }
        Optional<String> realm = issuers.municipalityOf(jwt.getIssuer());
        if (realm.isPresent() && !realm.get().equals(municipality)) {
            throw new AuthenticationFailedException("token's municipality is not its issuer's");
        }
        if (!directories.serves(municipality)) {
            throw new CallerRefused("municipality " + municipality + " is not served by this Tsunagu");
        }
        if (claimed.is(Roles.AGENCY) && !directories.lists(municipality, agency)) {
            throw new CallerRefused("agency " + agency + " is not in the current directory of municipality "
                    + municipality);
        }
        return claimed;
    }
}
