package jp.tsunagu.support.security;

import java.util.List;

/**
 * The clients ({@code azp}) a token may have been issued to: the console, the portal, and each agency's own system for
 * its own agency only ({@link IdentityConfig#allowedClients()}). A token for any other client, even from the right
 * realm, was meant for some other application and is refused.
 */
public final class AllowedClients {

    private static final String AGENCY = "{agency}";

    private final List<String> patterns;

    public AllowedClients(List<String> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    public boolean allows(String azp, String agency) {
        if (azp == null || azp.isBlank()) {
            return false;
        }
        for (String pattern : patterns) {
            String p = pattern.trim();
            if (p.contains(AGENCY)) {
                if (agency == null || agency.isBlank()) {
                    continue;
                }
                p = p.replace(AGENCY, agency);
            }
            if (p.endsWith("*") ? azp.startsWith(p.substring(0, p.length() - 1)) : azp.equals(p)) {
                return true;
            }
        }
        return false;
    }
}
