package jp.tsunagu.routing.referral;

import jp.tsunagu.contract.codes.Consent;
import jp.tsunagu.contract.codes.EmergencyReview;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.RoutingDecision;
import jp.tsunagu.contract.codes.Urgency;
import jp.tsunagu.contract.events.EventCatalog;
import jp.tsunagu.contract.events.EventIds;
import jp.tsunagu.contract.events.IntakeEvent;
import jp.tsunagu.contract.events.Reason;
import jp.tsunagu.contract.events.RoutingEvent;
import jp.tsunagu.contract.importing.ImportedStages;
import jp.tsunagu.contract.status.CaseStatusRules;
import jp.tsunagu.routing.rules.AcceptanceDeadlines;
import jp.tsunagu.routing.rules.CaseFacts;
import jp.tsunagu.routing.rules.Decision;
import jp.tsunagu.routing.rules.RoutingRules;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Routing's decisions as pure functions: a case's routing as it stands and what happened (a referral, an agency's
 * answer, the acceptance deadline passing) give the events to emit, in order, and the routing after them. The
 * service only reads the state, runs these and writes what they answer; tests run them without a database or Kafka.
 *
 * <p>Event ids are derived from the case and its decision count, so a redelivered cause names the same events.
 */
public final class RoutingDecider {

    private RoutingDecider() {
    }

    /**
     * An event to publish and the step routing records of it.
     *
     * @param agencyId      the agency the step concerns (null for an escalation)
     * @param stepDetail    the step's text in the case's routing history
     * @param declineReason why the agency declined: kept in routing's tables, never in the event
     */
    public record Emitted(String eventId, RoutingEvent event, String agencyId, String stepDetail,
                          String declineReason) {

        /** The event with its line of the routing history, in the one Japanese wording of {@link CaseStatusRules}. */
        static Emitted of(String eventId, RoutingEvent event, String agencyId) {
            return withReason(eventId, event, agencyId, null);
        }

        /** A decline's event, and its reason beside it for routing's own history and inbox. */
        static Emitted withReason(String eventId, RoutingEvent event, String agencyId, String declineReason) {
            String detail = CaseStatusRules.of(event).map(change -> {
                String note = declineReason != null ? declineReason : change.referrerNote();
                return note == null ? change.detail() : change.detail() + "（理由: " + note + "）";
            }).orElseThrow();
            return new Emitted(eventId, event, agencyId, detail, declineReason);
        }
    }

    /** The event type of a decline's step in the routing history. */
    static final String DECLINED_TYPE = EventCatalog.typeOf(RoutingEvent.RoutingDeclined.class);

    /** A decline's line of history without its reason: what a reader who may not know why is shown. */
    static String declinedWithoutReason(CaseRouting r, String agencyId) {
        return CaseStatusRules.of(new RoutingEvent.RoutingDeclined(r.caseId(), r.municipality(), agencyId, null))
                .orElseThrow().detail();
    }

    /**
     * The events, in order (the first caused by what happened, each later one by the one before it), and the case's
     * routing after them; {@code before} is the routing they replace (null for a case's first decision).
     */
    public record Outcome(List<Emitted> events, CaseRouting before, CaseRouting after) {
    }

    /**
     * What a decision is made with: the municipality's rules, the agencies' load as it stands, the deadlines, and
     * the business date.
     */
    public record Context(RoutingRules rules, Map<String, Long> openCases, AcceptanceDeadlines deadlines,
                          LocalDate on) {
    }

    /** A new referral: the first decision. */
    public static Outcome route(CaseFacts facts, Context context) {
        return decide(facts, null, Set.of(), context, List.of());
    }

    /** The assigned agency accepts: the case stays with it. */
    public static Outcome accept(CaseRouting r) {
        Emitted accepted = Emitted.of(answerId(r, "accepted"),
                new RoutingEvent.RoutingAccepted(r.caseId(), r.municipality(), r.agencyId()), r.agencyId());
        return new Outcome(List.of(accepted), r, new CaseRouting(r.caseId(), r.municipality(), r.referringAgencyId(),
                r.decision(), CaseRouting.ACCEPTED, r.routedOn(), r.dueOn(), r.declinedBy(), r.seq()));
    }

    /**
     * The case was joined to the same person's earlier case (duplicate-confirmed) while its agency's answer was
     * awaited: the answer is withdrawn and the agency no longer holds it. Empty when no answer was awaited (an agency
     * that accepted keeps what it accepted; an escalated case is the coordinators').
     */
    public static Optional<CaseRouting> joined(CaseRouting r) {
        if (r == null || !CaseRouting.AWAITING.equals(r.state())) {
            return Optional.empty();
        }
        return Optional.of(new CaseRouting(r.caseId(), r.municipality(), r.referringAgencyId(), r.decision(),
                CaseRouting.JOINED, r.routedOn(), r.dueOn(), r.declinedBy(), r.seq()));
    }

