package jp.tsunagu.routing.routing;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.codes.Consent;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.RoutingDecision;
import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.IntakeEvent;
import jp.tsunagu.contract.events.Reason;
import jp.tsunagu.contract.events.RoutingEvent;
import jp.tsunagu.contract.events.TsunaguEvent;
import jp.tsunagu.routing.directory.DirectoryCatalog;
import jp.tsunagu.routing.rules.CaseFacts;
import jp.tsunagu.routing.rules.Decision;
import jp.tsunagu.routing.rules.RoutingRules;
import jp.tsunagu.support.problem.ApiProblem;
import jp.tsunagu.support.problem.FieldError;
import jp.tsunagu.support.security.Caller;
import jp.tsunagu.support.security.Roles;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The closed loop of routing: decide on a new referral, let the assigned agency accept or decline (a decline routes
 * to the next candidate, or escalates when none is left), and escalate what nobody accepted in time. Each step is
 * an event on the routing topic, acknowledged by Kafka before routing's own tables change.
 */
@ApplicationScoped
public class RoutingService {

    private final DirectoryCatalog catalog;
    private final RoutingRecords records;
    private final RoutingEvents events;
    private final int acceptanceDays;

    public RoutingService(DirectoryCatalog catalog, RoutingRecords records, RoutingEvents events,
                          @ConfigProperty(name = "tsunagu.routing.acceptance-days") int acceptanceDays) {
        this.catalog = catalog;
        this.records = records;
        this.events = events;
        this.acceptanceDays = acceptanceDays;
    }

    /** Applies one intake event (inside the consumer's transaction). */
    public Uni<Void> onIntakeEvent(EventEnvelope<TsunaguEvent> envelope) {
        if (!(envelope.data() instanceof IntakeEvent intake)) {
            return Uni.createFrom().voidItem(); // the inbox already refused events of other topics
        }
        return switch (intake) {
            case IntakeEvent.ReferralReceived r -> records.routing(r.caseId()).chain(existing -> existing.isPresent()
                    ? Uni.createFrom().voidItem()
                    : records.saveFacts(CaseFacts.of(r)).chain(() -> decide(CaseFacts.of(r), null, Set.of(),
                    r.receivedOn(), envelope.id())));
            case IntakeEvent.ConsentRecorded c -> records.facts(c.caseId()).chain(facts -> facts.isEmpty()
                    ? Uni.createFrom().voidItem()
                    : records.saveFacts(facts.get().withConsent(c.consent())));
            // routing keeps no personal data: nothing to erase
            case IntakeEvent.PersonErased e -> records.eraseCase(e.caseId());
        };
    }

    @WithTransaction
    public Uni<RoutingView> view(Caller caller, String caseId) {
        return visible(caller, caseId).chain(r -> records.steps(caseId).map(steps -> view(r, steps)));
    }

    /** Only the assigned agency may answer, and only while the case waits for it. */
    @WithTransaction
    public Uni<RoutingView> respond(Caller caller, String caseId, AcceptanceRequest request, LocalDate today) {
        if (request == null || request.accepted() == null) {
            throw ApiProblem.validation(List.of(new FieldError("accepted", "required: true or false")));
        }
        String reason = request.reason() == null ? null : request.reason().strip();
        if (!request.accepted() && (reason == null || reason.isEmpty())) {
            throw ApiProblem.validation(List.of(new FieldError("reason", "required when declining")));
        }
        if (reason != null && reason.length() > 300) {
            throw ApiProblem.validation(List.of(new FieldError("reason", "at most 300 characters")));
        }
        return records.routingForUpdate(caseId)
                .map(found -> found.filter(r -> r.municipality().equals(caller.municipality()))
                        .orElseThrow(() -> ApiProblem.notFound("case " + caseId)))
                .chain(r -> {
                    // any other agency is told nothing about the case, not even that it exists
                    if (!caller.is(Roles.AGENCY) || !caller.isAgency(r.agencyId())) {
                        throw ApiProblem.notFound("case " + caseId + " awaiting your answer");
                    }
                    if (!CaseRouting.AWAITING.equals(r.state())) {
                        throw ApiProblem.conflict("not-awaiting", "the case is " + r.state()
                                + ", not waiting for acceptance");
                    }
                    return request.accepted() ? accept(r, today) : decline(r, reason, today);
                })
                .chain(() -> records.routing(caseId)).map(Optional::orElseThrow)
                .map(r -> answerView(caller, r));
    }

