package jp.tsunagu.planning.plan;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.codes.Coded;
import jp.tsunagu.contract.codes.PlanType;
import jp.tsunagu.contract.directory.AgencyDirectory;
import jp.tsunagu.contract.events.Role;
import jp.tsunagu.planning.plan.PlanChanges.Cause;
import jp.tsunagu.support.db.InTransaction;
import jp.tsunagu.support.directory.AgencyDirectories;
import jp.tsunagu.support.problem.ApiProblem;
import jp.tsunagu.support.problem.FieldError;
import jp.tsunagu.support.problem.FieldErrors;
import jp.tsunagu.support.problem.Params;
import jp.tsunagu.support.security.Caller;
import jp.tsunagu.support.security.Roles;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Plans' commands and reads: posted by coordinators and the responsible providers, revised (再プラン) and closed
 * (終結). Each command is decided by {@link PlanDecider} against the plans as they stand and its events written and
 * announced by {@link PlanChanges}; a 重層的支援会議's outcome takes the same way through {@link PlanningIntake}. Who
 * may do what is {@link PlanAccess}, the request fields {@link PlanRequestRules}, the case's dates {@link CaseChecks}.
 */
@ApplicationScoped
public class PlanService {

    private final PlanRecords records;
    private final PlanChanges changes;
    private final PlanAccess access;
    private final AgencyDirectories directories;
    private final CaseChecks cases;

    public PlanService(PlanRecords records, PlanChanges changes, PlanAccess access, AgencyDirectories directories,
                       CaseChecks cases) {
        this.records = records;
        this.changes = changes;
        this.access = access;
        this.directories = directories;
        this.cases = cases;
    }

    /** The result of a creating command: its id, and whether it was an idempotent repeat. */
    public record Created(String id, int version, boolean replayed) {
    }

    // --- commands -----------------------------------------------------------------------------------------------

    @InTransaction
    public Uni<Created> create(Caller caller, String idempotencyKey, String caseId, PlanRequests.NewPlan request) {
        if (request == null) {
            throw ApiProblem.badRequest("body-missing", "a JSON body is required");
        }
        List<FieldError> errors = new FieldErrors(); // bounded, however long the request's lists
        PlanType type = request.type() == null ? null : Coded.parse(PlanType.class, request.type()).orElse(null);
        if (type == null) {
            errors.add(new FieldError("type", "required; one of " + String.join(", ", Coded.codes(PlanType.class))));
        }
        LocalDate madeOn = Params.date(request.madeOn(), "madeOn", true, errors);
        LocalDate reviewOn = Params.date(request.reviewOn(), "reviewOn", false, errors);
        List<Role> roles = PlanRequestRules.roles(request.roles(), directory(caller), errors);
        List<String> goals = PlanRequestRules.goals(request.goals(), errors);
        List<String> tags = PlanRequestRules.tags(request.wishTags(), errors);
        String wish = PlanRequestRules.wish(request.wish(), errors);
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
        access.requireMaker(caller, type);
        String planId = PlanAccess.newPlanId(caller, idempotencyKey);
        return records.plan(planId).chain(existing -> {
            if (existing.isPresent()) {
                return Uni.createFrom().item(new Created(planId, 1, true));
            }
            return cases.ref(caseId).call(caseRef -> access.visibleForWriting(caller, caseId, caseRef))
                    .call(caseRef -> wish != null || !goals.isEmpty() || anyWords(roles)
                            ? cases.refuseTextAbout(caseId) : Uni.createFrom().voidItem())
                    .invoke(caseRef -> cases.requireDate("madeOn", madeOn, caseRef))
                    .chain(caseRef -> records.plansOfCase(caseId).chain(plans -> adoptingReview(request, caseId)
                            .chain(review -> {
                                boolean known = caseRef.isPresent()
                                        && caseRef.get().municipality().equals(caller.municipality());
                                Plan plan = Plan.made(new Plan.Ref(planId, caseId, caller.municipality(), type),
                                        request.adoptedAtMeetingId(), new Plan.Version(1, madeOn, null, wish, tags,
                                                goals, roles, reviewOn));
                                return changes.apply(PlanDecider.decide(new PlanCommand.Make(plan, caller.agencyId(),
                                                        known, review), state(plans)),
                                                Cause.request("request/plan/" + planId, idempotencyKey))
                                        .replaceWith(new Created(planId, 1, false));
                            })));
        });
    }

