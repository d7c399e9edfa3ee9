package jp.tsunagu.reporting.feed;

import io.smallrye.mutiny.Multi;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jp.tsunagu.reporting.export.Pseudonymizer;
import jp.tsunagu.support.problem.ApiProblem;
import jp.tsunagu.support.security.CurrentCaller;
import jp.tsunagu.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

@Path("/feed/cases")
@Tag(name = "Portal feed", description = "Case status changes as server-sent events, without personal data")
public class FeedResource {

    private static final int BATCH = 500;

    private final Pool pool;
    private final CurrentCaller caller;
    private final Pseudonymizer portalPseudonyms;

    public FeedResource(Pool pool, CurrentCaller caller,
                        FeedConfig config) {
        this.pool = pool;
        this.caller = caller;
        this.portalPseudonyms = Pseudonymizer.withSalt(config.pseudonymKey().getBytes(StandardCharsets.UTF_8));
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({Roles.PORTAL, Roles.COORDINATOR})
    @Operation(summary = "Every case event of the municipality as it arrives, resumable",
            description = "Each SSE event's id is its place in the municipality's feed (1, 2, 3, …: a gap means an "
                    + "event missed, never another city's activity); reconnect with Last-Event-ID (or ?after=) to "
                    + "resume after it. Data: caseId, eventType, businessDate, recordedAt, summary; no personal field. "
                    + "A portal token gets a stable pseudonym instead of the case id and no summary (no agency, no "
                    + "concern): enough to follow status changes, nothing to single out a person.")
    public Multi<OutboundSseEvent> feed(@HeaderParam("Last-Event-ID") String lastEventId,
                                        @QueryParam("after") String after, @Context Sse sse) {
        String municipality = caller.get().municipality();
        boolean portal = !caller.get().is(Roles.COORDINATOR);
        AtomicLong last = new AtomicLong(position(lastEventId != null ? lastEventId : after));
        return Multi.createFrom().ticks().startingAfter(Duration.ofMillis(10)).every(Duration.ofMillis(500))
                .onOverflow().drop()
                .onItem().transformToUniAndConcatenate(tick -> pool.preparedQuery("""
                                select f.n, e.case_id, e.event_type, e.business_date, e.recorded_at, e.summary
                                  from feed_entry f join case_event e on e.seq = f.seq
                                 where f.municipality = $1 and f.n > $2 order by f.n limit $3""")
                        .execute(Tuple.of(municipality, last.get(), BATCH))
                        .map(rows -> {
                            List<OutboundSseEvent> events = new ArrayList<>();
                            for (Row r : rows) {
                                long seq = r.getLong("n");
                                last.set(seq);
                                Map<String, Object> data = new LinkedHashMap<>();
                                data.put("caseId", portal ? portalPseudonyms.pseudonym(r.getString("case_id"))
                                        : r.getString("case_id"));
                                data.put("eventType", r.getString("event_type"));
                                data.put("businessDate", r.getLocalDate("business_date").toString());
                                data.put("recordedAt", r.getOffsetDateTime("recorded_at").toInstant().toString());
                                if (!portal) {
                                    data.put("summary", r.getString("summary"));
                                }
                                events.add(sse.newEventBuilder().id(Long.toString(seq)).name("case-event")
                                        .mediaType(MediaType.APPLICATION_JSON_TYPE).data(data).build());
                            }
                            return events;
                        }))
                .onItem().transformToMultiAndConcatenate(list -> Multi.createFrom().iterable(list));
    }

    private static long position(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("last-event-id", "Last-Event-ID (or after) must be an event id of this feed");
        }
    }
}
