package jp.tsunagu.routing.inbox;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jp.tsunagu.support.clock.BusinessClock;
import jp.tsunagu.support.security.CurrentCaller;
import jp.tsunagu.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/inbox")
@Tag(name = "Inbox", description = "The cases routed to an agency")
@Produces(MediaType.APPLICATION_JSON)
public class InboxResource {

    private final InboxService service;
    private final CurrentCaller caller;
    private final BusinessClock clock;

    public InboxResource(InboxService service, CurrentCaller caller, BusinessClock clock) {
        this.service = service;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.AGENCY, Roles.COORDINATOR})
    @Operation(operationId = "listInbox", summary = "The cases routed to your agency",
            description = "Newest first by default, or by due date; no personal data (read the person's details "
                    + "from intake-service once you have accepted). Pages follow ?cursor= from `next` or from the "
                    + "Link header (rel=\"next\"); items routed meanwhile never make a page skip or repeat one.")
    @APIResponse(responseCode = "200", description = "A page of the inbox",
            headers = @Header(name = "Link", description = "<…?cursor=…>; rel=\"next\" when another page follows",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = InboxPage.class)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid (named in the problem)")
    @APIResponse(responseCode = "403", description = "An agency asked for another agency's inbox, or the token's "
            + "agency is not in the directory")
    @APIResponse(responseCode = "404", description = "A coordinator named an agency not in the municipality's "
            + "directory")
    public Uni<Response> inbox(@BeanParam InboxQuery.Params query, @Context UriInfo uri) {
        return service.page(caller.get(), query, clock.today()).map(page -> page.response(uri));
    }

    /** The page's schema for the OpenAPI document. */
    @Schema(name = "InboxPage")
    public record InboxPage(List<InboxItem> items,
                            @Schema(description = "The next page's cursor; absent on the last page") String next) {
    }
}
