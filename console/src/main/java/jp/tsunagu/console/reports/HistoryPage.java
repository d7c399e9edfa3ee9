package jp.tsunagu.console.reports;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.tsunagu.console.services.Answer;
import jp.tsunagu.console.services.IntakeApi;
import jp.tsunagu.console.services.NotVisible;
import jp.tsunagu.console.services.Refused;
import jp.tsunagu.console.services.ReportingApi;
import jp.tsunagu.console.services.Service;
import jp.tsunagu.console.web.Ids;
import jp.tsunagu.console.services.ServiceCalls;
import jp.tsunagu.console.view.FormErrors;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * ケースの経過 (coordinators): every event of a case across the stages, in causal order, as reporting keeps them
 * without any personal field; {@code ?asOf=} shows the case as it stood on that day. Found by 受付番号 from 集計 ({@link HistoryFinder}).
 */
@Path("/{municipality}/cases/{caseId}/history")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class HistoryPage {


    /** The stage each service's events are about, as the page names it. */
    private static final Map<String, String> STAGES = Map.of("intake-service", "受付", "routing-service", "つなぎ",
            "meeting-service", "会議", "planning-service", "プラン");

    /** One line of the history. */
    @TemplateData
    public record Line(String businessDate, String recordedAt, String stage, String summary, String agency) {
    }

    private final Template history;
    private final ReportingApi reporting;
    private final IntakeApi intake;
    private final ServiceCalls calls;

    public HistoryPage(@Location("reports/history.html") Template history, @RestClient ReportingApi reporting,
                       @RestClient IntakeApi intake, ServiceCalls calls) {
        this.history = history;
        this.reporting = reporting;
        this.intake = intake;
        this.calls = calls;
    }

    @GET
    public Response history(@PathParam("municipality") String municipality, @PathParam("caseId") String caseId,
                            @QueryParam("asOf") String asOf) {
        Ids.requireCase(caseId);
        String day = asOf == null ? "" : asOf.strip();
        Answer answer = calls.call(Service.REPORTING, () -> reporting.history(caseId, day.isEmpty() ? null : day));
        if (answer.status() == 404) {
            throw new NotVisible();
        }
        FormErrors errors = FormErrors.NONE;
        if (answer.status() == 400) {
            errors = new FormErrors(answer.fieldErrors(), Map.of("asOf", "時点"));
        } else if (!answer.ok()) {
            throw new Refused(answer.status());
        }
        Answer status = calls.call(Service.INTAKE, () -> intake.status(caseId));
        return Response.status(errors.any() ? 400 : 200).entity(history.data("m", municipality).data("tab", "history")
                .data("caseId", caseId)
                .data("caseNumber", status.ok() ? status.field("caseNumber").asText(null) : null)
                .data("asOf", day).data("errors", errors)
                .data("lines", errors.any() ? List.of() : lines(answer.body()))).build();
    }

    static List<Line> lines(JsonNode entries) {
        List<Line> lines = new ArrayList<>();
        for (JsonNode e : entries) {
            String source = e.path("source").asText("");
            String service = source.substring(source.lastIndexOf('/') + 1);
            lines.add(new Line(e.path("businessDate").asText(""), e.path("recordedAt").asText(""),
                    STAGES.getOrDefault(service, service), e.path("summary").asText(""),
                    e.path("agencyName").asText(e.path("agencyId").asText(null))));
        }
        return lines;
    }
}
