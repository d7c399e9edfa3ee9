package jp.tsunagu.meeting.agenda;

import io.smallrye.config.ConfigMapping;

import java.nio.file.Path;
import java.util.Optional;

/** The meetings a city holds ({@code tsunagu.meetings.*}; see the README's configuration table). */
@ConfigMapping(prefix = "tsunagu.meetings")
public interface MeetingsConfig {

    /** A directory of {@code <code>.json} meeting calendars replacing the shipped samples; none: the samples. */
    Optional<Path> calendarDir();

    /** Within how many days an urgent case is discussed in a 支援会議 (an existing one, or a new ad-hoc one). */
    int urgentWithinDays();
}
