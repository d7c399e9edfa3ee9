package jp.tsunagu.reporting.history;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jp.tsunagu.support.problem.ApiProblem;
import jp.tsunagu.support.problem.Params;
import jp.tsunagu.support.audit.AuditTrail;
import jp.tsunagu.support.security.CurrentCaller;
import jp.tsunagu.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static jp.tsunagu.support.db.SqlValues.instant;
import static jp.tsunagu.support.db.SqlValues.localDate;

@Path("/cases/{caseId}/history")
@Tag(name = "History", description = "Every event of a case from every stage")
@Produces(MediaType.APPLICATION_JSON)
public class HistoryResource {

    private final CurrentCaller caller;
    private final AuditTrail audit;

    public HistoryResource(CurrentCaller caller, AuditTrail audit) {
        this.caller = caller;
        this.audit = audit;
    }

    /** One event of the case, without any personal field. */
    public record Entry(String eventId, String eventType, String source, LocalDate businessDate, Instant recordedAt,
                        String causationId, String summary) {
    }

    @GET
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(summary = "Every event of the case in causal order",
            description = "Each with its business date and recorded time. ?asOf=YYYY-MM-DD: the events with a "
                    + "business date up to that day, i.e. the case as it stood then.")
    public Uni<List<Entry>> history(@PathParam("caseId") String caseId, @QueryParam("asOf") String asOf) {
        LocalDate until = Params.date(asOf, "asOf", LocalDate.of(9999, 12, 31));
        String municipality = caller.get().municipality();
        return audit.around(caller.get(), "read-history", "case/" + caseId,
                Panache.withSession(() -> Panache.getSession().chain(s -> s.createNativeQuery("""
                        select event_id, event_type, source, business_date, recorded_at, causation_id, summary,
                               municipality from case_event where case_id = :id order by recorded_at, event_id""",
                        Object[].class)
                .setParameter("id", caseId)
                .getResultList()))
                .map(rows -> {
                    if (rows.isEmpty() || rows.stream().anyMatch(r -> !municipality.equals(((String) r[7]).trim()))) {
                        throw ApiProblem.notFound("case " + caseId);
                    }
                    List<Entry> entries = rows.stream().map(r -> new Entry((String) r[0], (String) r[1],
                                    (String) r[2], localDate(r[3]), instant(r[4]), (String) r[5], (String) r[6]))
                            .filter(e -> !e.businessDate().isAfter(until)).toList();
                    return causalOrder(entries);
                }));
    }

    /**
     * Recorded order, except that an event never comes before the event that caused it (topics are read in
     * parallel and clocks of services differ slightly).
     */
    static List<Entry> causalOrder(List<Entry> byTime) {
        Map<String, Entry> byId = new LinkedHashMap<>();
        byTime.forEach(e -> byId.put(e.eventId(), e));
        List<Entry> ordered = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        for (Entry e : byTime) {
            place(e, byId, placed, ordered, new HashSet<>());
        }
        return ordered;
    }

    private static void place(Entry e, Map<String, Entry> byId, Set<String> placed, List<Entry> ordered,
                              Set<String> visiting) {
        if (placed.contains(e.eventId()) || !visiting.add(e.eventId())) {
            return;
        }
        Entry cause = e.causationId() == null ? null : byId.get(e.causationId());
        if (cause != null) {
            place(cause, byId, placed, ordered, visiting);
        }
        placed.add(e.eventId());
        ordered.add(e);
    }
}
