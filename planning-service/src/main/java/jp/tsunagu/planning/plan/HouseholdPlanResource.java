package jp.tsunagu.planning.plan;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.tsunagu.support.audit.AuditTrail;
import jp.tsunagu.support.audit.Audited;
import jp.tsunagu.support.security.CurrentCaller;
import jp.tsunagu.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;

/** A household's plan (世帯の支援プラン): one plan covering member cases of a household. */
@Path("/households/{householdId}/plans")
@Tag(name = "Plans", description = "多機関協働プラン・アウトリーチプラン・参加支援プラン: 作成, 再プラン, 終結")
@Produces(MediaType.APPLICATION_JSON)
public class HouseholdPlanResource {

    private static final String EXAMPLE_VIEW = """
            {"planId":"p-3f0c9a1e","caseId":"c-parent","type":"MULTI_AGENCY","typeLabel":"多機関協働プラン",
             "status":"ACTIVE","adoptedAtMeetingId":"402036-JUUSOU_SHIEN_KAIGI-2026-11-18","currentVersion":1,
             "versions":[{"version":1,"madeOn":"2026-11-20","wish":"親子で安心して暮らしたい","wishTags":[],
               "goals":["親の介護サービスを整える","息子さんの社会参加"],
               "roles":[{"agencyId":"kurume-jiritsu-01","responsibility":"家計の相談"}],"reviewOn":"2027-02-20",
               "subjects":[{"caseId":"c-parent","wish":"家で暮らし続けたい","wishTags":[],
                 "roles":[{"agencyId":"kurume-houkatsu-01","responsibility":"介護サービスの調整"}]},
                {"caseId":"c-son","wishTags":[],"roles":[{"agencyId":"kurume-sanka-01","responsibility":"就労体験の調整"}]}]}],
             "householdId":"h-8050","householdWish":"親子で安心して暮らしたい",
             "householdRoles":[{"agencyId":"kurume-jiritsu-01","responsibility":"家計の相談"}],
             "subjects":[{"caseId":"c-parent","wish":"家で暮らし続けたい","wishTags":[],
               "roles":[{"agencyId":"kurume-houkatsu-01","responsibility":"介護サービスの調整"}]},
              {"caseId":"c-son","roles":[{"agencyId":"kurume-sanka-01","responsibility":"就労体験の調整"}]}]}""";

    private final HouseholdPlanService service;
    private final CurrentCaller caller;
    private final AuditTrail audit;

    public HouseholdPlanResource(HouseholdPlanService service, CurrentCaller caller, AuditTrail audit) {
        this.service = service;
        this.caller = caller;
        this.audit = audit;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COORDINATOR, Roles.AGENCY})
    @Operation(operationId = "createHouseholdPlan", summary = "Make one plan for a household (世帯の支援プラン)", description = "The plan covers the member "
            + "cases named in members (its subjects), each with the member's own wish and roles, and the household's "
            + "wish and roles. Planning announces one plan-created per member case, with the same planId and "
            + "householdId; its revisions, details, review dates and closure (/plans/{planId}/…) likewise, one event "
            + "per member case. A 多機関協働プラン names the 重層的支援会議 that reviewed each member case.")
    @APIResponse(responseCode = "201", description = "Made: the plan", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanView.class),
            examples = @ExampleObject(name = "householdPlan", value = EXAMPLE_VIEW)))
    @APIResponse(responseCode = "200", description = "Idempotent repeat (Idempotency-Key): the plan made earlier")
    @APIResponse(responseCode = "400", description = "A field is malformed (named in errors)")
    @APIResponse(responseCode = "404", description = "No such household in the caller's municipality")
    @APIResponse(responseCode = "409", description = "Refused with the reason (e.g. the meeting did not review a "
            + "member case or adopted no plan for it)")
    @APIResponse(responseCode = "410", description = "A member's person was erased: no words about them are written")
    @APIResponse(responseCode = "422", description = "members[i].caseId: not a current member (この世帯の案件ではありません), "
            + "named twice, or already in a running plan of the type; or members is empty. Nothing is written.",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(name = "outside",
                    value = """
                            {"type":"/problems/household-plan","title":"Unprocessable household plan","status":422,
                             "detail":"members[1].caseId: この世帯の案件ではありません",
                             "errors":[{"field":"members[1].caseId","message":"この世帯の案件ではありません"}]}""")))
    public Uni<Response> create(@PathParam("householdId") String householdId,
                                @HeaderParam("Idempotency-Key") String idempotencyKey,
                                @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                        examples = @ExampleObject(name = "parentAndSon",
                                                summary = "8050: the parent's care and the son's participation in one plan",
                                                value = """
                                                {"type":"MULTI_AGENCY","madeOn":"2026-11-20",
                                                 "adoptedAtMeetingId":"402036-JUUSOU_SHIEN_KAIGI-2026-11-18",
                                                 "reviewOn":"2027-02-20","householdWish":"親子で安心して暮らしたい",
                                                 "goals":["親の介護サービスを整える","息子さんの社会参加"],
                                                 "members":[{"caseId":"c-parent","wish":"家で暮らし続けたい",
                                                   "roles":[{"agencyId":"kurume-houkatsu-01","responsibility":"介護サービスの調整"}]},
                                                  {"caseId":"c-son","wish":"人と話せる場所がほしい","wishTags":["ibasho"],
                                                   "roles":[{"agencyId":"kurume-sanka-01","responsibility":"就労体験の調整"}]}],
                                                 "householdRoles":[{"agencyId":"kurume-jiritsu-01","responsibility":"家計の相談"}]}""")))
                                PlanRequests.NewHouseholdPlan request) {
        return service.create(caller.get(), idempotencyKey, householdId, request).map(made -> Response
                .status(made.replayed() ? 200 : 201).location(URI.create("/plans/" + made.plan().planId()))
                .entity(made.plan()).build());
    }

    @GET
    @RolesAllowed({Roles.COORDINATOR, Roles.AGENCY})
    @Operation(operationId = "householdPlans", summary = "The plans covering any current member of the household",
            description = "Household plans and members' own plans. A member's own words (wish, wishTags) are shown "
                    + "only to readers who may read that member's case; others see its caseId and roles.")
    @APIResponse(responseCode = "200", description = "The plans", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanView[].class),
            examples = @ExampleObject(name = "onePlan", value = "[" + EXAMPLE_VIEW + "]")))
    @APIResponse(responseCode = "404", description = "No such household, or none of its plans is the caller's to read")
    @Audited(value = "read-household-plans", resource = "household/{householdId}")
    public Uni<List<PlanView>> ofHousehold(@PathParam("householdId") String householdId) {
        return audit.around(caller.get(), "read-household-plans", "household/" + householdId,
                service.ofHousehold(caller.get(), householdId));
    }
}
