package jp.tsunagu.console.plans;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jp.tsunagu.console.services.Answer;
import jp.tsunagu.console.services.IntakeApi;
import jp.tsunagu.console.services.NotVisible;
import jp.tsunagu.console.services.PlanningApi;
import jp.tsunagu.console.services.Service;
import jp.tsunagu.console.web.Ids;
import jp.tsunagu.console.services.ServiceCalls;
import org.eclipse.microprofile.rest.client.inject.RestClient;


/** A case's plans (planning's {@code GET /cases/{caseId}/plans}), each with its type, state and review date. */
@Path("/{municipality}/cases/{caseId}/plans")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class CasePlansPage {


    private final Template page;
    private final PlanningApi planning;
    private final IntakeApi intake;
    private final ServiceCalls calls;
    private final ObjectMapper json;

    public CasePlansPage(@Location("plans/case-plans.html") Template page, @RestClient PlanningApi planning,
                         @RestClient IntakeApi intake, ServiceCalls calls, ObjectMapper json) {
        this.page = page;
        this.planning = planning;
        this.intake = intake;
        this.calls = calls;
        this.json = json;
    }

    @GET
    public TemplateInstance plans(@PathParam("municipality") String municipality,
                                  @PathParam("caseId") String caseId) {
        Ids.requireCase(caseId);
        JsonNode plans = calls.read(Service.PLANNING, () -> planning.ofCase(caseId));
        Answer status = calls.call(Service.INTAKE, () -> intake.status(caseId));
        return page.data("m", municipality).data("caseId", caseId)
                .data("caseNumber", status.ok() ? status.field("caseNumber").asText(null) : null)
                .data("plans", json.convertValue(plans, Object.class));
    }
}
