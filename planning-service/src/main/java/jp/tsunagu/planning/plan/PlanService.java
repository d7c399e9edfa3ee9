package jp.tsunagu.planning.plan;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.codes.Coded;
import jp.tsunagu.contract.codes.PlanType;
import jp.tsunagu.contract.directory.Agency;
import jp.tsunagu.contract.directory.AgencyDirectory;
import jp.tsunagu.contract.directory.AgencyRole;
import jp.tsunagu.contract.directory.Directories;
import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.IntakeEvent;
import jp.tsunagu.contract.events.MeetingEvent;
import jp.tsunagu.contract.events.PlanningEvent;
import jp.tsunagu.contract.events.Role;
import jp.tsunagu.contract.events.RoutingEvent;
import jp.tsunagu.contract.events.TsunaguEvent;
import jp.tsunagu.support.db.InTransaction;
import jp.tsunagu.support.events.StageProjection;
import jp.tsunagu.support.problem.ApiProblem;
import jp.tsunagu.support.problem.FieldError;
import jp.tsunagu.support.problem.Params;
import jp.tsunagu.support.events.DerivedIds;
import jp.tsunagu.support.security.Caller;
import jp.tsunagu.support.security.Roles;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Plans: made from a 重層的支援会議's outcome (its events) or posted by coordinators and the responsible providers,
 * revised (再プラン) and closed (終結); every change is an event on the plans topic, caused by the meeting outcome
 * where there is one.
 */
@ApplicationScoped
public class PlanService {

    private final PlanRecords records;
    private final PlanEvents events;
    private final Map<String, AgencyDirectory> directories;

    public PlanService(PlanRecords records, PlanEvents events,
                       @ConfigProperty(name = "tsunagu.directory.dir") Optional<Path> directoryDir) {
        this.records = records;
        this.events = events;
        this.directories = Directories.load(directoryDir);
    }

    /** The result of a creating command: its id, and whether it was an idempotent repeat. */
    public record Created(String id, int version, boolean replayed) {
    }

    // --- events in ----------------------------------------------------------------------------------------------

    /** What an event of the stage topics asks of planning. */
    enum Handling {
        /** nothing here */
        NONE,
        /** a fact about the case (its referral, an agency it was given to): written with the others of its run */
        CASE_FACT,
        /** read and decided alone */
        ALONE
    }

    /** Exhaustive, so a new event type does not compile until someone decides what it asks of planning. */
    static Handling handling(TsunaguEvent event) {
        return switch (event) {
            case IntakeEvent.ReferralReceived r -> Handling.CASE_FACT;
            case IntakeEvent.ConsentRecorded c -> Handling.ALONE;
            case IntakeEvent.PersonErased e -> Handling.ALONE;
            case RoutingEvent.CaseRouted e -> Handling.CASE_FACT;
            case RoutingEvent.OutreachRequested e -> Handling.CASE_FACT;
            case RoutingEvent.RoutingAccepted e -> Handling.CASE_FACT;
            case RoutingEvent.RoutingDeclined e -> Handling.NONE;
            case RoutingEvent.AcceptanceOverdue e -> Handling.NONE;
            case RoutingEvent.CaseEscalated e -> Handling.NONE;
            case RoutingEvent.DirectoryChanged e -> Handling.NONE;
            case MeetingEvent.CaseReviewed r -> Handling.ALONE;
            case MeetingEvent.CaseQueued e -> Handling.NONE;
            case MeetingEvent.MeetingScheduled e -> Handling.NONE;
            case MeetingEvent.MinutesRecorded e -> Handling.NONE;
            case PlanningEvent e -> Handling.NONE;
        };
    }

    /**
     * Applies events of the stage topics not applied before, in order (inside the consumer's transaction): runs of
     * case facts as a statement per table, the rest one by one.
     */
    public Uni<Void> onStageEvents(List<EventEnvelope<TsunaguEvent>> events) {
        return StageProjection.inRuns(events, e -> handling(e) == Handling.CASE_FACT, this::caseFacts, this::alone);
    }

