package jp.tsunagu.testing;

import java.time.Duration;
import java.util.Map;

/** Tokens signed by the test resource's key pair, with the claims the services read (docs/api.md). */
public final class Tokens {

    public static final String KURUME = "402036";
    public static final String NAGAREYAMA = "122203";

    private Tokens() {
    }

    public static String agency(String agencyId, String municipality) {
        return TsunaguTestResources.keys().token("staff@" + agencyId, "agency", agencyId, municipality,
                Duration.ofMinutes(30));
    }

    public static String role(String role, String municipality) {
        return TsunaguTestResources.keys().token(role + "@" + municipality, role, null, municipality,
                Duration.ofMinutes(30));
    }

    /** Any claims at all, signed with the trusted key: for tokens a real identity provider would not issue. */
    public static String signed(Map<String, Object> claims) {
        return TsunaguTestResources.keys().sign(claims);
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }
}
