package jp.tsunagu.routing.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jp.tsunagu.routing.notice.NoticeMessage;
import jp.tsunagu.routing.notice.NoticeRecords;
import jp.tsunagu.routing.notice.WebhookConfig;
import jp.tsunagu.support.problem.ApiProblem;
import jp.tsunagu.support.security.Caller;
import jp.tsunagu.support.security.CurrentCaller;
import jp.tsunagu.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The agency's notices as a server-sent event stream: the same notices the webhooks carry. */
@Path("/inbox/feed")
@Tag(name = "Notices", description = "Webhooks and the inbox feed: what Tsunagu tells an agency")
public class InboxFeedResource {

    /** How far back each poll looks for notices whose transactions committed after later ones. */
    private static final long LOOK_BACK = 500;

    private final NoticeRecords notices;
    private final CurrentCaller caller;
    private final ObjectMapper json;
    private final String publicUrl;

    public InboxFeedResource(NoticeRecords notices, CurrentCaller caller, ObjectMapper json, WebhookConfig config) {
        this.notices = notices;
        this.caller = caller;
        this.json = json;
        this.publicUrl = config.publicUrl();
    }

    @GET
    @Blocking
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed(Roles.AGENCY)
    @Operation(operationId = "inboxFeed", summary = "Your agency's notices as server-sent events",
            description = "Each event's data is the notice as a CloudEvent (the same JSON a webhook receives), its "
                    + "name the notice code, its id the notice id. Reconnect with Last-Event-ID to resume after the "
                    + "last notice you received; without it the stream starts with notices made from now on.")
    @APIResponse(responseCode = "200", description = "The stream: each event's data a notice",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS,
                    schema = @Schema(implementation = NoticeMessage.class)))
    @APIResponse(responseCode = "404", description = "Last-Event-ID names no notice of your agency")
    public Multi<OutboundSseEvent> feed(@Parameter(description = "The id of the last notice received")
                                        @HeaderParam("Last-Event-ID") String lastEventId,
                                        @Context Sse sse) {
        Caller c = caller.get();
        Uni<Long> start = lastEventId == null || lastEventId.isBlank()
                ? notices.latestSeq(c.municipality(), c.agencyId())
                : notices.seqOf(c.municipality(), c.agencyId(), lastEventId.strip())
                // the submitted id is never quoted back
                .map(found -> found.orElseThrow(() -> ApiProblem.notFound("the notice named by Last-Event-ID")));
        // the start is known before the stream opens (this method runs on a worker thread): a Last-Event-ID that is
        // not the agency's is a 404, not a stream that breaks
        return events(c, start.await().atMost(Duration.ofSeconds(10)), sse);
    }

    /** Notices after {@code from}, polled each second, looking back for ones whose transactions committed late. */
    private Multi<OutboundSseEvent> events(Caller c, long from, Sse sse) {
        Set<Long> sent = new LinkedHashSet<>();
        long[] high = {from};
        long floor = from;
        return Multi.createFrom().ticks().every(Duration.ofSeconds(1)).onOverflow().drop()
                .onItem().transformToUniAndConcatenate(tick -> notices.after(c.municipality(), c.agencyId(),
                        Math.max(floor, high[0] - LOOK_BACK), (int) LOOK_BACK * 2))
                .onItem().transformToIterable(found -> {
                    List<OutboundSseEvent> events = new ArrayList<>();
                    for (NoticeRecords.Stored n : found) {
                        if (sent.add(n.seq())) {
                            high[0] = Math.max(high[0], n.seq());
                            events.add(sse.newEventBuilder().id(n.id()).name(n.type().code())
                                    .data(write(n)).build());
                        }
                    }
                    sent.removeIf(seq -> seq <= high[0] - LOOK_BACK);
                    return events;
                });
    }

    private String write(NoticeRecords.Stored n) {
        return NoticeMessage.json(json, n, publicUrl);
    }
}
