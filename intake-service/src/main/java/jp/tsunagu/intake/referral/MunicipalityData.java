package jp.tsunagu.intake.referral;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jp.tsunagu.contract.Municipality;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Loads the municipalities once at start-up: the shipped ones, replaced by a city's own files when configured. */
@ApplicationScoped
public class MunicipalityData {

    @Produces
    @Singleton
    ReferralRules referralRules(@ConfigProperty(name = "tsunagu.municipalities.dir") Optional<Path> dir) {
        Map<String, Municipality> municipalities = Municipality.load(dir);
        return new ReferralRules(municipalities);
    }
}
