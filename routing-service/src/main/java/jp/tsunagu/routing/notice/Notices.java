package jp.tsunagu.routing.notice;

import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.IntakeEvent;
import jp.tsunagu.contract.events.MeetingEvent;
import jp.tsunagu.contract.events.PlanningEvent;
import jp.tsunagu.contract.events.RoutingEvent;
import jp.tsunagu.contract.events.TsunaguEvent;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * Which notices an event gives, to whom: a pure function of the event (and, for a plan's review, of the agencies
 * with a role in the plan). Exhaustive over every event type, so a new one must be decided here.
 */
public final class Notices {

    private Notices() {
    }

    /** @param planRoles for a plan's review: the agencies with a role in that plan */
    public static List<Notice> of(EventEnvelope<? extends TsunaguEvent> envelope, Collection<String> planRoles) {
        LocalDate on = envelope.businessDate();
        return switch (envelope.data()) {
            case RoutingEvent.CaseRouted e -> List.of(notice(envelope, e.agencyId(), NoticeType.CASE_ROUTED,
                    e.caseId(), e.municipality(), e.acceptBy(), null));
            case RoutingEvent.OutreachRequested e -> List.of(notice(envelope, e.agencyId(), NoticeType.CASE_ROUTED,
                    e.caseId(), e.municipality(), e.acceptBy(), null));
            case RoutingEvent.AcceptanceOverdue e -> List.of(notice(envelope, e.agencyId(),
                    NoticeType.CASE_TAKEN_AWAY, e.caseId(), e.municipality(), null, null));
            case PlanningEvent.PlanCreated e -> e.roles().stream().map(r -> r.agencyId()).distinct()
                    .map(agency -> notice(envelope, agency, NoticeType.PLAN_ROLE, e.caseId(), e.municipality(),
                            e.reviewOn(), e.planId())).toList();
            case PlanningEvent.PlanReviewDue e -> planRoles.stream().distinct()
                    .map(agency -> notice(envelope, agency, NoticeType.PLAN_REVIEW_DUE, e.caseId(), e.municipality(),
                            e.reviewOn(), e.planId())).toList();
            case RoutingEvent.RoutingAccepted e -> List.of();
            case RoutingEvent.RoutingDeclined e -> List.of();
            case RoutingEvent.CaseEscalated e -> List.of();
            case RoutingEvent.DirectoryChanged e -> List.of();
            case IntakeEvent.ReferralReceived e -> List.of();
            case IntakeEvent.ConsentRecorded e -> List.of();
            case IntakeEvent.PersonErased e -> List.of();
            case MeetingEvent.MeetingScheduled e -> List.of();
            case MeetingEvent.CaseQueued e -> List.of();
            case MeetingEvent.CaseReviewed e -> List.of();
            case MeetingEvent.MinutesRecorded e -> List.of();
            case PlanningEvent.PlanRevised e -> List.of();
            case PlanningEvent.PlanClosed e -> List.of();
            case PlanningEvent.PlacementMade e -> List.of();
            case PlanningEvent.PlacementFollowedUp e -> List.of();
        };
    }

    /** The reminder the business day before an answer is due; one per routing decision. */
    public static Notice answerDue(String caseId, String municipality, String agencyId, int decision,
                                   LocalDate dueOn, LocalDate today) {
        return new Notice("notice/" + caseId + "/routing/" + decision + "/answer-due/" + agencyId, municipality,
                agencyId, NoticeType.ANSWER_DUE, caseId, today, dueOn, null);
    }

    private static Notice notice(EventEnvelope<?> envelope, String agencyId, NoticeType type, String caseId,
                                 String municipality, LocalDate dueOn, String reference) {
        return new Notice("notice/" + envelope.id() + "/" + agencyId, municipality, agencyId, type, caseId,
                envelope.businessDate(), dueOn, reference);
    }
}
