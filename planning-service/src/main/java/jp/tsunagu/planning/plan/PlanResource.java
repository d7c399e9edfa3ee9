package jp.tsunagu.planning.plan;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.tsunagu.support.clock.BusinessClock;
import jp.tsunagu.support.audit.AuditTrail;
import jp.tsunagu.support.audit.Audited;
import jp.tsunagu.support.problem.ApiProblem;
import jp.tsunagu.support.problem.FieldError;
import jp.tsunagu.support.security.CurrentCaller;
import jp.tsunagu.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.Map;

@Path("/")
@Tag(name = "Plans", description = "多機関協働プラン・アウトリーチプラン・参加支援プラン: 作成, 再プラン, 終結")
@Produces(MediaType.APPLICATION_JSON)
public class PlanResource {

    private final PlanService service;
    private final HouseholdPlanService households;
    private final CurrentCaller caller;
    private final AuditTrail audit;
    private final BusinessClock clock;

    public PlanResource(PlanService service, HouseholdPlanService households, CurrentCaller caller, AuditTrail audit,
                        BusinessClock clock) {
        this.service = service;
        this.households = households;
        this.caller = caller;
        this.audit = audit;
        this.clock = clock;
    }

    @POST
    @Path("cases/{caseId}/plans")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COORDINATOR, Roles.AGENCY})
    @Operation(summary = "Make a plan for a case", description = "A 多機関協働プラン names the 重層的支援会議 that adopted it "
            + "(coordinators); outreach and participation plans are written by the responsible provider. An unknown "
            + "case, a second active plan of the type, or a plan from a 支援会議 → 409 with the reason.")
    @APIResponse(responseCode = "201", description = "Made")
    @APIResponse(responseCode = "409", description = "Refused, with the reason")
    @APIResponse(responseCode = "410", description = "The person of the case was erased: no more words about them "
            + "are written (/problems/person-erased)")
    public Uni<Response> create(@PathParam("caseId") String caseId,
                                @HeaderParam("Idempotency-Key") String idempotencyKey,
                                @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                         examples = @ExampleObject(name = "participation",
                                                 summary = "A 参加支援プラン written by the provider the meeting gave a role", value = """
                                                 {"type":"PARTICIPATION","madeOn":"2024-06-03","wish":"一緒にフルマラソンを走りたい",
                                                  "wishTags":["running"],"goals":["週1回の練習に参加する"],
                                                  "roles":[{"agencyId":"kurume-sanka-01","responsibility":"受け入れ先との調整"}],"reviewOn":"2024-09-02"}""")))
                                PlanRequests.NewPlan request) {
        return service.create(caller.get(), idempotencyKey, caseId, request).map(c -> Response
                .status(c.replayed() ? 200 : 201).location(URI.create("/plans/" + c.id()))
                .entity(Map.of("planId", c.id())).build());
    }

    @POST
    @Path("plans/{planId}/revisions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COORDINATOR, Roles.AGENCY})
    @Operation(summary = "Revise a plan (再プラン)", description = "Needs a reason; earlier versions stay readable. "
            + "A closed plan → 409.")
    @APIResponse(responseCode = "201", description = "The new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PlanVersionMade.class),
                    examples = @ExampleObject(name = "secondVersion", value = """
                            {"planId":"p-58c2e0a1f4b3","version":2}""")))
    @APIResponse(responseCode = "200", description = "Idempotent repeat: the version made earlier",
            content = @Content(schema = @Schema(implementation = PlanVersionMade.class)))
    @APIResponse(responseCode = "409", description = "The plan is closed, or the revision is refused with the reason")
    @APIResponse(responseCode = "410", description = "The person of the case was erased: no more words about them "
            + "are written (/problems/person-erased)")
    public Uni<Response> revise(@PathParam("planId") String planId,
                                @HeaderParam("Idempotency-Key") String idempotencyKey,
                                @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                         examples = @ExampleObject(name = "newWish",
                                                 summary = "再プラン: the person now wishes to work", value = """
                                                 {"madeOn":"2024-09-25","reason":"就労の希望が出てきた",
                                                  "goals":["就労継続支援A型の見学"],"reviewOn":"2024-12-25"}""")))
                                PlanRequests.Revision request) {
        return service.revise(caller.get(), idempotencyKey, planId, request).map(c -> Response
                .status(c.replayed() ? 200 : 201).entity(new PlanVersionMade(planId, c.version())).build());
    }

    /** What a revision answers. */
    @Schema(name = "PlanVersionMade")
    public record PlanVersionMade(String planId, int version) {
    }

    @PUT
    @Path("plans/{planId}/details")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COORDINATOR, Roles.AGENCY})
    @Operation(operationId = "completePlanDetails", summary = "Fill in details the plan does not have yet",
            description = "Wish, wish tags, goals, roles and review date of the current version, where it has none "
                    + "(a plan made from a meeting's outcome, say). A meeting's review names its roles' agencies "
                    + "without their words (no event carries them): the responsibilities are given here, one for "
                    + "each of those agencies. Not a 再プラン: the year's figures count it neither as made nor as "
                    + "re-planned. Changing a detail already set, or adding or removing a role's agency, is a "
                    + "revision → 409.")
    @APIResponse(responseCode = "200", description = "The version, completed")
    @APIResponse(responseCode = "400", description = "A detail is invalid (named in errors)")
    @APIResponse(responseCode = "409", description = "A detail is already set (a role's responsibility too), the "
            + "roles name other agencies than the version's, nothing is given, or the plan is closed")
    @APIResponse(responseCode = "410", description = "The person of the case was erased: no more words about them "
            + "are written (/problems/person-erased)")
    public Uni<Map<String, Object>> complete(@PathParam("planId") String planId,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "afterTheMeeting",
                            summary = "The meeting named the roles' agencies; their words, the wish, goals and "
                                    + "review date follow", value = """
                            {"wish":"家計を立て直したい","goals":["家計表をつける","滞納分の分割納付"],"reviewOn":"2024-09-25",
                             "roles":[{"agencyId":"kurume-jiritsu-01","responsibility":"家計の相談"}]}""")))
            PlanRequests.Details request) {
        return service.complete(caller.get(), planId, request)
                .map(version -> Map.of("planId", planId, "version", version, "completed", true));
    }

    @PUT
    @Path("plans/{planId}/subjects/{caseId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COORDINATOR, Roles.AGENCY})
    @Operation(operationId = "completeSubjectDetails", summary = "Fill in one member's words in a household's plan",
            description = "A household's plan (世帯の支援プラン) made from a meeting's reviews names each member's roles' "
                    + "agencies only; the member's own wish, wish tags and the roles' words are given here, where the "
                    + "current version has none for that member (as PUT /plans/{planId}/details for the plan). Not a "
                    + "再プラン. plan-details-completed is announced in that member's case only, and only when the "
                    + "roles give the member agencies it had none of. Changing a detail already set, or adding or "
                    + "removing an agency, is a revision → 409.")
    @APIResponse(responseCode = "200", description = "The version, completed: {planId, caseId, version, completed}")
    @APIResponse(responseCode = "400", description = "A detail is invalid (named in errors)")
    @APIResponse(responseCode = "404", description = "No such plan for the caller, or the case is not a subject of "
            + "this household's plan")
    @APIResponse(responseCode = "409", description = "A detail is already set (a role's words too), the roles name "
            + "other agencies than the member's, nothing is given, or the plan is closed")
    @APIResponse(responseCode = "410", description = "The member's person was erased: no more words about them "
            + "(/problems/person-erased)")
    public Uni<Map<String, Object>> completeSubject(@PathParam("planId") String planId,
            @PathParam("caseId") String caseId,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "sonAfterTheMeeting",
                            summary = "The meeting named the son's role; his wish and the role's words follow",
                            value = """
                            {"wish":"人と話せる場所がほしい","wishTags":["ibasho"],
                             "roles":[{"agencyId":"kurume-sanka-01","responsibility":"就労体験の調整"}]}""")))
            PlanRequests.SubjectDetails request) {
        return households.completeSubject(caller.get(), planId, caseId, request)
                .map(version -> Map.of("planId", planId, "caseId", caseId, "version", version, "completed", true));
    }

    @POST
    @Path("plans/{planId}/closure")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COORDINATOR, Roles.AGENCY})
    @Operation(summary = "Close a plan (終結)", description = "Needs a reason. Closing twice → 409.")
    @APIResponse(responseCode = "201", description = "Closed: {planId, status}")
    @APIResponse(responseCode = "409", description = "Already closed, or refused with the reason (a date before the "
            + "plan was made)")
    public Uni<Response> close(@PathParam("planId") String planId,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "goalsReached", summary = "終結: the goals are reached", value = """
                            {"closedOn":"2025-03-26","reason":"目標を達成し、家計が安定した"}""")))
            PlanRequests.Closure request) {
        return service.close(caller.get(), planId, request)
                .map(v -> Response.status(201).entity(Map.of("planId", planId, "status", "CLOSED")).build());
    }

    @GET
    @Path("plans/{planId}")
    @RolesAllowed({Roles.COORDINATOR, Roles.AGENCY})
    @Operation(summary = "A plan with all its versions")
    @Audited(value = "read-plan", resource = "plan/{planId}")
    public Uni<PlanView> get(@PathParam("planId") String planId) {
        return audit.around(caller.get(), "read-plan", "plan/" + planId, service.get(caller.get(), planId));
    }

    @GET
    @Path("cases/{caseId}/plans")
    @RolesAllowed({Roles.COORDINATOR, Roles.AGENCY})
    @Operation(summary = "The plans of a case")
    @Audited(value = "read-plans", resource = "case/{caseId}")
    public Uni<List<PlanView>> ofCase(@PathParam("caseId") String caseId) {
        return audit.around(caller.get(), "read-plans", "case/" + caseId, service.ofCase(caller.get(), caseId));
    }

    @POST
    @Path("plans/review-check")
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(summary = "Announce plans past their review date now",
            description = "The same check runs daily (tsunagu.plans.review-check-every); each plan version once.")
    public Uni<Map<String, Integer>> reviewCheck() {
        return service.announceReviewsDue(caller.get().municipality(), clock.today())
                .map(n -> Map.of("announced", n));
    }

    @GET
    @Path("plans")
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(summary = "Plans to follow up", description = "?overdue=true: active plans past their review date")
    @Audited(value = "read-overdue-plans", resource = "plans?overdue=true")
    public Uni<List<PlanView>> overdue(@QueryParam("overdue") boolean overdue) {
        if (!overdue) {
            throw ApiProblem.validation(List.of(new FieldError("overdue", "only ?overdue=true is supported; a "
                    + "case's plans are at /cases/{caseId}/plans")));
        }
        return audit.around(caller.get(), "read-overdue-plans", "plans?overdue=true",
                service.overdue(caller.get(), clock.today()));
    }
}
