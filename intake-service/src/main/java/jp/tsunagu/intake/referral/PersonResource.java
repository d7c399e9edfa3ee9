package jp.tsunagu.intake.referral;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jp.tsunagu.support.audit.AuditTrail;
import jp.tsunagu.support.audit.Audited;
import jp.tsunagu.support.security.CurrentCaller;
import jp.tsunagu.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/persons")
@Tag(name = "Persons", description = "The person behind a case")
public class PersonResource {

    private final ReferralService service;
    private final CurrentCaller caller;
    private final AuditTrail audit;

    public PersonResource(ReferralService service, CurrentCaller caller, AuditTrail audit) {
        this.service = service;
        this.caller = caller;
        this.audit = audit;
    }

    @DELETE
    @Path("/{caseId}")
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(summary = "Erase the person's data (crypto-shredding)", description = "Destroys the case's data key: "
            + "the personal fields in every copy of the log become unreadable; counts and non-personal history stay.")
    @APIResponse(responseCode = "204", description = "Erased (or already erased)")
    @Audited(value = "erase-person", resource = "case/{caseId}")
    public Uni<Response> erase(@PathParam("caseId") String caseId) {
        return audit.around(caller.get(), "erase-person", "case/" + caseId, service.erase(caller.get(), caseId))
                .replaceWith(Response.noContent().build());
    }
}
