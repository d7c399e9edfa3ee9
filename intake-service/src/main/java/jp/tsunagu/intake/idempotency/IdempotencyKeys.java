package jp.tsunagu.intake.idempotency;

import jp.tsunagu.support.problem.ApiProblem;
import jp.tsunagu.support.security.Caller;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Rules of the {@code Idempotency-Key} header (docs/api.md; IETF draft-ietf-httpapi-idempotency-key-header) and the
 * ids derived from it. Keys are scoped to the caller: one agency can neither collide with nor read another's.
 */
public final class IdempotencyKeys {

    private IdempotencyKeys() {
    }

    /** 1-255 printable ASCII characters. */
    public static String require(String key) {
        if (key == null) {
            throw ApiProblem.badRequest("idempotency-key-missing",
                    "the Idempotency-Key header is required (1-255 printable ASCII characters); "
                            + "send the same key when you retry");
        }
        if (!valid(key)) {
            throw ApiProblem.badRequest("idempotency-key-invalid",
                    "the Idempotency-Key header must be 1-255 printable ASCII characters");
        }
        return key;
    }

    public static boolean valid(String key) {
        return key != null && !key.isEmpty() && key.length() <= 255 && key.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    }

    /** The municipality and agency (or, for city staff, the subject) a key belongs to. */
    public static String scope(Caller caller) {
        return caller.municipality() + "|" + (caller.agencyId() != null ? "agency:" + caller.agencyId()
                : "subject:" + caller.subject());
    }

    /** The same scope and key always name the same case, so a retry can never make a second one. */
    public static String caseId(String scope, String key) {
        byte[] hash = sha256("tsunagu-case|" + scope + "|" + key);
        ByteBuffer b = ByteBuffer.wrap(hash);
        long msb = (b.getLong() & 0xffffffffffff0fffL) | 0x0000000000008000L; // version 8 (custom)
        long lsb = (b.getLong() & 0x3fffffffffffffffL) | 0x8000000000000000L; // IETF variant
        return new UUID(msb, lsb).toString();
    }

    public static String fingerprint(byte[] canonicalBody) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonicalBody));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
