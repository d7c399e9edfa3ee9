package jp.tsunagu.meeting.agenda;

import io.smallrye.config.ConfigMapping;

import java.nio.file.Path;
import java.util.Optional;

/** The meetings a city holds ({@code tsunagu.meetings.*}; see the README's configuration table). */
@ConfigMapping(prefix = "tsunagu.meetings")
public interface MeetingsConfig {

    /** A directory of {@code <code>.json} meeting calendars replacing the shipped samples; none: the samples. */
    Optional<Path> calendarDir();

    /**
     * The urgent window, in calendar days from the escalation, for both 危険・緊急 and 至急 cases
     * ({@code AgendaDecider.soonMeeting}): an emergency is discussed at the first 支援会議 within it (regular or ad hoc),
     * else at an ad-hoc one the next day; a 至急 case at the next regular meeting of its track within it, else at an
     * ad-hoc one on the next business day.
     */
    int urgentWithinDays();
}
