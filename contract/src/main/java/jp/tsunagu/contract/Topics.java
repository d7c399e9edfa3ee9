package jp.tsunagu.contract;

import java.util.List;

/**
 * The stage topics. Each has exactly one writer (the service named), every record's key is its event's subject
 * (the case id), and all have the same partition count so one case's events sit at the same partition number
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

    private Topics() {
    }
}
