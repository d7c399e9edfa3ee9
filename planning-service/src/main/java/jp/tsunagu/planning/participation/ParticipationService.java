package jp.tsunagu.planning.participation;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.codes.PlanType;
import jp.tsunagu.contract.events.EventIds;
import jp.tsunagu.contract.events.PlanningEvent;
import jp.tsunagu.planning.plan.CaseChecks;
import jp.tsunagu.planning.plan.PlanAccess;
import jp.tsunagu.planning.plan.PlanEvents;
import jp.tsunagu.planning.plan.PlanRecords;
import jp.tsunagu.planning.plan.PlanRequests;
import jp.tsunagu.planning.plan.PlanService;
import jp.tsunagu.support.db.InTransaction;
import jp.tsunagu.support.events.DerivedIds;
import jp.tsunagu.support.problem.ApiProblem;
import jp.tsunagu.support.problem.FieldError;
import jp.tsunagu.support.problem.FieldErrors;
import jp.tsunagu.support.problem.Params;
import jp.tsunagu.support.security.Caller;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** 参加支援事業: suggestions for a participation plan, the placement (マッチング) and the follow-ups (定着支援). */
@ApplicationScoped
public class ParticipationService {

    private final PlanAccess plans;
    private final CaseChecks cases;
    private final PlanEvents events;
    private final Optional<Path> catalogDir;
    private final PlacementRecords placements;

    public ParticipationService(PlanAccess plans, CaseChecks cases, PlanEvents events, ParticipationConfig config,
                                PlacementRecords placements) {
        this.plans = plans;
        this.cases = cases;
        this.placements = placements;
        this.events = events;
        this.catalogDir = config.catalogDir();
    }

    public ResourceCatalog catalog(Caller caller) {
        return ResourceCatalog.forMunicipality(caller.municipality(), catalogDir)
                .orElseThrow(() -> ApiProblem.notFound("a resource catalog for municipality " + caller.municipality()));
    }

    @InTransaction
    public Uni<List<Matching.Suggestion>> suggestions(Caller caller, String planId) {
        return plans.readable(caller, planId).chain(stored -> {
            requireParticipation(stored);
            return cases.ref(stored.plan().caseId()).chain(ref -> placements.placedByResource(caller.municipality())
                    .map(placed -> Matching.rank(stored.plan().current().wishTags(), ref.map(PlanRecords.CaseRef::area)
                            .orElse(null), catalog(caller).resources(), placed)));
        });
    }

    /** A participation plan's placements with their follow-ups, for whoever may read the plan. */
    @InTransaction
    public Uni<List<PlacementRecords.Placement>> placements(Caller caller, String planId) {
        return plans.readable(caller, planId).chain(stored -> {
            requireParticipation(stored);
            return placements.ofPlan(planId, catalog(caller));
        });
    }

    @InTransaction
    public Uni<PlanService.Created> place(Caller caller, String idempotencyKey, String planId,
                                          PlanRequests.NewPlacement request) {
        if (request == null) {
            throw ApiProblem.badRequest("body-missing", "a JSON body is required");
        }
        List<FieldError> errors = new FieldErrors(); // bounded, however long the request's lists
        CommunityResource resource = request.resourceId() == null ? null
                : catalog(caller).resource(request.resourceId()).orElse(null);
        if (resource == null) {
            errors.add(new FieldError("resourceId", "not a resource of this municipality (GET /resources)"));
        }
        LocalDate placedOn = Params.date(request.placedOn(), "placedOn", true, errors);
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
        String placementId = idempotencyKey == null ? "pl-" + UUID.randomUUID()
                : "pl-" + DerivedIds.forCaller(caller, idempotencyKey);
        return plans.writable(caller, planId)
                .call(stored -> cases.requireDate("placedOn", placedOn, stored.plan().caseId()))
                .chain(stored -> placements.placement(placementId).chain(existing -> {
            if (existing.isPresent()) {
                return Uni.createFrom().item(new PlanService.Created(placementId, 0, true));
            }
            requireParticipation(stored);
            if (stored.plan().isClosed()) {
                throw ApiProblem.conflict("plan-refused", "plan " + planId + " is closed");
            }
            return placements.placedByResource(caller.municipality()).chain(placed -> {
                if (placed.getOrDefault(resource.id(), 0L) >= resource.capacity()) {
                    throw ApiProblem.conflict("resource-full", resource.name() + " has no free place ("
                            + resource.capacity() + ")");
                }
                return placements.insertPlacement(placementId, stored.plan(), resource.id(), placedOn)
                        .chain(() -> events.publish(EventIds.placementMade(placementId),
                                new PlanningEvent.PlacementMade(placementId, planId, stored.plan().caseId(),
                                        stored.plan().municipality(), resource.id(), placedOn), placedOn,
                                "request/placement/" + placementId))
                        .replaceWith(new PlanService.Created(placementId, 0, false));
            });
        }));
    }

    @InTransaction
    public Uni<PlanService.Created> followUp(Caller caller, String idempotencyKey, String placementId,
                                             PlanRequests.NewFollowUp request) {
        if (request == null) {
            throw ApiProblem.badRequest("body-missing", "a JSON body is required");
        }
        List<FieldError> errors = new FieldErrors(); // bounded, however long the request's lists
        PlanningEvent.FollowUpSide side = null;
        try {
            side = request.side() == null ? null : PlanningEvent.FollowUpSide.valueOf(request.side());
        } catch (IllegalArgumentException e) {
            // reported below
        }
        if (side == null) {
            errors.add(new FieldError("side", "required; PERSON or HOST"));
        }
        LocalDate on = Params.date(request.on(), "on", true, errors);
        if (Params.longerThan(request.note(), 1000)) {
            errors.add(new FieldError("note", "at most 1000 characters"));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
        PlanningEvent.FollowUpSide s = side;
        String followUpId = idempotencyKey == null ? "fu-" + UUID.randomUUID()
                : "fu-" + DerivedIds.forCaller(caller, idempotencyKey);
        return placements.placement(placementId).chain(found -> {
            PlacementRecords.PlacementRow p = found.filter(x -> x.municipality().equals(caller.municipality()))
                    .orElseThrow(() -> ApiProblem.notFound("placement " + placementId));
            return plans.writable(caller, p.planId())
                    .call(stored -> request.note() == null ? Uni.createFrom().voidItem()
                            : cases.refuseTextAbout(p.caseId()))
                    .call(stored -> cases.requireDate("on", on, p.caseId()))
                    .chain(stored -> placements.insertFollowUp(followUpId, placementId,
                    s.name(), on, request.note()).chain(isNew -> !isNew
                    ? Uni.createFrom().item(new PlanService.Created(followUpId, 0, true))
                    : events.publish(EventIds.placementFollowedUp(followUpId), new PlanningEvent.PlacementFollowedUp(placementId,
                                    p.planId(), p.caseId(), p.municipality(), s, on), on, "request/follow-up/" + followUpId)
                            .replaceWith(new PlanService.Created(followUpId, 0, false))));
        });
    }

    private static void requireParticipation(PlanRecords.Stored stored) {
        if (stored.plan().type() != PlanType.PARTICIPATION) {
            throw ApiProblem.conflict("not-participation", "matching and placements belong to a 参加支援プラン; plan "
                    + stored.plan().planId() + " is a " + stored.plan().type().label());
        }
    }
}
