package jp.tsunagu.intake.household;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.tsunagu.support.audit.AuditTrail;
import jp.tsunagu.support.clock.BusinessClock;
import jp.tsunagu.support.problem.ApiProblem;
import jp.tsunagu.support.security.Caller;
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

/** {@code /households}: coordinators link cases into a household (世帯) and take them out; readers see it. */
@Path("/households")
@Tag(name = "Households", description = HouseholdResource.TAG)
@Produces(MediaType.APPLICATION_JSON)
public class HouseholdResource {

    static final String TAG = "Households (世帯): cases of one family linked by a coordinator, seen together";

    static final String VIEW_EXAMPLE = """
            {"householdId":"h-3f2a9c1e-7b4d-4e8a-9c3d-2f5e8a1b4c6d","municipality":"402036",
             "label":"世帯（R8-000001・R8-000007）",
             "members":[{"caseId":"c0a8e3f2-1111-4e8a-9c3d-2f5e8a1b4c6d","caseNumber":"R8-000001",
                         "linkedOn":"2026-12-10","status":"PLAN_ACTIVE","statusLabel":"プラン実行中",
                         "agencyId":"kurume-houkatsu-01","agencyName":"久留米市地域包括支援センター",
                         "personVisible":true,"erased":false,
                         "person":{"name":"久留米 花子","nameKana":"クルメ ハナコ","birthDate":"1946-04-02","age":80}},
                        {"caseId":"d1b9f4a3-2222-4e8a-9c3d-2f5e8a1b4c6d","caseNumber":"R8-000007",
                         "linkedOn":"2026-12-10","status":"ACCEPTED","statusLabel":"受理",
                         "agencyId":"kurume-kikan-01","agencyName":"久留米市基幹相談支援センター",
                         "personVisible":false,"erased":false,"person":null}],
             "formerMembers":[],
             "agencies":[{"agencyId":"kurume-houkatsu-01","agencyName":"久留米市地域包括支援センター",
                          "caseIds":["c0a8e3f2-1111-4e8a-9c3d-2f5e8a1b4c6d"]}],
             "plans":[{"planId":"p-1","caseIds":["c0a8e3f2-1111-4e8a-9c3d-2f5e8a1b4c6d"],"open":true}],
             "meetings":[{"meetingId":"m-1","meetingType":"JUUSOU_SHIEN_KAIGI","meetingTypeLabel":"重層的支援会議",
                          "heldOn":"2026-12-15","caseIds":["c0a8e3f2-1111-4e8a-9c3d-2f5e8a1b4c6d"]}],
             "timeline":[{"caseId":"c0a8e3f2-1111-4e8a-9c3d-2f5e8a1b4c6d","caseNumber":"R8-000001",
                          "eventType":"jp.tsunagu.intake.household-linked.v1","detail":"世帯に登録",
                          "businessDate":"2026-12-10","recordedAt":"2026-12-10T01:00:00Z"}]}""";

    private final Households households;
    private final HouseholdReads reads;
    private final CurrentCaller caller;
    private final AuditTrail audit;
    private final BusinessClock clock;