    private Uni<Void> caseFacts(List<EventEnvelope<TsunaguEvent>> run) {
        List<PlanRecords.CaseRef> cases = new ArrayList<>();
        List<PlanRecords.CaseAgency> agencies = new ArrayList<>();
        for (EventEnvelope<TsunaguEvent> e : run) {
            switch (e.data()) {
                case IntakeEvent.ReferralReceived r -> cases.add(new PlanRecords.CaseRef(r.caseId(), r.municipality(),
                        r.referringAgencyId(), r.area(), r.consent()));
                case RoutingEvent.CaseRouted r -> agencies.add(new PlanRecords.CaseAgency(r.caseId(), r.agencyId()));
                case RoutingEvent.OutreachRequested r ->
                        agencies.add(new PlanRecords.CaseAgency(r.caseId(), r.agencyId()));
                case RoutingEvent.RoutingAccepted r -> agencies.add(new PlanRecords.CaseAgency(r.caseId(), r.agencyId()));
                default -> throw new IllegalStateException("not a case fact: " + e.type());
            }
        }
        return records.saveCases(cases).chain(() -> records.addCaseAgencies(agencies));
    }

    private Uni<Void> alone(EventEnvelope<TsunaguEvent> envelope) {
        return switch (envelope.data()) {
            case IntakeEvent.ConsentRecorded c -> records.caseRef(c.caseId()).chain(found -> found.isEmpty()
                    ? Uni.createFrom().voidItem()
                    : records.saveCases(List.of(new PlanRecords.CaseRef(c.caseId(), c.municipality(),
                    found.get().referringAgencyId(), found.get().area(), c.consent()))));
            case IntakeEvent.PersonErased e -> records.eraseCase(e.caseId());
            case MeetingEvent.CaseReviewed r -> records.addCaseAgencies(r.roles().stream()
                            .map(role -> new PlanRecords.CaseAgency(r.caseId(), role.agencyId())).toList())
                    .chain(() -> records.saveMeetingReview(r.caseId(), r.heldOn(),
                            new PlanLifecycle.MeetingReview(r.meetingId(), r.meetingType(), r.outcome(), r.planType())))
                    .chain(() -> fromMeeting(envelope, r));
            default -> Uni.createFrom().voidItem(); // Handling.NONE
        };
    }

    /** A 重層的支援会議's PLAN, REPLAN or CLOSE becomes the plan change itself ({@link PlanLifecycle#fromReview}). */
    private Uni<Void> fromMeeting(EventEnvelope<TsunaguEvent> envelope, MeetingEvent.CaseReviewed r) {
        if (!PlanLifecycle.mayChangePlans(r)) {
            return Uni.createFrom().voidItem(); // nothing to read either
        }
        return records.plansOfCase(r.caseId()).chain(plans -> Multi.createFrom()
                .iterable(PlanLifecycle.fromReview(plans.stream().map(PlanRecords.Stored::plan).toList(), r,
                        envelope.id()))
                .onItem().transformToUniAndConcatenate(change -> switch (change) {
                    case PlanLifecycle.FromReview.Create c -> create(c.plan(), null, null, envelope.id());
                    case PlanLifecycle.FromReview.Revise v -> revise(v.plan(), v.revision(), null, envelope.id())
                            .replaceWithVoid();
                    case PlanLifecycle.FromReview.Close c -> close(c.plan(), c.closedOn(), c.reason(), envelope.id());
                })
                .collect().asList().replaceWithVoid());
    }

    // --- commands -----------------------------------------------------------------------------------------------

