package jp.tsunagu.support.audit;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jp.tsunagu.support.clock.BusinessClock;
import jp.tsunagu.support.problem.Params;
import jp.tsunagu.support.security.CurrentCaller;
import jp.tsunagu.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.List;

@Path("/audit")
@Tag(name = "Audit", description = "Who read personal data or confidential meeting material, and erasures")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final AuditTrail trail;
    private final CurrentCaller caller;
    private final BusinessClock clock;

    public AuditResource(AuditTrail trail, CurrentCaller caller, BusinessClock clock) {
        this.trail = trail;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(summary = "This service's reads of personal or confidential material and refused attempts, in the "
            + "caller's municipality",
            description = "from/to are business dates (Asia/Tokyo), default the last 30 days")
    public Uni<List<AuditTrail.AuditEntry>> entries(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate today = clock.today();
        return trail.entries(caller.get().municipality(), Params.date(from, "from", today.minusDays(30)),
                Params.date(to, "to", today));
    }
}
