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
import jp.tsunagu.reporting.figures.Suppression;
import jp.tsunagu.support.audit.AuditTrail;
import jp.tsunagu.support.audit.Audited;
import jp.tsunagu.support.clock.BusinessClock;
import jp.tsunagu.support.db.Database;
import jp.tsunagu.support.problem.ApiProblem;
import jp.tsunagu.support.problem.FieldError;
import jp.tsunagu.support.problem.Params;
import jp.tsunagu.support.security.CurrentCaller;
import jp.tsunagu.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Path("/exports/events")
@Tag(name = "Exports", description = "Pseudonymised, k-anonymous case events for analysts")
public class ExportResource {

    /**
     * Per case: its pseudonym and its household's (世帯, null when none or rarer than k households:
     * {@link HouseholdRelease}), the receipt period, area, age band and concerns (on every line of the case), and per
     * line the event type, the time from receipt as a band, codes and the Japanese line. No date, no agency, no
     * recording time: the case's whole record is what {@link ExportGeneraliser} makes shared by at least k cases.
     */
    private static final List<String> COLUMNS = List.of("case", "householdPseudonym", "received", "area", "ageBand",
            "concerns", "eventType", "daysFromReceipt", "fields", "meetingType", "outcome", "planType", "summary");

    private final Database database;
    private final CurrentCaller caller;
    private final AuditTrail audit;
    private final ObjectMapper json;
    private final BusinessClock clock;

