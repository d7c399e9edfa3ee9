package jp.tsunagu.meeting.schedule;

import jp.tsunagu.contract.codes.MeetingType;

import java.time.DayOfWeek;

/**
 * One regular meeting series: e.g. 重層的支援会議 on the 4th Wednesday of every month.
 *
 * @param frequency  MONTHLY or YEARLY
 * @param weekOfMonth 1-4 for the n-th such weekday of the month, -1 for the last
 * @param month      for YEARLY: the month (1-12) it is held in
 */
public record ScheduleRule(MeetingType type, Frequency frequency, int weekOfMonth, DayOfWeek dayOfWeek,
                           Integer month) {

    public enum Frequency { MONTHLY, YEARLY }
}
