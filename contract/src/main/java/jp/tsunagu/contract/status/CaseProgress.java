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
 * intake-service's status view runs on every event of every stage. Its status is {@link CaseStage}, the one fold of
 * a case's status that reporting-service runs too, where the ordering rule is stated; the rest (referrer, consent,
 * the agencies it was entrusted to, the listing) follows every event whatever its time, and the agency now
 * responsible follows the event whose status took the case's ({@link CaseStage.Step#moved}).
 *
 * @param stage      the case's status, its plans and its join ({@link CaseStage})
 * @param consent    the person's consent to sharing as last recorded (null before the referral is seen)
 * @param entrusted  agencies the case was entrusted to: the one that accepted it, those given a role in its plans
 * @param listing    what a coordinator's case list shows of it
 * @param planRoles  agencies given a role in one of its plans (open or closed)
 */
public record CaseProgress(String caseId, String municipality, String referringAgencyId, String assignedAgencyId,
                           CaseStage stage, LocalDate receivedOn, Consent consent, Set<String> entrusted,
                           CaseListing listing, Set<String> planRoles) {

    public CaseProgress {
        stage = stage == null ? CaseStage.NONE : stage;
        entrusted = entrusted == null ? Set.of() : Set.copyOf(entrusted);
        listing = listing == null ? CaseListing.NONE : listing;
        planRoles = planRoles == null ? Set.of() : Set.copyOf(planRoles);
    }

    /** A case no event has been applied to. */
    public static CaseProgress none(String caseId, String municipality) {
        return new CaseProgress(caseId, municipality, null, null, CaseStage.NONE, null, null, Set.of(),
                CaseListing.NONE, Set.of());
    }

    /** The status the case is seen in ({@link CaseStage#status}); null before any event. */
    public CaseStatus status() {
        return stage.status();
    }

    /** When the status last moved ({@link CaseStage#statusTime}). */
    public Instant statusTime() {
        return stage.statusTime();
    }

    /** Ids of the case's plans created and not closed. */
    public Set<String> openPlans() {
        return stage.openPlans();
    }

    /**
     * The case this one was joined to as the same person's ({@code duplicate-confirmed}), null if not: such a case is
     * closed for good ({@link CaseStatusRules#JOINED}).
     */
    public String joinedTo() {
        return stage.joinedTo();
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
        return status() == CaseStatus.ROUTED || status() == CaseStatus.IN_OUTREACH;
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
        return stage.evolve(envelope).map(folded -> new Step(after(envelope.data(), folded), folded.change()));
    }

    private CaseProgress after(TsunaguEvent event, CaseStage.Step folded) {
        Set<String> trusted = new LinkedHashSet<>(entrusted);
        Set<String> roles = new LinkedHashSet<>(planRoles);
        String referrer = referringAgencyId;
        LocalDate received = receivedOn;
        Consent consentNow = consent;
        switch (event) {
            case PlanningEvent.PlanCreated p -> p.roles().forEach(role -> {
                trusted.add(role.agencyId());
                roles.add(role.agencyId());
            });
            case PlanningEvent.PlanDetailsCompleted p -> p.roles().forEach(role -> {
                trusted.add(role.agencyId());
                roles.add(role.agencyId());
            });
            case IntakeEvent.ReferralReceived r -> {
                referrer = referrer != null ? referrer : r.referringAgencyId();
                received = received != null ? received : r.receivedOn();
                consentNow = consentNow != null ? consentNow : r.consent();
            }
            // the intake topic keeps a case's events in order: a recorded consent always follows its referral
            case IntakeEvent.ConsentRecorded c -> consentNow = c.consent();
            case RoutingEvent.RoutingAccepted a -> trusted.add(a.agencyId());
            default -> {
            }
        }
        StatusChange change = folded.change();
        String agency = !folded.moved() ? assignedAgencyId
                : change.clearsAgency() ? null : change.agencyId() != null ? change.agencyId() : assignedAgencyId;
        return new CaseProgress(caseId, municipality, referrer, agency, folded.after(), received, consentNow, trusted,
                listing.after(event), roles);
    }

    /**
     * @param after  the case after the event
     * @param change what the event meant for the case, as its history shows it (its status as seen)
     */
    public record Step(CaseProgress after, StatusChange change) {
    }
}
