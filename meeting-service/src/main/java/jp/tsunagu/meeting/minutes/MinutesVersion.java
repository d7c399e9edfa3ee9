package jp.tsunagu.meeting.minutes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One version of a meeting's minutes: version 1 is the recording, each correction (議事録の訂正) the next, with its
 * reason, who made it, and the cases whose review it changed.
 *
 * @param recordedBy     the subject of the token that recorded it (for the audit trail)
 * @param recordedByName her name as people read it ({@link Recorder}); null for versions before 2026-12
 */
public record MinutesVersion(int version, Instant recordedAt, String recordedBy, String recordedByName, String reason,
                             LocalDate heldOn, List<Attendee> attendees, MinutesRules.Details details,
                             List<String> amendedCaseIds) {
    public MinutesVersion {
        attendees = attendees == null ? List.of() : List.copyOf(attendees);
        amendedCaseIds = amendedCaseIds == null ? List.of() : List.copyOf(amendedCaseIds);
    }

    /** A review as a version wrote it. */
    public record OfReview(int version, MinutesRules.Review review) {
    }
}
