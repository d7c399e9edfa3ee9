package jp.tsunagu.intake.bench;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.tsunagu.intake.referral.ReferralRequest;
import jp.tsunagu.support.problem.ApiProblem;
import jp.tsunagu.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.Map;

/**
 * The benchmark's ceiling (bench/run): the same HTTP stack as {@code POST /referrals} (TLS termination aside: token
 * check, rate limit, request limits, JSON binding of the same body) with no work behind it. Off unless
 * {@code tsunagu.bench.noop-endpoint=true}; then still only for agencies and coordinators.
 */
@Path("/bench/noop-referrals")
@Produces(MediaType.APPLICATION_JSON)
public class NoopReferralResource {

    private static final Map<String, String> CREATED = Map.of("caseId", "00000000-0000-0000-0000-000000000000",
            "status", "RECEIVED");

    private final boolean enabled;

    public NoopReferralResource(BenchConfig config) {
        this.enabled = config.noopEndpoint();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.AGENCY, Roles.COORDINATOR})
    @Operation(hidden = true)
    public Response accept(@HeaderParam("Idempotency-Key") String idempotencyKey, ReferralRequest request) {
        if (!enabled || request == null || idempotencyKey == null) {
            throw ApiProblem.notFound("/bench/noop-referrals");
        }
        return Response.status(201).entity(CREATED).build();
    }
}
