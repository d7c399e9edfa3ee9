package jp.tsunagu.reporting.export;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Case ids replaced by HMAC-SHA256 under a salt drawn for one export and then forgotten: within an export the same
 * case has the same pseudonym (an analyst can follow it), across two exports it has different ones (they cannot be
 * joined on a person). Households (世帯) get theirs the same way, under the same export's salt: the members of one
 * household share one within an export, and nothing joins it to another export's. Plain Java.
 */
public final class Pseudonymizer {

    private final Mac mac;

    private Pseudonymizer(byte[] salt) {
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(salt, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A pseudonymizer with a fresh random salt. */
    public static Pseudonymizer forOneExport() {
        byte[] salt = new byte[32];
        new SecureRandom().nextBytes(salt);
        return new Pseudonymizer(salt);
    }

    public static Pseudonymizer withSalt(byte[] salt) {
        return new Pseudonymizer(salt);
    }

    public String pseudonym(String caseId) {
        return "p-" + HexFormat.of().formatHex(mac.doFinal(caseId.getBytes(StandardCharsets.UTF_8))).substring(0, 24);
    }

    /**
     * A household's pseudonym in this export, null for no household. Its own prefix and input, so it never equals
     * a case's pseudonym even if a household id were spelled like a case id.
     */
    public String householdPseudonym(String householdId) {
        if (householdId == null) {
            return null;
        }
        return "h-" + HexFormat.of().formatHex(mac.doFinal(("household\u0000" + householdId)
                .getBytes(StandardCharsets.UTF_8))).substring(0, 24);
    }
}
