package jp.tsunagu.reporting.figures;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.tsunagu.contract.codes.CaseStatus;
import jp.tsunagu.contract.codes.Channel;
import jp.tsunagu.contract.codes.Coded;
import jp.tsunagu.contract.codes.Concern;
import jp.tsunagu.contract.codes.Field;
import jp.tsunagu.contract.codes.FiscalYear;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.PlanType;
import jp.tsunagu.contract.codes.Urgency;
import jp.tsunagu.contract.directory.AgencyDirectory;
import jp.tsunagu.support.clock.BusinessClock;
import jp.tsunagu.support.directory.AgencyDirectories;
import jp.tsunagu.support.problem.ApiProblem;
import jp.tsunagu.support.problem.FieldError;
import jp.tsunagu.support.security.CurrentCaller;
import jp.tsunagu.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@jakarta.ws.rs.Path("/reports")
@Tag(name = "Reports", description = "The fiscal-year figures, counted from the event log by business date")
public class ReportResource {

    private final FiguresRepository figures;
    private final CurrentCaller caller;
    private final Map<String, AgencyDirectory> directories;
    private final BusinessClock clock;

    public ReportResource(FiguresRepository figures, CurrentCaller caller, AgencyDirectories directories,
                          BusinessClock clock) {
        this.figures = figures;
        this.caller = caller;
        this.directories = directories.view();
        this.clock = clock;
    }

