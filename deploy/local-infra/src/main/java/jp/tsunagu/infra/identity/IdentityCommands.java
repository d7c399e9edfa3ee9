package jp.tsunagu.infra.identity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.tsunagu.contract.directory.AgencyDirectory;
import jp.tsunagu.contract.directory.Directories;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The launcher's identity commands ({@code jp.tsunagu.infra.Main} parses their options): make or update the realms in
 * Keycloak, print a realm or the operator's resources, and print a local-run token.
 */
public final class IdentityCommands {

    /** The admin the local run bootstraps Keycloak with; {@code TSUNAGU_IDP_ADMIN_USER} names another. */
    public static final String DEFAULT_ADMIN = "tsunagu-admin";

    private IdentityCommands() {
    }

    /**
     * Generates every directory's realm and puts it into Keycloak, one line a realm; in the local profile also writes
     * the client secrets and {@code <home>/idp/demo-users.txt}.
     *
     * @param adminUser the master realm's admin; its password from {@code TSUNAGU_IDP_ADMIN_PASSWORD}, else
     *                  {@code <home>/idp/admin.password}
     */
    public static void idpRealms(URI idp, Path home, String consoleUrl, Profile profile, Optional<Path> directories,
                                 String adminUser, PrintStream out) {
        IdpHome idpHome = new IdpHome(home);
        String password = Optional.ofNullable(System.getenv("TSUNAGU_IDP_ADMIN_PASSWORD"))
                .filter(p -> !p.isBlank()).orElseGet(idpHome::adminPassword);
        RealmApplier applier = new RealmApplier(idp, adminUser, password, profile == Profile.LOCAL ? idpHome : null);
        Map<String, AgencyDirectory> all = Directories.load(directories);
        for (AgencyDirectory directory : all.values()) {
            ObjectNode realm = RealmGenerator.realm(directory, profile, consoleUrl,
                    profile == Profile.LOCAL ? idpHome : null);
            out.println("realm " + applier.apply(realm).line().replaceFirst(":", " (" + directory.municipalityName() + "):"));
        }
        if (profile == Profile.LOCAL) {
            IdpHome.write(idpHome.demoUsersFile(), demoUsers(all, idpHome, idp, consoleUrl));
            out.println("demo users (local run only): " + idpHome.demoUsersFile());
        }
    }

    /** How to sign in as each demo person of the local run. */
    static String demoUsers(Map<String, AgencyDirectory> directories, IdpHome home, URI idp, String consoleUrl) {
        StringBuilder text = new StringBuilder("""
                # Tsunagu のローカル実行専用のデモ利用者（本番には作られません）/ demo users of the local run only
                # サインイン先 / sign in at: the staff console 職員コンソール %s/ (choose the city), or each
                # realm's account page below (アカウント画面). Agency staff: 受信箱・紹介する・担当ケース in the console.
                # coordinator と analyst は初回サインインで TOTP の登録を求められます（認証アプリで QR コードを読む）。
                # coordinator and analyst enrol a TOTP authenticator app at their first sign-in.
                """.formatted(consoleUrl));
        for (AgencyDirectory d : directories.values()) {
            String code = d.municipality();
            text.append("\n# ").append(code).append(' ').append(d.municipalityName()).append(": ")
                    .append(idp.resolve("/realms/" + code + "/account")).append('\n');
            for (RealmUsers.DemoUser user : RealmUsers.demoUsers(d)) {
                text.append(String.format("%-36s %-22s %-15s %s%n", user.username(),
                        home.demoPassword(code, user.username()), user.role(), user.group()));
            }
        }
        return text.toString();
    }

    /** A realm's representation as Keycloak imports it; a LOCAL one needs the run's home for its secrets. */
    public static String realmJson(String municipality, Profile profile, String consoleUrl, Optional<Path> directories,
                                   Path home) {
        AgencyDirectory directory = Directories.load(directories).get(municipality);
        if (directory == null) {
            throw new IdentityFailure("市町村 " + municipality + " のディレクトリがありません / no agency directory for "
                    + municipality);
        }
        return RealmGenerator.realm(directory, profile, consoleUrl,
                profile == Profile.LOCAL ? new IdpHome(home) : null).toPrettyString();
    }

    /** Writes {@code realm-<code>.yaml} for every directory; returns the files written. */
    public static Map<String, String> kubernetesRealms(Path out, String consoleUrl, Optional<Path> directories) {
        Map<String, String> files = KubernetesRealms.files(Directories.load(directories).values(), consoleUrl);
        KubernetesRealms.write(out, files);
        return files;
    }

    /** A local-run access token of the role, from the identity provider. */
    public static String token(URI idp, Path home, String municipality, String role, String agency) {
        return new IdpTokens(idp, new IdpHome(home)).forRole(municipality, role, agency);
    }
}