    @InTransaction
    public Uni<Created> create(Caller caller, String idempotencyKey, String caseId, PlanRequests.NewPlan request) {
        if (request == null) {
            throw ApiProblem.badRequest("body-missing", "a JSON body is required");
        }
        List<FieldError> errors = new ArrayList<>();
        PlanType type = request.type() == null ? null : Coded.parse(PlanType.class, request.type()).orElse(null);
        if (type == null) {
            errors.add(new FieldError("type", "required; one of " + String.join(", ", Coded.codes(PlanType.class))));
        }
        LocalDate madeOn = Params.date(request.madeOn(), "madeOn", true, errors);
        LocalDate reviewOn = Params.date(request.reviewOn(), "reviewOn", false, errors);
        List<Role> roles = roles(request.roles(), caller.municipality(), errors);
        List<String> goals = texts(request.goals(), "goals", 20, 300, errors);
        List<String> tags = tags(request.wishTags(), errors);
        String wish = text(request.wish(), "wish", 500, errors);
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
        if (!mayWrite(caller, type)) {
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
            return records.caseRef(caseId).call(caseRef -> visibleForWriting(caller, caseId, caseRef))
                    .chain(caseRef -> records.plansOfCase(caseId).chain(plans ->
                    (request.adoptedAtMeetingId() == null ? Uni.createFrom().item(Optional.<PlanLifecycle.MeetingReview>empty())
                            : records.meetingReview(request.adoptedAtMeetingId(), caseId)).chain(review -> {
                        boolean known = caseRef.isPresent() && caseRef.get().municipality().equals(caller.municipality());
                        List<Plan> activeOfType = plans.stream().map(PlanRecords.Stored::plan)
                                .filter(p -> !p.isClosed() && p.type() == type).toList();
                        PlanLifecycle.refuseCreation(known, type, activeOfType, request.adoptedAtMeetingId(), review)
                                .ifPresent(reason -> {
                                    throw ApiProblem.conflict("plan-refused", reason);
                                });
                        Plan plan = new Plan(planId, caseId, caller.municipality(), type, request.adoptedAtMeetingId(),
                                List.of(new Plan.Version(1, madeOn, null, wish, tags, goals, roles, reviewOn)), null,
                                null);
                        return create(plan, caller.agencyId(), idempotencyKey, "request/plan/" + planId)
                                .replaceWith(new Created(planId, 1, false));
                    })));
        });
    }

    @InTransaction
    public Uni<Created> revise(Caller caller, String idempotencyKey, String planId, PlanRequests.Revision request) {
        if (request == null) {
            throw ApiProblem.badRequest("body-missing", "a JSON body is required");
        }
        List<FieldError> errors = new ArrayList<>();
        LocalDate madeOn = Params.date(request.madeOn(), "madeOn", true, errors);
        String reason = text(request.reason(), "reason", 300, errors);
        if (reason == null && errors.stream().noneMatch(e -> e.field().equals("reason"))) {
            errors.add(new FieldError("reason", "required: why the plan is revised"));
        }
        LocalDate reviewOn = Params.date(request.reviewOn(), "reviewOn", false, errors);
        List<Role> roles = request.roles() == null ? null : roles(request.roles(), caller.municipality(), errors);
        List<String> goals = request.goals() == null ? null : texts(request.goals(), "goals", 20, 300, errors);
        List<String> tags = request.wishTags() == null ? null : tags(request.wishTags(), errors);
        String wish = text(request.wish(), "wish", 500, errors);
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
        return writable(caller, planId).invoke(stored -> requireWriter(caller, stored.plan()))
                .chain(stored -> (idempotencyKey == null
                ? Uni.createFrom().item(Optional.<Integer>empty()) : records.versionByKey(planId, idempotencyKey))
                .chain(done -> {
                    if (done.isPresent()) {
                        return Uni.createFrom().item(new Created(planId, done.get(), true));
                    }
                    PlanLifecycle.refuseRevision(stored.plan(), madeOn).ifPresent(why -> {
                        throw ApiProblem.conflict("plan-refused", why);
                    });
                    return revise(stored.plan(), new PlanLifecycle.Revision(madeOn, reason, wish, tags, goals, roles,
                                    reviewOn), idempotencyKey, "request/plan/" + planId + "/revision")
                            .map(version -> new Created(planId, version, false));
                }));
    }

    @InTransaction
    public Uni<Void> close(Caller caller, String planId, PlanRequests.Closure request) {
        if (request == null) {
            throw ApiProblem.badRequest("body-missing", "a JSON body is required");
        }
        List<FieldError> errors = new ArrayList<>();
        LocalDate closedOn = Params.date(request.closedOn(), "closedOn", true, errors);
        String reason = text(request.reason(), "reason", 300, errors);
        if (reason == null && errors.stream().noneMatch(e -> e.field().equals("reason"))) {
            errors.add(new FieldError("reason", "required: why the plan ends"));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
        return writable(caller, planId).invoke(stored -> requireWriter(caller, stored.plan())).chain(stored -> {
            PlanLifecycle.refuseClosure(stored.plan(), closedOn).ifPresent(why -> {
                throw ApiProblem.conflict("plan-refused", why);
            });
            return close(stored.plan(), closedOn, reason, "request/plan/" + planId + "/closure");
        });
    }

    // --- reads --------------------------------------------------------------------------------------------------

    @InTransaction
    public Uni<PlanView> get(Caller caller, String planId) {
        return readable(caller, planId).map(s -> PlanView.of(s.plan()));
    }

    @InTransaction
    public Uni<List<PlanView>> ofCase(Caller caller, String caseId) {
        return records.caseRef(caseId).chain(ref -> records.plansOfCase(caseId).map(plans -> {
            boolean sameCity = ref.map(r -> r.municipality().equals(caller.municipality()))
                    .orElse(!plans.isEmpty()
                            && plans.stream().allMatch(s -> s.plan().municipality().equals(caller.municipality())));
            if (!sameCity || (!caller.is(Roles.COORDINATOR) && plans.stream().noneMatch(s -> mayRead(caller, s, ref))
                    && !ref.map(r -> caller.isAgency(r.referringAgencyId())).orElse(false))) {
                throw ApiProblem.notFound("case " + caseId);
            }
            return plans.stream().filter(s -> caller.is(Roles.COORDINATOR) || mayRead(caller, s, ref))
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
                        : events.publish("plan/" + p.planId() + "/v" + p.current().version() + "/review-due",
                                new PlanningEvent.PlanReviewDue(p.planId(), p.caseId(), p.municipality(), p.type(),
                                        p.current().reviewOn()), today, "schedule/review-check/" + today)
                        .replaceWith(1)))
                .collect().asList().map(counts -> counts.stream().mapToInt(Integer::intValue).sum()));
    }

    /** The municipalities whose directories are loaded (the shipped ones and a city's own). */
    public java.util.Set<String> municipalities() {
        return directories.keySet();
    }

    // --- shared with participation ------------------------------------------------------------------------------

    /** The plan, if the caller may change it (coordinators; the agency that made it or has a role in it). */
    public Uni<PlanRecords.Stored> writable(Caller caller, String planId) {
        return records.planForUpdate(planId).map(found -> {
            PlanRecords.Stored s = found.filter(x -> x.plan().municipality().equals(caller.municipality()))
                    .orElseThrow(() -> ApiProblem.notFound("plan " + planId));
            if (!caller.is(Roles.COORDINATOR) && !involved(caller, s)) {
                throw ApiProblem.notFound("plan " + planId);
            }
            return s;
        });
    }

    public Uni<PlanRecords.Stored> readable(Caller caller, String planId) {
        return records.plan(planId).chain(found -> {
            PlanRecords.Stored s = found.filter(x -> x.plan().municipality().equals(caller.municipality()))
                    .orElseThrow(() -> ApiProblem.notFound("plan " + planId));
            return records.caseRef(s.plan().caseId()).map(ref -> {
                if (!caller.is(Roles.COORDINATOR) && !mayRead(caller, s, ref)) {
                    throw ApiProblem.notFound("plan " + planId);
                }
                return s;
            });
        });
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private Uni<Void> create(Plan plan, String createdByAgency, String idempotencyKey, String cause) {
        Plan.Version v = plan.current();
        return records.insertPlan(plan, createdByAgency, idempotencyKey).chain(isNew -> !isNew
                ? Uni.createFrom().voidItem()
                : events.publish("plan/" + plan.planId() + "/created", new PlanningEvent.PlanCreated(plan.planId(),
                        plan.caseId(), plan.municipality(), plan.type(), v.madeOn(), v.roles(), v.reviewOn(),
                        plan.adoptedAtMeetingId()), v.madeOn(), cause).replaceWithVoid());
    }

    private Uni<Integer> revise(Plan plan, PlanLifecycle.Revision revision, String idempotencyKey, String cause) {
        Plan.Version next = PlanLifecycle.nextVersion(plan, revision);
        LocalDate madeOn = revision.madeOn();
        return records.insertVersion(plan.planId(), next, idempotencyKey)
                .chain(() -> events.publish("plan/" + plan.planId() + "/v" + next.version(),
                        new PlanningEvent.PlanRevised(plan.planId(), plan.caseId(), plan.municipality(), plan.type(),
                                next.version(), madeOn, next.reviewOn()), madeOn, cause))
                .replaceWith(next.version());
    }

    private Uni<Void> close(Plan plan, LocalDate closedOn, String reason, String cause) {
        return records.close(plan.planId(), closedOn, reason)
                .chain(() -> events.publish("plan/" + plan.planId() + "/closed", new PlanningEvent.PlanClosed(
                        plan.planId(), plan.caseId(), plan.municipality(), plan.type(), closedOn), closedOn, cause))
                .replaceWithVoid();
    }

    /** A 多機関協働プラン changes by its meeting or a coordinator; other plans by their responsible provider too. */
    private void requireWriter(Caller caller, Plan plan) {
        if (!mayWrite(caller, plan.type())) {
            throw ApiProblem.forbidden("a " + plan.type().label() + " is changed by "
                    + (plan.type() == PlanType.MULTI_AGENCY ? "its 重層的支援会議 or a coordinator"
                    : "the responsible provider or a coordinator"));
        }
    }

    /**
     * A plan is made for a case of the caller's municipality; an agency makes one only for a case it referred, was
     * handed (routing) or was given a role for (a meeting). Any other case is "not found", like another city's.
     */
    private Uni<Void> visibleForWriting(Caller caller, String caseId, Optional<PlanRecords.CaseRef> caseRef) {
        if (caseRef.isEmpty() || !caseRef.get().municipality().equals(caller.municipality())) {
            throw ApiProblem.notFound("case " + caseId);
        }
        if (caller.is(Roles.COORDINATOR) || caller.isAgency(caseRef.get().referringAgencyId())) {
            return Uni.createFrom().voidItem();
        }
        return records.isCaseAgency(caseId, caller.agencyId()).map(mine -> {
            if (!mine) {
                throw ApiProblem.notFound("case " + caseId);
            }
            return null;
        });
    }

    private boolean mayWrite(Caller caller, PlanType type) {
        if (caller.is(Roles.COORDINATOR)) {
            return true;
        }
        if (!caller.is(Roles.AGENCY) || type == PlanType.MULTI_AGENCY) {
            return false;
        }
        AgencyRole needed = type == PlanType.OUTREACH ? AgencyRole.OUTREACH : AgencyRole.PARTICIPATION;
        return agency(caller).map(a -> a.role() == needed).orElse(false);
    }

    private static boolean involved(Caller caller, PlanRecords.Stored s) {
        return caller.agencyId() != null && (caller.isAgency(s.createdByAgency())
                || s.plan().current().roles().stream().anyMatch(r -> caller.isAgency(r.agencyId())));
    }

    private static boolean mayRead(Caller caller, PlanRecords.Stored s, Optional<PlanRecords.CaseRef> ref) {
        return involved(caller, s) || ref.map(r -> caller.isAgency(r.referringAgencyId())).orElse(false);
    }

    private Optional<Agency> agency(Caller caller) {
        AgencyDirectory d = directories.get(caller.municipality());
        return d == null || caller.agencyId() == null ? Optional.empty() : d.agency(caller.agencyId());
    }

    private List<Role> roles(List<PlanRequests.RoleRequest> given, String municipality, List<FieldError> errors) {
        List<Role> roles = new ArrayList<>();
        AgencyDirectory d = directories.get(municipality);
        List<PlanRequests.RoleRequest> list = given == null ? List.of() : given;
        for (int i = 0; i < list.size(); i++) {
            PlanRequests.RoleRequest r = list.get(i);
            if (r == null || r.agencyId() == null || d == null || d.agency(r.agencyId()).isEmpty()) {
                errors.add(new FieldError("roles[" + i + "].agencyId", "not an agency of this municipality"));
            } else if (r.responsibility() == null || r.responsibility().isBlank() || r.responsibility().length() > 200) {
                errors.add(new FieldError("roles[" + i + "].responsibility", "required, at most 200 characters"));
            } else {
                roles.add(new Role(r.agencyId(), r.responsibility().strip()));
            }
        }
        return roles;
    }

    static String text(String value, String field, int max, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > max) {
            errors.add(new FieldError(field, "at most " + max + " characters"));
            return null;
        }
        return value.strip();
    }

    private static List<String> texts(List<String> values, String field, int maxItems, int maxLength,
                                      List<FieldError> errors) {
        List<String> list = values == null ? List.of() : values;
        if (list.size() > maxItems) {
            errors.add(new FieldError(field, "at most " + maxItems + " items"));
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String t = text(list.get(i), field + "[" + i + "]", maxLength, errors);
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }

    private static List<String> tags(List<String> values, List<FieldError> errors) {
        List<String> list = values == null ? List.of() : values;
        List<String> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String t = list.get(i);
            if (t == null || !t.matches("[a-z0-9-]{1,40}")) {
                errors.add(new FieldError("wishTags[" + i + "]", "lower-case letters, digits and '-', at most 40"));
            } else {
                out.add(t);
            }
        }
        return out;
    }
}
