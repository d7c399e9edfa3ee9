package jp.tsunagu.console.plans;

import jp.tsunagu.console.services.CaseQuery;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jp.tsunagu.console.services.Answer;
import jp.tsunagu.console.services.IntakeApi;
import jp.tsunagu.console.services.PlanningApi;
import jp.tsunagu.console.services.Service;
import jp.tsunagu.console.services.ServiceCalls;
import jp.tsunagu.console.signin.Csrf;
import jp.tsunagu.contract.codes.CaseStatus;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * プラン (coordinators): the plans past their review date first (planning's {@code GET /plans?overdue=true}), then
 * the cases with a plan in progress (intake's {@code GET /cases?status=PLAN_ACTIVE}, 50 a page): planning keeps no
 * list of every plan, so a case's plans are one click further.
 */
@Path("/{municipality}/plans")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class PlanListPage {

    static final int PAGE = 50;
    /** Overdue plans whose 受付番号 is asked of intake one by one, at most (the rest link as 案件を開く). */
    static final int NAMED_ONE_BY_ONE = 20;

    private final Template page;
    private final PlanningApi planning;
    private final IntakeApi intake;
    private final ServiceCalls calls;
    private final Csrf csrf;

    public PlanListPage(@Location("plans/plans.html") Template page, @RestClient PlanningApi planning,
                        @RestClient IntakeApi intake, ServiceCalls calls, Csrf csrf) {
        this.page = page;
        this.planning = planning;
        this.intake = intake;
        this.calls = calls;
        this.csrf = csrf;
    }

    @GET
    public TemplateInstance list(@PathParam("municipality") String municipality, @QueryParam("cursor") String cursor,
                                 @QueryParam("announced") Integer announced) {
        JsonNode overdue = calls.read(Service.PLANNING, () -> planning.overdue(true));
        JsonNode cases = calls.read(Service.INTAKE, () -> intake.cases(
                CaseQuery.inStatus(CaseStatus.PLAN_ACTIVE.name(), PAGE, cursor)));
        Map<String, String> numbers = new HashMap<>(PlanRows.caseNumbers(cases));
        for (String caseId : PlanRows.unnamedCases(overdue, numbers, NAMED_ONE_BY_ONE)) {
            Answer status = calls.call(Service.INTAKE, () -> intake.status(caseId));
            if (status.ok() && status.field("caseNumber").isTextual()) {
                numbers.put(caseId, status.field("caseNumber").asText());
            }
        }
        List<PlanRows.Overdue> late = PlanRows.overdue(overdue, numbers);
        return page.data("m", municipality)
                .data("overdue", cursor == null ? late : List.of())
                .data("inProgress", PlanRows.inProgress(cases, late))
                .data("next", cases.path("next").asText(null))
                .data("firstPage", cursor == null)
                .data("announced", announced);
    }

    /** Announce now the plans due for review (planning's daily check, run on request). */
    @POST
    @Path("/review-check")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reviewCheck(@PathParam("municipality") String municipality, MultivaluedMap<String, String> form) {
        csrf.check(form.getFirst(Csrf.FIELD));
        JsonNode answer = calls.read(Service.PLANNING, planning::reviewCheck);
        return Response.seeOther(URI.create("/" + municipality + "/plans?announced="
                + answer.path("announced").asInt())).build();
    }
}
