package jp.tsunagu.routing.rules;

import jp.tsunagu.contract.calendar.BusinessCalendar;
import jp.tsunagu.contract.codes.Urgency;

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

    public LocalDate dueOn(LocalDate routedOn, Urgency urgency) {
        return calendar.plusBusinessDays(routedOn, urgency == Urgency.URGENT ? urgentDays : days);
    }
}
