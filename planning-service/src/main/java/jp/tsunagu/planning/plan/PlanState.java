package jp.tsunagu.planning.plan;

import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A case's plans as their events left them ({@link PlanDecider#evolve}), by plan id; closed ones too. A command on one
 * plan (revise, complete, close, the review check) reads only that plan, so its state may hold that plan alone.
 *
 * @param reviewsAnnounced the plan versions whose review was announced as due ({@link PlanEvent.ReviewFellDue}): a
 *                         version's review falls due once, and the review check decides that from here
 */
public record PlanState(SortedMap<String, Plan> plans, Set<ReviewAnnounced> reviewsAnnounced) {

    /** The review of the plan's version was announced as due. */
    public record ReviewAnnounced(String planId, int version) {
    }

    public PlanState {
        plans = Collections.unmodifiableSortedMap(new TreeMap<>(plans));
        reviewsAnnounced = Set.copyOf(reviewsAnnounced);
    }

    /** No plan yet: where every case's fold starts. */
    public static PlanState initial() {
        return new PlanState(new TreeMap<>(), Set.of());
    }

    /** The plans as persistence holds them, no review announced (a rule that reads none). */
    public static PlanState of(Collection<Plan> plans) {
        return of(plans, List.of());
    }

    /** The plans and the reviews announced as persistence holds them. */
    public static PlanState of(Collection<Plan> plans, Collection<ReviewAnnounced> reviewsAnnounced) {
        SortedMap<String, Plan> byId = new TreeMap<>();
        plans.forEach(p -> byId.put(p.planId(), p));
        return new PlanState(byId, Set.copyOf(reviewsAnnounced));
    }

    public Optional<Plan> plan(String planId) {
        return Optional.ofNullable(plans.get(planId));
    }

    /** The running plans, by plan id. */
    public List<Plan> active() {
        return plans.values().stream().filter(p -> !p.isClosed()).toList();
    }

    /** Whether the review of the plan's version was announced as due. */
    public boolean reviewAnnounced(String planId, int version) {
        return reviewsAnnounced.contains(new ReviewAnnounced(planId, version));
    }

    /** The state with the plan as it now is. */
    PlanState with(Plan plan) {
        SortedMap<String, Plan> next = new TreeMap<>(plans);
        next.put(plan.planId(), plan);
        return new PlanState(next, reviewsAnnounced);
    }

    /** The state with the review of the plan's version announced. */
    PlanState withReviewAnnounced(String planId, int version) {
        Set<ReviewAnnounced> next = new HashSet<>(reviewsAnnounced);
        next.add(new ReviewAnnounced(planId, version));
        return new PlanState(plans, next);
    }
}
