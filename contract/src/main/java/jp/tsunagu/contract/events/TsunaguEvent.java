package jp.tsunagu.contract.events;

/**
 * Every event of every stage topic. Sealed, so a projection over all stages written as a pattern-matching
 * {@code switch} stops compiling when a new event type is added and not handled.
 */
public sealed interface TsunaguEvent permits IntakeEvent, RoutingEvent, MeetingEvent, PlanningEvent {

    /** 全国地方公共団体コード of the city the event belongs to: every read is scoped by it. */
    String municipality();

    /** CloudEvents {@code subject} and Kafka key: the case id, or the meeting / directory id for events about those. */
    String subject();
}
