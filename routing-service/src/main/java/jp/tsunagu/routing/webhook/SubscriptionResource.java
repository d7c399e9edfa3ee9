package jp.tsunagu.routing.webhook;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.tsunagu.support.page.Page;
import jp.tsunagu.support.security.CurrentCaller;
import jp.tsunagu.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;

@Path("/subscriptions")
@Tag(name = "Notices", description = "Webhooks and the inbox feed: what Tsunagu tells an agency")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.AGENCY)
public class SubscriptionResource {

    private final SubscriptionService service;
    private final CurrentCaller caller;

    public SubscriptionResource(SubscriptionService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createSubscription", summary = "Receive your agency's notices at a webhook",
            description = "Each notice is POSTed as a CloudEvent (structured JSON, the Notice schema, no personal "
                    + "data), signed per "
                    + "Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature: v1,<base64 HMAC-SHA256>"
                    + " with the secret returned here, once). A failed or timed-out delivery is retried with "
                    + "back-off for tsunagu.webhooks.retry-for (24 h); then the subscription is disabled with the "
                    + "reason. URLs must be https and must not resolve to loopback, private or link-local "
                    + "addresses.")
    @APIResponse(responseCode = "201", description = "Subscribed; the answer holds the secret, shown only now")
    @APIResponse(responseCode = "400", description = "The URL or an event type is refused (named in errors)")
    @APIResponse(responseCode = "409", description = "The agency holds the most subscriptions allowed")
    public Uni<Response> create(@RequestBody(required = true, content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "routedAndDue",
            summary = "Be told when a case is routed to the agency and when its answer is due", value = """
                    {"url":"https://it.kurume-houkatsu-06.example.jp/tsunagu/notices",
                     "eventTypes":["case-routed","answer-due"]}"""))) SubscriptionRequest request) {
        return service.create(caller.get(), request).map(s -> Response.created(URI.create("/subscriptions/" + s.id()))
                .entity(s).build());
    }

    @GET
    @Operation(operationId = "listSubscriptions", summary = "Your agency's subscriptions")
    public Uni<List<Subscription>> list() {
        return service.list(caller.get());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "readSubscription", summary = "A subscription, with why it was disabled if it was")
    @APIResponse(responseCode = "200", description = "The subscription (without its secret)",
            content = @Content(schema = @Schema(implementation = Subscription.class)))
    @APIResponse(responseCode = "404", description = "No subscription of your agency under this id")
    public Uni<Subscription> get(@PathParam("id") String id) {
        return service.get(caller.get(), id);
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteSubscription", summary = "Stop receiving notices at this webhook")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No subscription of your agency under this id")
    public Uni<Response> delete(@PathParam("id") String id) {
        return service.delete(caller.get(), id).replaceWith(Response.noContent().build());
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(operationId = "listDeliveries", summary = "The subscription's latest deliveries, with every attempt",
            description = "Newest first; each attempt with the receiver's status or the error.")
    @APIResponse(responseCode = "200", description = "The deliveries",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = Delivery.class)))
    @APIResponse(responseCode = "404", description = "No subscription of your agency under this id")
    public Uni<List<Delivery>> deliveries(@PathParam("id") String id, @QueryParam("limit") Integer limit) {
        return service.deliveries(caller.get(), id, Page.limit(limit));
    }
}
