package jp.tsunagu.meeting.minutes;

import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who records or corrects the minutes, as the 議事録 names her: {@code family_name} and {@code given_name} in that
 * order (山田 花子), else the identity provider's {@code name} claim, else her user name; a system's token (client credentials)
 * has none of them and is named by its user name or subject. Service-support's {@code Caller} keeps the subject and
 * user name for the audit trail; the name a person reads is only needed here.
 */
@RequestScoped
public class Recorder {

    private final JsonWebToken jwt;

    public Recorder(JsonWebToken jwt) {
        this.jwt = jwt;
    }

    /** The caller's name for people to read, never null for a verified token. */
    public String name() {
        return nameOf(claim("name"), claim("family_name"), claim("given_name"), claim("preferred_username"),
                jwt.getSubject());
    }

    /** The first of: family and given names (in Japanese order), the full name, the user name, the subject. */
    static String nameOf(String name, String family, String given, String username, String subject) {
        // family name first, as Japanese names are written: Keycloak's own `name` puts the given name first
        if (family != null || given != null) {
            return clip(((family == null ? "" : family) + " " + (given == null ? "" : given)).strip());
        }
        if (name != null) {
            return clip(name);
        }
        return clip(username != null ? username : subject);
    }

    private String claim(String claim) {
        Object value = jwt.getClaim(claim);
        String text = value == null ? null : value.toString().replace("\"", "").strip();
        return text == null || text.isEmpty() ? null : text;
    }

    private static String clip(String s) {
        return s == null || s.length() <= 100 ? s : s.substring(0, 100);
    }
}
