package jp.tsunagu.reporting.history;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
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
import jp.tsunagu.support.audit.Audited;
import jp.tsunagu.support.db.Database;
import jp.tsunagu.support.directory.AgencyDirectories;
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

@Path("/cases/{caseId}/history")
@Tag(name = "History", description = "Every event of a case from every stage")
@Produces(MediaType.APPLICATION_JSON)
public class HistoryResource {

    private final Database database;
    private final CurrentCaller caller;
    private final AuditTrail audit;
    private final AgencyDirectories directories;

    public HistoryResource(Database database, CurrentCaller caller, AuditTrail audit,
                           AgencyDirectories directories) {
        this.database = database;
        this.caller = caller;
        this.audit = audit;
        this.directories = directories;
    }

    /**
     * One event of the case, without any personal field.
     *
     * @param summary    what happened, in Japanese
     * @param agencyId   the agency the line is about (given the case, accepting, declining, not answering)
     * @param agencyName its name in the directory
     */
    public record Entry(String eventId, String eventType, String source, LocalDate businessDate, Instant recordedAt,
                        String causationId, String summary, String agencyId, String agencyName) {

        static Entry of(Row row) {
            return new Entry(row.getString("event_id"), row.getString("event_type"), row.getString("source"),
                    row.getLocalDate("business_date"), instant(row.getValue("recorded_at")),
                    row.getString("causation_id"), row.getString("summary"), row.getString("agency_id"), null);
        }

        Entry named(String name) {
            return new Entry(eventId, eventType, source, businessDate, recordedAt, causationId, summary, agencyId,
                    name);
        }
    }

    /** An event of the case with the municipality it belongs to (char(6), so trimmed). */
    private record Line(Entry entry, String municipality) {

        static Line of(Row row) {
            return new Line(Entry.of(row), row.getString("municipality").trim());
        }
    }

    @GET
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(summary = "Every event of the case in causal order",
            description = "Each with its business date and recorded time. ?asOf=YYYY-MM-DD: the events with a "
                    + "business date up to that day, i.e. the case as it stood then.")
    @Audited(value = "read-history", resource = "case/{caseId}")
    public Uni<List<Entry>> history(@PathParam("caseId") String caseId, @QueryParam("asOf") String asOf) {
        LocalDate until = Params.date(asOf, "asOf", LocalDate.of(9999, 12, 31));
        String municipality = caller.get().municipality();
        return audit.around(caller.get(), "read-history", "case/" + caseId,
                database.list("""
                        select event_id, event_type, source, business_date, recorded_at, causation_id, summary,
                               agency_id, municipality
                          from case_event where case_id = $1 order by recorded_at, event_id""",
                        Line::of, caseId)
                .map(rows -> {
                    if (rows.isEmpty() || rows.stream().anyMatch(r -> !municipality.equals(r.municipality()))) {
                        throw ApiProblem.notFound("case " + caseId);
                    }
                    List<Entry> entries = rows.stream().map(Line::entry)
                            .filter(e -> !e.businessDate().isAfter(until))
                            .map(e -> e.named(directories.agencyName(municipality, e.agencyId()).orElse(null)))
                            .toList();
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