    public ExportResource(Database database, CurrentCaller caller, ObjectMapper json, AuditTrail audit,
                          BusinessClock clock) {
        this.database = database;
        this.caller = caller;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    @GET
    @Produces({"application/x-ndjson", "text/csv"})
    @RolesAllowed(Roles.ANALYST)
    @Operation(summary = "The municipality's cases with events between two business dates, k-anonymous",
            description = "format=ndjson (default) or csv (UTF-8 with a BOM, for Excel). The range is widened to "
                    + "whole months (from the 1st of from's month to the last day of to's): a narrower range would "
                    + "date the events in it. One line per event of a "
                    + "case, a case's lines together. Columns: case (a pseudonym under a salt drawn for this export "
                    + "only), householdPseudonym (the household (世帯) the case is in now, a pseudonym under the same "
                    + "export's salt: one household's members share it within this export, another export gives "
                    + "another; null when the case is in no household, or when fewer than k households of the "
                    + "export have members whose released records are, taken together, the same multiset as its "
                    + "members': a household is k-anonymous as one record, or not named), then the case's "
                    + "quasi-identifiers: received "
                    + "(the referral's month 2024-05, fiscal "
                    + "quarter FY2024-Q1 = April–June, fiscal year FY2024, or null), area (or null), ageBand (an "
                    + "AgeBand code, or AGE_0_17 / AGE_18_39 / AGE_40_64 / AGE_65_PLUS, or null), concerns (the "
                    + "referral's concern codes, sorted, or null); and per line eventType, daysFromReceipt (calendar "
                    + "days from receipt to the event as a band: 0, 1-7, 8-30, 31-90, 91-180, 181-365, 366+, <0 "
                    + "when dated before it, or null), fields, meetingType, outcome (not for a 支援会議), planType, "
                    + "summary (the history line in Japanese, no id). k-anonymity per case: every released case's "
                    + "whole record (all its columns but case, over all its lines) is the same, value for value, as "
                    + "that of at least k − 1 "
                    + "other released cases of the export (k = " + Suppression.THRESHOLD + ", the published figures' "
                    + "suppression threshold); one level of generalisation for the whole export (the finest that "
                    + "keeps at least 95% of what the coarsest would), and cases whose record is still rarer than k "
                    + "are left out whole "
                    + "(Tsunagu-Suppressed-Cases says how many). No date, agency, plan, meeting or recording time is "
                    + "exported. No personal field is part of the projection.")
    @APIResponse(responseCode = "200", description = "One line per case event, each released case's lines together",
            headers = @Header(name = "Tsunagu-Suppressed-Cases", description = "Cases with events in the range "
                    + "left out because fewer than k cases share their record",
                    schema = @Schema(type = SchemaType.INTEGER)),
            content = {
                    @Content(mediaType = "application/x-ndjson", schema = @Schema(type = SchemaType.STRING,
                            description = "One JSON object per line: the columns named above")),
                    @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING,
                            description = "UTF-8 with a BOM; a header line of the columns"))})
    @Audited(value = "export-events", resource = "events/{from}..{to}")
    public Uni<Response> export(@QueryParam("from") String from, @QueryParam("to") String to,
                                @QueryParam("format") String format) {
        LocalDate today = clock.today();
        LocalDate[] months = ExportGeneraliser.wholeMonths(Params.date(from, "from", today.minusYears(1)),
                Params.date(to, "to", today));
        LocalDate f = months[0];
        LocalDate t = months[1];
        String fmt = format == null ? "ndjson" : format;
        if (!fmt.equals("ndjson") && !fmt.equals("csv")) {
            throw ApiProblem.validation(List.of(new FieldError("format", "ndjson or csv")));
        }
        Pseudonymizer pseudonyms = Pseudonymizer.forOneExport();
        return audit.around(caller.get(), "export-events", "events/" + f + ".." + t,
                database.list("""
                        select e.case_id, r.business_date as received_on, r.area, r.age_band, r.concerns,
                               e.event_type, e.business_date, e.fields, e.meeting_type, e.outcome, e.plan_type,
                               case when e.coded then e.summary end as summary
                          from case_event e
                          left join case_event r on r.case_id = e.case_id
                                                and r.event_type = 'jp.tsunagu.intake.referral-received.v1'
                         where e.municipality = $1 and e.business_date between $2 and $3
                         order by e.recorded_at, e.event_id""", ExportResource::line, caller.get().municipality(), f, t)
                .chain(rows -> database.list("""
                                select case_id, household_id from case_fact
                                 where municipality = $1 and household_id is not null""",
                        row -> Map.entry(row.getString("case_id"), row.getString("household_id")),
                        caller.get().municipality()).map(households -> {
                    Map<String, String> householdOf = new java.util.HashMap<>();
                    households.forEach(h -> householdOf.put(h.getKey(), h.getValue()));
                    return Map.entry(rows, householdOf);
                }))
                .map(rowsAndHouseholds -> {
                    List<ExportGeneraliser.CaseLine> rows = rowsAndHouseholds.getKey();
                    Map<String, String> householdOf = rowsAndHouseholds.getValue();
                    ExportGeneraliser.Release release = ExportGeneraliser.release(rows, Suppression.THRESHOLD);
                    // in the order of their records, and within a record by pseudonym: the same record's cases
                    // come in a new order in each export, so no row's place joins two exports either
                    // a household is named only when k households of the export look alike (HouseholdRelease)
                    Map<String, String> householdOfCase = HouseholdRelease.pseudonyms(release, householdOf,
                            pseudonyms);
                    Map<String, String> householdPseudonyms = new java.util.HashMap<>();
                    List<Map.Entry<String, ExportGeneraliser.Record>> cases = release.cases().stream()
                            .map(c -> {
                                String pseudonym = pseudonyms.pseudonym(c.caseId());
                                householdPseudonyms.put(pseudonym, householdOfCase.get(c.caseId()));
                                return Map.entry(pseudonym, c.record());
                            })
                            .sorted(Comparator.comparing((Map.Entry<String, ExportGeneraliser.Record> c)
                                    -> c.getValue().toString()).thenComparing(Map.Entry::getKey))
                            .toList();
                    boolean csv = fmt.equals("csv");
                    StringBuilder out = new StringBuilder(csv ? "\uFEFF" + String.join(",", COLUMNS) + "\r\n" : "");
                    for (Map.Entry<String, ExportGeneraliser.Record> c : cases) {
                        ExportGeneraliser.Record r = c.getValue();
                        for (ExportGeneraliser.Line l : r.lines()) {
                            Map<String, Object> line = new LinkedHashMap<>();
                            line.put("case", c.getKey());
                            line.put("householdPseudonym", householdPseudonyms.get(c.getKey()));
                            line.put("received", r.received());
                            line.put("area", r.area());
                            line.put("ageBand", r.ageBand());
                            line.put("concerns", r.concerns());
                            line.put("eventType", l.eventType());
                            line.put("daysFromReceipt", l.daysFromReceipt());
                            line.put("fields", l.fields());
                            line.put("meetingType", l.meetingType());
                            line.put("outcome", l.outcome());
                            line.put("planType", l.planType());
                            line.put("summary", l.summary());
                            out.append(csv ? csvLine(line) : jsonLine(line)).append(csv ? "\r\n" : "\n");
                        }
                    }
                    String file = "tsunagu-events-" + caller.get().municipality() + "-" + f + "_" + t
                            + (csv ? ".csv" : ".ndjson");
                    return Response.ok(out.toString(), csv ? "text/csv; charset=UTF-8"
                                    : "application/x-ndjson; charset=UTF-8")
                            .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
                            .header("Tsunagu-Suppressed-Cases", release.suppressedCases()).build();
                }));
    }

    private static ExportGeneraliser.CaseLine line(Row row) {
        return new ExportGeneraliser.CaseLine(row.getString("case_id"), row.getLocalDate("received_on"),
                row.getString("area"), row.getString("age_band"), row.getString("concerns"),
                row.getString("event_type"), row.getLocalDate("business_date"), row.getString("fields"),
                row.getString("meeting_type"), row.getString("outcome"), row.getString("plan_type"),
                row.getString("summary"));
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
