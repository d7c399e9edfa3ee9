package jp.tsunagu.reporting.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jp.tsunagu.contract.codes.BusinessDate;
import jp.tsunagu.support.audit.AuditTrail;
import jp.tsunagu.support.db.Database;
import jp.tsunagu.support.problem.ApiProblem;
import jp.tsunagu.support.problem.FieldError;
import jp.tsunagu.support.problem.Params;
import jp.tsunagu.support.security.CurrentCaller;
import jp.tsunagu.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static jp.tsunagu.support.db.SqlValues.instant;

@Path("/exports/events")
@Tag(name = "Exports", description = "Pseudonymised events for analysts")
public class ExportResource {

    private static final List<String> COLUMNS = List.of("case", "eventType", "businessDate", "recordedAt", "summary");

    private final Database database;
    private final CurrentCaller caller;
    private final AuditTrail audit;
    private final ObjectMapper json;

    public ExportResource(Database database, CurrentCaller caller, ObjectMapper json, AuditTrail audit) {
        this.database = database;
        this.caller = caller;
        this.audit = audit;
        this.json = json;
    }

    @GET
    @Produces({"application/x-ndjson", "text/csv"})
    @RolesAllowed(Roles.ANALYST)
    @Operation(summary = "The municipality's case events between two business dates, pseudonymised",
            description = "format=ndjson (default) or csv. Case ids are replaced by a pseudonym under a salt drawn for "
                    + "this export only, so two exports cannot be joined on a person. No personal field is ever part "
                    + "of the projection exported.")
    public Uni<Response> export(@QueryParam("from") String from, @QueryParam("to") String to,
                                @QueryParam("format") String format) {
        LocalDate today = BusinessDate.today();
        LocalDate f = Params.date(from, "from", today.minusYears(1));
        LocalDate t = Params.date(to, "to", today);
        String fmt = format == null ? "ndjson" : format;
        if (!fmt.equals("ndjson") && !fmt.equals("csv")) {
            throw ApiProblem.validation(List.of(new FieldError("format", "ndjson or csv")));
        }
        Pseudonymizer pseudonyms = Pseudonymizer.forOneExport();
        return audit.around(caller.get(), "export-events", "events/" + f + ".." + t,
                database.list("""
                        select case_id, event_type, business_date, recorded_at, summary from case_event
                         where municipality = $1 and business_date between $2 and $3
                         order by recorded_at, event_id""", Event::of, caller.get().municipality(), f, t)
                .map(rows -> {
                    StringBuilder out = new StringBuilder(fmt.equals("csv") ? String.join(",", COLUMNS) + "\r\n" : "");
                    for (Event r : rows) {
                        Map<String, Object> line = new LinkedHashMap<>();
                        line.put("case", pseudonyms.pseudonym(r.caseId()));
                        line.put("eventType", r.eventType());
                        line.put("businessDate", r.businessDate().toString());
                        line.put("recordedAt", r.recordedAt().toString());
                        line.put("summary", r.summary());
                        out.append(fmt.equals("csv") ? csvLine(line) : jsonLine(line)).append(fmt.equals("csv")
                                ? "\r\n" : "\n");
                    }
                    return Response.ok(out.toString(), fmt.equals("csv") ? "text/csv; charset=UTF-8"
                            : "application/x-ndjson; charset=UTF-8").build();
                }));
    }

    /** A row of the export before its case id is pseudonymised. */
    private record Event(String caseId, String eventType, LocalDate businessDate, Instant recordedAt, String summary) {

        static Event of(Row row) {
            return new Event(row.getString("case_id"), row.getString("event_type"), row.getLocalDate("business_date"),
                    instant(row.getValue("recorded_at")), row.getString("summary"));
        }
    }

    private String jsonLine(Map<String, Object> line) {
        try {
            return json.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String csvLine(Map<String, Object> line) {
        StringBuilder sb = new StringBuilder();
        for (Object v : line.values()) {
            if (!sb.isEmpty()) {
                sb.append(',');
            }
            String s = v == null ? "" : v.toString();
            sb.append(s.matches(".*[\",\\r\\n].*") ? "\"" + s.replace("\"", "\"\"") + "\"" : s);
        }
        return sb.toString();
    }
}
