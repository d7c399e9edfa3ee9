package jp.tsunagu.intake.referral;

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
import jp.tsunagu.intake.status.CaseStatusView;
import jp.tsunagu.support.audit.AuditTrail;
import jp.tsunagu.support.security.CurrentCaller;
import jp.tsunagu.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

@Path("/referrals")
@Tag(name = "Referrals", description = "相談の受付: referrals from partner agencies and their status")
@Produces(MediaType.APPLICATION_JSON)
public class ReferralResource {

    private final ReferralService service;
    private final ReferralTransactions transactions;
    private final CurrentCaller caller;
    private final AuditTrail audit;

    public ReferralResource(ReferralService service, ReferralTransactions transactions, CurrentCaller caller, AuditTrail audit) {
        this.service = service;
        this.transactions = transactions;
        this.caller = caller;
        this.audit = audit;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.AGENCY, Roles.COORDINATOR})
    @Operation(summary = "Refer a case", description = "Accepts any consultation. Answers 201 only once the event is "
            + "durably in the log; a repeat with the same Idempotency-Key and body answers 200 with the same case.")
    @APIResponse(responseCode = "201", description = "Case created")
    @APIResponse(responseCode = "200", description = "Idempotent repeat: the case created earlier")
    @APIResponse(responseCode = "400", description = "Invalid field(s), named in errors; or no Idempotency-Key")
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with a different body")
    @APIResponse(responseCode = "503", description = "The log did not acknowledge; retry with the same key")
    public Uni<Response> refer(
            @Parameter(description = "1-255 printable ASCII characters; the same key always names the same case",
                    required = true) @HeaderParam("Idempotency-Key") String idempotencyKey,
            ReferralRequest request) {
        return service.submit(caller.get(), idempotencyKey, request).map(outcome -> {
            ReferralCreated created = outcome.response();
            return Response.status(outcome.replayed() ? 200 : 201)
                    .location(URI.create("/referrals/" + created.caseId()))
                    .entity(created).build();
        });
    }

    @GET
    @Path("/{caseId}")
    @RolesAllowed({Roles.AGENCY, Roles.COORDINATOR})
    @Operation(summary = "The case's closed-loop status", description = "Built from the events of every stage. "
            + "Agencies see cases they referred or that are routed to them; anything else is 404.")
    public Uni<CaseStatusView> status(@PathParam("caseId") String caseId) {
        return audit.around(caller.get(), "read-referral", "case/" + caseId,
                transactions.visibleCase(caller.get(), caseId));
    }

    @POST
    @Path("/{caseId}/consent")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.AGENCY, Roles.COORDINATOR})
    @Operation(summary = "Record consent obtained or withdrawn later",
            description = "Moves the case between the 支援会議 and 重層的支援会議 tracks.")
    @APIResponse(responseCode = "201", description = "Recorded")
    public Uni<Response> consent(@PathParam("caseId") String caseId,
                                 @HeaderParam("Idempotency-Key") String idempotencyKey, ConsentRequest request) {
        return service.recordConsent(caller.get(), caseId, idempotencyKey, request)
                .map(outcome -> Response.status(outcome.replayed() ? 200 : 201).entity(outcome.response()).build());
    }
}
