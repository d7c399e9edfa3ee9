package jp.tsunagu.console.reports;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.tsunagu.console.services.Answer;
import jp.tsunagu.console.services.CaseQuery;
import jp.tsunagu.console.services.IntakeApi;
import jp.tsunagu.console.services.Refused;
import jp.tsunagu.console.services.Service;
import jp.tsunagu.console.services.ServiceCalls;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.net.URI;

/** 集計's ケースの経過: a case found by its 受付番号, then its history ({@link HistoryPage}). */
@Path("/{municipality}/reports/history")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class HistoryFinder {

    private final Template finder;
    private final IntakeApi intake;
    private final ServiceCalls calls;

    public HistoryFinder(@Location("reports/history-finder.html") Template finder, @RestClient IntakeApi intake,
                         ServiceCalls calls) {
        this.finder = finder;
        this.intake = intake;
        this.calls = calls;
    }

    /** Finds a case by its 受付番号 (intake's {@code GET /cases?caseNumber=}) and opens its history. */
    @GET
    public Response find(@PathParam("municipality") String municipality,
                         @QueryParam("caseNumber") String caseNumber) {
        String typed = caseNumber == null ? "" : caseNumber.strip();
        String message = null;
        if (!typed.isEmpty()) {
            Answer answer = calls.call(Service.INTAKE, () -> intake.cases(CaseQuery.byNumber(typed)));
            if (answer.ok() && !answer.field("items").isEmpty()) {
                return Response.seeOther(URI.create("/" + municipality + "/cases/"
                        + answer.field("items").get(0).path("caseId").asText() + "/history")).build();
            }
            if (answer.status() == 403) {
                throw new Refused(403);
            }
            message = answer.ok() ? "受付番号 " + typed + " の案件はありません。"
                    : answer.fieldErrors().values().stream().findFirst().orElse("受付番号を確認してください。");
        }
        return Response.status(message == null ? 200 : 404).entity(finder.data("m", municipality)
                .data("tab", "history").data("caseNumber", typed).data("message", message)).build();
    }

}
