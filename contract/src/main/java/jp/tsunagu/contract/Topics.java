package jp.tsunagu.contract;

import jp.tsunagu.contract.events.IntakeEvent;
import jp.tsunagu.contract.events.MeetingEvent;
import jp.tsunagu.contract.events.PlanningEvent;
import jp.tsunagu.contract.events.RoutingEvent;
import jp.tsunagu.contract.events.TsunaguEvent;

import java.util.List;
import java.util.Optional;

/**
 * The stage topics. Each has exactly one writer (the service named), every record's key is its event's subject
 * (the case id; the meeting id or {@code directory/<code>} for the events about those, as the AsyncAPI document says
 * per message), and all have the same partition count so one case's events sit at the same partition number
 * everywhere.
 */
public final class Topics {

    /** Written by intake-service. */
    public static final String INTAKE = "tsunagu.intake.v1";
    /** Written by routing-service. */
    public static final String ROUTING = "tsunagu.routing.v1";
    /** Written by meeting-service. */
    public static final String MEETINGS = "tsunagu.meetings.v1";
    /** Written by planning-service. */
    public static final String PLANS = "tsunagu.plans.v1";

    /** Events a consumer could not process, with the reason in the dead-letter headers. */
    public static final String DEAD_LETTER = "tsunagu.dead-letter.v1";

    public static final List<String> STAGES = List.of(INTAKE, ROUTING, MEETINGS, PLANS);

    /** The events that may appear on a stage topic (its single writer's sealed interface). */
    public static Optional<Class<? extends TsunaguEvent>> eventsOf(String topic) {
        return Optional.ofNullable(switch (topic) {
            case INTAKE -> IntakeEvent.class;
            case ROUTING -> RoutingEvent.class;
            case MEETINGS -> MeetingEvent.class;
            case PLANS -> PlanningEvent.class;
            default -> null;
        });
    }

    private Topics() {
    }
}
