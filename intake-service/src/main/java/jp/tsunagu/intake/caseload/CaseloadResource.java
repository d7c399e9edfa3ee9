package jp.tsunagu.intake.caseload;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jp.tsunagu.support.security.CurrentCaller;
import jp.tsunagu.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/caseload")
@Tag(name = "Caseload", description = "An agency's whole caseload: the cases it is responsible for or has a plan "
        + "role in")
@Produces(MediaType.APPLICATION_JSON)
public class CaseloadResource {

    private final Caseload caseload;
    private final CurrentCaller caller;

    public CaseloadResource(Caseload caseload, CurrentCaller caller) {
        this.caseload = caseload;
        this.caller = caller;
    }

    @GET
    @RolesAllowed(Roles.AGENCY)
    @Operation(operationId = "listCaseload", summary = "Your agency's caseload",
            description = "Every case of your municipality that your agency is now responsible for (routed to it, or "
                    + "accepted by it: relation RESPONSIBLE) or holds a role in one of its plans (PLAN_ROLE), newest "
                    + "change first; no personal field. Each can be read at GET /referrals/{caseId}. Pages follow "
                    + "?cursor= from `next` or the Link header (rel=\"next\").")
    @APIResponse(responseCode = "200", description = "A page of your caseload",
            headers = @Header(name = "Link", description = "<…?cursor=…>; rel=\"next\" when another page follows",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CaseloadPage.class),
                    examples = @ExampleObject(name = "aPlanRole", value = """
                            {"items":[{"caseId":"7d1c2a4e-0b6f-4e8a-9c3d-2f5e8a1b4c6d","caseNumber":"R6-000123",
                             "status":"PLAN_ACTIVE","statusLabel":"プラン実施中","relation":"PLAN_ROLE",
                             "relationLabel":"プランで役割","receivedOn":"2024-06-03",
                             "lastChangeAt":"2024-07-10T02:15:00Z","area":"荒木","ageBand":"AGE_40_49",
                             "concerns":["HIKIKOMORI","EIGHTY_FIFTY"],"urgency":"ROUTINE"}]}""")))
    @APIResponse(responseCode = "400", description = "A parameter is invalid, or not one this operation takes "
            + "(named in errors)")
    @APIResponse(responseCode = "403", description = "Not an agency")
    public Uni<Response> list(
            @Parameter(description = "Only this status (RECEIVED, ROUTED, ACCEPTED, …)") @QueryParam("status")
            String status,
            @Parameter(description = "1 to 200, default 50") @QueryParam("limit") Integer limit,
            @Parameter(description = "From the previous page's `next`") @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        return caseload.page(caller.get(), new Caseload.Query(status, limit, cursor)).map(page -> page.response(uri));
    }

    /** The page's schema for the OpenAPI document. */
    @Schema(name = "CaseloadPage")
    public record CaseloadPage(List<Caseload.Item> items,
                               @Schema(description = "The next page's cursor; absent on the last page") String next) {
    }
}
