package jp.tsunagu.console.plans;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
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
import jp.tsunagu.console.services.NotVisible;
import jp.tsunagu.console.services.PlanningApi;
import jp.tsunagu.console.services.Service;
import jp.tsunagu.console.services.ServiceCalls;
import jp.tsunagu.console.services.ServiceUnavailable;
import jp.tsunagu.console.signin.Csrf;
import jp.tsunagu.console.view.FormErrors;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * プラン: a plan with its versions, and what a coordinator does with it: 未記入の補完 (details a plan made at a meeting
 * does not have yet), 再プラン, 終結 and, for a 参加支援プラン, a placement among the ranked resources and its
 * follow-ups. Every change is planning's operation called with her token; a refusal comes back beside the form,
 * with what she typed.
 */
@Path("/{municipality}/plans/{planId}")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class PlanPage {

    /** Plan and placement ids are planning's (p-…, pl-…): anything else is no plan and never passed on. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,80}");

    private final PlanScreen screen;
    private final Template unsent;
    private final PlanningApi planning;
    private final ServiceCalls calls;
    private final Csrf csrf;
    private final ObjectMapper json;

    public PlanPage(PlanScreen screen, @Location("plans/unsent.html") Template unsent,
                    @RestClient PlanningApi planning, ServiceCalls calls, Csrf csrf, ObjectMapper json) {
        this.screen = screen;
        this.unsent = unsent;
        this.planning = planning;
        this.calls = calls;
        this.csrf = csrf;
        this.json = json;
    }

    @GET
    public Response show(@PathParam("municipality") String municipality, @PathParam("planId") String planId,
                         @QueryParam("done") String done) {
        requireId(planId);
        return Response.ok(screen.render(municipality, planId, PlanScreen.Attempt.NONE).data("done", done)).build();
    }

    @POST
    @Path("/details")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response complete(@PathParam("municipality") String municipality, @PathParam("planId") String planId,
                             MultivaluedMap<String, String> form) {
        PlanForm typed = PlanForm.from(checked(form, planId));
        return send(municipality, planId, new Sending("details", "completed", typed.withSpareRows(), typed::onForm),
                () -> planning.completeDetails(planId, typed.details(json)));
    }

    /** 未記入の補完 of one member of a household's plan (her wish and her roles' words): not a 再プラン. */
    @POST
    @Path("/subjects/{caseId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response completeSubject(@PathParam("municipality") String municipality,
                                    @PathParam("planId") String planId, @PathParam("caseId") String caseId,
                                    MultivaluedMap<String, String> form) {
        PlanForm typed = PlanForm.from(checked(form, planId));
        requireId(caseId);
        return send(municipality, planId, new Sending(HouseholdSubjects.FORM + caseId, "subject-completed",
                typed.withSpareRows(), typed::onForm), () -> planning.completeSubject(planId, caseId,
                typed.subjectDetails(json)));
    }

    @POST
    @Path("/revisions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revise(@PathParam("municipality") String municipality, @PathParam("planId") String planId,
                           MultivaluedMap<String, String> form) {
        PlanForm typed = PlanForm.from(checked(form, planId));
        return send(municipality, planId, new Sending("revision", "revised", typed.withSpareRows(), typed::onForm),
                () -> planning.revise(planId, typed.idempotencyKey(), typed.revision(json)));
    }

    @POST
    @Path("/closure")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response close(@PathParam("municipality") String municipality, @PathParam("planId") String planId,
                          MultivaluedMap<String, String> form) {
        PlanForms.Closure typed = PlanForms.Closure.from(checked(form, planId));
        return send(municipality, planId, Sending.asIs("closure", "closed", typed),
                () -> planning.close(planId, typed.request(json)));
    }

    @POST
    @Path("/placements")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response place(@PathParam("municipality") String municipality, @PathParam("planId") String planId,
                          MultivaluedMap<String, String> form) {
        PlanForms.Placement typed = PlanForms.Placement.from(checked(form, planId));
        return send(municipality, planId, Sending.asIs("placement", "placed", typed),
                () -> planning.place(planId, typed.idempotencyKey(), typed.request(json)));
    }

    @POST
    @Path("/placements/{placementId}/follow-ups")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response followUp(@PathParam("municipality") String municipality, @PathParam("planId") String planId,
                             @PathParam("placementId") String placementId, MultivaluedMap<String, String> form) {
        requireId(placementId);
        PlanForms.FollowUp typed = PlanForms.FollowUp.from(placementId, checked(form, planId));
        return send(municipality, planId, Sending.asIs("followUp:" + placementId, "followed-up", typed),
                () -> planning.followUp(placementId, typed.idempotencyKey(), typed.request(json)));
    }

    /**
     * A form on its way to planning: which form, the note shown when done ({@code ?done=}), what was typed, and how
     * planning's field names map onto the form's inputs.
     */
    private record Sending(String form, String done, Object typed, UnaryOperator<Map<String, String>> onForm) {

        /** A form whose inputs are named as planning names its fields. */
        static Sending asIs(String form, String done, Object typed) {
            return new Sending(form, done, typed, errors -> errors);
        }
    }

    /**
     * Sends a form's request. Done: back to the plan, saying so. Refused: the plan again with the form as typed and
     * planning's messages beside its inputs. Planning not answering: the form alone, as typed, to send again.
     */
    private Response send(String municipality, String planId, Sending sending, Supplier<Response> call) {
        String form = sending.form();
        String done = sending.done();
        Object typed = sending.typed();
        Answer answer;
        try {
            answer = calls.call(Service.PLANNING, call);
        } catch (ServiceUnavailable e) {
            return Response.status(503).entity(unsent.data("m", municipality).data("planId", planId)
                    .data("form", form).data("typed", typed).data("service", e.service().labelJa())
                    .data("agencies", screen.agencies(municipality))
                    .data("allFields", PlanScreen.allFields(typed instanceof PlanForm f && !f.wishTags().isEmpty()))
                    .data("tags", typed instanceof PlanForm f ? List.copyOf(f.wishTags()) : List.of())
                    .data("errors", FormErrors.NONE)
                    // a member's form of a household plan (subject:<caseId>) is sent again to her own address
                    .data("subjectCaseId", form.startsWith(HouseholdSubjects.FORM)
                            ? form.substring(HouseholdSubjects.FORM.length()) : null)
                    .data("subjectFields", java.util.Set.of("wish", "wishTags", "roles"))).build();
        }
        if (answer.ok()) {
            return Response.seeOther(URI.create("/" + municipality + "/plans/" + planId + "?done=" + done
                    + (form.startsWith("followUp:") ? "#placements" : ""))).build();
        }
        if (answer.status() == 404) {
            throw new NotVisible();
        }
        FormErrors errors = new FormErrors(sending.onForm().apply(answer.fieldErrors()), PlanForms.LABELS);
        return Response.status(answer.status() == 409 || answer.status() == 410 ? 409 : 400)
                .entity(screen.render(municipality, planId, new PlanScreen.Attempt(form, typed, errors))
                        .data("done", null))
                .build();
    }

    private MultivaluedMap<String, String> checked(MultivaluedMap<String, String> form, String planId) {
        csrf.check(form.getFirst(Csrf.FIELD));
        requireId(planId);
        return form;
    }

    static void requireId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new NotVisible();
        }
    }
}
