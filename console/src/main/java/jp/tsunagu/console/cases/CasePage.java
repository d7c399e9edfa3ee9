package jp.tsunagu.console.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jp.tsunagu.console.services.Answer;
import jp.tsunagu.console.services.CaseQuery;
import jp.tsunagu.console.services.IntakeApi;
import jp.tsunagu.console.services.NotVisible;
import jp.tsunagu.console.services.RoutingApi;
import jp.tsunagu.console.services.Service;
import jp.tsunagu.console.services.ServiceCalls;
import jp.tsunagu.console.signin.Csrf;
import jp.tsunagu.console.signin.Municipalities;
import jp.tsunagu.console.signin.SignedIn;
import jp.tsunagu.console.web.Ids;
import jp.tsunagu.console.view.FormErrors;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.net.URI;

/**
 * 案件: a case's status timeline (intake), why routing chose the agency and whether her answer is awaited (routing),
 * the answer form, and, on request, the person's details (each read audited by intake).
 */
@Path("/{municipality}/cases/{caseId}")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class CasePage {

    private final Template page;
    private final Template personPage;
    private final IntakeApi intake;
    private final RoutingApi routing;
    private final ServiceCalls calls;
    private final Csrf csrf;
    private final Municipalities municipalities;
    private final ObjectMapper json;
    private final SignedIn staff;
    private final CaseHousehold household;
    private final CaseReads reads;

    public CasePage(@Location("case.html") Template page, @Location("person.html") Template personPage,
                    @RestClient IntakeApi intake, @RestClient RoutingApi routing, ServiceCalls calls, Csrf csrf,
                    Municipalities municipalities, ObjectMapper json, SignedIn staff, CaseHousehold household,
                    CaseReads reads) {
        this.staff = staff;
        this.reads = reads;
        this.household = household;
        this.page = page;
        this.personPage = personPage;
        this.intake = intake;
        this.routing = routing;
        this.calls = calls;
        this.csrf = csrf;
        this.municipalities = municipalities;
        this.json = json;
    }


    @GET
    public TemplateInstance show(@PathParam("municipality") String municipality, @PathParam("caseId") String caseId,
                                 @BeanParam CaseNotices notices) {
        Ids.requireCase(caseId);
        return view(municipality, caseId, FormErrors.NONE, "").data("sent", notices.sent != null)
                .data("answered", notices.answered).data("duplicateDecided", notices.duplicate)
                .data("householdDone", notices.household);
    }

    /** 同じ世帯として登録 (世帯候補): on to the household's page. */
    @POST
    @Path("/household/link")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response linkHousehold(@PathParam("municipality") String municipality,
                                  @PathParam("caseId") String caseId, MultivaluedMap<String, String> form) {
        csrf.check(form.getFirst(Csrf.FIELD));
        Ids.requireCase(caseId);
        CaseHousehold.Done done = household.link(caseId, form);
        if (done.answer().ok()) {
            return Response.seeOther(URI.create(done.householdId() == null
                    ? "/" + municipality + "/cases/" + caseId + "?household=linked"
                    : "/" + municipality + "/households/" + done.householdId() + "?done=linked")).build();
        }
        return refused(municipality, caseId, CaseHousehold.refused("link", form, done.answer()), done.answer());
    }

    /** 別世帯: the suggestion is not offered again. */
    @POST
    @Path("/household/dismissal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response dismissHousehold(@PathParam("municipality") String municipality,
                                     @PathParam("caseId") String caseId, MultivaluedMap<String, String> form) {
        csrf.check(form.getFirst(Csrf.FIELD));
        Ids.requireCase(caseId);
        CaseHousehold.Done done = household.dismiss(caseId, form);
        if (done.answer().ok()) {
            return Response.seeOther(URI.create("/" + municipality + "/cases/" + caseId + "?household=dismissed"))
                    .build();
        }
        return refused(municipality, caseId, CaseHousehold.refused("dismissal", form, done.answer()), done.answer());
    }

    /** 世帯から外す, with the reason intake requires. */
    @POST
    @Path("/household/unlinking")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response unlinkHousehold(@PathParam("municipality") String municipality,
                                    @PathParam("caseId") String caseId, MultivaluedMap<String, String> form) {
        csrf.check(form.getFirst(Csrf.FIELD));
        Ids.requireCase(caseId);
        CaseHousehold.Done done = household.unlink(caseId, form);
        if (done.answer().ok()) {
            return Response.seeOther(URI.create("/" + municipality + "/cases/" + caseId + "?household=unlinked"))
                    .build();
        }
        return refused(municipality, caseId, CaseHousehold.refused("unlinking", form, done.answer()), done.answer());
    }

    /** The case page again, the refused form keeping what she typed beside what intake said. */
    private Response refused(String municipality, String caseId, HouseholdSection.Sent sent, Answer answer) {
        // a case intake does not know (404) is said in the form too: the page itself is this case's
        return Response.status(answer.status() == 409 ? 409 : 400).entity(view(municipality, caseId, FormErrors.NONE, "", sent)
                .data("sent", false).data("answered", null).data("householdDone", null)).build();
    }

    @POST
    @Path("/answer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response answer(@PathParam("municipality") String municipality, @PathParam("caseId") String caseId,
                           MultivaluedMap<String, String> form) {
        csrf.check(form.getFirst(Csrf.FIELD));
        Ids.requireCase(caseId);
        String decision = form.getFirst("decision");
        String reason = form.getFirst("reason") == null ? "" : form.getFirst("reason");
        ObjectNode body = json.createObjectNode();
        if ("accept".equals(decision) || "decline".equals(decision)) {
            body.put("accepted", "accept".equals(decision));
        }
        if (!reason.isBlank()) {
            body.put("reason", reason);
        }
        Answer answer = calls.call(Service.ROUTING, () -> routing.answer(caseId, body));
        if (answer.status() == 404) {
            throw new NotVisible();
        }
        if (answer.ok() && "accept".equals(decision)) {
            reads.awaitAcceptance(caseId);
            return Response.seeOther(URI.create("/" + municipality + "/cases/" + caseId + "?answered=accepted"))
                    .build();
        }
        if (answer.ok()) {
            // declined, the case goes on to another agency or to coordination and leaves her view: her inbox says so
            return Response.seeOther(URI.create("/" + municipality + "/inbox?state=declined&answered=declined"))
                    .build();
        }
        // the reason typed stays in the form beside what routing said about it
        return Response.status(answer.status() == 409 ? 409 : 400)
                .entity(view(municipality, caseId, new FormErrors(answer.fieldErrors()), reason).data("sent", false)
                        .data("answered", null).data("householdDone", null))
                .build();
    }

    @GET
    @Path("/person")
    public Response person(@PathParam("municipality") String municipality, @PathParam("caseId") String caseId,
                           @HeaderParam("Sec-Fetch-Site") String fetchSite) {
        Ids.requireCase(caseId);
        if (Ids.fromAnotherSite(fetchSite)) {
            // a link from another site must not make an audited read in her name: the case page first
            return Response.seeOther(URI.create("/" + municipality + "/cases/" + caseId)).build();
        }
        Answer answer = calls.call(Service.INTAKE, () -> intake.person(caseId));
        if (answer.status() == 410) {
            return Response.status(410).entity(personPage.data("m", municipality).data("caseId", caseId)
                    .data("person", null).data("erased", true)).build();
        }
        if (!answer.ok()) {
            throw new NotVisible();
        }
        return Response.ok(personPage.data("m", municipality).data("caseId", caseId)
                .data("person", tree(answer.body())).data("erased", false)).build();
    }

    private TemplateInstance view(String municipality, String caseId, FormErrors errors, String reason) {
        return view(municipality, caseId, errors, reason, HouseholdSection.Sent.NONE);
    }

    private TemplateInstance view(String municipality, String caseId, FormErrors errors, String reason,
                                  HouseholdSection.Sent householdSent) {
        CaseReads.Read read = reads.read(caseId);
        JsonNode status = read.status();
        return page.data("m", municipality)
                .data("c", tree(status))
                .data("routing", read.routing() == null ? null : tree(read.routing()))
                .data("referrer", municipalities.agencyName(municipality, status.path("referringAgencyId")
                        .asText(null)))
                .data("errors", errors)
                .data("reason", reason)
                .data("household", household.section(caseId, status, householdSent))
                .data("listed", staff.isCoordinator() ? listed(status.path("caseNumber").asText(null)) : null);
    }

    /** The case as 案件一覧 shows it to a coordinator (its possible duplicate and the decision on it); null if not. */
    private Object listed(String caseNumber) {
        if (caseNumber == null) {
            return null;
        }
        Answer answer = calls.call(Service.INTAKE, () -> intake.cases(CaseQuery.byNumber(caseNumber)));
        JsonNode items = answer.ok() ? answer.field("items") : null;
        return items != null && items.size() == 1 ? tree(items.get(0)) : null;
    }


    private Object tree(JsonNode node) {
        return json.convertValue(node, Object.class);
    }
}
