package jp.tsunagu.intake.status;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import jp.tsunagu.contract.events.MeetingEvent;
import jp.tsunagu.contract.events.PlanningEvent;
import jp.tsunagu.contract.events.TsunaguEvent;
import jp.tsunagu.support.db.Database;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the household view needs to remember of the other stages as one batch of events goes by: the meetings a case
 * was reviewed at (case_meeting) and the plans it is a subject of, open or closed (case_plan). A household's plan is
 * one planId written once per member case, so it is one plan here too.
 */
final class HouseholdFacts {

    private final List<Tuple> meetings = new ArrayList<>();
    private final List<Tuple> plansCreated = new ArrayList<>();
    private final List<Tuple> plansClosed = new ArrayList<>();

    void follow(TsunaguEvent event) {
        switch (event) {
            case MeetingEvent.CaseReviewed r -> meetings.add(Tuple.tuple(Arrays.asList(r.caseId(), r.meetingId(),
                    r.meetingType().name(), r.heldOn(), r.householdId())));
            case MeetingEvent.CaseReviewAmended r -> meetings.add(Tuple.tuple(Arrays.asList(r.caseId(),
                    r.meetingId(), r.meetingType().name(), r.heldOn(), r.householdId())));
            case PlanningEvent.PlanCreated p -> plansCreated.add(Tuple.tuple(Arrays.asList(p.caseId(), p.planId(),
                    p.householdId())));
            case PlanningEvent.PlanClosed p -> plansClosed.add(Tuple.of(p.caseId(), p.planId()));
            default -> {
            }
        }
    }

    /** A plan's closing may come before its creation in a batch: a closed plan stays closed. */
    Uni<Void> write(Database database) {
        return database.updateEach("""
                        insert into case_meeting(case_id, meeting_id, meeting_type, held_on, household_id)
                        values ($1, $2, $3, $4, $5)
                        on conflict (case_id, meeting_id) do update
                           set meeting_type = excluded.meeting_type, held_on = excluded.held_on,
                               household_id = excluded.household_id""", meetings)
                .chain(() -> database.updateEach("""
                        insert into case_plan(case_id, plan_id, household_id, open) values ($1, $2, $3, true)
                        on conflict (case_id, plan_id) do update
                           set household_id = coalesce(case_plan.household_id, excluded.household_id)""",
                        plansCreated))
                .chain(() -> database.updateEach("""
                        insert into case_plan(case_id, plan_id, open) values ($1, $2, false)
                        on conflict (case_id, plan_id) do update set open = false""", plansClosed));
    }
}
