package jp.tsunagu.routing.referral;

import jp.tsunagu.contract.codes.InboxState;
import jp.tsunagu.contract.codes.RoutingDecision;
import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.Reason;
import jp.tsunagu.contract.events.RoutingEvent;
import jp.tsunagu.contract.events.TsunaguEvent;
import jp.tsunagu.routing.notice.Notice;
import jp.tsunagu.routing.notice.Notices;
import jp.tsunagu.routing.rules.CaseFacts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a command or a consumer batch changes in routing's tables, gathered in memory and written at once by
 * {@link RoutingRecords#write}: the last facts and routing of each case, the agencies' load moved by every change of
 * routing (summed per agency), the steps of the history in order, the erased cases.
 */
public final class RoutingChanges {

    /** One agency's load moves by {@code by} cases. */
    public record LoadShift(String municipality, String agencyId, long by) {
    }

    /** A step of a case's routing history: the published event and what it meant. */
    public record Step(EventEnvelope<?> event, String agencyId, String detail) {
    }

    /** A case enters an agency's inbox, waiting for its answer by {@code dueOn}. */
    public record InboxArrival(String municipality, String agencyId, String caseId, RoutingDecision decision,
                               LocalDate routedOn, LocalDate dueOn, List<Reason> reasons) {
    }

    /** The agency answered (or did not, by the deadline): the item's state from then on. */
    public record InboxAnswer(String agencyId, String caseId, String state, LocalDate on, String declineReason) {
    }

    private final Map<String, CaseFacts> facts = new LinkedHashMap<>();
    private final Map<String, CaseRouting> routings = new LinkedHashMap<>();
    /** municipality → agency → cases gained (or lost, negative) */
    private final Map<String, Map<String, Long>> load = new LinkedHashMap<>();
    private final List<Step> steps = new ArrayList<>();
    private final Set<String> erasures = new LinkedHashSet<>();
    private final List<InboxArrival> arrivals = new ArrayList<>();
    private final List<InboxAnswer> answers = new ArrayList<>();
    private final List<Notice> notices = new ArrayList<>();
    /** case id → its 受付番号, for the cases whose referral this batch routes */
    private final Map<String, String> caseNumbers = new LinkedHashMap<>();

    public void facts(CaseFacts caseFacts) {
        facts.put(caseFacts.caseId(), caseFacts);
    }

    /** The case's 受付番号 from its referral (null: received before case numbers were given). */
    public void caseNumber(String caseId, String caseNumber) {
        if (caseNumber != null) {
            caseNumbers.put(caseId, caseNumber);
        }
    }

    /** The case's routing changes from {@code before} (null for its first decision) to {@code after}. */
    public void routing(CaseRouting before, CaseRouting after) {
        routings.put(after.caseId(), after);
        RoutingDecider.shiftLoad(load.computeIfAbsent(after.municipality(), m -> new LinkedHashMap<>()), before, after);
    }

    /**
     * A published routing event: a step of the case's history, what it changes in an agency's inbox, and what the
     * agency and the case's referrer are told of it; the emitted step holds its agency, its line of history and a
     * decline's reason, which the event does not carry.
     *
     * @param referrer the agency that referred the case (null: the city's own desk)
     * @param reRouted the event's decision replaced an earlier routing of the case (see {@link Notices#toReferrer})
     */
    public void step(EventEnvelope<? extends TsunaguEvent> event, RoutingDecider.Emitted emitted, String referrer,
                     boolean reRouted) {
        String declineReason = emitted.declineReason();
        steps.add(new Step(event, emitted.agencyId(), emitted.stepDetail()));
        notices.addAll(Notices.of(event, List.of()));
        notices.addAll(Notices.toReferrer(event, referrer, reRouted, declineReason));
        LocalDate on = event.businessDate();
        switch ((RoutingEvent) event.data()) {
            case RoutingEvent.CaseRouted e -> arrivals.add(new InboxArrival(e.municipality(), e.agencyId(),
                    e.caseId(), RoutingDecision.ROUTED, on, e.acceptBy(), e.reasons()));
            case RoutingEvent.OutreachRequested e -> arrivals.add(new InboxArrival(e.municipality(), e.agencyId(),
                    e.caseId(), RoutingDecision.OUTREACH, on, e.acceptBy(), e.reasons()));
            case RoutingEvent.RoutingAccepted e -> answers.add(new InboxAnswer(e.agencyId(), e.caseId(),
                    InboxState.ACCEPTED.name(), on, null));
            case RoutingEvent.RoutingDeclined e -> answers.add(new InboxAnswer(e.agencyId(), e.caseId(),
                    InboxState.DECLINED.name(), on, declineReason != null ? declineReason : e.reason()));
            case RoutingEvent.AcceptanceOverdue e -> answers.add(new InboxAnswer(e.agencyId(), e.caseId(),
                    InboxState.EXPIRED.name(), on, null));
            case RoutingEvent.CaseEscalated e -> {
                // to coordination, not to an agency's inbox
            }
            case RoutingEvent.DirectoryChanged e -> {
                // not about a case
            }
        }
    }

    /** The awaited answer of a case joined as a duplicate is withdrawn ({@link RoutingDecider#joined}). */
    public void joined(CaseRouting before, CaseRouting after, LocalDate on) {
        routing(before, after);
        answers.add(new InboxAnswer(before.agencyId(), before.caseId(), InboxState.JOINED.name(), on, null));
    }

    public void erase(String caseId) {
        erasures.add(caseId);
    }

    List<CaseFacts> facts() {
        return List.copyOf(facts.values());
    }

    List<CaseRouting> routings() {
        return List.copyOf(routings.values());
    }

    List<LoadShift> loadShifts() {
        return load.entrySet().stream().flatMap(city -> city.getValue().entrySet().stream()
                        .filter(agency -> agency.getValue() != 0)
                        .map(agency -> new LoadShift(city.getKey(), agency.getKey(), agency.getValue())))
                .toList();
    }

    String caseNumber(String caseId) {
        return caseNumbers.get(caseId);
    }

    List<Step> steps() {
        return List.copyOf(steps);
    }

    List<Notice> notices() {
        return List.copyOf(notices);
    }

    List<InboxArrival> arrivals() {
        return List.copyOf(arrivals);
    }

    List<InboxAnswer> answers() {
        return List.copyOf(answers);
    }

    List<String> erasures() {
        return List.copyOf(erasures);
    }
}
