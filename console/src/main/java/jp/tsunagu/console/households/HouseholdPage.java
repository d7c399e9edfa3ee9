package jp.tsunagu.console.households;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import jp.tsunagu.console.services.ServiceUnavailable;
import jp.tsunagu.console.signin.Csrf;
import jp.tsunagu.console.signin.Municipalities;
import jp.tsunagu.console.view.FormErrors;
import jp.tsunagu.console.web.Ids;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 世帯 (household): its members' cases with status and who coordinates each, the agencies, plans and meetings, and
 * one timeline, as intake shows them to the reader (a member's person only where she may read that case; intake
 * audits the read). Coordinators take a member out (世帯から外す, with a reason) and reach the household's plan and
 * agenda pages.
 */
@Path("/{municipality}/households/{householdId}")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class HouseholdPage {

    /** The form's labels, for the error summary. */
    static final Map<String, String> LABELS = Map.of("reason", "世帯から外す理由", "caseId", "案件");

    private final Template page;
    private final IntakeApi intake;
    private final ServiceCalls calls;
    private final Csrf csrf;
    private final ObjectMapper json;
    private final PlanningApi planning;
    private final Municipalities municipalities;

    public HouseholdPage(@Location("households/household.html") Template page, @RestClient IntakeApi intake,
                         @RestClient PlanningApi planning, ServiceCalls calls, Csrf csrf, ObjectMapper json,
                         Municipalities municipalities) {
        this.planning = planning;
        this.municipalities = municipalities;
        this.page = page;
        this.intake = intake;
        this.calls = calls;
        this.csrf = csrf;
        this.json = json;
    }

    /** The 世帯から外す form of one member as sent, and what intake said about it (none: no form was sent). */
    @TemplateData
    public record Unlinking(String caseId, FormErrors errors, String reason) {
        static final Unlinking NONE = new Unlinking(null, FormErrors.NONE, "");

        public boolean of(Object memberCaseId) {
            return caseId != null && memberCaseId != null && caseId.equals(memberCaseId.toString());
        }
    }

    @GET
    public Response show(@PathParam("municipality") String municipality,
                         @PathParam("householdId") String householdId, @QueryParam("done") String done,
                         @HeaderParam("Sec-Fetch-Site") String fetchSite) {
        HouseholdIds.require(householdId);
        if (Ids.fromAnotherSite(fetchSite)) {
            // members' names are an audited read in her name: never made by another site's link
            return Response.seeOther(URI.create("/" + municipality + "/")).build();
        }
        return Response.ok(view(municipality, householdId, Unlinking.NONE).data("done", done)).build();
    }

    /** 世帯から外す: one form naming the member (its case) and the reason. */
    @POST
    @Path("/unlinking")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response unlink(@PathParam("municipality") String municipality,
                           @PathParam("householdId") String householdId, MultivaluedMap<String, String> form) {
        csrf.check(form.getFirst(Csrf.FIELD));
        HouseholdIds.require(householdId);
        String caseId = form.getFirst("caseId");
        Ids.requireCase(caseId);
        String reason = form.getFirst("reason") == null ? "" : form.getFirst("reason");
        Answer answer = calls.call(Service.INTAKE, () -> intake.unlinkFromHousehold(householdId, caseId,
                HouseholdRequests.reason(json, reason)));
        if (answer.ok()) {
            return Response.seeOther(URI.create("/" + municipality + "/households/" + householdId + "?done=unlinked"))
                    .build();
        }
        // what she typed stays in the member's form beside what intake said (a member already gone says so too)
        Unlinking refused = new Unlinking(caseId, new FormErrors(answer.fieldErrors(), LABELS), reason);
        return Response.status(answer.status() == 409 || answer.status() == 404 ? 409 : 400)
                .entity(view(municipality, householdId, refused).data("done", null)).build();
    }

    private TemplateInstance view(String municipality, String householdId, Unlinking unlinking) {
        JsonNode household = calls.read(Service.INTAKE, () -> intake.household(householdId));
        return page.data("m", municipality)
                .data("householdId", householdId)
                .data("h", json.convertValue(HouseholdScreen.numbered(household), Object.class))
                .data("plans", plans(municipality, householdId, household))
                .data("unlinking", unlinking);
    }

    /**
     * planning's plans of the household (type, status, subjects, roles); null when planning does not answer or knows
     * no such household yet: the page then lists the plans intake folded from the plan events (h.plans).
     */
    private List<HouseholdPlans.Row> plans(String municipality, String householdId, JsonNode household) {
        Answer answer;
        try {
            answer = calls.call(Service.PLANNING, () -> planning.ofHousehold(householdId));
        } catch (ServiceUnavailable e) {
            return null;
        }
        if (!answer.ok() || answer.body() == null || !answer.body().isArray()) {
            return null;
        }
        Map<String, String> names = new LinkedHashMap<>();
        municipalities.of(municipality).ifPresent(d -> d.agencies().forEach(a -> names.put(a.id(), a.name())));
        return HouseholdPlans.of(answer.body(), household, names);
    }
}
