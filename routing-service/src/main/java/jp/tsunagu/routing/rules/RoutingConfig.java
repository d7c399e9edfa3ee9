package jp.tsunagu.routing.rules;

import io.smallrye.config.ConfigMapping;

import java.nio.file.Path;
import java.util.Optional;

/** How routing decides and waits ({@code tsunagu.routing.*}; docs/configuration.md lists them). */
@ConfigMapping(prefix = "tsunagu.routing")
public interface RoutingConfig {

    /**
     * Business days (the city's office days) an agency has to answer a case routed to it before it goes to
     * multi-agency coordination.
     */
    int acceptanceDays();

    /** The same for a referral marked URGENT: at least 1, at most {@link #acceptanceDays()}. */
    int urgentAcceptanceDays();

    /** How often the overdue check runs (a scheduler interval such as {@code 1h}). */
    Optional<String> overdueCheckEvery();

    /** A directory of {@code <code>.json} rule sets replacing the shipped {@code default.json}; none: the default. */
    Optional<Path> rulesDir();
}
