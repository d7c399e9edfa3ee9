package jp.tsunagu.routing.rules;

import jp.tsunagu.contract.calendar.BusinessCalendar;
import jp.tsunagu.contract.codes.BusinessDate;
import jp.tsunagu.contract.codes.Urgency;

import java.time.Instant;
import java.time.LocalDate;

/**
 * By when the agency a case is routed to must answer: {@code days} business days after the routing (the city's
 * office days, {@link BusinessCalendar}), {@code urgentDays} for a referral marked URGENT. An EMERGENCY is not
 * routed to an agency at all: it goes to an ad-hoc 支援会議 (RoutingRules).
 */
public record AcceptanceDeadlines(BusinessCalendar calendar, int days, int urgentDays) {

    public AcceptanceDeadlines {
        if (days < 1 || urgentDays < 1 || urgentDays > days) {
            throw new IllegalArgumentException("acceptance days must be at least 1 and urgent days at most the "
                    + "others: " + days + " / " + urgentDays);
        }
    }

    /**
     * The business day a new referral reaches its agency, from which its deadline counts: the day Tsunagu recorded
     * it (routing routes a referral as it is recorded), never the day the consultation was received. A paper
     * consultation typed in two weeks late would otherwise arrive in the inbox overdue and be taken away from the
     * agency at the next check. Taken from the recorded event, not the clock, so a replay decides the same.
     *
     * @param receivedOn the day the consultation was received (a later one wins over a recording clock behind it)
     * @param recordedAt when intake recorded the referral (its event's time)
     */
    public static LocalDate routedOn(LocalDate receivedOn, Instant recordedAt) {
        LocalDate recorded = BusinessDate.of(recordedAt);
        return receivedOn != null && receivedOn.isAfter(recorded) ? receivedOn : recorded;
    }

    public LocalDate dueOn(LocalDate routedOn, Urgency urgency) {
        return calendar.plusBusinessDays(routedOn, urgency == Urgency.URGENT ? urgentDays : days);
    }
}
