package jp.tsunagu.planning.plan;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A case's plans as their events left them ({@link PlanDecider#evolve}), by plan id; closed ones too. A command on one
 * plan (revise, complete, close, the review check) reads only that plan, so its state may hold that plan alone.
 */
public record PlanState(SortedMap<String, Plan> plans) {

    public PlanState {
        plans = Collections.unmodifiableSortedMap(new TreeMap<>(plans));
    }

    /** No plan yet: where every case's fold starts. */
    public static PlanState initial() {
        return new PlanState(new TreeMap<>());
    }

    /** The plans as persistence holds them. */
    public static PlanState of(Collection<Plan> plans) {
        SortedMap<String, Plan> byId = new TreeMap<>();
        plans.forEach(p -> byId.put(p.planId(), p));
        return new PlanState(byId);
    }

    public Optional<Plan> plan(String planId) {
        return Optional.ofNullable(plans.get(planId));
    }

    /** The running plans, by plan id. */
    public List<Plan> active() {
        return plans.values().stream().filter(p -> !p.isClosed()).toList();
    }

    /** The state with the plan as it now is. */
    PlanState with(Plan plan) {
        SortedMap<String, Plan> next = new TreeMap<>(plans);
        next.put(plan.planId(), plan);
        return new PlanState(next);
    }
}
