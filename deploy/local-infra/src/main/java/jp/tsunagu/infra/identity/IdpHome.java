package jp.tsunagu.infra.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

/**
 * The identity provider's files in a local run's home ({@code <home>/idp}): the bootstrap admin's password that
 * {@code ./tsunagu} gives Keycloak, each confidential client's secret ({@code secrets/<realm>/<clientId>}) and each demo
 * user's password ({@code demo-passwords/<realm>/<user>}), made once (random, mode 0600) and then read, so a realm
 * created in an earlier run and these files agree.
 */
public final class IdpHome implements LocalSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** No look-alikes (0/O, 1/l/I), so a person can type a demo password from the file. */
    private static final String PASSWORD_CHARS = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final Path dir;
    private final Set<Path> madeNow = new HashSet<>();

    public IdpHome(Path home) {
        this.dir = home.toAbsolutePath().resolve("idp");
    }

    public Path dir() {
        return dir;
    }

    public Path adminPasswordFile() {
        return dir.resolve("admin.password");
    }

    public Path demoUsersFile() {
        return dir.resolve("demo-users.txt");
    }

    public Path secretFile(String realm, String clientId) {
        return dir.resolve("secrets").resolve(realm).resolve(clientId);
    }

    /** The bootstrap admin's password; the file is {@code ./tsunagu}'s, so it must exist. */
    public String adminPassword() {
        Path file = adminPasswordFile();
        if (!Files.isRegularFile(file)) {
            throw new IdentityFailure("管理者パスワードのファイルがありません / the Keycloak admin password file is missing: "
                    + file + " (./tsunagu up makes it)");
        }
        return read(file);
    }

    /** The client's secret as the file holds it, or null when there is no file (IdpTokens says so). */
    public String existingSecret(String realm, String clientId) {
        Path file = secretFile(realm, clientId);
        return Files.isRegularFile(file) ? read(file) : null;
    }

    @Override
    public String clientSecret(String realm, String clientId) {
        return readOrMake(secretFile(realm, clientId), () -> {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        });
    }

    @Override
    public String demoPassword(String realm, String username) {
        return readOrMake(dir.resolve("demo-passwords").resolve(realm).resolve(username), () -> {
            StringBuilder password = new StringBuilder();
            for (int i = 0; i < 20; i++) {
                password.append(PASSWORD_CHARS.charAt(RANDOM.nextInt(PASSWORD_CHARS.length())));
            }
            return password.toString();
        });
    }

    /** True when this run made the client's secret file: a client already in Keycloak then holds another secret. */
    public boolean secretMadeNow(String realm, String clientId) {
        return madeNow.contains(secretFile(realm, clientId));
    }

    /** Replaces the file's secret with the one Keycloak holds (the realm outlived the file). */
    public void keepSecret(String realm, String clientId, String secret) {
        write(secretFile(realm, clientId), secret + "\n");
    }

    /** Writes a file only the run's user can read. */
    public static void write(Path file, String content) {
        try {
            if (!Files.isDirectory(file.getParent())) {
                Files.createDirectories(file.getParent());
                try {
                    Files.setPosixFilePermissions(file.getParent(), PosixFilePermissions.fromString("rwx------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system
                }
            }
            Path temp = Files.createTempFile(file.getParent(), ".tmp-", "");
            ownerOnly(temp);
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private String readOrMake(Path file, java.util.function.Supplier<String> make) {
        if (Files.isRegularFile(file)) {
            return read(file);
        }
        String value = make.get();
        write(file, value + "\n");
        madeNow.add(file);
        return value;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system
        }
    }
}
