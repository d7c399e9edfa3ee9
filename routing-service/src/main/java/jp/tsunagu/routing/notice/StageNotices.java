package jp.tsunagu.routing.notice;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.MeetingEvent;
import jp.tsunagu.contract.events.PlanningEvent;
import jp.tsunagu.contract.events.TsunaguEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Follows the plans and meetings topics for the agencies' notices: a role given in a new plan, a plan's review
 * coming due (to the agencies with a role in it), an invitation to a meeting.
 */
@ApplicationScoped
public class StageNotices {

    private final NoticeRecords notices;

    public StageNotices(NoticeRecords notices) {
        this.notices = notices;
    }

    /** Whether the plan or meeting event tells an agency anything. */
    public static boolean concernsAgencies(TsunaguEvent event) {
        return (event instanceof PlanningEvent.PlanCreated c && !c.roles().isEmpty())
                || (event instanceof PlanningEvent.PlanDetailsCompleted d && !d.roles().isEmpty())
                || event instanceof PlanningEvent.PlanReviewDue || event instanceof MeetingEvent.MembersInvited;
    }

    /** In the consumer batch's transaction. */
    public Uni<Void> apply(List<EventEnvelope<TsunaguEvent>> events) {
        List<NoticeRecords.PlanRole> roles = new ArrayList<>();
        List<String> reviewed = new ArrayList<>();
        for (EventEnvelope<TsunaguEvent> e : events) {
            if (e.data() instanceof PlanningEvent.PlanCreated c) {
                c.roles().forEach(r -> roles.add(new NoticeRecords.PlanRole(c.planId(), r.agencyId())));
            } else if (e.data() instanceof PlanningEvent.PlanDetailsCompleted d) {
                d.roles().forEach(r -> roles.add(new NoticeRecords.PlanRole(d.planId(), r.agencyId())));
            } else if (e.data() instanceof PlanningEvent.PlanReviewDue r) {
                reviewed.add(r.planId());
            }
        }
        return notices.rememberRoles(roles)
                .chain(() -> notices.planRoles(reviewed))
                .chain(byPlan -> {
                    List<Notice> all = new ArrayList<>();
                    for (EventEnvelope<TsunaguEvent> e : events) {
                        Set<String> planRoles = e.data() instanceof PlanningEvent.PlanReviewDue r
                                ? byPlan.getOrDefault(r.planId(), Set.of()) : Set.of();
                        all.addAll(Notices.of(e, planRoles));
                    }
                    return notices.write(all);
                });
    }
}