    @GET
    @jakarta.ws.rs.Path("/fiscal-years")
    @Produces({MediaType.APPLICATION_JSON, "text/csv", MediaType.TEXT_HTML})
    @RolesAllowed({Roles.COORDINATOR, Roles.ANALYST})
    @Operation(summary = "The year table of seed 000: JSON by default, Accept text/csv or text/html for the table",
            description = "from/to: 2024 or R6; default the current fiscal year. held = meetings whose minutes have "
                    + "heldOn in the year; casesHandled = reviews in those minutes (延べ); distinctCases; made = plans "
                    + "created plus revisions in the year; replans = the revisions; closed = closures in the year; "
                    + "each counted by plan (a household's plan, one planId, counts once). Per year also the "
                    + "households (世帯): casesSupported, householdsSupported (支援世帯数), multiCaseHouseholds, "
                    + "householdsWithPlan, casesPerHousehold (one decimal, null without households). The CSV keeps "
                    + "seed 000's rows; the HTML adds the households' rows.")
    @APIResponse(responseCode = "200", description = "The table", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = YearTable.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING,
                    description = "UTF-8 with a BOM: 区分,項目,令和3年度,…")),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING))})
    public Uni<Response> fiscalYears(@QueryParam("from") String from, @QueryParam("to") String to,
                                     @HeaderParam("Accept") String accept) {
        String wanted = accept == null ? "" : accept;
        return years(from, to).map(years -> {
            if (wanted.contains("text/csv")) {
                // a BOM, so that Excel opens the Japanese as UTF-8; a file name for the download
                return Response.ok("\uFEFF" + FiscalYearTable.csv(years), "text/csv; charset=UTF-8")
                        .header("Content-Disposition", "attachment; filename=\"tsunagu-fiscal-years-"
                                + caller.get().municipality() + (years.isEmpty() ? "" : "-" + years.getFirst().code()
                                + "_" + years.getLast().code()) + ".csv\"").build();
            }
            if (wanted.contains("text/html")) {
                return Response.ok(FiscalYearTable.html(municipalityName(), years), "text/html; charset=UTF-8").build();
            }
            return Response.ok(new YearTable(caller.get().municipality(), municipalityName(), years),
                    MediaType.APPLICATION_JSON).build();
        });
    }

    @GET
    @jakarta.ws.rs.Path("/cases")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COORDINATOR, Roles.ANALYST})
    @Operation(summary = "Referrals by channel, urgency, concern and field; routing outcomes by agency; median days "
            + "to routing, first meeting and first plan; the households supported; cases by current stage (exact "
            + "counts)",
            description = "fiscalYear: 2024 or R6; default the current one. year.casesSupported, "
                    + "year.householdsSupported (支援世帯数), year.multiCaseHouseholds, year.householdsWithPlan, "
                    + "year.casesPerHousehold as in the year table; labels.households names them in Japanese. "
                    + "Definitions in the README (Figures).")
    public Uni<Map<String, Object>> cases(@QueryParam("fiscalYear") String fiscalYear) {
        FiscalYear year = year(fiscalYear, "fiscalYear", currentYear());
        String municipality = caller.get().municipality();
        return figures.facts(municipality, year, year).map(f -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("municipality", municipality);
            body.put("year", CaseFigures.compute(year, f));
            body.put("stages", CaseFigures.stages(f.stages()));
            body.put("labels", LABELS);
            return body;
        });
    }

    /** The Japanese labels of the codes in these figures, for pages that show them to people. */
    private static final Map<String, Map<String, String>> LABELS = Map.of(
            "stages", Coded.labels(CaseStatus.class), "channels", Coded.labels(Channel.class),
            "concerns", Coded.labels(Concern.class), "fields", Coded.labels(Field.class),
            "urgencies", Coded.labels(Urgency.class), "meetingTypes", Coded.labels(MeetingType.class),
            "planTypes", Coded.labels(PlanType.class), "households", FigureDefinitions.HOUSEHOLD_LABELS);

    @GET
    @jakarta.ws.rs.Path("/portal")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PORTAL, Roles.COORDINATOR})
    @Operation(summary = "The figures as published to the portal: counts of 1 to 9 shown as \"*\"",
            description = "Every count of cases or people from 1 to 9 is replaced by \"*\" (0 and 10 or more are "
                    + "shown); in a breakdown with a published total, one more cell is suppressed when only one is, "
                    + "so it cannot be recovered by subtraction; medians over fewer than 10 cases are null. Meetings "
                    + "held are shown as they are. Counts are strings. The households' counts are cells like the "
                    + "others; casesPerHousehold is null unless householdsSupported is 10 or more.")
    public Uni<Map<String, Object>> portal(@QueryParam("fiscalYear") String fiscalYear) {
        FiscalYear year = year(fiscalYear, "fiscalYear", currentYear());
        String municipality = caller.get().municipality();
        return figures.facts(municipality, year, year).map(f -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("municipality", municipality);
            body.put("suppressionMark", Suppression.MARK);
            body.put("year", Suppression.publish(FiscalYearFigures.compute(year, year, f.activity()).get(0), CaseFigures.compute(year, f)));
            body.put("stages", Suppression.stages(CaseFigures.stages(f.stages())));
            return body;
        });
    }

    private String municipalityName() {
        return Optional.ofNullable(directories.get(caller.get().municipality()))
                .map(AgencyDirectory::municipalityName).orElse(caller.get().municipality());
    }

    /** The fiscal year of today's business date (from April 1 in Japan): every report's default. */
    private FiscalYear currentYear() {
        return FiscalYear.of(clock.today());
    }

    /** The year table as JSON: the municipality and its years, each with R6 as {@code code} and 令和6年度 as {@code label}. */
    @Schema(name = "FiscalYearTable")
    public record YearTable(String municipality, String municipalityName, List<FiscalYearFigures.Year> years) {
    }

    private Uni<List<FiscalYearFigures.Year>> years(String from, String to) {
        FiscalYear current = currentYear();
        FiscalYear f = year(from, "from", current);
        FiscalYear t = year(to, "to", f.compareTo(current) > 0 ? f : current);
        if (t.compareTo(f) < 0 || t.year() - f.year() > 20) {
            throw ApiProblem.validation(List.of(new FieldError("to", "must be from to 20 years after from")));
        }
        return figures.years(caller.get().municipality(), f, t);
    }

    private static FiscalYear year(String value, String field, FiscalYear fallback) {
        try {
            return value == null ? fallback : FiscalYear.parse(value);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.validation(List.of(new FieldError(field, e.getMessage())));
        }
    }
}
