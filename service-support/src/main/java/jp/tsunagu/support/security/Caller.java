package jp.tsunagu.support.security;

import java.util.Set;

/**
 * Who is calling, from the verified JWT: every read and write is scoped by {@code municipality}; agency staff also
 * by {@code agencyId}. {@code username} (the provider's {@code preferred_username}) and {@code client} (its
 * {@code azp}: the console, the portal or an agency's system) are for the audit trail, never for a decision.
 */
public record Caller(String subject, String username, String client, String municipality, String agencyId,
                     Set<String> roles) {

    public boolean is(String role) {
        return roles.contains(role);
    }

    public boolean isAgency(String id) {
        return agencyId != null && agencyId.equals(id);
    }
}
