package jp.tsunagu.intake.referral;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jp.tsunagu.contract.directory.Directories;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.file.Path;
import java.util.Optional;

/** Reads the municipalities' directories once at start-up: the shipped ones, or a city's own files. */
@ApplicationScoped
public class MunicipalityData {

    @Produces
    @Singleton
    ReferralRules referralRules(@ConfigProperty(name = "tsunagu.directory.dir") Optional<Path> dir) {
        return new ReferralRules(Directories.load(dir));
    }
}
