package jp.tsunagu.meeting.schedule;

import jp.tsunagu.contract.codes.MeetingType;

import java.time.DayOfWeek;
import java.time.LocalTime;

/**
 * One regular meeting series: e.g. 重層的支援会議 on the 4th Wednesday of every month, 14:00-16:00 at the city hall.
 *
 * @param frequency   MONTHLY or YEARLY
 * @param weekOfMonth 1-4 for the n-th such weekday of the month, -1 for the last
 * @param month       for YEARLY: the month (1-12) it is held in
 * @param startsAt    when its meetings begin (Japan time, "14:00"); null: no time (the coordinator says it)
 * @param endsAt      when they are planned to end; null: not said
 * @param place       where they are held (会場), at most 100 characters; null: not said
 */
public record ScheduleRule(MeetingType type, Frequency frequency, int weekOfMonth, DayOfWeek dayOfWeek,
                           Integer month, LocalTime startsAt, LocalTime endsAt, String place) {

    /** A series without a time or place. */
    public ScheduleRule(MeetingType type, Frequency frequency, int weekOfMonth, DayOfWeek dayOfWeek, Integer month) {
        this(type, frequency, weekOfMonth, dayOfWeek, month, null, null, null);
    }

    public enum Frequency { MONTHLY, YEARLY }
}
