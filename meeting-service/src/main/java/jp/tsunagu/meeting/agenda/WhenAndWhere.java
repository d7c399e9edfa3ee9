package jp.tsunagu.meeting.agenda;

import jp.tsunagu.support.problem.FieldError;
import jp.tsunagu.support.problem.Params;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * When and where a meeting is held, as scheduled: its start (Japan time), its planned end and its place (会場: a room,
 * never personal data, so the meeting-scheduled event and invitations carry it). Every value may be absent for a
 * meeting scheduled before meetings had a time and place.
 */
public record WhenAndWhere(LocalTime startsAt, LocalTime endsAt, String place) {

    public static final WhenAndWhere NONE = new WhenAndWhere(null, null, null);

    /** The longest place a city writes (as the minutes' 会場). */
    public static final int PLACE_MAX = 100;

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("H:mm");

    /**
     * A new meeting's time and place as given, checked (errors named by field): {@code startsAt} and {@code place}
     * are required, {@code endsAt} is optional and after the start.
     */
    public static WhenAndWhere check(String startsAt, String endsAt, String place, List<FieldError> errors) {
        LocalTime start = time(startsAt, "startsAt", true, errors);
        LocalTime end = time(endsAt, "endsAt", false, errors);
        if (start != null && end != null && !end.isAfter(start)) {
            errors.add(new FieldError("endsAt", "must be after startsAt"));
        }
        return new WhenAndWhere(start, end, Params.text(place, "place", PLACE_MAX, true, errors));
    }

    /** A time of day written HH:MM (or H:MM); null when absent and not required. */
    public static LocalTime time(String value, String field, boolean required, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new FieldError(field, "required: a time HH:MM"));
            }
            return null;
        }
        try {
            return LocalTime.parse(value.strip(), HH_MM);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "a time HH:MM"));
            return null;
        }
    }
}
