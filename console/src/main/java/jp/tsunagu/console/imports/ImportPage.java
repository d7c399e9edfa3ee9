package jp.tsunagu.console.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.tsunagu.console.services.Answer;
import jp.tsunagu.console.services.CaseQuery;
import jp.tsunagu.console.services.IntakeApi;
import jp.tsunagu.console.services.NotVisible;
import jp.tsunagu.console.services.Refused;
import jp.tsunagu.console.services.Service;
import jp.tsunagu.console.services.ServiceCalls;
import jp.tsunagu.console.services.ServiceUnavailable;
import jp.tsunagu.console.signin.Csrf;
import jp.tsunagu.console.signin.SignedIn;
import jp.tsunagu.console.web.Ids;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;

/**
 * 台帳取込 (coordinators only): the upload form with the templates and the past imports, and one import's page
 * (state, progress, what would be created, problems, possible duplicates). The file's bytes go to intake as they are,
 * with her token; intake reads, checks and imports, the console only shows what it says.
 */
@Path("/{municipality}/imports")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ImportPage {

    private final Template form;
    private final Template job;
    private final Template error;
    private final IntakeApi intake;
    private final ServiceCalls calls;
    private final Csrf csrf;
    private final SignedIn staff;
    private final ObjectMapper json;

    public ImportPage(@Location("imports/imports.html") Template form, @Location("imports/import.html") Template job,
                      @Location("error.html") Template error, @RestClient IntakeApi intake, ServiceCalls calls,
                      Csrf csrf, SignedIn staff, ObjectMapper json) {
        this.form = form;
        this.job = job;
        this.error = error;
        this.intake = intake;
        this.calls = calls;
        this.csrf = csrf;
        this.staff = staff;
        this.json = json;
    }

    /** Anyone but a coordinator gets the console's 403 page, never a form intake would refuse. */
    static void requireCoordinator(SignedIn staff) {
        if (!staff.isCoordinator()) {
            throw new Refused(403);
        }
    }

    @GET
    public TemplateInstance show(@PathParam("municipality") String municipality) {
        requireCoordinator(staff);
        JsonNode past = calls.read(Service.INTAKE, intake::imports);
        return formPage(municipality, ImportScreen.listed(past), null, null, ImportUpload.of(null, null, null));
    }

    /** The form: the file and her choices, forwarded as they are; then the import's page. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@PathParam("municipality") String municipality, @BeanParam ImportForm sent) {
        csrf.check(sent.csrf);
        requireCoordinator(staff);
        ImportUpload choices = sent.choices();
        FileUpload file = sent.file;
        if (file == null || file.uploadedFile() == null || file.fileName() == null || file.fileName().isBlank()) {
            return refused(municipality, 400, "取り込むファイルを選んでください。", null, choices);
        }
        if (file.size() == 0) {
            return refused(municipality, 400, "選んだファイルが空です（0バイト）。ファイルを確かめてください。", null,
                    choices);
        }
        byte[] bytes = read(file);
        Answer answer = calls.call(Service.INTAKE, () -> choices.send(intake, file.fileName(), bytes));
        if (answer.ok()) {
            String id = ImportUpload.startedId(answer.body(), null);
            if (id == null) {
                throw new ServiceUnavailable(Service.INTAKE, null); // a 2xx without the job: not an answer we know
            }
            return Response.seeOther(URI.create("/" + municipality + "/imports/" + id)).build();
        }
        int status = answer.status() == 413 || answer.status() == 409 || answer.status() == 403
                || answer.status() == 401 || answer.status() == 429 ? answer.status() : 400;
        return refused(municipality, status, ImportUpload.refusal(answer), ImportUpload.runningId(answer), choices);
    }

    private static byte[] read(FileUpload file) {
        try {
            return Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the console's own temporary file: its 500 page, no file content
        }
    }

    /** The form again with intake's refusal on top and her choices kept (the file must be chosen again). */
    private Response refused(String municipality, int status, String message, String runningId, ImportUpload choices) {
        JsonNode past;
        try {
            Answer list = calls.call(Service.INTAKE, intake::imports);
            past = list.ok() ? list.body() : null;
        } catch (ServiceUnavailable e) {
            past = null;
        }
        return Response.status(status)
                .entity(formPage(municipality, past == null ? null : ImportScreen.listed(past), message, runningId,
                        choices))
                .build();
    }

    private TemplateInstance formPage(String municipality, Object past, String error, String runningId,
                                      ImportUpload choices) {
        return form.data("m", municipality)
                .data("past", past == null ? null : json.convertValue(past, Object.class))
                .data("error", error)
                .data("runningId", runningId)
                .data("choices", choices);
    }

    @GET
    @Path("/{importId}")
    public Response job(@PathParam("municipality") String municipality, @PathParam("importId") String importId) {
        requireCoordinator(staff);
        Answer found = ImportUpload.validId(importId) ? calls.call(Service.INTAKE, () -> intake.importJob(importId))
                : new Answer(404, null);
        if (found.status() == 404) {
            // not the console's "この案件は表示できません": an import of another city, or an address mistyped
            return Response.status(404).entity(error.data("m", municipality).data("status", 404)
                    .data("title", "この取込は見つかりません")
                    .data("what", "取込が見つからないか、あなたの市の取込ではありません。")
                    .data("next", "台帳取込の画面の「これまでの取込」から開いてください。")).build();
        }
        if (!found.ok()) {
            throw new Refused(found.status());
        }
        return Response.ok(job.data("m", municipality)
                .data("j", json.convertValue(ImportScreen.detail(found.body()), Object.class))).build();
    }

    /** Every problem (row, column, value, reason) and possible duplicate: personal values, coordinators only. */
    @GET
    @Path("/{importId}/report.csv")
    @Produces("text/csv")
    public Response report(@PathParam("importId") String importId) {
        requireCoordinator(staff);
        if (!ImportUpload.validId(importId)) {
            throw new NotVisible();
        }
        String shortId = importId.substring(0, Math.min(8, importId.length()));
        return ImportDownloads.passOn(() -> intake.importReport(importId), "tsunagu-import-" + shortId + ".csv",
                "台帳取込の確認結果_" + shortId + ".csv");
    }


    /**
     * A possible duplicate named by its 受付番号 (intake's report names the existing case so): the case's own page,
     * found through intake's case list.
     */
    @GET
    @Path("/case")
    public Response existingCase(@PathParam("municipality") String municipality,
                                 @QueryParam("number") String caseNumber) {
        requireCoordinator(staff);
        if (caseNumber == null || caseNumber.isBlank() || caseNumber.length() > 40) {
            throw new NotVisible();
        }
        JsonNode items = calls.read(Service.INTAKE, () -> intake.cases(CaseQuery.byNumber(caseNumber.strip())))
                .path("items");
        String caseId = items.size() == 1 ? items.get(0).path("caseId").asText(null) : null;
        Ids.requireCase(caseId);
        return Response.seeOther(URI.create("/" + municipality + "/cases/" + caseId)).build();
    }
}
