package jp.tsunagu.routing.referral;

import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.routing.rules.CaseFacts;

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

    private final Map<String, CaseFacts> facts = new LinkedHashMap<>();
    private final Map<String, CaseRouting> routings = new LinkedHashMap<>();
    /** municipality → agency → cases gained (or lost, negative) */
    private final Map<String, Map<String, Long>> load = new LinkedHashMap<>();
    private final List<Step> steps = new ArrayList<>();
    private final Set<String> erasures = new LinkedHashSet<>();

    public void facts(CaseFacts caseFacts) {
        facts.put(caseFacts.caseId(), caseFacts);
    }

    /** The case's routing changes from {@code before} (null for its first decision) to {@code after}. */
    public void routing(CaseRouting before, CaseRouting after) {
        routings.put(after.caseId(), after);
        RoutingDecider.shiftLoad(load.computeIfAbsent(after.municipality(), m -> new LinkedHashMap<>()), before, after);
    }

    public void step(EventEnvelope<?> event, String agencyId, String detail) {
        steps.add(new Step(event, agencyId, detail));
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

    List<Step> steps() {
        return List.copyOf(steps);
    }

    List<String> erasures() {
        return List.copyOf(erasures);
    }
}
