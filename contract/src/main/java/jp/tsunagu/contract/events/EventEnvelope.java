package jp.tsunagu.contract.events;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One event as it travels: the CloudEvents 1.0 attributes (binary mode, each a {@code ce_} Kafka header) around the
 * event record (the Kafka value, JSON).
 *
 * @param id           CloudEvents id, unique per source; a re-sent duplicate keeps it, so consumers skip it
 * @param source       the writing service, e.g. {@code /tsunagu/intake-service}
 * @param time         when it was recorded (the system clock)
 * @param businessDate the day it happened in the city's calendar (Asia/Tokyo): fiscal years follow this date
 * @param causationId  the id of the event or command that caused this one ({@code request/<id>} for an API call)
 */
public record EventEnvelope<E extends TsunaguEvent>(String id, String source, Instant time, LocalDate businessDate,
                                                    String causationId, E data) {

    /**
     * The end of the {@link #source} of an event written for a case brought in from a city's own list (台帳取込), e.g.
     * {@code /tsunagu/intake-service/import}: such events carry the past business dates the list gave.
     */
    public static final String IMPORTED_SOURCE_SUFFIX = "/import";

    /** Written for a case brought in from the city's list rather than as it happened (see {@link #IMPORTED_SOURCE_SUFFIX}). */
    public boolean imported() {
        return source.endsWith(IMPORTED_SOURCE_SUFFIX);
    }

    public String type() {
        return EventCatalog.typeOf(data.getClass());
    }

    public String subject() {
        return data.subject();
    }

    public String municipality() {
        return data.municipality();
    }
}
