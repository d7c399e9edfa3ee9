package jp.tsunagu.support.calendar;

import io.smallrye.config.ConfigMapping;

import java.nio.file.Path;
import java.util.Optional;

/** The city's office calendar ({@code tsunagu.calendar.*}; docs/configuration.md lists them). */
@ConfigMapping(prefix = "tsunagu.calendar")
public interface CalendarConfig {

    /**
     * The public holidays as {@code yyyy-mm-dd,name} lines replacing the shipped list (which covers 2024–2027);
     * none: the shipped list.
     */
    Optional<Path> holidaysFile();
}
