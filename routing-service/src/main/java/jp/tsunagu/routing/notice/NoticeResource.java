package jp.tsunagu.routing.notice;

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
import jp.tsunagu.support.page.Page;
import jp.tsunagu.support.page.PageCursor;
import jp.tsunagu.support.security.Caller;
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

/** The agency's notices as a list: what the feed streamed and the webhooks sent, to read again at any time. */
@Path("/notices")
@Tag(name = "Notices", description = "Webhooks and the inbox feed: what Tsunagu tells an agency")
@Produces(MediaType.APPLICATION_JSON)
public class NoticeResource {

    private final NoticeRecords notices;
    private final CurrentCaller caller;
    private final String publicUrl;

    public NoticeResource(NoticeRecords notices, CurrentCaller caller, WebhookConfig config) {
        this.notices = notices;
        this.caller = caller;
        this.publicUrl = config.publicUrl();
    }

    @GET
    @RolesAllowed(Roles.AGENCY)
    @Operation(operationId = "listNotices", summary = "Your agency's notices, newest first",
            description = "The same notices (CloudEvents) the inbox feed streams and webhooks deliver, kept to be "
                    + "read again: cases routed to you, answers due, invitations, plan roles and reviews, and what "
                    + "became of the cases you referred (referral-accepted, referral-declined with the reason, "
                    + "referral-passed-on, referral-escalated). Pages follow ?cursor= from `next` or from the Link "
                    + "header (rel=\"next\"); notices made meanwhile never make a page skip or repeat one.")
    @APIResponse(responseCode = "200", description = "A page of notices",
            headers = @Header(name = "Link", description = "<…?cursor=…>; rel=\"next\" when another page follows",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = NoticePage.class)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid (named in the problem)")
    @APIResponse(responseCode = "403", description = "The caller is not an agency")
    public Uni<Response> list(@BeanParam NoticeQuery.Params params, @Context UriInfo uri) {
        Caller c = caller.get();
        NoticeQuery query = NoticeQuery.of(c.municipality(), c.agencyId(), params);
        return notices.page(query).map(rows -> Page.of(rows, query.limit(), n -> NoticeMessage.of(n, publicUrl),
                n -> new PageCursor(NoticeQuery.NEWEST, List.of(Long.toString(n.seq()))))).map(p -> p.response(uri));
    }

    /** The page's schema for the OpenAPI document. */
    @Schema(name = "NoticePage")
    public record NoticePage(List<NoticeMessage> items,
                             @Schema(description = "The next page's cursor; absent on the last page") String next) {
    }
}
