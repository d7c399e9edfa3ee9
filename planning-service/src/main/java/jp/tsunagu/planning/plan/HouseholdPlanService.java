package jp.tsunagu.planning.plan;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.codes.Coded;
import jp.tsunagu.contract.codes.PlanTexts;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A household's plan (世帯の支援プラン): made for member cases of one household (its subjects), read per household.
 * Whether it may be made so is {@link PlanDecider} (MakeForHousehold); its revisions, details, closure and review
 * check are those of every plan ({@link PlanService}), announced once per subject case.
 */
@ApplicationScoped
public class HouseholdPlanService {

    private final PlanRecords records;
    private final PlanChanges changes;
    private final PlanAccess access;
    private final AgencyDirectories directories;
    private final CaseChecks cases;
    private final HouseholdRecords households;

    public HouseholdPlanService(PlanRecords records, PlanChanges changes, PlanAccess access,
                                AgencyDirectories directories, CaseChecks cases, HouseholdRecords households) {
        this.households = households;
        this.records = records;
        this.changes = changes;
        this.access = access;
        this.directories = directories;
        this.cases = cases;
    }

    /** What POST /households/{id}/plans answers: the plan, and whether it was an idempotent repeat. */
    public record Made(PlanView plan, boolean replayed) {
    }

    @InTransaction
    public Uni<Made> create(Caller caller, String idempotencyKey, String householdId,
                            PlanRequests.NewHouseholdPlan request) {
        if (request == null) {
            throw ApiProblem.badRequest("body-missing", "a JSON body is required");
        }
        AgencyDirectory directory = directories.of(caller.municipality()).orElse(null);
        List<FieldError> errors = new FieldErrors(); // bounded, however long the request's lists
        PlanType type = request.type() == null ? null : Coded.parse(PlanType.class, request.type()).orElse(null);
        if (type == null) {
            errors.add(new FieldError("type", "required; one of " + String.join(", ", Coded.codes(PlanType.class))));
        }
        LocalDate madeOn = Params.date(request.madeOn(), "madeOn", true, errors);
        LocalDate reviewOn = Params.date(request.reviewOn(), "reviewOn", false, errors);
        String householdWish = PlanRequestRules.text(request.householdWish(), "householdWish", PlanTexts.WISH, errors);
        List<String> goals = PlanRequestRules.goals(request.goals(), errors);
        List<Role> householdRoles = PlanRequestRules.roles(request.householdRoles(), directory, errors,
                "householdRoles");
        List<Plan.Subject> subjects = new ArrayList<>();
        List<PlanRequests.HouseholdMember> members = request.members() == null ? List.of() : request.members();
        for (int i = 0; i < members.size(); i++) {
            PlanRequests.HouseholdMember m = members.get(i);
            String at = "members[" + i + "]";
            if (m == null || m.caseId() == null || m.caseId().isBlank()) {
                errors.add(new FieldError(at + ".caseId", "required"));
                continue;
            }
            subjects.add(new Plan.Subject(m.caseId(), PlanRequestRules.text(m.wish(), at + ".wish", PlanTexts.WISH,
                    errors), PlanRequestRules.tags(m.wishTags(), errors, at + ".wishTags"),
                    PlanRequestRules.roles(m.roles(), directory, errors, at + ".roles")));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
        access.requireMaker(caller, type);
        String planId = PlanAccess.newPlanId(caller, idempotencyKey);
        return records.plan(planId).chain(existing -> existing.isPresent()
                ? Uni.createFrom().item(new Made(PlanView.of(existing.get().plan()), true))
                : households.lockHousehold(householdId).chain(() -> members(caller, householdId)).chain(current -> {
                    Set<String> memberIds = current.stream().map(HouseholdRecords.HouseholdMember::caseId)
                            .collect(Collectors.toSet());
                    List<Plan.Subject> ofHousehold = subjects.stream().filter(s -> memberIds.contains(s.caseId()))
                            .distinct().toList();
                    return checkSubjects(caller, ofHousehold, madeOn)
                            .chain(() -> adoptingReviews(request.adoptedAtMeetingId(), ofHousehold))
                            .chain(reviews -> records.plansOfCases(List.copyOf(memberIds)).chain(plans -> {
                                String lead = subjects.isEmpty() ? "" : subjects.get(0).caseId();
                                Plan plan = Plan.made(new Plan.Ref(planId, lead, caller.municipality(), type,
                                                householdId, subjects.stream().map(Plan.Subject::caseId).toList()),
                                        request.adoptedAtMeetingId(), new Plan.Version(1, madeOn, null, householdWish,
                                                List.of(), goals, householdRoles, reviewOn, subjects));
                                return changes.apply(PlanDecider.decide(new PlanCommand.MakeForHousehold(plan,
                                                        caller.agencyId(), memberIds, reviews), PlanRecords.state(plans)),
                                                Cause.request("request/household-plan/" + planId, idempotencyKey))
                                        .chain(() -> records.plan(planId))
                                        .map(made -> new Made(PlanView.of(made.orElseThrow().plan()), false));
                            }));
                }));
    }

    /**
     * {@code PUT /plans/{planId}/subjects/{caseId}}: one member's own wish, wish tags and roles filled in where the
     * plan's current version has none for that member (the plan made from a meeting's reviews, say): not a 再プラン.
     * Decided by {@link PlanDecider} (CompleteSubject); answers the version completed.
     */
    @InTransaction
    public Uni<Integer> completeSubject(Caller caller, String planId, String caseId,
                                        PlanRequests.SubjectDetails request) {
        if (request == null) {
            throw ApiProblem.badRequest("body-missing", "a JSON body is required");
        }
        List<FieldError> errors = new FieldErrors(); // bounded, however long the request's lists
        List<Role> roles = request.roles() == null ? null : PlanRequestRules.roles(request.roles(),
                directories.of(caller.municipality()).orElse(null), errors);
        List<String> tags = request.wishTags() == null ? null : PlanRequestRules.tags(request.wishTags(), errors);
        String wish = PlanRequestRules.wish(request.wish(), errors);
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
        PlanCompletion.Completion completion = new PlanCompletion.Completion(wish, tags, null, roles, null);
        boolean words = wish != null || (roles != null && roles.stream().anyMatch(r -> r.responsibility() != null));
        return access.writable(caller, planId).invoke(stored -> access.requireWriter(caller, stored.plan()))
                .invoke(stored -> {
                    if (!stored.plan().isHousehold() || !stored.plan().covers(caseId)) {
                        throw ApiProblem.notFound("subject " + caseId + " of plan " + planId);
                    }
                })
                .call(stored -> words ? cases.refuseTextAbout(caseId) : Uni.createFrom().voidItem())
                .chain(stored -> changes.apply(PlanDecider.decide(new PlanCommand.CompleteSubject(planId, caseId,
                                completion, cases.today()), PlanRecords.state(List.of(stored))),
                        Cause.of("request/plan/" + planId + "/subjects/" + caseId)))
                .map(PlanChanges.Applied::version);
    }

    /** {@code GET /households/{id}/plans}: the plans covering any current member, as the caller may read them. */
    @InTransaction
    public Uni<List<PlanView>> ofHousehold(Caller caller, String householdId) {
        return members(caller, householdId).chain(current -> records.plansOfCases(current.stream()
                        .map(HouseholdRecords.HouseholdMember::caseId).toList()))
                .chain(plans -> Multi.createFrom().iterable(plans)
                        .onItem().transformToUniAndConcatenate(s -> access.view(caller, s))
                        .filter(Optional::isPresent).map(Optional::get).collect().asList())
                .invoke(views -> {
                    if (views.isEmpty() && !caller.is(Roles.COORDINATOR)) {
                        throw ApiProblem.notFound("household " + householdId); // nothing the caller may read
                    }
                });
    }

    /** The household's current members, of the caller's municipality: an unknown household is 404. */
    private Uni<List<HouseholdRecords.HouseholdMember>> members(Caller caller, String householdId) {
        return households.householdMembers(householdId).map(all -> {
            List<HouseholdRecords.HouseholdMember> ours = all.stream()
                    .filter(m -> m.municipality().equals(caller.municipality())).toList();
            if (ours.isEmpty()) {
                throw ApiProblem.notFound("household " + householdId);
            }
            return ours;
        });
    }

    /**
     * Each subject of the household as for a person's plan: visible to an agency that writes it, no date before the
     * case was received, no words about an erased person.
     */
    private Uni<Void> checkSubjects(Caller caller, List<Plan.Subject> subjects, LocalDate madeOn) {
        return Multi.createFrom().iterable(subjects).onItem().transformToUniAndConcatenate(s -> cases.ref(s.caseId())
                        .call(ref -> access.visibleForWriting(caller, s.caseId(), ref))
                        .invoke(ref -> cases.requireDate("madeOn", madeOn, ref))
                        .call(ref -> s.wish() != null || s.roles().stream().anyMatch(r -> r.responsibility() != null)
                                ? cases.refuseTextAbout(s.caseId()) : Uni.createFrom().voidItem()))
                .collect().asList().replaceWithVoid();
    }

    /** The named meeting's review of each subject case, when the plan names a meeting. */
    private Uni<Map<String, PlanCommand.MeetingReview>> adoptingReviews(String meetingId, List<Plan.Subject> subjects) {
        Map<String, PlanCommand.MeetingReview> reviews = new HashMap<>();
        if (meetingId == null) {
            return Uni.createFrom().item(reviews);
        }
        return Multi.createFrom().iterable(subjects).onItem().transformToUniAndConcatenate(s -> records
                        .meetingReview(meetingId, s.caseId()).invoke(r -> r.ifPresent(x -> reviews.put(s.caseId(), x))))
                .collect().asList().replaceWith(reviews);
    }
}
