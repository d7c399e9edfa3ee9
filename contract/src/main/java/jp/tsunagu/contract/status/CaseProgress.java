package jp.tsunagu.contract.status;

import jp.tsunagu.contract.calendar.BusinessCalendar;
import jp.tsunagu.contract.codes.CaseStatus;
import jp.tsunagu.contract.codes.CaseloadRelation;
import jp.tsunagu.contract.codes.Consent;
import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.IntakeEvent;
import jp.tsunagu.contract.events.PlanningEvent;
import jp.tsunagu.contract.events.RoutingEvent;
import jp.tsunagu.contract.events.TsunaguEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A case as its referrer sees it, as a pure function of its events: {@code evolve} (state + event → state) is what
 * intake-service's status view runs on every event of every stage. The plans still open are part of the state,
 * because a case with a plan running is not closed ({@link CaseStatusRules#asSeen}). Events of different topics may
 * arrive out of order, so a status replaces only one recorded earlier; the open plans and the referral's own facts
 * follow every event whatever its time.
 *
 * @param status     null until the case has an event with a status
 * @param statusTime when the status's event was recorded
 * @param openPlans  ids of the case's plans created and not closed
 * @param consent    the person's consent to sharing as last recorded (null before the referral is seen)
 * @param entrusted  agencies the case was entrusted to: the one that accepted it, those given a role in its plans
 * @param listing    what a coordinator's case list shows of it
 * @param planRoles  agencies given a role in one of its plans (open or closed)
 * @param joinedTo   the case this one was joined to as the same person's ({@code duplicate-confirmed}), null if not:
 *                   such a case is closed for good ({@link CaseStatusRules#JOINED})
 */
public record CaseProgress(String caseId, String municipality, String referringAgencyId, String assignedAgencyId,
                           CaseStatus status, Instant statusTime, LocalDate receivedOn, Set<String> openPlans,
                           Consent consent, Set<String> entrusted, CaseListing listing, Set<String> planRoles,
                           String joinedTo) {

    public CaseProgress {
        openPlans = Set.copyOf(openPlans);
        entrusted = Set.copyOf(entrusted);
        listing = listing == null ? CaseListing.NONE : listing;
        planRoles = planRoles == null ? Set.of() : Set.copyOf(planRoles);
    }

    /** A case no event has been applied to. */
    public static CaseProgress none(String caseId, String municipality) {
        return new CaseProgress(caseId, municipality, null, null, null, null, null, Set.of(), null, Set.of(),
                CaseListing.NONE, Set.of(), null);
    }

    /**
     * Why the case is in the agency's caseload, or empty when it is not: the agency is now responsible for it
     * (routed to it or accepted by it: {@link #assignedAgencyId}), or holds a role in one of its plans. The one rule
     * of whose caseload a case is in; {@link #caseload()} is the same rule as the set intake keeps to list it.
     */
    public Optional<CaseloadRelation> relationOf(String agencyId) {
        if (agencyId == null) {
            return Optional.empty();
        }
        if (agencyId.equals(assignedAgencyId)) {
            return Optional.of(CaseloadRelation.RESPONSIBLE);
        }
        return planRoles.contains(agencyId) ? Optional.of(CaseloadRelation.PLAN_ROLE) : Optional.empty();
    }

    /** The agencies in whose caseload the case is ({@link #relationOf} present), in no order. */
    public Set<String> caseload() {
        Set<String> agencies = new LinkedHashSet<>(planRoles);
        if (assignedAgencyId != null) {
            agencies.add(assignedAgencyId);
        }
        return agencies;
    }

    /**
     * The agency may follow the case's status ({@code GET /referrals/{caseId}}): the referrer, and every agency in
     * whose caseload it is. Coordinators are decided by role, not here.
     */
    public boolean statusVisibleTo(String agencyId) {
        return agencyId != null && (agencyId.equals(referringAgencyId) || relationOf(agencyId).isPresent());
    }

    /** An agency's answer is awaited: the case was routed to it (or sent out for outreach) and not yet answered. */
    public boolean awaitingAnswer() {
        return status == CaseStatus.ROUTED || status == CaseStatus.IN_OUTREACH;
    }

    /** The awaited answer is past its deadline. */
    public boolean overdue(LocalDate today) {
        return awaitingAnswer() && BusinessCalendar.pastDue(listing.dueOn(), today);
    }

    /** The first day the awaited answer is late; null when no answer is awaited (or has no deadline). */
    public LocalDate lateFrom() {
        return awaitingAnswer() && listing.dueOn() != null ? BusinessCalendar.lateFrom(listing.dueOn()) : null;
    }

    /**
     * The agency may read the person's details (intake-service's {@code /referrals/{caseId}/person}): the referrer
     * always; an agency the case was entrusted to only with the person's consent given (sharing without it happens
     * inside a 支援会議 under 社会福祉法第106条の6, not through the API). Coordinators are decided by role, not here.
     */
    public boolean sharesPersonWith(String agencyId) {
        if (agencyId == null) {
            return false;
        }
        return agencyId.equals(referringAgencyId) || (consent == Consent.GIVEN && entrusted.contains(agencyId));
    }

    /** The case after one more event, and the line of its history; empty for an event not about one case. */
    public Optional<Step> evolve(EventEnvelope<? extends TsunaguEvent> envelope) {
        Optional<StatusChange> change = CaseStatusRules.of(envelope.data());
        if (change.isEmpty()) {
            return Optional.empty();
        }
        Set<String> plans = new LinkedHashSet<>(openPlans);
        Set<String> trusted = new LinkedHashSet<>(entrusted);
        Set<String> roles = new LinkedHashSet<>(planRoles);
        String referrer = referringAgencyId;
        LocalDate received = receivedOn;
        Consent consentNow = consent;
        String joined = joinedTo;
        switch (envelope.data()) {
            case PlanningEvent.PlanCreated p -> {
                plans.add(p.planId());
                p.roles().forEach(role -> trusted.add(role.agencyId()));
                p.roles().forEach(role -> roles.add(role.agencyId()));
            }
            case PlanningEvent.PlanDetailsCompleted p -> p.roles().forEach(role -> {
                trusted.add(role.agencyId());
                roles.add(role.agencyId());
            });
            case PlanningEvent.PlanClosed p -> plans.remove(p.planId());
            case IntakeEvent.ReferralReceived r -> {
                referrer = referrer != null ? referrer : r.referringAgencyId();
                received = received != null ? received : r.receivedOn();
                consentNow = consentNow != null ? consentNow : r.consent();
            }
            // the intake topic keeps a case's events in order: a recorded consent always follows its referral
            case IntakeEvent.ConsentRecorded c -> consentNow = c.consent();
            case RoutingEvent.RoutingAccepted a -> trusted.add(a.agencyId());
            case IntakeEvent.DuplicateConfirmed d -> joined = d.duplicateOf();
            default -> {
            }
        }
        StatusChange raw = change.get();
        StatusChange seen = raw.status() == null ? raw
                : raw.seenAs(CaseStatusRules.asSeen(raw.status(), !plans.isEmpty()));
        if (joinedTo != null) {
            // joined before: the event is a line of the case's history and moves no status
            seen = seen.status() == null ? seen : seen.seenAs(CaseStatusRules.JOINED);
            return Optional.of(new Step(new CaseProgress(caseId, municipality, referrer, assignedAgencyId, status,
                    statusTime, received, plans, consentNow, trusted, listing.after(envelope.data()), roles, joined),
                    seen));
        }
        // the join closes the case even when an event of another topic, recorded later, arrived first
        boolean joins = joined != null;
        boolean newer = seen.status() != null
                && (joins || statusTime == null || !envelope.time().isBefore(statusTime));
        Instant time = joins && statusTime != null && statusTime.isAfter(envelope.time()) ? statusTime
                : envelope.time();
        CaseProgress after = newer
                ? new CaseProgress(caseId, municipality, referrer,
                        seen.clearsAgency() ? null : seen.agencyId() != null ? seen.agencyId() : assignedAgencyId,
                        seen.status(), time, received, plans, consentNow, trusted,
                        listing.after(envelope.data()), roles, joined)
                : new CaseProgress(caseId, municipality, referrer, assignedAgencyId,
                        status != null ? status : CaseStatus.RECEIVED, statusTime != null ? statusTime : envelope.time(),
                        received, plans, consentNow, trusted, listing.after(envelope.data()), roles, joined);
        return Optional.of(new Step(after, seen));
    }

    /**
     * @param after  the case after the event
     * @param change what the event meant for the case, as its history shows it (its status as seen)
     */
    public record Step(CaseProgress after, StatusChange change) {
    }
}
