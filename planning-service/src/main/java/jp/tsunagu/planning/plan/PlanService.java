package jp.tsunagu.planning.plan;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.codes.Coded;
import jp.tsunagu.contract.codes.PlanType;
import jp.tsunagu.contract.directory.AgencyDirectory;
import jp.tsunagu.contract.events.EventIds;
import jp.tsunagu.contract.events.PlanningEvent;
import jp.tsunagu.contract.events.Role;
import jp.tsunagu.support.clock.BusinessClock;
import jp.tsunagu.support.db.InTransaction;
import jp.tsunagu.support.directory.AgencyDirectories;
import jp.tsunagu.support.erasure.ErasedCases;
import jp.tsunagu.support.events.DerivedIds;
import jp.tsunagu.support.problem.ApiProblem;
import jp.tsunagu.support.problem.FieldError;
import jp.tsunagu.support.problem.FieldErrors;
import jp.tsunagu.support.problem.Params;
import jp.tsunagu.support.security.Caller;
import jp.tsunagu.support.security.Roles;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Plans' commands and reads: posted by coordinators and the responsible providers, revised (再プラン) and closed
 * (終結). A 重層的支援会議's outcome makes the same changes through {@link PlanningIntake}; the changes themselves are
 * {@link PlanChanges}, who may do what {@link PlanAccess}, the request fields {@link PlanRequestRules}.
 */
@ApplicationScoped
public class PlanService {

    private final PlanRecords records;
    private final PlanEvents events;
    private final PlanChanges changes;
    private final PlanAccess access;
    private final AgencyDirectories directories;
    private final ErasedCases erased;
    private final BusinessClock clock;

