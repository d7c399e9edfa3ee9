package jp.tsunagu.console.signin;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jp.tsunagu.console.ConsoleConfig;
import jp.tsunagu.contract.identity.Issuers;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/** Which realm speaks for which city, read once from the settings, for sign-in, its check and the page headers. */
public class CityIssuers {

    @Produces
    @Singleton
    Issuers issuers(@ConfigProperty(name = "tsunagu.identity.issuer") Optional<String> issuer, ConsoleConfig config) {
        return new Issuers(issuer, config.issuers());
    }
}