    public HouseholdResource(Households households, HouseholdReads reads, CurrentCaller caller, AuditTrail audit,
                             BusinessClock clock) {
        this.households = households;
        this.reads = reads;
        this.caller = caller;
        this.audit = audit;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(operationId = "createHousehold", summary = "Link cases into a new household (同じ世帯として登録)",
            description = "Writes jp.tsunagu.intake.household-linked.v1 once per case (history: 世帯に登録). Never "
                    + "automatic: suggestions (GET /cases/{caseId}/household-suggestions) are only offered.")
    @APIResponse(responseCode = "201", description = "Linked; Location /households/{householdId}", content =
    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HouseholdView.class),
            examples = @ExampleObject(name = "household", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "403", description = "Not a coordinator")
    @APIResponse(responseCode = "404", description = "A case unknown or of another municipality")
    @APIResponse(responseCode = "409", description = "household-conflict: a case is already in a household (the "
            + "detail names it by its members' 受付番号; extension householdId)")
    @APIResponse(responseCode = "422", description = "Fewer than two cases, the same case twice, or a case joined to "
            + "another as a duplicate (重複として統合された案件は世帯に登録できません; a closed case may be linked)")
    public Uni<Response> create(@RequestBody(required = true, content = @Content(examples = @ExampleObject(
            name = "parent and son", value = """
            {"caseIds":["c0a8e3f2-1111-4e8a-9c3d-2f5e8a1b4c6d","d1b9f4a3-2222-4e8a-9c3d-2f5e8a1b4c6d"]}""")))
                                HouseholdRequests.NewHousehold request) {
        if (request == null) {
            throw ApiProblem.badRequest("body-missing", "a JSON body is required");
        }
        Caller who = caller.get();
        return households.create(who, request.caseIds()).chain(id -> view(who, id))
                .map(view -> Response.created(URI.create("/households/" + view.householdId())).entity(view)
                        .header("Cache-Control", "no-store").build());
    }

    @POST
    @Path("/{householdId}/members")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(operationId = "addHouseholdMember", summary = "Add a case to the household (この世帯に追加)",
            description = "Writes household-linked for the case.")
    @APIResponse(responseCode = "200", description = "The household now", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HouseholdView.class)))
    @APIResponse(responseCode = "404", description = "Unknown household or case (or another municipality's)")
    @APIResponse(responseCode = "409", description = "household-conflict: the case is in a household already "
            + "(another, or this one)")
    @APIResponse(responseCode = "422", description = "caseId missing, or the case was joined to another as a "
            + "duplicate (重複として統合された案件は世帯に登録できません)")
    public Uni<Response> add(@PathParam("householdId") String householdId,
                             @RequestBody(required = true, content = @Content(examples = @ExampleObject(
                                     name = "member", value = """
                                     {"caseId":"e2c0a5b4-3333-4e8a-9c3d-2f5e8a1b4c6d"}""")))
                             HouseholdRequests.NewMember request) {
        if (request == null || request.caseId() == null || request.caseId().isBlank()) {
            throw HouseholdProblems.invalid("caseId", "required");
        }
        Caller who = caller.get();
        return households.add(who, householdId, request.caseId()).chain(() -> view(who, householdId))
                .map(view -> Response.ok(view).header("Cache-Control", "no-store").build());
    }

    @POST
    @Path("/{householdId}/members/{caseId}/unlinking")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(operationId = "unlinkHouseholdMember", summary = "Take a case out of the household (世帯から外す)",
            description = "Writes jp.tsunagu.intake.household-unlinked.v1 (history: 世帯から外す); the reason stays in "
                    + "intake, sealed with the case's data key. The other members stay linked.")
    @APIResponse(responseCode = "200", description = "The household now", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HouseholdView.class)))
    @APIResponse(responseCode = "404", description = "Unknown household, or the case is not a current member")
    @APIResponse(responseCode = "422", description = "reason missing or blank (理由を入力してください)")
    public Uni<Response> unlink(@PathParam("householdId") String householdId, @PathParam("caseId") String caseId,
                                @RequestBody(required = true, content = @Content(examples = @ExampleObject(
                                        name = "moved out", value = """
                                        {"reason":"別居して独立した世帯になったため"}""")))
                                HouseholdRequests.Reason request) {
        Caller who = caller.get();
        return households.unlink(who, householdId, caseId, request == null ? null : request.reason())
                .chain(() -> view(who, householdId))
                .map(view -> Response.ok(view).header("Cache-Control", "no-store").build());
    }

    @GET
    @Path("/{householdId}")
    @RolesAllowed({Roles.COORDINATOR, Roles.AGENCY})
    @Operation(operationId = "readHousehold", summary = "The household: members, agencies, plans, meetings, timeline",
            description = "Coordinators of the municipality; an agency that may follow at least one current member's "
                    + "case (its referrer, or in its caseload). A member the agency may not follow shows only its "
                    + "caseId, 受付番号, linkedOn, status and who coordinates it (personVisible=false, person=null); "
                    + "its plans, meetings and history lines are left out. A person is shown only to readers allowed "
                    + "to read it case by case (GET /referrals/{caseId}/person); an erased one never (erased=true). "
                    + "Every read is in the audit trail (read-household; detail: the members followed and the "
                    + "persons shown).")
    @APIResponse(responseCode = "200", description = "The household (never cached)", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HouseholdView.class),
            examples = @ExampleObject(name = "household", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such household for this reader")
    public Uni<Response> read(@PathParam("householdId") String householdId) {
        return view(caller.get(), householdId)
                .map(view -> Response.ok(view).header("Cache-Control", "no-store").build());
    }

    /** Every answer that shows the household is an audited read. */
    private Uni<HouseholdView> view(Caller who, String householdId) {
        return audit.around(who, "read-household", "household/" + householdId,
                        read -> "{\"followed\":" + ids(read.followed()) + ",\"personsShown\":"
                                + ids(read.personsShown()) + "}",
                        reads.read(who, householdId, clock.today()))
                .map(HouseholdReads.Read::view);
    }

    private static String ids(java.util.List<String> ids) {
        return ids.stream().map(id -> "\"" + id + "\"").collect(java.util.stream.Collectors.joining(",", "[", "]"));
    }
}
