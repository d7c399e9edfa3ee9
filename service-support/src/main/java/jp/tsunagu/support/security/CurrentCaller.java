package jp.tsunagu.support.security;

import io.quarkus.security.AuthenticationFailedException;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Set;

/**
 * The {@link Caller} of the current request, from the verified JWT. A token without a well-formed
 * {@code municipality} claim, or an agency token without {@code agency}, is refused as unauthenticated: nothing
 * downstream has to guess a tenant.
 */
@RequestScoped
public class CurrentCaller {

    private final JsonWebToken jwt;
    private Caller caller;

    public CurrentCaller(JsonWebToken jwt) {
        this.jwt = jwt;
    }

    public Caller get() {
        if (caller == null) {
            caller = fromToken();
        }
        return caller;
    }

    private Caller fromToken() {
        Object municipalityClaim = jwt.getClaim("municipality");
        String municipality = municipalityClaim == null ? null : municipalityClaim.toString().replace("\"", "");
        if (municipality == null || !municipality.matches("\\d{6}")) {
            throw new AuthenticationFailedException("token has no valid municipality claim");
        }
        Set<String> groups = jwt.getGroups() == null ? Set.of() : Set.copyOf(jwt.getGroups());
        Object agencyClaim = jwt.getClaim("agency");
        String agency = agencyClaim == null ? null : agencyClaim.toString().replace("\"", "");
        if (groups.contains(Roles.AGENCY) && (agency == null || agency.isBlank())) {
            throw new AuthenticationFailedException("agency token has no agency claim");
        }
        return new Caller(jwt.getSubject(), municipality, agency, groups);
    }
}