    /**
     * Escalates every case not accepted within the configured days; returns how many.
     *
     * @param municipality only this municipality's cases (a coordinator's request), or null for all (the schedule)
     */
    @WithTransaction
    public Uni<Integer> escalateOverdue(String municipality, LocalDate today) {
        LocalDate limit = today.minusDays(acceptanceDays);
        return records.awaitingSince(municipality, limit.minusDays(1)).chain(overdue -> Multi.createFrom().iterable(overdue)
                .onItem().transformToUniAndConcatenate(r -> overdue(r, today))
                .collect().asList().map(List::size));
    }

    private Uni<Void> overdue(CaseRouting r, LocalDate today) {
        int days = (int) java.time.temporal.ChronoUnit.DAYS.between(r.routedOn(), today);
        String eventId = r.caseId() + "/routing/" + r.seq() + "/overdue";
        return events.publish(eventId, new RoutingEvent.AcceptanceOverdue(r.caseId(), r.municipality(), r.agencyId(),
                        r.routedOn(), days), today, "schedule/acceptance-check/" + today)
                .call(env -> records.addStep(env, r.agencyId(), "not accepted within " + days + " days"))
                .chain(env -> records.facts(r.caseId()).chain(facts -> escalateWithoutAgency(r,
                        facts.orElseThrow().consent(),
                        new Reason("ACCEPTANCE_OVERDUE", acceptanceDays + "日以内に受入の回答がない: 多機関協働事業へ",
                                "not accepted within " + acceptanceDays + " days: multi-agency coordination"),
                        today, env.id())));
    }

    private Uni<Void> accept(CaseRouting r, LocalDate today) {
        return events.publish(r.caseId() + "/routing/" + r.seq() + "/accepted",
                        new RoutingEvent.RoutingAccepted(r.caseId(), r.municipality(), r.agencyId()), today,
                        "request/acceptance/" + r.caseId())
                .call(env -> records.addStep(env, r.agencyId(), "accepted"))
                .chain(() -> records.saveRouting(r, new CaseRouting(r.caseId(), r.municipality(),
                        r.referringAgencyId(), r.decision(), CaseRouting.ACCEPTED, r.routedOn(), r.declinedBy(),
                        r.seq())));
    }

    private Uni<Void> decline(CaseRouting r, String reason, LocalDate today) {
        Set<String> declined = new LinkedHashSet<>(r.declinedBy());
        declined.add(r.agencyId());
        return events.publish(r.caseId() + "/routing/" + r.seq() + "/declined",
                        new RoutingEvent.RoutingDeclined(r.caseId(), r.municipality(), r.agencyId(), reason), today,
                        "request/acceptance/" + r.caseId())
                .call(env -> records.addStep(env, r.agencyId(), "declined: " + reason))
                .chain(env -> records.facts(r.caseId()).chain(facts -> decide(facts.orElseThrow(), r, declined, today,
                        env.id())));
    }

    /** Decides anew (first time, or after a decline) and publishes the decision. */
    private Uni<Void> decide(CaseFacts facts, CaseRouting previous, Set<String> excluded, LocalDate on,
                             String causationId) {
        RoutingRules rules = catalog.rulesFor(facts.municipality()).orElseThrow(() ->
                new IllegalStateException("no directory for municipality " + facts.municipality()));
        return records.openCases(facts.municipality())
                .map(open -> rules.decide(facts, open, excluded))
                .chain(decision -> publish(facts.caseId(), facts.municipality(), facts.referringAgencyId(), decision,
                        previous, excluded, on, causationId));
    }