    /** The assigned agency declines: the next candidate is decided without it (and without those before it). */
    public static Outcome decline(CaseRouting r, CaseFacts facts, String reason, Context context) {
        Set<String> declined = new LinkedHashSet<>(r.declinedBy());
        declined.add(r.agencyId());
        Emitted declinedEvent = Emitted.withReason(answerId(r, "declined"),
                new RoutingEvent.RoutingDeclined(r.caseId(), r.municipality(), r.agencyId()), r.agencyId(), reason);
        return decide(facts, r, declined, context, List.of(declinedEvent));
    }

    /**
     * Nobody answered by the case's deadline: the case goes to multi-agency coordination, on the track its consent
     * allows, with the referral's urgency as it came (a 至急 case stays 至急).
     */
    public static Outcome overdue(CaseRouting r, CaseFacts facts, LocalDate today) {
        Consent consent = facts.consent();
        int days = (int) ChronoUnit.DAYS.between(r.routedOn(), today);
        Emitted overdue = Emitted.of(answerId(r, "overdue"),
                new RoutingEvent.AcceptanceOverdue(r.caseId(), r.municipality(), r.agencyId(), r.routedOn(), days),
                r.agencyId());
        MeetingType track = MeetingType.trackFor(consent);
        List<Reason> reasons = List.of(
                new Reason("ACCEPTANCE_OVERDUE", "受入期限（" + r.dueOn() + "）までに回答がない: 多機関協働事業へ",
                        "not answered by the deadline (" + r.dueOn() + "): multi-agency coordination"),
                RoutingRules.trackReason(track));
        Decision escalation = Decision.escalated(track, EmergencyReview.REGULAR, r.decision().fields(), reasons,
                r.decision().ruleSetVersion(), r.decision().directoryVersion());
        Next next = new Next(r.caseId(), r.municipality(), r.referringAgencyId(), r.declinedBy(), today, null,
                facts);
        return decided(next, escalation, r, List.of(overdue));
    }

    /** An outcome and the business day its events are dated. */
    public record Dated(Outcome outcome, LocalDate on) {
    }

    /**
     * A case brought in from the city's list (台帳取込), whose {@code case-imported} says what the list recorded: the
     * events the live system would have written then ({@link ImportedStages}), each dated as the list says. Its
     * first decision is dated the list's routing day: the live decision (BY_RULES), the listed agency (ROUTED,
     * OUTREACH; answer due as live, counted from that day), or 多機関協働 on the track and with the review the rules
     * give the case (ESCALATED); then, when the agency accepted it, the acceptance dated the day it did. Event ids
     * are the live ones (the case's first decision and its answer), so a re-delivered import names the same events.
     *
     * @param context the rules, the agencies' load and the deadlines; its day is not used
     */
    public static List<Dated> imported(CaseFacts facts, IntakeEvent.CaseImported listed, Context context) {
        ImportedStages stages = ImportedStages.of(listed);
        LocalDate routedOn = listed.routedOn() != null ? listed.routedOn() : facts.receivedOn();
        Context then = new Context(context.rules(), context.openCases(), context.deadlines(), routedOn);
        RoutingRules rules = context.rules();
        // intake refuses a listed hand without its agency; were one to come, the rules choose as for a live case
        boolean agencyListed = listed.agencyId() != null;
        Outcome decision = switch (stages.hand()) {
            case ROUTED -> !agencyListed ? route(facts, then) : toListedAgency(facts, rules.toAgency(
                    RoutingDecision.ROUTED, listed.agencyId(), facts, IMPORTED_TO_AGENCY), then);
            case OUTREACH -> !agencyListed ? route(facts, then) : toListedAgency(facts, rules.toAgency(
                    RoutingDecision.OUTREACH, listed.agencyId(), facts, IMPORTED_OUTREACH), then);
            case ESCALATED -> decided(new Next(facts.caseId(), facts.municipality(), facts.referringAgencyId(),
                    Set.of(), routedOn, null, facts), rules.escalation(facts, IMPORTED_ESCALATED), null, List.of());
            case BY_RULES -> route(facts, then);
        };
        Dated routed = new Dated(decision, routedOn);
        if (!stages.accepted() || !CaseRouting.AWAITING.equals(decision.after().state())) {
            return List.of(routed);
        }
        LocalDate acceptedOn = listed.acceptedOn() != null ? listed.acceptedOn() : routedOn;
        return List.of(routed, new Dated(accept(decision.after()), acceptedOn));
    }

