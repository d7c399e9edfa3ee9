package jp.tsunagu.reporting.history;

import jp.tsunagu.contract.codes.Coded;
import jp.tsunagu.contract.events.IntakeEvent;
import jp.tsunagu.contract.events.MeetingEvent;
import jp.tsunagu.contract.events.PlanningEvent;
import jp.tsunagu.contract.events.RoutingEvent;
import jp.tsunagu.contract.events.TsunaguEvent;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The structured columns an event gives its line of the case history, for exports: codes and the agency the line is
 * about, never a personal value or another id. Exhaustive: a new event type does not compile until it is decided
 * here.
 *
 * @param concerns   the referral's concern codes (comma-separated)
 * @param area       the referral's area of the municipality
 * @param ageBand    the referral's age band code
 * @param fields     the fields (分野) a routing decision found (comma-separated)
 * @param agencyId   the agency the line is about (exports pseudonymise it)
 */
public record CaseEventCodes(String concerns, String area, String ageBand, String fields, String meetingType,
                             String outcome, String planType, String agencyId) {

    /** A line with no code (its agency, if any, comes with {@link #about}). */
    private static final CaseEventCodes NONE = new CaseEventCodes(null, null, null, null, null, null, null, null);

    /** @param about the agency the event's line of history is about ({@code StatusChange.about}) */
    public static CaseEventCodes of(TsunaguEvent event, String about) {
        CaseEventCodes codes = switch (event) {
            case IntakeEvent.ReferralReceived e -> referral(codes(e.concerns()), e.area(),
                    e.ageBand() == null ? null : e.ageBand().name());
            case IntakeEvent.ConsentRecorded e -> NONE;
            case IntakeEvent.PersonErased e -> NONE;
            case IntakeEvent.DuplicateConfirmed e -> NONE;
            case IntakeEvent.DuplicateDismissed e -> NONE;
            case IntakeEvent.HouseholdLinked e -> NONE;
            case IntakeEvent.HouseholdUnlinked e -> NONE;
            case IntakeEvent.CaseImported e -> NONE;
            case RoutingEvent.CaseRouted e -> fields(codes(e.fields()));
            case RoutingEvent.CaseEscalated e -> fields(codes(e.fields())).onTrack(e.track().name());
            case RoutingEvent.OutreachRequested e -> fields(codes(e.fields()));
            case RoutingEvent.RoutingAccepted e -> NONE;
            case RoutingEvent.RoutingDeclined e -> NONE;
            case RoutingEvent.AcceptanceOverdue e -> NONE;
            case RoutingEvent.DirectoryChanged e -> NONE;
            case MeetingEvent.MeetingScheduled e -> NONE;
            case MeetingEvent.MembersInvited e -> NONE;
            case MeetingEvent.MinutesRecorded e -> NONE;
            case MeetingEvent.MinutesAmended e -> NONE;
            case MeetingEvent.CaseQueued e -> meeting(e.track().name(), null, null);
            // a 支援会議's outcome is for its members (社会福祉法第106条の6), not for an export
            case MeetingEvent.CaseReviewed e -> meeting(e.meetingType().name(), e.meetingType().mayAdoptPlans()
                    ? e.outcome().name() : null, e.planType() == null ? null : e.planType().name());
            case MeetingEvent.CaseReviewAmended e -> meeting(e.meetingType().name(), e.meetingType().mayAdoptPlans()
                    ? e.outcome().name() : null, e.planType() == null ? null : e.planType().name());
            case PlanningEvent.PlanCreated e -> plan(e.type().name());
            case PlanningEvent.PlanDetailsCompleted e -> plan(e.type().name());
            case PlanningEvent.PlanRevised e -> plan(e.type().name());
            case PlanningEvent.PlanClosed e -> plan(e.type().name());
            case PlanningEvent.PlanReviewDue e -> plan(e.type().name());
            case PlanningEvent.PlacementMade e -> plan(jp.tsunagu.contract.codes.PlanType.PARTICIPATION.name());
            case PlanningEvent.PlacementFollowedUp e -> plan(jp.tsunagu.contract.codes.PlanType.PARTICIPATION.name());
        };
        return codes.about(about);
    }

    /** The same codes, about that agency. */
    private CaseEventCodes about(String agency) {
        return new CaseEventCodes(concerns, area, ageBand, fields, meetingType, outcome, planType, agency);
    }

    /** The same codes, in that meeting track. */
    private CaseEventCodes onTrack(String track) {
        return new CaseEventCodes(concerns, area, ageBand, fields, track, outcome, planType, agencyId);
    }

    private static CaseEventCodes referral(String concerns, String area, String ageBand) {
        return new CaseEventCodes(concerns, area, ageBand, NONE.fields, NONE.meetingType, NONE.outcome,
                NONE.planType, NONE.agencyId);
    }

    private static CaseEventCodes fields(String fields) {
        return new CaseEventCodes(NONE.concerns, NONE.area, NONE.ageBand, fields, NONE.meetingType, NONE.outcome,
                NONE.planType, NONE.agencyId);
    }

    private static CaseEventCodes meeting(String type, String outcome, String planType) {
        return new CaseEventCodes(NONE.concerns, NONE.area, NONE.ageBand, NONE.fields, type, outcome, planType,
                NONE.agencyId);
    }

    private static CaseEventCodes plan(String type) {
        return meeting(NONE.meetingType, NONE.outcome, type);
    }

    private static String codes(List<? extends Coded> codes) {
        return codes == null || codes.isEmpty() ? null
                : codes.stream().map(Coded::name).collect(Collectors.joining(","));
    }
}
