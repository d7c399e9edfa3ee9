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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Path("/exports/events")
@Tag(name = "Exports", description = "Pseudonymised events for analysts")
public class ExportResource {

    /**
     * Codes, dates and the Japanese line of history; every id (the case, the agency) pseudonymised under the export's
     * own salt. No time of recording: a timestamp to the microsecond would join two exports row by row.
     */
    private static final List<String> COLUMNS = List.of("case", "eventType", "businessDate", "concerns", "area",
            "ageBand", "fields", "meetingType", "outcome", "planType", "agency", "summary");

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
            description = "format=ndjson (default) or csv (UTF-8 with a BOM, for Excel). Columns: case, eventType, "
                    + "businessDate, concerns (the referral's concern codes, on every line of its case), area and "
                    + "ageBand (likewise), fields, meetingType, outcome (not for a 支援会議), planType, agency, summary "
                    + "(the history line in Japanese, no id). Case and agency ids are replaced by pseudonyms under a "
                    + "salt drawn for this export only, so two exports cannot be joined on a person, an agency or a "
                    + "row; plan and meeting ids are not exported. No personal field is part of the projection.")
    @APIResponse(responseCode = "200", description = "One line per case event", content = {
            @Content(mediaType = "application/x-ndjson", schema = @Schema(type = SchemaType.STRING,
                    description = "One JSON object per line: the columns named above")),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING,
                    description = "UTF-8 with a BOM; a header line of the columns"))})
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
                        select e.case_id, e.event_type, e.business_date, r.concerns, r.area, r.age_band, e.fields,
                               e.meeting_type, e.outcome, e.plan_type, e.agency_id,
                               case when e.coded then e.summary end as summary
                          from case_event e
                          left join case_event r on r.case_id = e.case_id
                                                and r.event_type = 'jp.tsunagu.intake.referral-received.v1'
                         where e.municipality = $1 and e.business_date between $2 and $3
                         order by e.recorded_at, e.event_id""", Event::of, caller.get().municipality(), f, t)
                .map(rows -> {
                    boolean csv = fmt.equals("csv");
                    StringBuilder out = new StringBuilder(csv ? "\uFEFF" + String.join(",", COLUMNS) + "\r\n" : "");
                    for (Event r : rows) {
                        Map<String, Object> line = new LinkedHashMap<>();
                        line.put("case", pseudonyms.pseudonym(r.caseId()));
                        line.put("eventType", r.eventType());
                        line.put("businessDate", r.businessDate().toString());
                        line.put("concerns", r.concerns());
                        line.put("area", r.area());
                        line.put("ageBand", r.ageBand());
                        line.put("fields", r.fields());
                        line.put("meetingType", r.meetingType());
                        line.put("outcome", r.outcome());
                        line.put("planType", r.planType());
                        line.put("agency", r.agencyId() == null ? null
                                : pseudonyms.pseudonym("agency/" + r.agencyId()));
                        line.put("summary", r.summary());
                        out.append(csv ? csvLine(line) : jsonLine(line)).append(csv ? "\r\n" : "\n");
                    }
                    String file = "tsunagu-events-" + caller.get().municipality() + "-" + f + "_" + t
                            + (csv ? ".csv" : ".ndjson");
                    return Response.ok(out.toString(), csv ? "text/csv; charset=UTF-8"
                                    : "application/x-ndjson; charset=UTF-8")
                            .header("Content-Disposition", "attachment; filename=\"" + file + "\"").build();
                }));
    }

    /** A row of the export before its ids are pseudonymised. */
    private record Event(String caseId, String eventType, LocalDate businessDate, String concerns, String area,
                         String ageBand, String fields, String meetingType, String outcome, String planType,
                         String agencyId, String summary) {

        static Event of(Row row) {
            return new Event(row.getString("case_id"), row.getString("event_type"), row.getLocalDate("business_date"),
                    row.getString("concerns"), row.getString("area"), row.getString("age_band"),
                    row.getString("fields"), row.getString("meeting_type"), row.getString("outcome"),
                    row.getString("plan_type"), row.getString("agency_id"), row.getString("summary"));
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
