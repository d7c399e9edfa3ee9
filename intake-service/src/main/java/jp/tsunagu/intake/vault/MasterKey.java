package jp.tsunagu.intake.vault;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * The key-encryption key from configuration ({@code tsunagu.crypto.master-key}, 32 bytes base64). It only wraps the
 * per-case data keys; it never touches personal data itself, so rotating it means re-wrapping the keys, not the log.
 */
public final class MasterKey {

    static final int NONCE_BYTES = 12;
    static final int TAG_BITS = 128;

    private final String id;
    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public MasterKey(String id, String base64) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("tsunagu.crypto.master-key is not base64");
        }
        if (raw.length != 32) {
            throw new IllegalArgumentException("tsunagu.crypto.master-key must be 32 bytes (256 bits), base64-encoded");
        }
        this.id = id;
        this.key = new SecretKeySpec(raw, "AES");
        Arrays.fill(raw, (byte) 0);
    }

    public String id() {
        return id;
    }

    /**
     * nonce || AES-GCM(dataKey), bound by the additional authenticated data to what the key is for (a case's id, a
     * municipality's search key): a wrapped key moved to another row does not unwrap.
     */
    public byte[] wrap(byte[] dataKey, String caseId) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(caseId.getBytes(StandardCharsets.UTF_8));
            byte[] ct = cipher.doFinal(dataKey);
            return ByteBuffer.allocate(nonce.length + ct.length).put(nonce).put(ct).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot wrap data key", e);
        }
    }

    public byte[] unwrap(byte[] wrapped, String caseId) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, wrapped, 0, NONCE_BYTES));
            cipher.updateAAD(caseId.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(wrapped, NONCE_BYTES, wrapped.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot unwrap data key (wrong master key?)", e);
        }
    }
}
