package jp.tsunagu.planning.plan;

import jp.tsunagu.contract.codes.PlanType;
import jp.tsunagu.contract.codes.ReviewOutcome;
import jp.tsunagu.contract.events.MeetingEvent;
import jp.tsunagu.contract.events.Role;
import jp.tsunagu.planning.plan.PlanCommand.MeetingReview;
import jp.tsunagu.planning.plan.PlanDecider.Decision;
import jp.tsunagu.support.events.DerivedIds;
import jp.tsunagu.support.problem.FieldError;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rules of a household's plan (世帯の支援プラン), without Quarkus: the part of {@link PlanDecider} that only a plan
 * with subjects (member cases) has. PlanDecider calls it; it decides nothing on a person's plan.
 */
final class HouseholdPlanDecider {

    private HouseholdPlanDecider() {
    }

    /**
     * A household's plan as asked, or why not: a 多機関協働プラン the named meeting already made for the household
     * from its members' reviews ({@link Decision.MadeAtMeeting}: the members' words go into that plan); each member
     * named once, each a current member of the household and none with a running plan of the type (422, each field
     * named); then the rules of a person's plan for each subject (adopted by a 重層的支援会議 that reviewed it, 409).
     *
     * @param state the plans of the household's members
     */
    static Decision make(PlanCommand.MakeForHousehold h, PlanState state) {
        Plan plan = h.plan();
        Optional<Plan> madeAtMeeting = plan.type() != PlanType.MULTI_AGENCY || plan.adoptedAtMeetingId() == null
                ? Optional.empty()
                : state.active().stream().filter(p -> p.isHousehold() && p.householdId().equals(plan.householdId())
                        && p.type() == plan.type() && plan.adoptedAtMeetingId().equals(p.adoptedAtMeetingId()))
                .findFirst();
        if (madeAtMeeting.isPresent()) {
            return new Decision.MadeAtMeeting(madeAtMeeting.get().planId());
        }
        List<Plan.Subject> subjects = plan.current().subjects();
        List<FieldError> errors = new ArrayList<>();
        if (subjects.isEmpty()) {
            errors.add(new FieldError("members", "世帯員の案件を1件以上指定してください"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < subjects.size(); i++) {
            String caseId = subjects.get(i).caseId();
            String field = "members[" + i + "].caseId";
            if (!h.members().contains(caseId)) {
                errors.add(new FieldError(field, "この世帯の案件ではありません"));
            } else if (!seen.add(caseId)) {
                errors.add(new FieldError(field, "同じ案件が2回指定されています"));
            } else {
                state.active().stream().filter(p -> p.type() == plan.type() && p.covers(caseId)).findFirst()
                        .ifPresent(p -> errors.add(new FieldError(field, "この案件にはすでに実施中の"
                                + plan.type().label() + "があります（" + p.planId() + "）")));
            }
        }
        if (!errors.isEmpty()) {
            return new Decision.Invalid(errors);
        }
        for (Plan.Subject s : subjects) {
            Optional<String> refused = PlanDecider.refuseCreation(new PlanCommand.Make(plan, h.createdByAgency(), true,
                    Optional.ofNullable(h.adoptingReviews().get(s.caseId()))), PlanState.initial());
            if (refused.isPresent()) {
                return new Decision.Refused("case " + s.caseId() + ": " + refused.get());
            }
        }
        return new Decision.Decided(List.of(new PlanEvent.Made(plan, h.createdByAgency())));
    }

    /**
     * A meeting's PLAN for a member with no running plan of the type: joins the household's plan this meeting already
     * made from another member's review (the meeting's roles for the case become that subject's), or makes it.
     */
    static PlanEvent madeOrJoined(MeetingEvent.CaseReviewed r, String causeId, PlanType type,
                                  Optional<Plan> householdPlan) {
        return householdPlan.filter(h -> !h.isClosed() && h.type() == type && r.householdId().equals(h.householdId())
                        && r.meetingId().equals(h.adoptedAtMeetingId()))
                .<PlanEvent>map(h -> new PlanEvent.SubjectJoined(h, new Plan.Subject(r.caseId(), null, List.of(),
                        r.roles()), r.heldOn()))
                .orElseGet(() -> {
                    Plan.Version first = Plan.Version.byMeeting(r.heldOn(), List.of(), r.reviewOn())
                            .withSubjects(List.of(new Plan.Subject(r.caseId(), null, List.of(), r.roles())));
                    return new PlanEvent.Made(Plan.made(new Plan.Ref("p-" + DerivedIds.from(causeId), r.caseId(),
                            r.municipality(), type, r.householdId(), List.of(r.caseId())), r.meetingId(), first), null);
                });
    }

    /**
     * A meeting's PLAN or REPLAN of a member of a running household's plan. The first member's review of a meeting
     * revises the plan (the household's review date, that member's roles); a later member's review of the same
     * meeting (the version is this meeting's: made or re-planned by it) gives that member's roles to the version as
     * details ({@link PlanEvent.SubjectCompleted}), announced in that member's case when its agencies are new.
     */
    static List<PlanEvent> byMeeting(Plan p, MeetingEvent.CaseReviewed r, String replanned) {
        boolean thisMeetings = replanned.equals(p.current().reason())
                || r.meetingId().equals(p.adoptedAtMeetingId()) && p.versions().size() == 1;
        if (!thisMeetings) {
            Plan.Version next = PlanDecider.nextVersion(p, PlanCommand.Revision.byMeeting(r.heldOn(), replanned,
                    List.of(), r.reviewOn()));
            return List.of(new PlanEvent.Revised(p.ref(), r.roles().isEmpty() ? next : next.withSubjects(
                    next.subjects().stream().map(s -> s.caseId().equals(r.caseId()) ? s.withRoles(r.roles()) : s)
                            .toList())));
        }
        Optional<Plan.Subject> subject = p.current().subject(r.caseId());
        if (r.roles().isEmpty() || subject.isEmpty() || agencies(subject.get().roles()).equals(agencies(r.roles()))) {
            return List.of(); // nothing new for the member (a redelivered review among them)
        }
        List<String> had = subject.get().roles().stream().map(Role::agencyId).toList();
        return List.of(PlanEvent.SubjectCompleted.of(p, subject.get().withRoles(r.roles()), List.of("meetingRoles"),
                r.roles().stream().filter(role -> !had.contains(role.agencyId())).toList(), r.heldOn()));
    }

    private static List<String> agencies(List<Role> roles) {
        return roles.stream().map(Role::agencyId).sorted().toList();
    }

    /**
     * Whether a meeting's CLOSE of one member closes the household's plan: only when every current subject of it is
     * reviewed CLOSE (for the plan's type, or with no type) at that meeting, this review completing the set. One
     * member's CLOSE leaves the plan running: it still covers that member.
     *
     * @param atMeeting the same meeting's reviews of the plan's other subjects, by case id
     */
    static boolean closedByMeeting(Plan p, MeetingEvent.CaseReviewed r, Map<String, MeetingReview> atMeeting) {
        return p.caseIds().stream().allMatch(c -> c.equals(r.caseId())
                || Optional.ofNullable(atMeeting.get(c)).filter(m -> m.meetingId().equals(r.meetingId())
                && m.outcome() == ReviewOutcome.CLOSE && (m.planType() == null || m.planType() == p.type())).isPresent());
    }

    /**
     * 未記入の補完 of one member of a household's plan: the member's wish, wish tags and roles where the current version
     * has none for that member (a role's words for the agencies a meeting named), refused as {@link PlanCompletion}
     * refuses details. plan-details-completed in that member's case only, when the roles give new agencies.
     */
    static Decision completeSubject(Plan plan, PlanCommand.CompleteSubject c) {
        if (!plan.isHousehold()) {
            return new Decision.Refused("plan " + plan.planId() + " is a person's plan, not a household's: its "
                    + "details are PUT /plans/" + plan.planId() + "/details");
        }
        Optional<Plan.Subject> subject = plan.current().subject(c.caseId());
        if (subject.isEmpty()) {
            return new Decision.Refused("case " + c.caseId() + " is not a subject of plan " + plan.planId());
        }
        if (c.completion().named().isEmpty()) {
            return new Decision.Refused("nothing to complete: give wish, wishTags or roles");
        }
        Plan.Subject s = subject.get();
        Plan.Version v = plan.current();
        // the member's words as a version of their own, so that a subject is completed by the rules of details
        Plan.Version own = new Plan.Version(v.version(), v.madeOn(), v.reason(), s.wish(), s.wishTags(), List.of(),
                s.roles(), null);
        Optional<String> refused = PlanCompletion.refusal(new Plan(plan.planId(), plan.caseId(), plan.municipality(),
                plan.type(), plan.adoptedAtMeetingId(), List.of(own), plan.closedOn(), plan.closeReason()),
                c.completion());
        if (refused.isPresent()) {
            return new Decision.Refused("member case " + c.caseId() + ": " + refused.get());
        }
        Plan.Version done = PlanCompletion.completed(own, c.completion());
        return new Decision.Decided(List.of(PlanEvent.SubjectCompleted.of(plan, new Plan.Subject(s.caseId(),
                done.wish(), done.wishTags(), done.roles()), c.completion().named(),
                PlanCompletion.newRoles(own, c.completion()), c.on())));
    }
}
