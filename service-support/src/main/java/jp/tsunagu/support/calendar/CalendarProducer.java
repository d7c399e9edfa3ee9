package jp.tsunagu.support.calendar;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jp.tsunagu.contract.calendar.BusinessCalendar;
import jp.tsunagu.support.clock.BusinessClock;
import org.jboss.logging.Logger;

/** The office calendar every service counts business days with, read once at start. */
public class CalendarProducer {

    private static final Logger LOG = Logger.getLogger(CalendarProducer.class);

    @Produces
    @Singleton
    BusinessCalendar calendar(CalendarConfig config, BusinessClock clock) {
        BusinessCalendar calendar = BusinessCalendar.of(config.holidaysFile());
        if (!calendar.covers(clock.today().plusMonths(3))) {
            LOG.warnf("the holiday list ends with %d: deadlines after it count weekends and the year-end closure "
                    + "only; give tsunagu.calendar.holidays-file a list with the next year", calendar.lastYearCovered());
        }
        return calendar;
    }
}