    /** Why an imported case went to the agency it did: the city's list named it. */
    static final Reason IMPORTED_TO_AGENCY = new Reason(RoutingRules.R_IMPORTED, "市の台帳から取込（担当機関）",
            "imported from the city's list (the agency it names)");
    static final Reason IMPORTED_OUTREACH = new Reason(RoutingRules.R_IMPORTED, "市の台帳から取込（アウトリーチの担当機関）",
            "imported from the city's list (the outreach agency it names)");
    static final Reason IMPORTED_ESCALATED = new Reason(RoutingRules.R_IMPORTED, "市の台帳から取込（多機関協働事業へ）",
            "imported from the city's list (passed to multi-agency coordination)");

    private static Outcome toListedAgency(CaseFacts facts, Decision d, Context then) {
        return decided(new Next(facts.caseId(), facts.municipality(), facts.referringAgencyId(), Set.of(),
                then.on(), then.deadlines().dueOn(then.on(), facts.urgency()), facts), d, null, List.of());
    }

    /**
     * Moves the agencies' load ("open cases" of {@link RoutingRules#decide}) with a case's routing: the agency that
     * held it before no longer does, the one after does (the same agency: no change).
     *
     * @param before null for the case's first decision
     */
    public static void shiftLoad(Map<String, Long> openCases, CaseRouting before, CaseRouting after) {
        if (before != null && before.holdsAgency()) {
            openCases.merge(before.agencyId(), -1L, Long::sum);
        }
        if (after.holdsAgency()) {
            openCases.merge(after.agencyId(), 1L, Long::sum);
        }
    }

    /**
     * The case's next routing, before the decision: who it is, whom to skip, and when; {@code facts} give the
     * referral's urgency and the consent an escalation carries as they are, never reset by a decline.
     */
    private record Next(String caseId, String municipality, String referrer, Set<String> declined, LocalDate on,
                        LocalDate dueOn, CaseFacts facts) {
    }

    private static Outcome decide(CaseFacts facts, CaseRouting previous, Set<String> excluded, Context context,
                                  List<Emitted> first) {
        Decision d = context.rules().decide(facts, context.openCases(), excluded);
        LocalDate dueOn = d.decision() == RoutingDecision.ESCALATED ? null
                : context.deadlines().dueOn(context.on(), facts.urgency());
        return decided(new Next(facts.caseId(), facts.municipality(), facts.referringAgencyId(), excluded,
                context.on(), dueOn, facts), d, previous, first);
    }

    private static Outcome decided(Next next, Decision d, CaseRouting previous, List<Emitted> first) {
        int seq = previous == null ? 1 : previous.seq() + 1;
        String caseId = next.caseId();
        String municipality = next.municipality();
        RoutingEvent event = switch (d.decision()) {
            case ROUTED -> new RoutingEvent.CaseRouted(caseId, municipality, d.agencyId(), d.fields(), d.reasons(),
                    d.ruleSetVersion(), d.directoryVersion(), next.dueOn());
            case OUTREACH -> new RoutingEvent.OutreachRequested(caseId, municipality, d.agencyId(), d.fields(),
                    d.reasons(), d.ruleSetVersion(), d.directoryVersion(), next.dueOn());
            case ESCALATED -> new RoutingEvent.CaseEscalated(caseId, municipality, d.track(),
                    urgencyOf(next.facts()), d.review(), consentOf(next.facts()), d.fields(), d.reasons(),
                    d.ruleSetVersion(), d.directoryVersion());
        };
        String state = d.decision() == RoutingDecision.ESCALATED ? CaseRouting.ESCALATED : CaseRouting.AWAITING;
        List<Emitted> events = new ArrayList<>(first);
        events.add(Emitted.of(EventIds.routingDecision(caseId, seq), event, d.agencyId()));
        return new Outcome(List.copyOf(events), previous, new CaseRouting(caseId, municipality, next.referrer(), d,
                state, next.on(), next.dueOn(), next.declined(), seq));
    }

    /** The referral's urgency as the referrer gave it; 通常 for a case whose facts said none. */
    private static Urgency urgencyOf(CaseFacts facts) {
        return facts.urgency() == null ? Urgency.ROUTINE : facts.urgency();
    }

    /** The person's consent as routing knows it (the referral's, or a later consent-recorded). */
    private static Consent consentOf(CaseFacts facts) {
        return facts.consent() == null ? Consent.UNKNOWN : facts.consent();
    }

    /** What happened to the case's current decision: accepted, declined, overdue. */
    private static String answerId(CaseRouting r, String what) {
        return EventIds.routingAnswer(r.caseId(), r.seq(), what);
    }
}
