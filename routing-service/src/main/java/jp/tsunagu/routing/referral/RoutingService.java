package jp.tsunagu.routing.routing;


import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.IntakeEvent;
import jp.tsunagu.contract.events.TsunaguEvent;
import jp.tsunagu.routing.directory.DirectoryCatalog;
import jp.tsunagu.routing.rules.CaseFacts;
import jp.tsunagu.routing.rules.Decision;
import jp.tsunagu.routing.rules.RoutingRules;
import jp.tsunagu.support.db.InTransaction;
import jp.tsunagu.support.problem.ApiProblem;
import jp.tsunagu.support.problem.FieldError;
import jp.tsunagu.support.problem.Params;
import jp.tsunagu.support.security.Caller;
import jp.tsunagu.support.security.Roles;
import org.eclipse.microprofile.config.inject.ConfigProperty;

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

    /**
     * Applies a consumer batch of intake events, in their order, inside the batch's transaction: the routing and
     * facts of all its cases and the agencies' load are read once, every decision is made in memory (each seeing
     * the load the ones before it left), its events published, and the tables written once for the batch.
     */
    public Uni<Void> onIntakeEvents(List<EventEnvelope<TsunaguEvent>> batch) {
        List<String> caseIds = batch.stream().map(EventEnvelope::subject).distinct().toList();
        Set<String> municipalities = new LinkedHashSet<>();
        batch.forEach(e -> municipalities.add(e.municipality()));
        return records.routings(caseIds).chain(routings -> records.facts(caseIds).chain(facts ->
                openCases(municipalities).chain(load -> {
                    Map<String, CaseRouting> routing = new HashMap<>(routings);
                    Map<String, CaseFacts> known = new HashMap<>(facts);
                    RoutingChanges changes = new RoutingChanges();
                    List<Publication> publications = new ArrayList<>();
                    for (EventEnvelope<TsunaguEvent> envelope : batch) {
                        if (!(envelope.data() instanceof IntakeEvent intake)) {
                            continue; // the consumer reads only the intake topic
                        }
                        switch (intake) {
                            case IntakeEvent.ReferralReceived r -> {
                                if (routing.containsKey(r.caseId())) {
                                    continue; // decided already: a referral is routed once
                                }
                                CaseFacts f = CaseFacts.of(r);
                                known.put(f.caseId(), f);
                                changes.facts(f);
                                Map<String, Long> open = load.get(f.municipality());
                                RoutingDecider.Outcome outcome = RoutingDecider.route(f, rules(f.municipality()),
                                        open, r.receivedOn());
                                RoutingDecider.shiftLoad(open, outcome.before(), outcome.after());
                                routing.put(f.caseId(), outcome.after());
                                publications.add(new Publication(outcome, r.receivedOn(), envelope.id()));
                            }
                            case IntakeEvent.ConsentRecorded c -> {
                                CaseFacts f = known.get(c.caseId());
                                if (f != null) {
                                    known.put(c.caseId(), f.withConsent(c.consent()));
                                    changes.facts(known.get(c.caseId()));
                                }
                            }
                            // routing keeps no personal data, only free text that may describe the person
                            case IntakeEvent.PersonErased e -> changes.erase(e.caseId());
                        }
                    }
                    return publishAll(publications, changes).chain(() -> records.write(changes));
                })));
    }

    /** An outcome to publish: its business date and what caused its first event. */
    private record Publication(RoutingDecider.Outcome outcome, LocalDate on, String causationId) {
    }

    /**
     * Publishes the outcomes one after the other. Inside a consumer batch each publish completes at once, so the
     * concatenation must not nest one call per outcome: a batch of 250 overflowed the stack that way.
     */
    private Uni<Void> publishAll(List<Publication> publications, RoutingChanges changes) {
        return Multi.createFrom().iterable(publications)
                .onItem().transformToUniAndConcatenate(p -> publish(p.outcome(), p.on(), p.causationId(), changes))
                .collect().last().replaceWithVoid();
    }

    /**
     * Publishes an outcome's events in order, each caused by the one before it, and gathers their steps and the
     * routing after them.
     */
    private Uni<Void> publish(RoutingDecider.Outcome outcome, LocalDate on, String causationId,
                              RoutingChanges changes) {
        Uni<String> previous = Uni.createFrom().item(causationId);
        for (RoutingDecider.Emitted emitted : outcome.events()) {
            previous = previous.chain(cause -> events.publish(emitted.eventId(), emitted.event(), on, cause)
                    .invoke(env -> changes.step(env, emitted.agencyId(), emitted.stepDetail()))
                    .map(EventEnvelope::id));
        }
        return previous.invoke(() -> changes.routing(outcome.before(), outcome.after())).replaceWithVoid();
    }

    /** Each municipality's agency load, to be moved in memory as the batch decides. */
    private Uni<Map<String, Map<String, Long>>> openCases(Set<String> municipalities) {
        Map<String, Map<String, Long>> load = new HashMap<>();
        Uni<Void> all = Uni.createFrom().voidItem();
        for (String municipality : municipalities) {
            all = all.chain(() -> records.openCases(municipality)
                    .invoke(open -> load.put(municipality, new HashMap<>(open))).replaceWithVoid());
        }
        return all.replaceWith(load);
    }

    private RoutingRules rules(String municipality) {
        return catalog.rulesFor(municipality).orElseThrow(() ->
                new IllegalStateException("no directory for municipality " + municipality));
    }

    @InTransaction
    public Uni<RoutingView> view(Caller caller, String caseId) {
        return visible(caller, caseId).chain(r -> records.steps(caseId).map(steps -> view(r, steps)));
    }

    /** Only the assigned agency may answer, and only while the case waits for it. */
    @InTransaction
    public Uni<RoutingView> respond(Caller caller, String caseId, AcceptanceRequest request, LocalDate today) {
        if (request == null || request.accepted() == null) {
            throw ApiProblem.validation(List.of(new FieldError("accepted", "required: true or false")));
        }
        String reason = request.reason() == null ? null : request.reason().strip();
        if (!request.accepted() && (reason == null || reason.isEmpty())) {
            throw ApiProblem.validation(List.of(new FieldError("reason", "required when declining")));
        }
        if (Params.longerThan(reason, 300)) {
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
                    return answer(r, request.accepted(), reason, today);
                })
                .chain(() -> records.routing(caseId)).map(Optional::orElseThrow)
                .map(r -> answerView(caller, r));
    }

    /**
     * Escalates every case not accepted within the configured days; returns how many.
     *
     * @param municipality only this municipality's cases (a coordinator's request), or null for all (the schedule)
     */
    @InTransaction
    public Uni<Integer> escalateOverdue(String municipality, LocalDate today) {
        LocalDate limit = today.minusDays(acceptanceDays);
        RoutingChanges changes = new RoutingChanges();
        return records.awaitingSince(municipality, limit.minusDays(1))
                .chain(overdue -> records.facts(overdue.stream().map(CaseRouting::caseId).toList())
                        .chain(facts -> {
                            List<Publication> publications = overdue.stream().map(r -> new Publication(
                                    RoutingDecider.overdue(r, facts.get(r.caseId()).consent(), acceptanceDays, today),
                                    today, "schedule/acceptance-check/" + today)).toList();
                            return publishAll(publications, changes);
                        })
                        .chain(() -> records.write(changes))
                        .replaceWith(overdue.size()));
    }

    private Uni<Void> answer(CaseRouting r, boolean accepted, String reason, LocalDate today) {
        String cause = "request/acceptance/" + r.caseId();
        RoutingChanges changes = new RoutingChanges();
        Uni<RoutingDecider.Outcome> outcome = accepted ? Uni.createFrom().item(RoutingDecider.accept(r))
                : records.facts(r.caseId()).chain(facts -> records.openCases(r.municipality()).map(open ->
                RoutingDecider.decline(r, facts.orElseThrow(), reason, rules(r.municipality()), open, today)));
        return outcome.chain(o -> publish(o, today, cause, changes)).chain(() -> records.write(changes));
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

    private static RoutingView view(CaseRouting r, List<RoutingView.Step> steps) {
        Decision d = r.decision();
        return new RoutingView(r.caseId(), d.decision(), d.agencyId(), r.state(), d.track(), d.urgent(), d.fields(),
                d.reasons().stream().map(x -> new RoutingView.ReasonView(x.rule(), x.detailJa(), x.detailEn())).toList(),
                d.ruleSetVersion(), d.directoryVersion(), r.routedOn(), List.copyOf(r.declinedBy()), steps);
    }
}
