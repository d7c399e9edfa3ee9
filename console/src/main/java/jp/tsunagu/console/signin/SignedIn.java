package jp.tsunagu.console.signin;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import jp.tsunagu.contract.identity.ApiRoles;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The person signed in on this request, as her ID token names her; for the page's header and menu only. What she may
 * do and see is decided by the services, which receive her access token.
 */
@RequestScoped
@Named("staff")
public class SignedIn {

    private final JsonWebToken idToken;
    private final SecurityIdentity identity;
    private final Municipalities municipalities;

    public SignedIn(SecurityIdentity identity, Municipalities municipalities) {
        // signed in by the code flow, the principal is her verified ID token
        this.idToken = identity.getPrincipal() instanceof JsonWebToken jwt ? jwt : null;
        this.identity = identity;
        this.municipalities = municipalities;
    }

    public boolean isPresent() {
        return idToken != null && !identity.isAnonymous();
    }

    /** Her name as the realm holds it (family name first, as Japanese names are written). */
    public String getName() {
        if (idToken == null) {
            return "";
        }
        String family = idToken.getClaim("family_name");
        String given = idToken.getClaim("given_name");
        if (family != null || given != null) {
            return ((family == null ? "" : family) + " " + (given == null ? "" : given)).strip();
        }
        String username = idToken.getClaim("preferred_username");
        return username == null ? "" : username;
    }

    public String getMunicipality() {
        return idToken == null ? null : idToken.getClaim("municipality");
    }

    public String getMunicipalityName() {
        String code = getMunicipality();
        return code == null ? "" : municipalities.of(code).map(d -> d.municipalityName()).orElse(code);
    }

    /** Her agency's id, for an agency's staff; null for city staff. */
    public String getAgency() {
        return idToken == null ? null : idToken.getClaim("agency");
    }

    public String getAgencyName() {
        return getMunicipality() == null ? null : municipalities.agencyName(getMunicipality(), getAgency());
    }

    public boolean isAgencyStaff() {
        return identity.hasRole(ApiRoles.AGENCY) && getAgency() != null;
    }

    /** A city coordinator (重層的支援体制の担当・多機関協働事業者): cases, meetings, plans and figures. */
    public boolean isCoordinator() {
        return identity.hasRole(ApiRoles.COORDINATOR);
    }

    /** An analyst: the figures and replays only. */
    public boolean isAnalyst() {
        return identity.hasRole(ApiRoles.ANALYST);
    }

    /** A meeting member (会議の構成員): the meetings. */
    public boolean isMeetingMember() {
        return identity.hasRole(ApiRoles.MEETING_MEMBER);
    }

    /** A stable value of this sign-in session, for the CSRF token. */
    String session() {
        if (idToken == null) {
            return "anonymous";
        }
        Object sid = idToken.getClaim("sid");
        return idToken.getSubject() + ":" + (sid == null ? idToken.getIssuedAtTime() : sid);
    }
}
