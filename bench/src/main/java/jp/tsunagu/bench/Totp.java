package jp.tsunagu.bench;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;

/**
 * The six-digit code an authenticator app shows (RFC 6238: HMAC-SHA1, 30-second steps, as the local realms' OTP
 * policy says), from the key the enrolment page shows: the bench's sign-ins and the system tests' browsers both use it.
 */
public final class Totp {

    private Totp() {
    }

    /** The code of the step {@code offset} steps after the current one (the realm accepts one step either way). */
    public static String code(byte[] key, int offset) throws Exception {
        long step = Instant.now().getEpochSecond() / 30 + offset;
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(key, "HmacSHA1"));
        byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
        int o = h[h.length - 1] & 0xf;
        int binary = ((h[o] & 0x7f) << 24) | ((h[o + 1] & 0xff) << 16) | ((h[o + 2] & 0xff) << 8) | (h[o + 3] & 0xff);
        return String.format(Locale.ROOT, "%06d", binary % 1_000_000);
    }

    /** The key an app takes when typed in: Base32 (RFC 4648), spaces allowed, as the enrolment page shows it. */
    public static byte[] base32(String shown) {
        String s = shown.replace(" ", "").replace("=", "").toUpperCase(Locale.ROOT);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        ByteBuffer out = ByteBuffer.allocate(s.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (char c : s.toCharArray()) {
            int v = alphabet.indexOf(c);
            if (v < 0) {
                throw new IllegalArgumentException("not Base32: " + shown);
            }
            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits >= 8) {
                out.put((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return Arrays.copyOf(out.array(), out.position());
    }
}
