package jp.tsunagu.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The offline test issuer of the services' module tests: an RSA key pair made on first use, and RS256 tokens with
 * the claims the identity provider's tokens carry (docs/identity.md). The local run and production trust only the
 * identity provider's realms, so nothing here is used by a running service. Only the JDK is used, so a token prints in well under a second.
 */
public final class DevKeys {

    public static final String ISSUER = "https://tsunagu.local/dev-issuer";

    private final Path privatePem;
    private final Path publicPem;

    private DevKeys(Path dir) {
        this.privatePem = dir.resolve("private.pem");
        this.publicPem = dir.resolve("public.pem");
    }

    /** The key pair in {@code dir}, generated once. */
    public static DevKeys in(Path dir) {
        DevKeys keys = new DevKeys(dir.toAbsolutePath());
        if (!Files.exists(keys.privatePem) || !Files.exists(keys.publicPem)) {
            keys.generate();
        }
        return keys;
    }

    public Path publicKeyFile() {
        return publicPem;
    }

    /** The public key's DER, base64 (the PEM's body on one line), as an OIDC client takes an inline key. */
    public String publicKeyBase64() {
        try {
            return Files.readString(publicPem, StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void generate() {
        try {
            Files.createDirectories(privatePem.getParent());
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, new SecureRandom());
            KeyPair pair = generator.generateKeyPair();
            Files.writeString(privatePem, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(privatePem, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            Files.writeString(publicPem, pem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A signed token.
     *
     * @param role         one of agency, coordinator, meeting-member, analyst, portal
     * @param agency       the agency id for agency staff, else null
     * @param municipality 全国地方公共団体コード, six digits
     */
    public String token(String subject, String role, String agency, String municipality, Duration ttl) {
        Instant now = Instant.now();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("sub", subject);
        claims.put("upn", subject);
        claims.put("groups", List.of(role));
        claims.put("municipality", municipality);
        // as the identity provider's tokens: for Tsunagu, issued to the console or to the agency's own system
        claims.put("aud", "tsunagu");
        claims.put("azp", agency == null ? "tsunagu-console" : "agency-" + agency);
        claims.put("preferred_username", subject);
        if (agency != null) {
            claims.put("agency", agency);
        }
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(ttl).getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        return sign(claims);
    }

    /** Signs arbitrary claims: the attack tests also need tokens a real identity provider would never issue. */
    public String sign(Map<String, Object> claims) {
        try {
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
            String payload = b64.encodeToString(Json.write(claims).getBytes(StandardCharsets.UTF_8));
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(privateKey());
            signature.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + b64.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private PrivateKey privateKey() throws GeneralSecurityException {
        try {
            String body = Files.readString(privatePem, StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    /** Just enough JSON for flat claim sets, so the launcher needs no JSON library. */
    static final class Json {
        static String write(Object value) {
            if (value == null) {
                return "null";
            }
            if (value instanceof Number || value instanceof Boolean) {
                return value.toString();
            }
            if (value instanceof Map<?, ?> map) {
                StringBuilder sb = new StringBuilder("{");
                map.forEach((k, v) -> {
                    if (sb.length() > 1) {
                        sb.append(',');
                    }
                    sb.append(write(k.toString())).append(':').append(write(v));
                });
                return sb.append('}').toString();
            }
            if (value instanceof List<?> list) {
                StringBuilder sb = new StringBuilder("[");
                for (Object item : list) {
                    if (sb.length() > 1) {
                        sb.append(',');
                    }
                    sb.append(write(item));
                }
                return sb.append(']').toString();
            }
            StringBuilder sb = new StringBuilder("\"");
            for (char c : value.toString().toCharArray()) {
                switch (c) {
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    case '\t' -> sb.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            sb.append(String.format("\\u%04x", (int) c));
                        } else {
                            sb.append(c);
                        }
                    }
                }
            }
            return sb.append('"').toString();
        }
    }
}