    @InTransaction
    public Uni<Created> revise(Caller caller, String idempotencyKey, String planId, PlanRequests.Revision request) {
        if (request == null) {
            throw ApiProblem.badRequest("body-missing", "a JSON body is required");
        }
        List<FieldError> errors = new FieldErrors(); // bounded, however long the request's lists
        LocalDate madeOn = Params.date(request.madeOn(), "madeOn", true, errors);
        String reason = PlanRequestRules.text(request.reason(), "reason", 300, errors);
        if (reason == null && errors.stream().noneMatch(e -> e.field().equals("reason"))) {
            errors.add(new FieldError("reason", "required: why the plan is revised"));
        }
        LocalDate reviewOn = Params.date(request.reviewOn(), "reviewOn", false, errors);
        List<Role> roles = request.roles() == null ? null
                : PlanRequestRules.roles(request.roles(), directory(caller), errors);
        List<String> goals = request.goals() == null ? null : PlanRequestRules.goals(request.goals(), errors);
        List<String> tags = request.wishTags() == null ? null : PlanRequestRules.tags(request.wishTags(), errors);
        String wish = PlanRequestRules.wish(request.wish(), errors);
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
        return access.writable(caller, planId).invoke(stored -> access.requireWriter(caller, stored.plan()))
                .call(stored -> refuseTextAbout(stored.plan())) // a 再プラン always gives its reason
                .call(stored -> cases.requireDate("madeOn", madeOn, stored.plan().caseId()))
                .chain(stored -> (idempotencyKey == null
                ? Uni.createFrom().item(Optional.<Integer>empty()) : records.versionByKey(planId, idempotencyKey))
                .chain(done -> {
                    if (done.isPresent()) {
                        return Uni.createFrom().item(new Created(planId, done.get(), true));
                    }
                    PlanCommand.Revision revision = new PlanCommand.Revision(madeOn, reason, wish, tags, goals,
                            roles, reviewOn);
                    return changes.apply(PlanDecider.decide(new PlanCommand.Revise(planId, revision),
                                            state(List.of(stored))),
                                    Cause.request("request/plan/" + planId + "/revision", idempotencyKey))
                            .map(applied -> new Created(planId, applied.version(), false));
                }));
    }

    /** Fills in details the plan's current version does not have (wish, goals, roles, review date): no 再プラン. */
    @InTransaction
    public Uni<Integer> complete(Caller caller, String planId, PlanRequests.Details request) {
        if (request == null) {
            throw ApiProblem.badRequest("body-missing", "a JSON body is required");
        }
        List<FieldError> errors = new FieldErrors(); // bounded, however long the request's lists
        LocalDate reviewOn = Params.date(request.reviewOn(), "reviewOn", false, errors);
        List<Role> roles = request.roles() == null ? null
                : PlanRequestRules.roles(request.roles(), directory(caller), errors);
        List<String> goals = request.goals() == null ? null : PlanRequestRules.goals(request.goals(), errors);
        List<String> tags = request.wishTags() == null ? null : PlanRequestRules.tags(request.wishTags(), errors);
        String wish = PlanRequestRules.wish(request.wish(), errors);
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
        PlanCompletion.Completion completion = new PlanCompletion.Completion(wish, tags, goals, roles, reviewOn);
        boolean words = wish != null || (goals != null && !goals.isEmpty()) || anyWords(roles);
        return access.writable(caller, planId).invoke(stored -> access.requireWriter(caller, stored.plan()))
                .call(stored -> words ? refuseTextAbout(stored.plan()) : Uni.createFrom().voidItem())
                .chain(stored -> changes.apply(PlanDecider.decide(new PlanCommand.Complete(planId, completion,
                        cases.today()), state(List.of(stored))), Cause.of("request/plan/" + planId + "/details")))
                .map(PlanChanges.Applied::version);
    }

