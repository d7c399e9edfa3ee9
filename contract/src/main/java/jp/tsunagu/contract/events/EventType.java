package jp.tsunagu.contract.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The CloudEvents {@code type} of an event record: a stable dotted name that outside consumers match on.
 * Never rename one. When a field changes meaning, the record takes the {@code .v2} type and the old shape stays as an
 * {@link OlderVersion} record with the {@code .v1} type, so old records are still read (see
 * {@link RoutingEvent.CaseEscalatedV1}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {
    String value();
}
