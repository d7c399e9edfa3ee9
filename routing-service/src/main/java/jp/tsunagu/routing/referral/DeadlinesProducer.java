package jp.tsunagu.routing.referral;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jp.tsunagu.contract.calendar.BusinessCalendar;
import jp.tsunagu.routing.rules.AcceptanceDeadlines;
import jp.tsunagu.routing.rules.RoutingConfig;

/** The acceptance deadlines as the city configured them, on its office calendar. */
public class DeadlinesProducer {

    @Produces
    @Singleton
    AcceptanceDeadlines deadlines(BusinessCalendar calendar, RoutingConfig config) {
        return new AcceptanceDeadlines(calendar, config.acceptanceDays(), config.urgentAcceptanceDays());
    }
}
