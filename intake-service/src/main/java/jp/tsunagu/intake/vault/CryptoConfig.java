package jp.tsunagu.intake.vault;

import io.smallrye.config.ConfigMapping;

/** The master key that wraps every case's data key ({@code tsunagu.crypto.*}; never committed, see docs/configuration.md). */
@ConfigMapping(prefix = "tsunagu.crypto")
public interface CryptoConfig {

    /** 32 bytes, base64. */
    String masterKey();

    /** The name recorded beside each wrapped key, so a rotated key can be told from the old one. */
    String masterKeyId();
}
