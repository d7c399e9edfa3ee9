package jp.tsunagu.reporting.projection;

import jp.tsunagu.contract.status.CaseStatusRules;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A case's row of facts ({@code case_fact}), or what one event knows of it (the rest null), and the one rule by which
 * the two meet. The live consumer and a replay both read a batch's rows, merge its events' facts into them in order
 * with {@link #merge} and write the rows back, so the rule lives here and nowhere in SQL. It keeps what is already
 * there, the earliest date of a first routing, meeting or plan (and the decision of that first routing), and the
 * stage of the latest event by recorded time: the row is the same whatever order the stage topics' events arrive in.
 *
 * @param stageAt     the recorded time of the event that set {@code stage}: its first copy's, when an event was
 *                    written twice (a writer that died after Kafka acknowledged it publishes the same id again, later)
 * @param duplicateOf the case this one was joined to as a duplicate of the same person ({@code duplicate-confirmed});
 *                    such a case is not a 相談 of its own in the figures
 */
public record CaseFactRow(String caseId, String municipality, LocalDate receivedOn, String channel, String concerns,
                          String referringAgency, String urgency, LocalDate routedOn, String decision,
                          String routedAgency, String fields, LocalDate firstMeetingOn, LocalDate firstPlanOn,
                          String stage, OffsetDateTime stageAt, String duplicateOf) {

    private static final String JOINED = CaseStatusRules.JOINED.name();

    /** The row after {@code change}, an event's facts, is merged into it. */
    public CaseFactRow merge(CaseFactRow change) {
        boolean firstRouting = routedOn == null || (change.routedOn != null && change.routedOn.isBefore(routedOn));
        boolean laterStage = change.stage != null && (stageAt == null || !stageAt.isAfter(change.stageAt));
        // a joined case is closed for good (CaseStatusRules.JOINED), whatever the latest stage's event says: the
        // stage's time still follows the latest, so that every order of the events gives the same row
        String joinedTo = first(duplicateOf, change.duplicateOf);
        return new CaseFactRow(caseId, first(municipality, change.municipality),
                first(receivedOn, change.receivedOn), first(channel, change.channel),
                first(concerns, change.concerns), first(referringAgency, change.referringAgency),
                first(urgency, change.urgency), earliest(routedOn, change.routedOn),
                firstRouting ? first(change.decision, decision) : decision,
                firstRouting ? first(change.routedAgency, routedAgency) : routedAgency,
                firstRouting ? first(change.fields, fields) : fields,
                earliest(firstMeetingOn, change.firstMeetingOn), earliest(firstPlanOn, change.firstPlanOn),
                joinedTo != null ? JOINED : laterStage ? change.stage : stage, laterStage ? change.stageAt : stageAt,
                joinedTo);
    }

    /** The same facts with the stage's time settled (the first copy's recorded time of the event that set it). */
    CaseFactRow stagedAt(OffsetDateTime at) {
        return new CaseFactRow(caseId, municipality, receivedOn, channel, concerns, referringAgency, urgency,
                routedOn, decision, routedAgency, fields, firstMeetingOn, firstPlanOn, stage, at, duplicateOf);
    }

    private static <T> T first(T kept, T offered) {
        return kept != null ? kept : offered;
    }

    private static LocalDate earliest(LocalDate a, LocalDate b) {
        return a == null ? b : b == null || !b.isBefore(a) ? a : b;
    }
}
