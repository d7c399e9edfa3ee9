package jp.tsunagu.intake.vault;

import jp.tsunagu.contract.events.SealedData;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/** AES-256-GCM with one case's data key; the case id is the additional authenticated data. Plain Java, no I/O. */
public final class DataKeyCipher {

    public static final String ALG = "A256GCM";
    private static final SecureRandom RANDOM = new SecureRandom();

    private DataKeyCipher() {
    }

    public static byte[] newDataKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }

    public static SealedData seal(byte[] dataKey, String keyId, String caseId, byte[] plaintext) {
        try {
            byte[] nonce = new byte[MasterKey.NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(dataKey, "AES"),
                    new GCMParameterSpec(MasterKey.TAG_BITS, nonce));
            cipher.updateAAD(caseId.getBytes(StandardCharsets.UTF_8));
            byte[] ct = cipher.doFinal(plaintext);
            Base64.Encoder b64 = Base64.getEncoder();
            return new SealedData(ALG, keyId, b64.encodeToString(nonce), b64.encodeToString(ct));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt personal data", e);
        }
    }

    public static byte[] open(byte[] dataKey, String caseId, SealedData sealed) {
        if (!ALG.equals(sealed.alg())) {
            throw new IllegalArgumentException("unsupported alg " + sealed.alg());
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(dataKey, "AES"),
                    new GCMParameterSpec(MasterKey.TAG_BITS, Base64.getDecoder().decode(sealed.nonce())));
            cipher.updateAAD(caseId.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(Base64.getDecoder().decode(sealed.ciphertext()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt personal data of this case", e);
        }
    }
}
