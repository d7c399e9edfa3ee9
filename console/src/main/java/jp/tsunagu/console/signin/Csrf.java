package jp.tsunagu.console.signin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import jp.tsunagu.console.ConsoleConfig;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * The CSRF token every form carries ({@code <input name="csrf">}): an HMAC of the sign-in session under the console's
 * session key, so any replica checks it without keeping anything, and a page of another site cannot know it.
 */
@RequestScoped
@Named("csrf")
public class Csrf {

    public static final String FIELD = "csrf";

    private final SignedIn staff;
    private final byte[] key;

    public Csrf(SignedIn staff, ConsoleConfig config) {
        this.staff = staff;
        this.key = config.sessionKey().getBytes(StandardCharsets.UTF_8);
    }

    public String getToken() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] sig = mac.doFinal(("csrf:" + staff.session()).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Refuses a form that did not come from one of this session's pages. */
    public void check(String submitted) {
        if (submitted == null || !MessageDigest.isEqual(submitted.getBytes(StandardCharsets.UTF_8),
                getToken().getBytes(StandardCharsets.UTF_8))) {
            throw new ForgedForm();
        }
    }

    /** A form without this session's token: answered 403 with a Japanese page. */
    public static class ForgedForm extends RuntimeException {
        public ForgedForm() {
            super("CSRF token missing or wrong", null, false, false);
        }
    }
}
