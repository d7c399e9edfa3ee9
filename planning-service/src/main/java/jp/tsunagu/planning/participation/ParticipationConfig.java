package jp.tsunagu.planning.participation;

import io.smallrye.config.ConfigMapping;

import java.nio.file.Path;
import java.util.Optional;

/** The 参加支援 resources a city offers ({@code tsunagu.participation.*}; docs/configuration.md lists them). */
@ConfigMapping(prefix = "tsunagu.participation")
public interface ParticipationConfig {

    /** A directory of {@code <code>.json} resource catalogs (HSDS-shaped) replacing the samples; none: the samples. */
    Optional<Path> catalogDir();
}
