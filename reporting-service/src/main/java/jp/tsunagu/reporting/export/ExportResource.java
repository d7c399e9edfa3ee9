package jp.tsunagu.reporting.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jp.tsunagu.support.problem.ApiProblem;
import jp.tsunagu.support.problem.FieldError;
import jp.tsunagu.support.problem.Params;
import jp.tsunagu.support.audit.AuditTrail;
import jp.tsunagu.support.security.CurrentCaller;
import jp.tsunagu.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static jp.tsunagu.support.db.SqlValues.instant;
import static jp.tsunagu.support.db.SqlValues.localDate;

@Path("/exports/events")
@Tag(name = "Exports", description = "Pseudonymised events for analysts")
public class ExportResource {

    private static final List<String> COLUMNS = List.of("case", "eventType", "businessDate", "recordedAt", "summary");

    private final CurrentCaller caller;
    private final AuditTrail audit;
    private final ObjectMapper json;

    public ExportResource(CurrentCaller caller, ObjectMapper json, AuditTrail audit) {
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
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        LocalDate f = Params.date(from, "from", today.minusYears(1));
        LocalDate t = Params.date(to, "to", today);
        String fmt = format == null ? "ndjson" : format;
        if (!fmt.equals("ndjson") && !fmt.equals("csv")) {
            throw ApiProblem.validation(List.of(new FieldError("format", "ndjson or csv")));
        }
        Pseudonymizer pseudonyms = Pseudonymizer.forOneExport();
        return audit.around(caller.get(), "export-events", "events/" + f + ".." + t,
                Panache.withSession(() -> Panache.getSession().chain(s -> s.createNativeQuery("""
                        select case_id, event_type, business_date, recorded_at, summary from case_event
                         where municipality = :m and business_date between :from and :to
                         order by recorded_at, event_id""", Object[].class)
                .setParameter("m", caller.get().municipality())
                .setParameter("from", f)
                .setParameter("to", t)
                .getResultList()))
                .map(rows -> {
                    StringBuilder out = new StringBuilder(fmt.equals("csv") ? String.join(",", COLUMNS) + "\r\n" : "");
                    for (Object[] r : rows) {
                        Map<String, Object> line = new LinkedHashMap<>();
                        line.put("case", pseudonyms.pseudonym((String) r[0]));
                        line.put("eventType", r[1]);
                        line.put("businessDate", localDate(r[2]).toString());
                        line.put("recordedAt", instant(r[3]).toString());
                        line.put("summary", r[4]);
                        out.append(fmt.equals("csv") ? csvLine(line) : jsonLine(line)).append(fmt.equals("csv")
                                ? "\r\n" : "\n");
                    }
                    return Response.ok(out.toString(), fmt.equals("csv") ? "text/csv; charset=UTF-8"
                            : "application/x-ndjson; charset=UTF-8").build();
                }));
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
