package jp.tsunagu.routing.directory;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jp.tsunagu.contract.directory.AgencyDirectory;
import jp.tsunagu.support.problem.ApiProblem;
import jp.tsunagu.support.security.CurrentCaller;
import jp.tsunagu.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/agencies")
@Tag(name = "Agencies", description = "相談支援機関: the municipality's agency directory")
@Produces(MediaType.APPLICATION_JSON)
public class AgencyResource {

    private final DirectoryCatalog catalog;
    private final CurrentCaller caller;

    public AgencyResource(DirectoryCatalog catalog, CurrentCaller caller) {
        this.catalog = catalog;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.AGENCY, Roles.COORDINATOR, Roles.MEETING_MEMBER, Roles.ANALYST, Roles.PORTAL})
    @Operation(summary = "The caller's municipality's agency directory",
            description = "HSDS-inspired: organizations, and agencies (a service at a location) with their fields, "
                    + "target group, form (直営/委託/指定管理), 区分, 所管課 and the areas they cover. Flags say which "
                    + "names and area lists are samples.")
    public AgencyDirectory agencies() {
        return catalog.directory(caller.get().municipality())
                .orElseThrow(() -> ApiProblem.notFound("a directory for municipality " + caller.get().municipality()));
    }
}
