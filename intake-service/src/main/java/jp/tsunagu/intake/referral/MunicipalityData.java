package jp.tsunagu.intake.referral;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jp.tsunagu.support.directory.AgencyDirectories;

/** The referral rules over the municipalities' directories as they stand (they follow routing's changes). */
@ApplicationScoped
public class MunicipalityData {

    @Produces
    @Singleton
    ReferralRules referralRules(AgencyDirectories directories) {
        return new ReferralRules(directories.view());
    }
}
