package jp.tsunagu.reporting.history;

import jp.tsunagu.contract.events.IntakeEvent;
import jp.tsunagu.contract.events.MeetingEvent;
import jp.tsunagu.contract.events.PlanningEvent;
import jp.tsunagu.contract.events.RoutingEvent;
import jp.tsunagu.contract.events.TsunaguEvent;

import java.util.Optional;

/**
 * The one line a case history shows for an event, never a personal value (the encrypted personal block of a
 * referral is not even looked at). Empty for events not about one case. Exhaustive: a new event type does not
 * compile until it is decided here.
 */
public final class CaseEventSummary {

    private CaseEventSummary() {
    }

    public static Optional<String> of(TsunaguEvent event) {
        return Optional.ofNullable(switch (event) {
            case IntakeEvent.ReferralReceived e -> "received via " + e.channel() + ", concerns " + e.concerns()
                    + ", consent " + e.consent() + ", urgency " + e.urgency();
            case IntakeEvent.ConsentRecorded e -> "consent " + e.consent();
            case IntakeEvent.PersonErased e -> "personal data erased";
            case RoutingEvent.CaseRouted e -> "routed to " + e.agencyId() + " (fields " + e.fields() + ")";
            case RoutingEvent.CaseEscalated e -> "escalated to " + e.track() + (e.urgent() ? " (urgent)" : "");
            case RoutingEvent.OutreachRequested e -> "outreach by " + e.agencyId();
            case RoutingEvent.RoutingAccepted e -> "accepted by " + e.agencyId();
            case RoutingEvent.RoutingDeclined e -> "declined by " + e.agencyId();
            case RoutingEvent.AcceptanceOverdue e -> "not accepted within " + e.daysWaited() + " days";
            case RoutingEvent.DirectoryChanged e -> null;
            case MeetingEvent.MeetingScheduled e -> null;
            case MeetingEvent.MembersInvited e -> null;
            case MeetingEvent.MinutesRecorded e -> null;
            case MeetingEvent.MinutesAmended e -> null;
            case MeetingEvent.CaseReviewAmended e -> "review at " + e.meetingType() + " " + e.meetingId()
                    + " corrected (v" + e.version() + ")" + (e.meetingType() == jp.tsunagu.contract.codes.MeetingType
                    .SHIEN_KAIGI || !e.outcomeChanged() ? "" : ": " + e.previousOutcome() + " → " + e.outcome());
            case MeetingEvent.CaseQueued e -> "queued for " + e.track()
                    + (e.meetingId() == null ? " (no meeting scheduled yet)" : " meeting " + e.meetingId());
            case MeetingEvent.CaseReviewed e -> "reviewed at " + e.meetingType() + " " + e.meetingId()
                    + (e.meetingType() == jp.tsunagu.contract.codes.MeetingType.SHIEN_KAIGI ? "" : ": " + e.outcome());
            case PlanningEvent.PlanCreated e -> e.type() + " plan " + e.planId() + " made";
            case PlanningEvent.PlanDetailsCompleted e -> e.type() + " plan " + e.planId() + " details completed (v"
                    + e.version() + ")";
            case PlanningEvent.PlanRevised e -> e.type() + " plan " + e.planId() + " revised (v" + e.version() + ")";
            case PlanningEvent.PlanClosed e -> e.type() + " plan " + e.planId() + " closed";
            case PlanningEvent.PlanReviewDue e -> e.type() + " plan " + e.planId() + " due for review";
            case PlanningEvent.PlacementMade e -> "placed with " + e.resourceId();
            case PlanningEvent.PlacementFollowedUp e -> "follow-up with the " + e.side();
        });
    }
}
