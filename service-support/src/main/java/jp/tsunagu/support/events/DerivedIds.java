package jp.tsunagu.support.events;

import jp.tsunagu.support.security.Caller;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Ids derived instead of drawn at random where a retry must name the same thing: the same caller and
 * Idempotency-Key, or the same causing event, always give the same id.
 */
public final class DerivedIds {

    private DerivedIds() {
    }

    /** SHA-256 of the text, hex. */
    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 32 hex digits naming what this caller created with this key. */
    public static String forCaller(Caller caller, String idempotencyKey) {
        return sha256(caller.municipality() + "|" + caller.subject() + "|" + idempotencyKey).substring(0, 32);
    }

    /** 32 hex digits naming what an event (or another id) caused. */
    public static String from(String cause) {
        return sha256(cause).substring(0, 32);
    }
}
