package jp.tsunagu.meeting.agenda;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.codes.PlanType;
import jp.tsunagu.contract.events.PlanningEvent;
import jp.tsunagu.support.db.Database;

import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * What meeting-service knows of each case's plans, from planning-service's events (V6__case_plans.sql): which types
 * run, so minutes and their corrections can refuse a 再プラン of nothing ({@code ReviewRules.replanRefusal}). A plan
 * made by a meeting is known once planning-service has announced it. Created and closed commute, so their order does
 * not matter.
 */
@ApplicationScoped
public class CasePlans {

    private final Database database;

    public CasePlans(Database database) {
        this.database = database;
    }

    /** Whether the event changes which plans run. */
    public static boolean changesRunningPlans(PlanningEvent event) {
        return event instanceof PlanningEvent.PlanCreated || event instanceof PlanningEvent.PlanClosed;
    }

    public Uni<Void> apply(PlanningEvent event) {
        return switch (event) {
            case PlanningEvent.PlanCreated c -> database.update("""
                    insert into case_plan(plan_id, case_id, plan_type) values ($1, $2, $3)
                    on conflict (plan_id) do nothing""", c.planId(), c.caseId(), c.type().name()).replaceWithVoid();
            case PlanningEvent.PlanClosed c -> database.update("""
                    insert into case_plan(plan_id, case_id, plan_type, closed) values ($1, $2, $3, true)
                    on conflict (plan_id) do update set closed = true""", c.planId(), c.caseId(), c.type().name())
                    .replaceWithVoid();
            default -> Uni.createFrom().voidItem();
        };
    }

    /** The types of plan running for each of the given cases (a case with none is absent). */
    public Uni<Map<String, Set<PlanType>>> running(Collection<String> caseIds) {
        return database.list("select case_id, plan_type from case_plan where case_id = any($1) and not closed",
                        r -> Map.entry(r.getString("case_id"), PlanType.valueOf(r.getString("plan_type"))),
                        (Object) caseIds.toArray(String[]::new))
                .map(rows -> {
                    Map<String, Set<PlanType>> running = new HashMap<>();
                    rows.forEach(e -> running.computeIfAbsent(e.getKey(), k -> EnumSet.noneOf(PlanType.class))
                            .add(e.getValue()));
                    return running;
                });
    }
}
