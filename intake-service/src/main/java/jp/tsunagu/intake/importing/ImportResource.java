package jp.tsunagu.intake.importing;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.tsunagu.intake.importing.check.ImportTemplates;
import jp.tsunagu.support.audit.AuditTrail;
import jp.tsunagu.support.audit.Audited;
import jp.tsunagu.support.clock.BusinessClock;
import jp.tsunagu.support.directory.AgencyDirectories;
import jp.tsunagu.support.problem.ApiProblem;
import jp.tsunagu.support.problem.FieldError;
import jp.tsunagu.support.problem.ProblemType;
import jp.tsunagu.support.security.Caller;
import jp.tsunagu.support.security.CurrentCaller;
import jp.tsunagu.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

@Path("/imports")
@Tag(name = "Imports", description = "台帳取込: a city's existing caseload brought in from its own Excel/CSV list")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.COORDINATOR)
public class ImportResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final ImportRunner runner;
    private final ImportAudit audits;
    private final ImportConfig config;
    private final CurrentCaller caller;
    private final AuditTrail audit;
    private final AgencyDirectories directories;
    private final BusinessClock clock;

    public ImportResource(ImportRunner runner, ImportAudit audits, ImportConfig config, CurrentCaller caller,
                          AuditTrail audit, AgencyDirectories directories, BusinessClock clock) {
        this.runner = runner;
        this.audits = audits;
        this.config = config;
        this.caller = caller;
        this.audit = audit;
        this.directories = directories;
        this.clock = clock;
    }

    static String reportPath(String importId) {
        return "/imports/" + importId + "/report.csv";
    }

    @POST
    @RawUpload
    @Blocking // hashing a file of up to max-bytes is CPU work off the event loop
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Check or import a caseload sheet", description = "The body is the file's raw bytes (.xlsx, "
            + "or CSV in UTF-8 with or without BOM, or Shift_JIS/CP932). Answers 202 at once; the job runs in the "
            + "background (GET the Location to follow it). mode=check changes nothing but the audit; mode=import "
            + "writes the cases only when the sheet checked clean, or with skipBadRows=true (rows with problems "
            + "skipped and listed). Rows imported before (the same 管理番号, or the same file's row) are skipped, so "
            + "the same file again continues an interrupted import. One import at a time per city.")
    @APIResponse(responseCode = "202", description = "Started; Location names it",
            content = @Content(schema = @Schema(implementation = ImportJob.class)))
    @APIResponse(responseCode = "400", description = "No body, or a parameter is invalid")
    @APIResponse(responseCode = "409", description = "An import of the city is running (named in the detail)")
    @APIResponse(responseCode = "413", description = "The file is over tsunagu.import.max-bytes")
    @APIResponse(responseCode = "503", description = "The import could not be recorded (its audit row): nothing "
            + "started, send the file again later")
    public Uni<Response> start(
            @Parameter(description = "check (確認だけ) or import (取込)") @QueryParam("mode") @DefaultValue("check")
            String mode,
            @Parameter(description = "import the good rows of a sheet that has problems")
            @QueryParam("skipBadRows") @DefaultValue("false") String skipBadRows,
            @Parameter(description = "auto, UTF-8 or Shift_JIS (a CSV's character set)")
            @QueryParam("charset") @DefaultValue("auto") String charset,
            @Parameter(description = "the file's name, percent-encoded UTF-8") @HeaderParam("X-File-Name")
            String fileName,
            @RequestBody(required = true, content = {@Content(mediaType = MediaType.APPLICATION_OCTET_STREAM),
                    @Content(mediaType = "text/csv"), @Content(mediaType = XLSX)}) byte[] body) {
        Caller who = caller.get();
        ImportMode importMode = switch (mode.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "check" -> ImportMode.CHECK;
            case "import" -> ImportMode.IMPORT;
            default -> throw invalid("mode", "one of check, import");
        };
        boolean skip = switch (skipBadRows.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid("skipBadRows", "true or false");
        };
        String named = jp.tsunagu.intake.importing.sheet.SheetReader.charsetNamed(charset)
                .orElseThrow(() -> invalid("charset", "one of auto, UTF-8, Shift_JIS"));
        String set = named.equals("auto") ? null : named;
        if (body == null || body.length == 0) {
            throw ApiProblem.badRequest("body-missing", "the file's bytes are required as the body");
        }
        if (body.length > config.maxBytes()) {
            throw new TooLarge("the body has " + body.length + " bytes; at most " + config.maxBytes()
                    + " are accepted");
        }
        RunningImport job = new RunningImport(new RunningImport.Start(UUID.randomUUID().toString(), who.municipality(), name(fileName),
                sha256(body), importMode, skip, who.subject(), clock.now()));
        return runner.start(job, body, set).map(running -> {
            running.ifPresent(other -> {
                throw ApiProblem.conflict("import-running", "import " + other + " of this municipality is still "
                        + "running; start the next when it has finished");
            });
            return Response.accepted(job.view()).location(URI.create("/imports/" + job.importId)).build();
        });
    }

    @GET
    @Path("/{importId}")
    @Operation(summary = "An import: its state, progress, what it would create and its problems",
            description = "problems lists the first 1000 (problemCount counts all; the report CSV has all). The "
                    + "problems quote the sheet's cells and are kept in memory only: after a restart they are gone "
                    + "(stateLabel says to check the file again).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ImportJob.class),
            examples = @ExampleObject(name = "checked", value = """
                    {"importId":"0b5c…","municipality":"402036","fileName":"台帳.csv","format":"CSV",
                     "charset":"Shift_JIS","mode":"CHECK","skipBadRows":false,"state":"CHECK_FAILED",
                     "stateLabel":"問題あり","rows":3,"rowsChecked":3,"rowsWithProblems":1,"rowsDone":0,
                     "created":0,"alreadyImported":0,"skipped":0,
                     "problems":[{"row":3,"column":"受付日","value":"令和5年2月30日",
                                  "reason":"日付として読めません: 令和5年2月30日"}],"problemCount":1,
                     "possibleDuplicates":[],"report":"/imports/0b5c…/report.csv"}""")))
    @APIResponse(responseCode = "404", description = "No such import of your municipality")
    @Audited(value = "read-import", resource = "import/{importId}")
    public Uni<ImportJob> job(@PathParam("importId") String importId) {
        Caller who = caller.get();
        return audit.around(who, "read-import", "import/" + importId, find(who, importId));
    }

    @GET
    @Path("/{importId}/report.csv")
    @Produces("text/csv; charset=UTF-8")
    @Operation(summary = "The import's report as CSV (UTF-8 with BOM): 行,列,値,理由 and the possible duplicates")
    @APIResponse(responseCode = "200", description = "The report", content = @Content(mediaType = "text/csv",
            schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No such import, or its report is no longer held (restart)")
    @Audited(value = "read-import-report", resource = "import/{importId}")
    public Uni<Response> report(@PathParam("importId") String importId) {
        Caller who = caller.get();
        RunningImport job = runner.held(importId).filter(j -> j.municipality.equals(who.municipality()))
                .orElseThrow(() -> ApiProblem.notFound("the report of import " + importId));
        return audit.around(who, "read-import-report", "import/" + importId, Uni.createFrom().item(
                Response.ok(ImportReport.csv(job.problems, job.possibleDuplicates))
                        .header("Content-Disposition", "attachment; filename=\"import-" + importId + ".csv\"")
                        .build()));
    }

    @GET
    @Operation(summary = "The municipality's imports, newest first (the audit: without problems)")
    @APIResponse(responseCode = "200", description = "The imports",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ImportJob.class)))
    public Uni<List<ImportJob>> list() {
        Caller who = caller.get();
        return audits.list(who.municipality(), 200).map(jobs -> jobs.stream()
                .map(j -> runner.held(j.importId()).map(h -> h.view().withoutProblems()).orElse(j)).toList());
    }

    @GET
    @Path("/templates/referrals.xlsx")
    @Produces(XLSX)
    @Operation(summary = "An empty list to fill in: every column, an example row, drop-down lists and a sheet "
            + "「選択肢」 with every label, the city's areas and agencies")
    @APIResponse(responseCode = "200", description = "The .xlsx", content = @Content(mediaType = XLSX,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "The municipality has no directory")
    public Response xlsxTemplate() {
        String municipality = caller.get().municipality();
        var directory = directories.of(municipality)
                .orElseThrow(() -> ApiProblem.notFound("a directory for municipality " + municipality));
        return Response.ok(ImportTemplates.xlsx(directory))
                .header("Content-Disposition", "attachment; filename=\"referrals.xlsx\"").build();
    }

    @GET
    @Path("/templates/referrals.csv")
    @Produces("text/csv; charset=UTF-8")
    @Operation(summary = "The header row and an example row as CSV (UTF-8 with BOM)")
    @APIResponse(responseCode = "200", description = "The CSV", content = @Content(mediaType = "text/csv",
            schema = @Schema(type = SchemaType.STRING)))
    public Response csvTemplate() {
        return Response.ok(ImportTemplates.csv())
                .header("Content-Disposition", "attachment; filename=\"referrals.csv\"").build();
    }

    private Uni<ImportJob> find(Caller who, String importId) {
        var held = runner.held(importId).filter(j -> j.municipality.equals(who.municipality()));
        if (held.isPresent()) {
            return Uni.createFrom().item(held.get().view());
        }
        return audits.find(who.municipality(), importId)
                .map(found -> found.orElseThrow(() -> ApiProblem.notFound("import " + importId)));
    }

    private static String name(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String decoded;
        try {
            decoded = URLDecoder.decode(header.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            decoded = header;
        }
        decoded = decoded.replaceAll("[\\p{Cntrl}]", "").strip();
        return decoded.length() > 300 ? decoded.substring(0, 300) : decoded;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ApiProblem invalid(String field, String message) {
        return ApiProblem.validation(List.of(new FieldError(field, message)));
    }

    /** 413 as a problem document, like the body limit before it (RequestLimits). */
    static final class TooLarge extends ApiProblem {
        TooLarge(String detail) {
            super(new ProblemType(413, "payload-too-large", "Payload too large"), detail, null, null);
        }
    }
}