    @InTransaction
    public Uni<Void> close(Caller caller, String planId, PlanRequests.Closure request) {
        if (request == null) {
            throw ApiProblem.badRequest("body-missing", "a JSON body is required");
        }
        List<FieldError> errors = new FieldErrors(); // bounded, however long the request's lists
        LocalDate closedOn = Params.date(request.closedOn(), "closedOn", true, errors);
        String reason = PlanRequestRules.text(request.reason(), "reason", 300, errors);
        if (reason == null && errors.stream().noneMatch(e -> e.field().equals("reason"))) {
            errors.add(new FieldError("reason", "required: why the plan ends"));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
        return access.writable(caller, planId).invoke(stored -> access.requireWriter(caller, stored.plan()))
                .call(stored -> cases.requireDate("closedOn", closedOn, stored.plan().caseId()))
                // the plan of an erased person may still end (the figures need it), but its reason is not kept
                .chain(stored -> (stored.plan().isHousehold() ? cases.allErased(stored.plan().caseIds())
                        : cases.isErased(stored.plan().caseId())).chain(gone -> changes.apply(
                        PlanDecider.decide(new PlanCommand.Close(planId, closedOn, gone ? PlanRecords.ERASED : reason),
                                state(List.of(stored))), Cause.of("request/plan/" + planId + "/closure"))))
                .replaceWithVoid();
    }

    /**
     * A 410 when the plan's person was erased. A household's plan is the household's: its words (the household's
     * wish, goals, reasons) are written while any member remains (what was written before an erasure is written
     * over), and refused once every member was erased.
     */
    private Uni<Void> refuseTextAbout(Plan plan) {
        return plan.isHousehold() ? cases.refuseTextAboutAll(plan.caseIds()) : cases.refuseTextAbout(plan.caseId());
    }

    /** Whether any role carries its responsibility in words. */
    private static boolean anyWords(List<Role> roles) {
        return roles != null && roles.stream().anyMatch(r -> r.responsibility() != null);
    }

    /** The review of the meeting a new plan names as adopting it, when it names one. */
    private Uni<Optional<PlanCommand.MeetingReview>> adoptingReview(PlanRequests.NewPlan request, String caseId) {
        return request.adoptedAtMeetingId() == null ? Uni.createFrom().item(Optional.empty())
                : records.meetingReview(request.adoptedAtMeetingId(), caseId);
    }

    // --- reads --------------------------------------------------------------------------------------------------

    @InTransaction
    public Uni<PlanView> get(Caller caller, String planId) {
        return access.readable(caller, planId).chain(s -> access.wishReadable(caller, s)
                .map(readable -> PlanView.of(s.plan(), readable)));
    }

    @InTransaction
    public Uni<List<PlanView>> ofCase(Caller caller, String caseId) {
        return records.caseRef(caseId).chain(ref -> records.plansOfCase(caseId).chain(plans -> {
            boolean sameCity = ref.map(r -> r.municipality().equals(caller.municipality()))
                    .orElse(!plans.isEmpty()
                            && plans.stream().allMatch(s -> s.plan().municipality().equals(caller.municipality())));
            if (!sameCity || (!caller.is(Roles.COORDINATOR) && plans.stream().noneMatch(s -> PlanAccess.mayRead(caller, s, ref))
                    && !ref.map(r -> caller.isAgency(r.referringAgencyId())).orElse(false))) {
                throw ApiProblem.notFound("case " + caseId);
            }
            // a household's plan as the caller may read it: each member's own words only where she reads that case
            return Multi.createFrom().iterable(plans).onItem().transformToUniAndConcatenate(s -> access.view(caller, s))
                    .filter(java.util.Optional::isPresent).map(java.util.Optional::get).collect().asList();
        }));
    }

    /** Active plans past their review date, for coordinators. */
    @InTransaction
    public Uni<List<PlanView>> overdue(Caller caller, LocalDate today) {
        return records.activePlans(caller.municipality()).map(all -> all.stream().map(PlanRecords.Stored::plan)
                .filter(p -> PlanDecider.overdue(p, today)).map(PlanView::of).toList());
    }

    /**
     * Announces each running plan version whose review date passed before the day, once (PlanCommand.CheckReview);
     * returns how many were announced now.
     */
    @InTransaction
    public Uni<Integer> announceReviewsDue(String municipality, LocalDate today) {
        Cause cause = Cause.of("schedule/review-check/" + today);
        return records.activePlans(municipality).chain(all -> Multi.createFrom().iterable(all)
                .onItem().transformToUniAndConcatenate(s -> changes.apply(PlanDecider.decide(
                        new PlanCommand.CheckReview(s.plan().planId(), today), state(List.of(s))), cause))
                .collect().asList().map(applied -> applied.stream().mapToInt(PlanChanges.Applied::announced).sum()));
    }

    /** The plans as persistence holds them, with the reviews announced, for the decider. */
    private static PlanState state(List<PlanRecords.Stored> stored) {
        return PlanRecords.state(stored);
    }

    /** The municipalities whose directories are loaded (the shipped ones and a city's own). */
    public java.util.Set<String> municipalities() {
        return directories.view().keySet();
    }

    private AgencyDirectory directory(Caller caller) {
        return directories.of(caller.municipality()).orElse(null);
    }

}
