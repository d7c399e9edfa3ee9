package jp.tsunagu.routing.notice;

import jp.tsunagu.contract.codes.EmergencyReview;
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

    /**
     * Nothing for an event of a case brought in from a city's list ({@link EventEnvelope#imported()}): it tells of
     * what happened months ago, and an agency would otherwise get one "new case" per imported case of its caseload.
     *
     * @param planRoles for a plan's review: the agencies with a role in that plan
     */
    public static List<Notice> of(EventEnvelope<? extends TsunaguEvent> envelope, Collection<String> planRoles) {
        if (envelope.imported()) {
            return List.of();
        }
        return switch (envelope.data()) {
            case RoutingEvent.CaseRouted e -> List.of(notice(envelope, e.agencyId(), NoticeType.CASE_ROUTED,
                    e.acceptBy(), null));
            case RoutingEvent.OutreachRequested e -> List.of(notice(envelope, e.agencyId(), NoticeType.CASE_ROUTED,
                    e.acceptBy(), null));
            case RoutingEvent.AcceptanceOverdue e -> List.of(notice(envelope, e.agencyId(),
                    NoticeType.CASE_TAKEN_AWAY));
            case PlanningEvent.PlanCreated e -> e.roles().stream().map(r -> r.agencyId()).distinct()
                    .map(agency -> notice(envelope, agency, NoticeType.PLAN_ROLE, e.reviewOn(), e.planId()))
                    .toList();
            case PlanningEvent.PlanReviewDue e -> planRoles.stream().distinct()
                    .map(agency -> notice(envelope, agency, NoticeType.PLAN_REVIEW_DUE, e.reviewOn(), e.planId()))
                    .toList();
            case RoutingEvent.RoutingAccepted e -> List.of();
            case RoutingEvent.RoutingDeclined e -> List.of();
            case RoutingEvent.CaseEscalated e -> List.of();
            case RoutingEvent.DirectoryChanged e -> List.of();
            case IntakeEvent.ReferralReceived e -> List.of();
            case IntakeEvent.ConsentRecorded e -> List.of();
            case IntakeEvent.PersonErased e -> List.of();
            case IntakeEvent.DuplicateConfirmed e -> List.of();
            case IntakeEvent.DuplicateDismissed e -> List.of();
            case IntakeEvent.HouseholdLinked e -> List.of();
            case IntakeEvent.HouseholdUnlinked e -> List.of();
            case IntakeEvent.CaseImported e -> List.of();
            // when and where the meeting is held (null in invitations written before 2026-12)
            case MeetingEvent.MembersInvited e -> e.agencyIds().stream().distinct()
                    .map(agency -> notice(envelope, agency, NoticeType.MEETING_INVITATION, e.scheduledOn(),
                            e.meetingId()).withMeetingAt(e.startsAt(), e.place()))
                    .toList();
            case MeetingEvent.MeetingScheduled e -> List.of();
            case MeetingEvent.CaseQueued e -> List.of();
            case MeetingEvent.CaseReviewed e -> List.of();
            case MeetingEvent.MinutesRecorded e -> List.of();
            case MeetingEvent.MinutesAmended e -> List.of();
            // a plan a correction makes tells its roles through planning's own events
            case MeetingEvent.CaseReviewAmended e -> List.of();
            case PlanningEvent.PlanDetailsCompleted e -> e.roles().stream().map(r -> r.agencyId()).distinct()
                    .map(agency -> notice(envelope, agency, NoticeType.PLAN_ROLE, e.reviewOn(), e.planId()))
                    .toList();
            case PlanningEvent.PlanRevised e -> List.of();
            case PlanningEvent.PlanClosed e -> List.of();
            case PlanningEvent.PlacementMade e -> List.of();
            case PlanningEvent.PlacementFollowedUp e -> List.of();
        };
    }

    /**
     * What the agency that referred a case is told of one of the case's routing events: accepted, declined (with
     * the reason, which among agencies only the referrer sees), passed on to another agency after a decline or an
     * expiry, or escalated to multi-agency coordination (by rule, after every candidate declined, or after an answer
     * that never came). Nothing when the city's own desk referred (no agency to tell), nor of the referrer's own
     * answer or of a case passed on to the referrer itself: its inbox and its case-routed notice tell it that.
     * Nothing of a case brought in from a city's list (as {@link #of}). Exhaustive over the routing events, so a new
     * one must be decided here.
     *
     * @param referrer      the referring agency ({@code ReferralReceived.referringAgencyId}), null for the city's desk
     * @param reRouted      the event belongs to a decision that replaced an earlier routing (after an answer or
     *                      an expiry): a routing in it passes the case on; a first routing tells the referrer nothing
     * @param declineReason a decline's reason, kept by routing beside its event (events before 2026-12 carry it)
     */
    public static List<Notice> toReferrer(EventEnvelope<? extends TsunaguEvent> envelope, String referrer,
                                          boolean reRouted, String declineReason) {
        if (referrer == null || envelope.imported() || !(envelope.data() instanceof RoutingEvent event)) {
            return List.of();
        }
        ToReferrer told = switch (event) {
            case RoutingEvent.RoutingAccepted e -> ToReferrer.of(NoticeType.REFERRAL_ACCEPTED, e.agencyId())
                    .toAgency(e.agencyId());
            case RoutingEvent.RoutingDeclined e -> ToReferrer.of(NoticeType.REFERRAL_DECLINED, e.agencyId())
                    .because(declineReason != null ? declineReason : e.reason());
            case RoutingEvent.CaseRouted e -> !reRouted ? null
                    : ToReferrer.passedOn(e.agencyId(), e.acceptBy());
            case RoutingEvent.OutreachRequested e -> !reRouted ? null
                    : ToReferrer.passedOn(e.agencyId(), e.acceptBy());
            case RoutingEvent.CaseEscalated e -> ToReferrer.of(NoticeType.REFERRAL_ESCALATED, null)
                    .withReview(e.review());
            // the agency that did not answer is told (case-taken-away); the referrer hears of the escalation after
            case RoutingEvent.AcceptanceOverdue e -> null;
            case RoutingEvent.DirectoryChanged e -> null;
        };
        if (told == null || referrer.equals(told.agencyId())) {
            return List.of();
        }
        return List.of(Notice.to("notice/" + envelope.id() + "/referrer/" + referrer, envelope.municipality(),
                        referrer, told.type(), envelope.businessDate()).withCase(envelope.subject())
                .withDueOn(told.dueOn()).withReason(told.reason()).withToAgency(told.toAgencyId())
                .withReview(told.review()));
    }

    /** @param agencyId the agency whose act or whose inbox it is: the referrer is not told of its own */
    private record ToReferrer(NoticeType type, String agencyId, String reason, String toAgencyId, LocalDate dueOn,
                              EmergencyReview review) {

        static ToReferrer of(NoticeType type, String agencyId) {
            return new ToReferrer(type, agencyId, null, null, null, null);
        }

        static ToReferrer passedOn(String agencyId, LocalDate acceptBy) {
            return new ToReferrer(NoticeType.REFERRAL_PASSED_ON, agencyId, null, agencyId, acceptBy, null);
        }

        ToReferrer toAgency(String agency) {
            return new ToReferrer(type, agencyId, reason, agency, dueOn, review);
        }

        ToReferrer because(String why) {
            return new ToReferrer(type, agencyId, why, toAgencyId, dueOn, review);
        }

        ToReferrer withReview(EmergencyReview escalationReview) {
            return new ToReferrer(type, agencyId, reason, toAgencyId, dueOn, escalationReview);
        }
    }

    /**
     * An answer awaited from an agency.
     *
     * @param decision the case's routing decision it answers (one reminder per decision)
     */
    public record Awaited(String caseId, String municipality, String agencyId, int decision, LocalDate dueOn) {
    }

    /** The reminder the business day before an answer is due; one per routing decision. */
    public static Notice answerDue(Awaited a, LocalDate today) {
        return Notice.to("notice/" + a.caseId() + "/routing/" + a.decision() + "/answer-due/" + a.agencyId(),
                a.municipality(), a.agencyId(), NoticeType.ANSWER_DUE, today).withCase(a.caseId())
                .withDueOn(a.dueOn());
    }

    private static Notice notice(EventEnvelope<?> envelope, String agencyId, NoticeType type) {
        return Notice.to("notice/" + envelope.id() + "/" + agencyId, envelope.municipality(), agencyId, type,
                envelope.businessDate()).withCase(type.aboutACase() ? envelope.subject() : null);
    }

    private static Notice notice(EventEnvelope<?> envelope, String agencyId, NoticeType type, LocalDate dueOn,
                                 String reference) {
        return notice(envelope, agencyId, type).withDueOn(dueOn).withReference(reference);
    }
}
