package jp.tsunagu.planning.plan;

import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.PlanType;
import jp.tsunagu.contract.codes.ReviewRules;
import jp.tsunagu.contract.events.MeetingEvent;
import jp.tsunagu.planning.plan.PlanCommand.MeetingReview;
import jp.tsunagu.planning.plan.PlanCommand.Revision;
import jp.tsunagu.support.events.DerivedIds;
import jp.tsunagu.support.problem.FieldError;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every rule of a plan's life, in one place and without Quarkus, as a decider: {@link #decide} turns a command and the
 * case's plans as they stand into the events that happen (or a refusal with the reason a 409 gives), {@link #evolve}
 * folds an event into the plans, from {@link PlanState#initial()}. Both are pure: the business date comes in the
 * command. PlanChanges writes and announces what the events say and decides nothing.
 */
public final class PlanDecider {

    private PlanDecider() {
    }

    /** What a command decides. */
    public sealed interface Decision {
        record Refused(String reason) implements Decision {
        }

        /** The request names what cannot be (a 422 naming each field, in Japanese): nothing happens. */
        record Invalid(List<FieldError> errors) implements Decision {
            public Invalid {
                errors = List.copyOf(errors);
            }
        }

        /**
         * A household's 多機関協働プラン the named meeting already made from its members' reviews (409 naming it): the
         * members' words go into that plan (PUT /plans/{planId}/subjects/{caseId}), not into a second one.
         */
        record MadeAtMeeting(String planId) implements Decision {
        }

        /** The events, in order (none: the command changes nothing, e.g. a 支援会議's review). */
        record Decided(List<PlanEvent> events) implements Decision {
            public Decided {
                events = List.copyOf(events);
            }
        }
    }

    public static Decision decide(PlanCommand command, PlanState state) {
        return switch (command) {
            case PlanCommand.Make m -> refuseCreation(m, state).<Decision>map(Decision.Refused::new)
                    .orElseGet(() -> decided(new PlanEvent.Made(m.plan(), m.createdByAgency())));
            case PlanCommand.MakeForHousehold h -> HouseholdPlanDecider.make(h, state);
            case PlanCommand.Revise r -> onPlan(state, r.planId(), plan -> refuseRevision(plan, r.revision().madeOn())
                    .<Decision>map(Decision.Refused::new)
                    .orElseGet(() -> decided(new PlanEvent.Revised(plan.ref(), nextVersion(plan, r.revision())))));
            case PlanCommand.Complete c -> onPlan(state, c.planId(), plan -> PlanCompletion.refusal(plan, c.completion())
                    .<Decision>map(Decision.Refused::new)
                    .orElseGet(() -> decided(new PlanEvent.DetailsCompleted(plan.ref(),
                            PlanCompletion.completed(plan.current(), c.completion()), c.completion().named(),
                            PlanCompletion.newRoles(plan.current(), c.completion()), c.completion().reviewOn(),
                            c.on()))));
            case PlanCommand.CompleteSubject c -> onPlan(state, c.planId(),
                    plan -> HouseholdPlanDecider.completeSubject(plan, c));
            case PlanCommand.Close c -> onPlan(state, c.planId(), plan -> refuseClosure(plan, c.closedOn())
                    .<Decision>map(Decision.Refused::new)
                    .orElseGet(() -> decided(new PlanEvent.Closed(plan.ref(), c.closedOn(), c.reason()))));
            case PlanCommand.TakeReview r -> new Decision.Decided(fromReview(state, r.review(), r.causeId(),
                    r.householdPlan(), r.atMeeting()));
            case PlanCommand.TakeAmendment a -> new Decision.Decided(fromAmendment(state, a.amendment(), a.causeId(),
                    a.householdPlan(), a.atMeeting()));
            case PlanCommand.TakeImport i -> new Decision.Decided(ImportedPlans.decide(i.imported(), state));
            case PlanCommand.CheckReview c -> onPlan(state, c.planId(), plan -> fallsDue(state, plan, c.today())
                    ? decided(new PlanEvent.ReviewFellDue(plan.ref(), plan.current().version(),
                    plan.current().reviewOn(), c.today()))
                    : new Decision.Decided(List.of()));
        };
    }

    /** The plans after the event. */
    public static PlanState evolve(PlanState state, PlanEvent event) {
        return switch (event) {
            case PlanEvent.Made m -> state.with(m.made());
            case PlanEvent.SubjectJoined j -> state.with(j.joining().joinedBy(j.subject()));
            case PlanEvent.SubjectCompleted c -> state.with(existing(state, c).withCurrent(c.version()));
            case PlanEvent.Revised r -> state.with(existing(state, r).revisedTo(r.version()));
            case PlanEvent.DetailsCompleted d -> state.with(existing(state, d).withCurrent(d.version()));
            case PlanEvent.Closed c -> state.with(existing(state, c).closed(c.closedOn(), c.reason()));
            // the plan stays as it is; the state remembers the version's review was announced
            case PlanEvent.ReviewFellDue d -> state.withReviewAnnounced(existing(state, d).planId(), d.version());
        };
    }

    /** The plans after the events, in order, from {@link PlanState#initial()}. */
    public static PlanState fold(List<PlanEvent> events) {
        PlanState state = PlanState.initial();
        for (PlanEvent e : events) {
            state = evolve(state, e);
        }
        return state;
    }

    // --- the rules ------------------------------------------------------------------------------------------------

    /** Refusals of a new plan, in the order they are checked. */
    static Optional<String> refuseCreation(PlanCommand.Make m, PlanState state) {
        PlanType type = m.plan().type();
        String adoptedAtMeetingId = m.plan().adoptedAtMeetingId();
        List<Plan> activeOfType = state.active().stream().filter(p -> p.type() == type).toList();
        if (!m.caseKnown()) {
            return Optional.of("unknown case: a plan is made for a case referred to Tsunagu");
        }
        if (!activeOfType.isEmpty()) {
            return Optional.of("the case already has an active " + type.label() + " (" + activeOfType.get(0).planId()
                    + "): revise it (再プラン) or close it first");
        }
        if (type == PlanType.MULTI_AGENCY && adoptedAtMeetingId == null) {
            return Optional.of("a 多機関協働プラン is adopted by a 重層的支援会議: name it in adoptedAtMeetingId");
        }
        if (adoptedAtMeetingId == null) {
            return Optional.empty();
        }
        if (m.adoptingReview().isEmpty()) {
            return Optional.of("meeting " + adoptedAtMeetingId + " has not reviewed this case");
        }
        MeetingReview r = m.adoptingReview().get();
        if (!r.meetingType().mayAdoptPlans()) {
            return Optional.of("a " + r.meetingType().label() + " does not adopt plans (no consent, no plan): "
                    + "meeting " + r.meetingId());
        }
        if (!r.outcome().adoptsPlan()) {
            return Optional.of("meeting " + r.meetingId() + " did not adopt a plan for this case (outcome "
                    + r.outcome() + ")");
        }
        if (r.planType() != null && r.planType() != type) {
            return Optional.of("meeting " + r.meetingId() + " adopted a " + r.planType().label() + ", not a "
                    + type.label());
        }
        return Optional.empty();
    }

    static Optional<String> refuseRevision(Plan plan, LocalDate madeOn) {
        if (plan.isClosed()) {
            return Optional.of("plan " + plan.planId() + " was closed on " + plan.closedOn()
                    + ": a closed plan is not revised; make a new plan");
        }
        if (madeOn.isBefore(plan.current().madeOn())) {
            return Optional.of("a revision cannot be older than the version it revises (" + plan.current().madeOn()
                    + ")");
        }
        return Optional.empty();
    }

    static Optional<String> refuseClosure(Plan plan, LocalDate closedOn) {
        if (plan.isClosed()) {
            return Optional.of("plan " + plan.planId() + " is already closed (" + plan.closedOn() + ")");
        }
        if (closedOn.isBefore(plan.versions().get(0).madeOn())) {
            return Optional.of("a plan cannot be closed before it was made (" + plan.versions().get(0).madeOn() + ")");
        }
        return Optional.empty();
    }

    /** The version a revision makes: numbered after the current one, with what it does not change carried forward. */
    static Plan.Version nextVersion(Plan plan, Revision r) {
        Plan.Version previous = plan.current();
        return new Plan.Version(previous.version() + 1, r.madeOn(), r.reason(),
                r.wish() == null ? previous.wish() : r.wish(),
                r.wishTags() == null ? previous.wishTags() : r.wishTags(),
                r.goals() == null ? previous.goals() : r.goals(),
                r.roles() == null ? previous.roles() : r.roles(),
                r.reviewOn() == null ? previous.reviewOn() : r.reviewOn(), previous.subjects());
    }

    /** Only a 重層的支援会議's review changes plans ({@link MeetingType#mayAdoptPlans()}). */
    public static boolean mayChangePlans(MeetingEvent.CaseReviewed r) {
        return r.meetingType().mayAdoptPlans();
    }

    /**
     * What a 重層的支援会議's review changes in the case's plans (a 支援会議 never makes one): PLAN revises the active
     * plan of the type adopted (多機関協働プラン when none is named) or makes it; REPLAN revises it, and with no active
     * plan of the type changes nothing (a 再プラン of nothing, {@link ReviewRules#replanRefusal}, which meeting-service
     * refuses); CLOSE closes that plan, or every active plan when no type is named.
     */
    static List<PlanEvent> fromReview(PlanState state, MeetingEvent.CaseReviewed r, String causeId) {
        return fromReview(state, r, causeId, Optional.empty(), Map.of());
    }

    /**
     * {@link #fromReview(PlanState, MeetingEvent.CaseReviewed, String)} for a case a household's plan covers or
     * discussed with its household (r.householdId()), by {@link HouseholdPlanDecider}: a PLAN with no running plan of
     * the type makes the household's plan or joins the one this meeting made; the first member's PLAN or REPLAN of a
     * meeting revises the household's plan, later members' roles of that meeting are filled into that version; a
     * CLOSE closes the household's plan only when every subject of it is reviewed CLOSE at the meeting.
     *
     * @param atMeeting the same meeting's reviews of the other subjects of household plans covering the case
     */
    static List<PlanEvent> fromReview(PlanState state, MeetingEvent.CaseReviewed r, String causeId,
                                      Optional<Plan> householdPlan, Map<String, MeetingReview> atMeeting) {
        if (!mayChangePlans(r)) {
            return List.of();
        }
        PlanType type = r.planType() == null ? PlanType.MULTI_AGENCY : r.planType();
        List<Plan> active = state.active();
        Optional<Plan> ofType = active.stream().filter(p -> p.type() == type).findFirst();
        if (ReviewRules.replanRefusal(r.outcome(), type, ofType.isPresent()).isPresent()) {
            return List.of(); // no plan with no roles nor review date made up from a 再プラン of nothing
        }
        String replanned = "重層的支援会議（" + r.meetingId() + "）で再プラン";
        return switch (r.outcome()) {
            case PLAN, REPLAN -> ofType.map(p -> p.isHousehold() ? HouseholdPlanDecider.byMeeting(p, r, replanned)
                            : List.<PlanEvent>of(new PlanEvent.Revised(p.ref(), nextVersion(p,
                            Revision.byMeeting(r.heldOn(), replanned, r.roles(), r.reviewOn())))))
                    .orElseGet(() -> List.of(r.householdId() == null ? madeByMeeting(r, causeId, type)
                            : HouseholdPlanDecider.madeOrJoined(r, causeId, type, householdPlan)));
            case CLOSE -> (r.planType() == null ? active : ofType.stream().toList()).stream()
                    .filter(p -> !p.isHousehold() || HouseholdPlanDecider.closedByMeeting(p, r, atMeeting))
                    .<PlanEvent>map(p -> new PlanEvent.Closed(p.ref(), r.heldOn(),
                            "重層的支援会議（" + r.meetingId() + "）で終結"))
                    .toList();
            case CONTINUE, WATCH, SHARE_INFO -> List.of();
        };
    }

    /** The person's plan a meeting's PLAN makes. */
    private static PlanEvent madeByMeeting(MeetingEvent.CaseReviewed r, String causeId, PlanType type) {
        return new PlanEvent.Made(Plan.made(new Plan.Ref("p-" + DerivedIds.from(causeId), r.caseId(),
                r.municipality(), type), r.meetingId(), Plan.Version.byMeeting(r.heldOn(), r.roles(), r.reviewOn())),
                null);
    }

    /**
     * What a correction of a review changes in the plans: the review it now is, when the correction changed the
     * outcome of a review that had changed none (meeting-service refuses to change an outcome that made, revised or
     * closed a plan); nothing otherwise.
     */
    static List<PlanEvent> fromAmendment(PlanState state, MeetingEvent.CaseReviewAmended a, String causeId) {
        return fromAmendment(state, a, causeId, Optional.empty(), Map.of());
    }

    static List<PlanEvent> fromAmendment(PlanState state, MeetingEvent.CaseReviewAmended a, String causeId,
                                         Optional<Plan> householdPlan, Map<String, MeetingReview> atMeeting) {
        if (!a.outcomeChanged() || a.previousOutcome().changesPlans()) {
            return List.of();
        }
        return fromReview(state, a.asReview(false), causeId, householdPlan, atMeeting);
    }

    /**
     * The review of the plan's current version falls due: the plan is overdue and that version's review was not
     * announced before (once per version: a 再プラン's new version falls due again after its own date).
     */
    static boolean fallsDue(PlanState state, Plan plan, LocalDate today) {
        return overdue(plan, today) && !state.reviewAnnounced(plan.planId(), plan.current().version());
    }

    /** A running plan past its review date, for coordinators. */
    public static boolean overdue(Plan plan, LocalDate today) {
        LocalDate reviewOn = plan.current().reviewOn();
        return !plan.isClosed() && reviewOn != null && reviewOn.isBefore(today);
    }

    private static Decision decided(PlanEvent event) {
        return new Decision.Decided(List.of(event));
    }

    /** The command's plan, or a refusal when the state does not hold it. */
    private static Decision onPlan(PlanState state, String planId, Function<Plan, Decision> rule) {
        return state.plan(planId).map(rule).orElseGet(() -> new Decision.Refused("unknown plan " + planId));
    }

    private static Plan existing(PlanState state, PlanEvent event) {
        return state.plan(event.plan().planId()).orElseThrow(() -> new IllegalStateException(
                "an event of plan " + event.plan().planId() + " before it was made"));
    }
}
