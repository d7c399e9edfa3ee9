package jp.tsunagu.console.reports;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.tsunagu.console.services.SignedInBearer;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * Each service's audit trail ({@code GET /audit?from=&to=}, service-support's AuditResource, coordinators only), as
 * the signed-in person reads it. planning's and reporting's are on their own clients; these are the others', kept
 * here so that the 監査記録 page needs nothing of the pages that use those services.
 */
public final class AuditClients {

    private AuditClients() {
    }

    @RegisterRestClient(configKey = "intake")
    @RegisterProvider(SignedInBearer.class)
    @ClientHeaderParam(name = "Accept-Language", value = "ja")
    @Produces(MediaType.APPLICATION_JSON)
    public interface IntakeAudit {
        @GET
        @Path("/audit")
        Response audit(@QueryParam("from") String from, @QueryParam("to") String to);
    }

    @RegisterRestClient(configKey = "routing")
    @RegisterProvider(SignedInBearer.class)
    @ClientHeaderParam(name = "Accept-Language", value = "ja")
    @Produces(MediaType.APPLICATION_JSON)
    public interface RoutingAudit {
        @GET
        @Path("/audit")
        Response audit(@QueryParam("from") String from, @QueryParam("to") String to);
    }

    @RegisterRestClient(configKey = "meeting")
    @RegisterProvider(SignedInBearer.class)
    @ClientHeaderParam(name = "Accept-Language", value = "ja")
    @Produces(MediaType.APPLICATION_JSON)
    public interface MeetingAudit {
        @GET
        @Path("/audit")
        Response audit(@QueryParam("from") String from, @QueryParam("to") String to);
    }
}
