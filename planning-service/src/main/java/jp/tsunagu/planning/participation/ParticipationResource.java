package jp.tsunagu.planning.participation;

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
import jp.tsunagu.planning.plan.PlanRequests;
import jp.tsunagu.support.audit.AuditTrail;
import jp.tsunagu.support.audit.Audited;
import jp.tsunagu.support.security.CurrentCaller;
import jp.tsunagu.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Map;

@Path("/")
@Tag(name = "Participation", description = "参加支援: community resources, matching, placement and follow-up")
@Produces(MediaType.APPLICATION_JSON)
public class ParticipationResource {

    private final ParticipationService service;
    private final CurrentCaller caller;
    private final AuditTrail audit;

    public ParticipationResource(ParticipationService service, CurrentCaller caller, AuditTrail audit) {
        this.service = service;
        this.caller = caller;
        this.audit = audit;
    }

    @GET
    @Path("resources")
    @RolesAllowed({Roles.COORDINATOR, Roles.AGENCY})
    @Operation(summary = "The municipality's community resources (HSDS-inspired; samples say so)")
    public ResourceCatalog resources() {
        return service.catalog(caller.get());
    }

    @GET
    @Path("plans/{planId}/suggestions")
    @RolesAllowed({Roles.COORDINATOR, Roles.AGENCY})
    @Operation(summary = "Resources ranked by fit with the person's wish, area and free capacity, with reasons")
    public Uni<List<Matching.Suggestion>> suggestions(@PathParam("planId") String planId) {
        return service.suggestions(caller.get(), planId);
    }

    @GET
    @Path("plans/{planId}/placements")
    @RolesAllowed({Roles.COORDINATOR, Roles.AGENCY})
    @Operation(operationId = "listPlacements", summary = "A participation plan's placements and their follow-ups",
            description = "Whoever may read the plan; each placement names its resource, with its follow-ups "
                    + "(定着支援) oldest first. Not a participation plan → 409.")
    @APIResponse(responseCode = "200", description = "The placements, oldest first")
    @APIResponse(responseCode = "409", description = "The plan is not a participation plan")
    @Audited(value = "read-placements", resource = "plan/{planId}")
    public Uni<List<PlacementRecords.Placement>> placements(@PathParam("planId") String planId) {
        return audit.around(caller.get(), "read-placements", "plan/" + planId, service.placements(caller.get(), planId));
    }

    @POST
    @Path("plans/{planId}/placements")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COORDINATOR, Roles.AGENCY})
    @Operation(summary = "Place the person with a resource (マッチング)", description = "A full resource → 409.")
    @APIResponse(responseCode = "201", description = "Placed: {placementId}")
    @APIResponse(responseCode = "200", description = "Idempotent repeat: the placement made earlier")
    @APIResponse(responseCode = "409", description = "The resource is full, or the plan is not a participation plan "
            + "or is closed")
    public Uni<Response> place(@PathParam("planId") String planId, @HeaderParam("Idempotency-Key") String key,
                               @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                       examples = @ExampleObject(name = "runningTeam",
                                               summary = "The person joins the running team the plan was matched with", value = """
                                               {"resourceId":"kurume-res-running-team","placedOn":"2024-06-15"}""")))
                               PlanRequests.NewPlacement request) {
        return service.place(caller.get(), key, planId, request).map(c -> Response.status(c.replayed() ? 200 : 201)
                .entity(Map.of("placementId", c.id())).build());
    }

    @POST
    @Path("placements/{placementId}/follow-ups")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COORDINATOR, Roles.AGENCY})
    @Operation(summary = "Record a follow-up (定着支援) with the person or the host")
    @APIResponse(responseCode = "201", description = "Recorded: {followUpId}")
    @APIResponse(responseCode = "200", description = "Idempotent repeat: the follow-up recorded earlier")
    @APIResponse(responseCode = "410", description = "The person of the case was erased: no more words about them "
            + "are written (/problems/person-erased)")
    public Uni<Response> followUp(@PathParam("placementId") String placementId,
                                  @HeaderParam("Idempotency-Key") String key,
                                  @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                          examples = @ExampleObject(name = "withThePerson",
                                                  summary = "定着支援: a visit to the person two weeks in", value = """
                                                  {"side":"PERSON","on":"2024-07-01","note":"練習に毎週参加している"}""")))
                                  PlanRequests.NewFollowUp request) {
        return service.followUp(caller.get(), key, placementId, request).map(c -> Response
                .status(c.replayed() ? 200 : 201).entity(Map.of("followUpId", c.id())).build());
    }
}