    private Uni<Void> escalateWithoutAgency(CaseRouting r, Consent consent, Reason why, LocalDate on,
                                            String causationId) {
        MeetingType track = consent == Consent.GIVEN ? MeetingType.JUUSOU_SHIEN_KAIGI : MeetingType.SHIEN_KAIGI;
        List<Reason> reasons = new java.util.ArrayList<>(List.of(why));
        reasons.add(new Reason(jp.tsunagu.routing.rules.RoutingRules.R_TRACK, track == MeetingType.JUUSOU_SHIEN_KAIGI
                ? "本人の同意あり: 重層的支援会議で検討" : "本人の同意なし・未確認: 支援会議で検討",
                track == MeetingType.JUUSOU_SHIEN_KAIGI ? "consent given: 重層的支援会議" : "no consent yet: 支援会議"));
        Decision d = new Decision(RoutingDecision.ESCALATED, null, track, false, r.decision().fields(), reasons,
                r.decision().ruleSetVersion(), r.decision().directoryVersion());
        return publish(r.caseId(), r.municipality(), r.referringAgencyId(), d, r, r.declinedBy(), on, causationId);
    }

    /** @param previous the decision this one replaces, null for the first */
    private Uni<Void> publish(String caseId, String municipality, String referrer, Decision d, CaseRouting previous,
                              Set<String> declined, LocalDate on, String causationId) {
        int seq = previous == null ? 1 : previous.seq() + 1;
        String eventId = caseId + "/routing/" + seq;
        RoutingEvent event = switch (d.decision()) {
            case ROUTED -> new RoutingEvent.CaseRouted(caseId, municipality, d.agencyId(), d.fields(), d.reasons(),
                    d.ruleSetVersion(), d.directoryVersion());
            case OUTREACH -> new RoutingEvent.OutreachRequested(caseId, municipality, d.agencyId(), d.fields(),
                    d.reasons(), d.ruleSetVersion(), d.directoryVersion());
            case ESCALATED -> new RoutingEvent.CaseEscalated(caseId, municipality, d.track(), d.urgent(), d.fields(),
                    d.reasons(), d.ruleSetVersion(), d.directoryVersion());
        };
        String state = d.decision() == RoutingDecision.ESCALATED ? CaseRouting.ESCALATED : CaseRouting.AWAITING;
        return events.publish(eventId, event, on, causationId)
                .call(env -> records.addStep(env, d.agencyId(), summary(d)))
                .chain(() -> records.saveRouting(previous, new CaseRouting(caseId, municipality, referrer, d, state,
                        on, declined, seq)));
    }

    private Uni<CaseRouting> visible(Caller caller, String caseId) {
        return records.routing(caseId).map(found -> found
                .filter(r -> r.municipality().equals(caller.municipality()))
                .filter(r -> caller.is(Roles.COORDINATOR)
                        || (caller.is(Roles.AGENCY) && (caller.isAgency(r.referringAgencyId())
                        || caller.isAgency(r.agencyId()))))
                .orElseThrow(() -> ApiProblem.notFound("routing of case " + caseId)));
    }

    /**
     * What the answering agency sees: the whole routing while it keeps the case; after a decline, the outcome
     * without the next agency's name or the history, which are no longer its business.
     */
    private static RoutingView answerView(Caller caller, CaseRouting r) {
        RoutingView full = view(r, null);
        if (caller.isAgency(r.agencyId())) {
            return full;
        }
        return new RoutingView(full.caseId(), full.decision(), null, full.state(), full.track(), full.urgent(),
                full.fields(), full.reasons(), full.ruleSetVersion(), full.directoryVersion(), full.routedOn(),
                full.declinedBy(), null);
    }

    private static String summary(Decision d) {
        return switch (d.decision()) {
            case ROUTED -> "routed to " + d.agencyId();
            case OUTREACH -> "outreach by " + d.agencyId();
            case ESCALATED -> "escalated to " + d.track() + (d.urgent() ? " (urgent)" : "");
        };
    }

    private static RoutingView view(CaseRouting r, List<RoutingView.Step> steps) {
        Decision d = r.decision();
        return new RoutingView(r.caseId(), d.decision(), d.agencyId(), r.state(), d.track(), d.urgent(), d.fields(),
                d.reasons().stream().map(x -> new RoutingView.ReasonView(x.rule(), x.detailJa(), x.detailEn())).toList(),
                d.ruleSetVersion(), d.directoryVersion(), r.routedOn(), List.copyOf(r.declinedBy()), steps);
    }
}
