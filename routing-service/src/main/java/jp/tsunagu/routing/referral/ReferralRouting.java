package jp.tsunagu.routing.referral;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.IntakeEvent;
import jp.tsunagu.contract.events.TsunaguEvent;
import jp.tsunagu.routing.directory.DirectoryCatalog;
import jp.tsunagu.routing.rules.AcceptanceDeadlines;
import jp.tsunagu.routing.rules.CaseFacts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Routes every referral from the intake topic, once, and follows its consent and erasure; a case brought in from a
 * city's list is routed as its case-imported says, not by its referral.
 */
@ApplicationScoped
public class ReferralRouting {

    private final DirectoryCatalog catalog;
    private final RoutingRecords records;
    private final OutcomePublisher publisher;
    private final AcceptanceDeadlines deadlines;

    public ReferralRouting(DirectoryCatalog catalog, RoutingRecords records, OutcomePublisher publisher,
                           AcceptanceDeadlines deadlines) {
        this.catalog = catalog;
        this.records = records;
        this.publisher = publisher;
        this.deadlines = deadlines;
    }

    /**
     * Applies a consumer batch of intake events, in their order, inside the batch's transaction: the routing and
     * facts of all its cases and the agencies' load are read once, every decision is made in memory (each seeing
     * the load the ones before it left), its events published, and the tables written once for the batch. The
     * three reads are sent together (the client pipelines them on the transaction's connection): a batch waits for
     * the database once before it decides, not three times, which is most of a referral's wait in routing on a busy
     * machine.
     */
    public Uni<Void> apply(List<EventEnvelope<TsunaguEvent>> batch) {
        List<String> caseIds = batch.stream().map(EventEnvelope::subject).distinct().toList();
        Set<String> municipalities = new LinkedHashSet<>();
        batch.forEach(e -> municipalities.add(e.municipality()));
        return Uni.combine().all().unis(records.routings(caseIds), records.facts(caseIds), openCases(municipalities))
                .asTuple()
                .chain(read -> decide(batch, read.getItem1(), read.getItem2(), read.getItem3()));
    }

    private Uni<Void> decide(List<EventEnvelope<TsunaguEvent>> batch, Map<String, CaseRouting> routings,
                             Map<String, CaseFacts> facts, Map<String, Map<String, Long>> load) {
        Map<String, CaseRouting> routing = new HashMap<>(routings);
        Map<String, CaseFacts> known = new HashMap<>(facts);
        RoutingChanges changes = new RoutingChanges();
        List<OutcomePublisher.Publication> publications = new ArrayList<>();
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
                    changes.caseNumber(r.caseId(), r.caseNumber());
                    if (envelope.imported()) {
                        continue; // brought in from the city's list: its case-imported says where it went
                    }
                    Map<String, Long> open = load.get(f.municipality());
                    // the deadline counts from the day the case reaches the agency, not receivedOn
                    LocalDate routedOn = AcceptanceDeadlines.routedOn(r.receivedOn(), envelope.time());
                    RoutingDecider.Outcome outcome = RoutingDecider.route(f, new RoutingDecider.Context(
                            catalog.requireRules(f.municipality()), open, deadlines, routedOn));
                    RoutingDecider.shiftLoad(open, outcome.before(), outcome.after());
                    routing.put(f.caseId(), outcome.after());
                    publications.add(new OutcomePublisher.Publication(outcome, routedOn, envelope.id()));
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
                // joined to the same person's earlier case: an awaited answer is withdrawn (no event: the
                // confirmation itself tells everyone the case is closed)
                case IntakeEvent.DuplicateConfirmed e -> {
                    CaseRouting before = routing.get(e.caseId());
                    if (before != routings.get(e.caseId())) {
                        // routed in this very batch (its routing is written after the loop): it is left awaiting, a rare race
                        continue;
                    }
                    RoutingDecider.joined(before).ifPresent(after -> {
                        routing.put(e.caseId(), after);
                        changes.joined(before, after, envelope.businessDate());
                        RoutingDecider.shiftLoad(load.getOrDefault(after.municipality(), new HashMap<>()),
                                before, after);
                    });
                }
                case IntakeEvent.CaseImported e -> {
                    CaseFacts f = known.get(e.caseId());
                    if (routing.containsKey(e.caseId()) || f == null) {
                        // routed already (a re-delivery, or a referral routed live), or never received
                        continue;
                    }
                    publications.addAll(routeImported(envelope.id(), e, f, load.get(f.municipality()),
                            routing));
                }
                case IntakeEvent.DuplicateDismissed e -> {
                }
                case IntakeEvent.HouseholdLinked e -> {
                }
                case IntakeEvent.HouseholdUnlinked e -> {
                }
            }
        }
        return publisher.publishAll(publications, changes).chain(() -> records.write(changes));
    }

    /**
     * A case brought in from a city's list (台帳取込): the decisions its case-imported says were made then, each to be
     * published with the import source and dated as the list says, the load moved as they were.
     */
    private List<OutcomePublisher.Publication> routeImported(String causationId, IntakeEvent.CaseImported listed,
                                                             CaseFacts facts, Map<String, Long> open,
                                                             Map<String, CaseRouting> routing) {
        List<OutcomePublisher.Publication> publications = new ArrayList<>();
        RoutingDecider.Context context = new RoutingDecider.Context(catalog.requireRules(facts.municipality()), open,
                deadlines, listed.routedOn());
        String cause = causationId;
        for (RoutingDecider.Dated dated : RoutingDecider.imported(facts, listed, context)) {
            RoutingDecider.Outcome outcome = dated.outcome();
            RoutingDecider.shiftLoad(open, outcome.before(), outcome.after());
            routing.put(facts.caseId(), outcome.after());
            publications.add(new OutcomePublisher.Publication(outcome, dated.on(), cause, true));
            cause = outcome.events().getLast().eventId(); // the acceptance follows the decision it answers
        }
        return publications;
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
}
