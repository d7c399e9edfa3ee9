package jp.tsunagu.console;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * What a city sets for its console (each documented in console/README.md). The services' addresses are the REST
 * clients' own settings ({@code quarkus.rest-client.intake.url}, {@code …routing.url}).
 */
@ConfigMapping(prefix = "tsunagu.console")
public interface ConsoleConfig {

    /** The client people sign in through, in every municipality's realm. */
    @WithDefault("tsunagu-console")
    String clientId();

    /**
     * A directory holding each realm's client secret as {@code <municipality>/<client id>} (the layout
     * {@code ./tsunagu up} writes and a Kubernetes secret mounts).
     */
    Optional<Path> clientSecrets();

    /**
     * At least 32 characters, the same on every replica: encrypts the session cookie (the tokens live only there, so
     * any replica serves any request) and signs the forms' CSRF tokens.
     */
    String sessionKey();

    /** Sign-out after this long without a request (the realm's SSO idle timeout should be the same). */
    @WithDefault("30m")
    Duration idleTimeout();

    /** Cookies only over HTTPS; false only for the local run on loopback. */
    @WithDefault("true")
    boolean secureCookies();

    /**
     * How long a page waits for intake to record what routing already shows (a case just sent to her agency, her
     * acceptance): the services learn each other's steps from the event log, a moment apart.
     */
    @WithDefault("10s")
    Duration catchUpWait();

    /** Issuers of realms that are not at the template's address, by municipality code (as the services'). */
    Map<String, String> issuers();
}
