package jp.tsunagu.support.directory;

import io.smallrye.config.ConfigMapping;

import java.nio.file.Path;
import java.util.Optional;

/** Where a city's agency directories are ({@code tsunagu.directory.*}; docs/configuration.md lists them). */
@ConfigMapping(prefix = "tsunagu.directory")
public interface DirectoryConfig {

    /** A directory of {@code <code>.json} files replacing the shipped samples; none: the samples. */
    Optional<Path> dir();

    /** How often routing reads the files again (a scheduler interval such as {@code 60s}). */
    Optional<String> checkEvery();
}
