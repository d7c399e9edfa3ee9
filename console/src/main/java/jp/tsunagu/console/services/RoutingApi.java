package jp.tsunagu.console.services;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.client.SseEvent;

/** routing-service as the signed-in person calls it: her agency's inbox, its answers and its notices. */
@RegisterRestClient(configKey = "routing")
@RegisterProvider(SignedInBearer.class)
@ClientHeaderParam(name = "Accept-Language", value = "ja")
@Produces(MediaType.APPLICATION_JSON)
public interface RoutingApi {

    @GET
    @Path("/inbox")
    Response inbox(@QueryParam("state") String state, @QueryParam("sort") String sort,
                   @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor);

    @GET
    @Path("/cases/{caseId}/routing")
    Response routing(@PathParam("caseId") String caseId);

    @POST
    @Path("/cases/{caseId}/acceptance")
    @Consumes(MediaType.APPLICATION_JSON)
    Response answer(@PathParam("caseId") String caseId, JsonNode answer);

    @GET
    @Path("/notices")
    Response notices(@QueryParam("type") String types, @QueryParam("limit") Integer limit,
                     @QueryParam("cursor") String cursor);

    /** The agency's notices as they are made (routing-service's server-sent events). */
    @GET
    @Path("/inbox/feed")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    Multi<SseEvent<String>> feed();

    /** The service's audit trail (coordinators; service-support's AuditResource), from/to YYYY-MM-DD. */
    @GET
    @Path("/audit")
    Response audit(@QueryParam("from") String from, @QueryParam("to") String to);
}
