package jp.tsunagu.contract.status;

import jp.tsunagu.contract.codes.CaseStatus;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.ReviewOutcome;
import jp.tsunagu.contract.events.IntakeEvent;
import jp.tsunagu.contract.events.MeetingEvent;
import jp.tsunagu.contract.events.PlanningEvent;
import jp.tsunagu.contract.events.RoutingEvent;
import jp.tsunagu.contract.events.TsunaguEvent;

import java.util.Optional;

/**
 * The closed loop as the referrer sees it: how each event of each stage moves a case's status (intake-service's status
 * view, through {@link CaseProgress}, and reporting-service's open cases by stage use the same rules). An exhaustive
 * switch, so a new event type does not compile until someone decides what it means here.
 */
public final class CaseStatusRules {

    private CaseStatusRules() {
    }

    /**
     * The status a case is seen in: one whose latest event would close it while one of its plans still runs (a plan
     * closed beside another, a 支援会議 closing a case whose plan only a 重層的支援会議 may close) stays PLAN_ACTIVE.
     */
    public static CaseStatus asSeen(CaseStatus latest, boolean planOpen) {
        return latest == CaseStatus.CLOSED && planOpen ? CaseStatus.PLAN_ACTIVE : latest;
    }

    /** Empty for events that are not about one case (a meeting being scheduled, a directory change). */
    public static Optional<StatusChange> of(TsunaguEvent event) {
        return Optional.ofNullable(switch (event) {
            case IntakeEvent.ReferralReceived e -> StatusChange.to(CaseStatus.RECEIVED, null,
                    "channel " + e.channel() + ", urgency " + e.urgency());
            case IntakeEvent.ConsentRecorded e -> StatusChange.note("consent " + e.consent());
            case IntakeEvent.PersonErased e -> StatusChange.note("personal data erased");
            case RoutingEvent.CaseRouted e -> StatusChange.to(CaseStatus.ROUTED, e.agencyId(),
                    "routed to " + e.agencyId());
            case RoutingEvent.CaseEscalated e -> new StatusChange(CaseStatus.ESCALATED, null, true,
                    "escalated to " + e.track() + (e.urgent() ? " (urgent)" : ""), null);
            case RoutingEvent.OutreachRequested e -> StatusChange.to(CaseStatus.IN_OUTREACH, e.agencyId(),
                    "outreach" + (e.agencyId() == null ? "" : " by " + e.agencyId()));
            case RoutingEvent.RoutingAccepted e -> StatusChange.to(CaseStatus.ACCEPTED, e.agencyId(),
                    "accepted by " + e.agencyId());
            // the reason is the referrer's to read, not the next agency's
            case RoutingEvent.RoutingDeclined e -> new StatusChange(CaseStatus.DECLINED, null, false,
                    "declined by " + e.agencyId(), e.reason());
            case RoutingEvent.AcceptanceOverdue e -> StatusChange.note(
                    "not accepted by " + e.agencyId() + " within " + e.daysWaited() + " days");
            case RoutingEvent.DirectoryChanged e -> null;
            case MeetingEvent.MeetingScheduled e -> null;
            case MeetingEvent.MembersInvited e -> null;
            case MeetingEvent.MinutesRecorded e -> null;
            case MeetingEvent.CaseQueued e -> StatusChange.to(CaseStatus.IN_MEETING, null,
                    "on the agenda of " + e.track());
            // a 支援会議's outcome is confidential to its members (社会福祉法第106条の6): the referrer sees that it met
            case MeetingEvent.CaseReviewed e when e.meetingType() == MeetingType.SHIEN_KAIGI -> StatusChange.to(
                    e.outcome() == ReviewOutcome.CLOSE ? CaseStatus.CLOSED : CaseStatus.IN_MEETING, null,
                    "reviewed by SHIEN_KAIGI");
            case MeetingEvent.CaseReviewed e -> switch (e.outcome()) {
                case CLOSE -> StatusChange.to(CaseStatus.CLOSED, null, "closed by " + e.meetingType());
                case PLAN, REPLAN, CONTINUE, WATCH, SHARE_INFO -> StatusChange.to(CaseStatus.IN_MEETING, null,
                        e.meetingType() + ": " + e.outcome());
            };
            // a correction that closes the case closes it; any other is a note (the plan it may make says the rest)
            case MeetingEvent.CaseReviewAmended e when e.outcomeChanged() && e.outcome() == ReviewOutcome.CLOSE ->
                    StatusChange.to(CaseStatus.CLOSED, null, "closed by " + e.meetingType() + " (minutes corrected)");
            case MeetingEvent.CaseReviewAmended e when e.meetingType() == MeetingType.SHIEN_KAIGI -> StatusChange.note(
                    "SHIEN_KAIGI minutes corrected (v" + e.version() + ")");
            case MeetingEvent.CaseReviewAmended e -> StatusChange.note(e.meetingType() + " minutes corrected (v"
                    + e.version() + ")" + (e.outcomeChanged() ? ": " + e.previousOutcome() + " → " + e.outcome() : ""));
            case MeetingEvent.MinutesAmended e -> null;
            case PlanningEvent.PlanCreated e -> StatusChange.to(CaseStatus.PLAN_ACTIVE, null, e.type() + " plan made");
            case PlanningEvent.PlanDetailsCompleted e -> StatusChange.note(e.type() + " plan details completed (v"
                    + e.version() + ")");
            case PlanningEvent.PlanRevised e -> StatusChange.to(CaseStatus.PLAN_ACTIVE, null,
                    e.type() + " plan revised (v" + e.version() + ")");
            case PlanningEvent.PlanClosed e -> StatusChange.to(CaseStatus.CLOSED, null, e.type() + " plan closed");
            case PlanningEvent.PlanReviewDue e -> StatusChange.note(e.type() + " plan review due " + e.reviewOn());
            case PlanningEvent.PlacementMade e -> StatusChange.note("placed with " + e.resourceId());
            case PlanningEvent.PlacementFollowedUp e -> StatusChange.note("follow-up with the "
                    + (e.side() == PlanningEvent.FollowUpSide.PERSON ? "person" : "host"));
        });
    }
}
