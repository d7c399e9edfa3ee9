package jp.tsunagu.routing.referral;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jp.tsunagu.support.audit.AuditTrail;
import jp.tsunagu.support.audit.Audited;
import jp.tsunagu.support.clock.BusinessClock;
import jp.tsunagu.support.security.CurrentCaller;
import jp.tsunagu.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.Map;

@Path("/")
@Tag(name = "Routing", description = "つなぐ: routing decisions and the acceptance loop")
@Produces(MediaType.APPLICATION_JSON)
public class RoutingResource {

    private final RoutingService service;
    private final CurrentCaller caller;
    private final AuditTrail audit;
    private final BusinessClock clock;

    public RoutingResource(RoutingService service, CurrentCaller caller, AuditTrail audit, BusinessClock clock) {
        this.service = service;
        this.caller = caller;
        this.audit = audit;
        this.clock = clock;
    }

    @GET
    @Path("cases/{caseId}/routing")
    @RolesAllowed({Roles.AGENCY, Roles.COORDINATOR, Roles.MEETING_MEMBER})
    @Operation(summary = "The case's routing decision with its reasons",
            description = "Agencies see cases they referred or that are routed to them; anything else is 404.")
    @Audited(value = "read-routing", resource = "case/{caseId}")
    public Uni<RoutingView> routing(@PathParam("caseId") String caseId) {
        return audit.around(caller.get(), "read-routing", "case/" + caseId, service.view(caller.get(), caseId));
    }

    @POST
    @Path("cases/{caseId}/acceptance")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AGENCY)
    @Operation(summary = "Accept or decline a case routed to your agency",
            description = "A decline (with its reason) routes the case to the next candidate, or escalates it to "
                    + "multi-agency coordination when none is left.")
    @APIResponse(responseCode = "200", description = "The routing after the answer")
    @APIResponse(responseCode = "403", description = "The caller is not an agency")
    @APIResponse(responseCode = "404", description = "No case of your municipality waits for your agency's answer "
            + "under this id (another agency is told nothing of the case, not even that it exists)")
    @APIResponse(responseCode = "409", description = "The case is not waiting for acceptance")
    @APIResponse(responseCode = "410", description = "The person of the case was erased: no more words about them "
            + "are written (/problems/person-erased)")
    public Uni<RoutingView> acceptance(@PathParam("caseId") String caseId, @RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
                    @ExampleObject(name = "accept", summary = "The agency takes the case", value = """
                            {"accepted":true}"""),
                    @ExampleObject(name = "decline", summary = "The agency cannot take it, and says why", value = """
                            {"accepted":false,"reason":"当センターの担当圏域外のため（善導寺圏域の包括が担当）"}""")}))
            AcceptanceRequest request) {
        return service.respond(caller.get(), caseId, request, clock.today());
    }

    @POST
    @Path("routing/acceptance-check")
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(summary = "Run the acceptance check now",
            description = "Escalates the cases not answered by their deadline and reminds the agencies whose answer "
                    + "is due on the next business day; the same check runs on a schedule "
                    + "(tsunagu.routing.overdue-check-every).")
    public Uni<Map<String, Integer>> acceptanceCheck() {
        String municipality = caller.get().municipality();
        LocalDate today = clock.today();
        return service.escalateOverdue(municipality, today)
                .chain(escalated -> service.remindDue(municipality, today)
                        .map(reminded -> Map.of("escalated", escalated, "answerDue", reminded)));
    }
}
