package jp.tsunagu.intake.cases;

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
import jp.tsunagu.support.page.Page;
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

/**
 * {@code GET /cases}. The person search ({@code POST /cases/search}) and the duplicate check
 * ({@code /cases/{caseId}/duplicate}) are resources of their own packages, search and duplicate, which build on the
 * case list: the list does not know them back.
 */
@Path("/cases")
@Tag(name = "Cases", description = CaseResource.TAG)
@Produces(MediaType.APPLICATION_JSON)
public class CaseResource {

    /** The tag of every endpoint under /cases. */
    public static final String TAG = "The municipality's cases, for its coordinators (多機関協働事業)";

    private final CaseList cases;
    private final CurrentCaller caller;
    private final CaseNames names;
    private final BusinessClock clock;

    public CaseResource(CaseList cases, CurrentCaller caller, CaseNames names, BusinessClock clock) {
        this.cases = cases;
        this.caller = caller;
        this.names = names;
        this.clock = clock;
    }

    @GET
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(operationId = "listCases", summary = "The municipality's cases",
            description = "Newest received first (or ?sort=changed: last changed first); no personal field. Pages "
                    + "follow ?cursor= from `next` or the Link header (rel=\"next\"). ?caseNumber=R8-000123 finds "
                    + "the case people name by its 受付番号. ?withNames=true adds each person's name and kana from the "
                    + "vault (coordinators only), and the read is recorded in the audit trail (GET /audit: action "
                    + "list-cases-with-names, detail {filter, caseIds}); without it the list holds no personal field.")
    @APIResponse(responseCode = "200", description = "A page of cases",
            headers = @Header(name = "Link", description = "<…?cursor=…>; rel=\"next\" when another page follows",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = CasePage.class)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid (named in errors)")
    @APIResponse(responseCode = "403", description = "Not a coordinator")
    public Uni<Response> list(@BeanParam CaseQuery query, @Context UriInfo uri) {
        Uni<Page<CaseList.Item>> page = cases.page(caller.get(), query, clock.today());
        if (Boolean.TRUE.equals(query.withNames())) {
            page = page.chain(p -> names.named(caller.get(), CaseNames.LIST_ACTION, query.given(), p.items())
                    .map(named -> new Page<>(named, p.next())));
        }
        return page.map(p -> p.response(uri));
    }

    /** The page's schema for the OpenAPI document. */
    @Schema(name = "CasePage")
    public record CasePage(List<CaseList.Item> items,
                           @Schema(description = "The next page's cursor; absent on the last page") String next) {
    }
}