    public PlanService(PlanRecords records, PlanEvents events, PlanChanges changes, PlanAccess access,
                       AgencyDirectories directories, ErasedCases erased, BusinessClock clock) {
        this.clock = clock;
        this.records = records;
        this.events = events;
        this.changes = changes;
        this.access = access;
        this.directories = directories;
        this.erased = erased;
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
        if (!access.mayWrite(caller, type)) {
            throw ApiProblem.forbidden(type == PlanType.MULTI_AGENCY
                    ? "a 多機関協働プラン is recorded by coordinators" : "a " + type.label()
                    + " is written by the responsible provider or a coordinator");
        }
        String planId = idempotencyKey == null ? "p-" + UUID.randomUUID()
                : "p-" + DerivedIds.forCaller(caller, idempotencyKey);
        return records.plan(planId).chain(existing -> {
            if (existing.isPresent()) {
                return Uni.createFrom().item(new Created(planId, 1, true));
            }
            return records.caseRef(caseId).call(caseRef -> access.visibleForWriting(caller, caseId, caseRef))
                    .call(caseRef -> wish != null || !goals.isEmpty() || anyWords(roles)
                            ? erased.refuseTextAbout(caseId) : Uni.createFrom().voidItem())
                    .invoke(caseRef -> Params.requireCaseDate("madeOn", madeOn, PlanRecords.CaseRef.receivedOn(caseRef), clock.today()))
                    .chain(caseRef -> records.plansOfCase(caseId).chain(plans -> adoptingReview(request, caseId)
                            .chain(review -> {
                                boolean known = caseRef.isPresent()
                                        && caseRef.get().municipality().equals(caller.municipality());
                                Plan plan = new Plan(planId, caseId, caller.municipality(), type,
                                        request.adoptedAtMeetingId(), List.of(new Plan.Version(1, madeOn, null, wish,
                                        tags, goals, roles, reviewOn)), null, null);
                                return changes.apply(PlanLifecycle.decideCreation(known, plan,
                                                plans.stream().map(PlanRecords.Stored::plan).toList(), review),
                                        caller.agencyId(), idempotencyKey, "request/plan/" + planId)
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
                .call(stored -> erased.refuseTextAbout(stored.plan().caseId())) // a 再プラン always gives its reason
                .call(stored -> records.caseRef(stored.plan().caseId())
                        .invoke(ref -> Params.requireCaseDate("madeOn", madeOn, PlanRecords.CaseRef.receivedOn(ref), clock.today())))
                .chain(stored -> (idempotencyKey == null
                ? Uni.createFrom().item(Optional.<Integer>empty()) : records.versionByKey(planId, idempotencyKey))
                .chain(done -> {
                    if (done.isPresent()) {
                        return Uni.createFrom().item(new Created(planId, done.get(), true));
                    }
                    PlanLifecycle.Revision revision = new PlanLifecycle.Revision(madeOn, reason, wish, tags, goals,
                            roles, reviewOn);
                    return changes.apply(PlanLifecycle.decideRevision(stored.plan(), revision), null, idempotencyKey,
                                    "request/plan/" + planId + "/revision")
                            .map(version -> new Created(planId, version, false));
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
                .call(stored -> words ? erased.refuseTextAbout(stored.plan().caseId()) : Uni.createFrom().voidItem())
                .chain(stored -> changes.apply(PlanCompletion.decide(stored.plan(), completion), null, null,
                        "request/plan/" + planId + "/details"));
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
                .call(stored -> records.caseRef(stored.plan().caseId())
                        .invoke(ref -> Params.requireCaseDate("closedOn", closedOn, PlanRecords.CaseRef.receivedOn(ref), clock.today())))
                // the plan of an erased person may still end (the figures need it), but its reason is not kept
                .chain(stored -> erased.isErased(stored.plan().caseId()).chain(gone -> changes.apply(
                        PlanLifecycle.decideClosure(stored.plan(), closedOn, gone ? PlanRecords.ERASED : reason), null,
                        null, "request/plan/" + planId + "/closure")))
                .replaceWithVoid();
    }

    /** Whether any role carries its responsibility in words. */
    private static boolean anyWords(List<Role> roles) {
        return roles != null && roles.stream().anyMatch(r -> r.responsibility() != null);
    }

    /** The review of the meeting a new plan names as adopting it, when it names one. */
    private Uni<Optional<PlanLifecycle.MeetingReview>> adoptingReview(PlanRequests.NewPlan request, String caseId) {
        return request.adoptedAtMeetingId() == null ? Uni.createFrom().item(Optional.empty())
                : records.meetingReview(request.adoptedAtMeetingId(), caseId);
    }

    // --- reads --------------------------------------------------------------------------------------------------

    @InTransaction
    public Uni<PlanView> get(Caller caller, String planId) {
        return access.readable(caller, planId).map(s -> PlanView.of(s.plan()));
    }

    @InTransaction
    public Uni<List<PlanView>> ofCase(Caller caller, String caseId) {
        return records.caseRef(caseId).chain(ref -> records.plansOfCase(caseId).map(plans -> {
            boolean sameCity = ref.map(r -> r.municipality().equals(caller.municipality()))
                    .orElse(!plans.isEmpty()
                            && plans.stream().allMatch(s -> s.plan().municipality().equals(caller.municipality())));
            if (!sameCity || (!caller.is(Roles.COORDINATOR) && plans.stream().noneMatch(s -> PlanAccess.mayRead(caller, s, ref))
                    && !ref.map(r -> caller.isAgency(r.referringAgencyId())).orElse(false))) {
                throw ApiProblem.notFound("case " + caseId);
            }
            return plans.stream().filter(s -> caller.is(Roles.COORDINATOR) || PlanAccess.mayRead(caller, s, ref))
                    .map(s -> PlanView.of(s.plan())).toList();
        }));
    }

    /** Active plans past their review date, for coordinators. */
    @InTransaction
    public Uni<List<PlanView>> overdue(Caller caller, LocalDate today) {
        return records.activePlans(caller.municipality()).map(all -> all.stream().map(PlanRecords.Stored::plan)
                .filter(p -> PlanLifecycle.overdue(p, today)).map(PlanView::of).toList());
    }

    /** Emits a review-due event once for each plan version whose review date has passed; returns how many. */
    @InTransaction
    public Uni<Integer> announceReviewsDue(String municipality, LocalDate today) {
        return records.activePlans(municipality).chain(all -> Multi.createFrom().iterable(all.stream()
                        .map(PlanRecords.Stored::plan).filter(p -> PlanLifecycle.overdue(p, today)).toList())
                .onItem().transformToUniAndConcatenate(p -> records.markReviewAnnounced(p.planId(),
                        p.current().version(), today).chain(first -> !first ? Uni.createFrom().item(0)
                        : events.publish(EventIds.planReviewDue(p.planId(), p.current().version()),
                                new PlanningEvent.PlanReviewDue(p.planId(), p.caseId(), p.municipality(), p.type(),
                                        p.current().reviewOn()), today, "schedule/review-check/" + today)
                        .replaceWith(1)))
                .collect().asList().map(counts -> counts.stream().mapToInt(Integer::intValue).sum()));
    }

    /** The municipalities whose directories are loaded (the shipped ones and a city's own). */
    public java.util.Set<String> municipalities() {
        return directories.view().keySet();
    }

    private AgencyDirectory directory(Caller caller) {
        return directories.of(caller.municipality()).orElse(null);
    }

}
