package jp.tsunagu.console.meetings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jp.tsunagu.console.services.Answer;
import jp.tsunagu.console.services.MeetingApi;
import jp.tsunagu.console.services.Refused;
import jp.tsunagu.console.services.Service;
import jp.tsunagu.console.services.ServiceCalls;
import jp.tsunagu.console.services.ServiceUnavailable;
import jp.tsunagu.console.signin.Csrf;
import jp.tsunagu.console.signin.SignedIn;
import jp.tsunagu.console.view.FormErrors;
import jp.tsunagu.contract.codes.Coded;
import jp.tsunagu.contract.codes.MeetingType;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A meeting: when and where, its members (招集する機関), its agenda with each case's meeting pack, the minutes once
 * held with their corrections, and the plans the minutes made still waiting for their details (プランへの反映待ち).
 * A 支援会議's pages carry its duty of confidentiality; meeting-service answers them to its members only.
 */
@Path("/{municipality}/meetings/{meetingId}")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class MeetingPage {

    private final Template page;
    private final MeetingApi meetings;
    private final MeetingReads reads;
    private final TypedOnce typedOnce;
    private final ServiceCalls calls;
    private final Csrf csrf;
    private final SignedIn staff;
    private final ObjectMapper json;

    public MeetingPage(@Location("meetings/meeting.html") Template page, @RestClient MeetingApi meetings,
                       MeetingReads reads, TypedOnce typedOnce, ServiceCalls calls, Csrf csrf, SignedIn staff,
                       ObjectMapper json) {
        this.page = page;
        this.meetings = meetings;
        this.reads = reads;
        this.typedOnce = typedOnce;
        this.calls = calls;
        this.csrf = csrf;
        this.staff = staff;
        this.json = json;
    }

    @GET
    public TemplateInstance show(@PathParam("municipality") String municipality,
                                 @PathParam("meetingId") String meetingId, @QueryParam("done") String done,
                                 @BeanParam HouseholdNotice notice) {
        return view(municipality, reads.meeting(meetingId), FormErrors.NONE, null).data("done", done)
                .data("householdNotice", notice.shown());
    }

    /** 招集する機関: the agencies invited (those added are told with the meeting's day, time and place). */
    @POST
    @Path("/members")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response members(@PathParam("municipality") String municipality, @PathParam("meetingId") String meetingId,
                            MultivaluedMap<String, String> form) {
        csrf.check(form.getFirst(Csrf.FIELD));
        MeetingReads.requireId(meetingId);
        List<String> members = form.get("members") == null ? List.of() : form.get("members");
        var body = json.createObjectNode();
        members.forEach(body.putArray("members")::add);
        Answer answer = calls.call(Service.MEETING, () -> meetings.members(meetingId, body));
        return after(municipality, meetingId, answer, new Change("invited", Map.of("members", "招集する機関"),
                reads.agencyNames(municipality), members));
    }

    /** この会議で検討する: a waiting case onto this meeting's agenda (the coordinator chooses its meeting). */
    @POST
    @Path("/agenda")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response agenda(@PathParam("municipality") String municipality, @PathParam("meetingId") String meetingId,
                           MultivaluedMap<String, String> form) {
        csrf.check(form.getFirst(Csrf.FIELD));
        MeetingReads.requireId(meetingId);
        String caseId = MinutesForm.one(form, "caseId");
        if (caseId.isBlank()) {
            return Response.status(400).entity(view(municipality, reads.meeting(meetingId),
                    new FormErrors(Map.of("caseId", "議題に加える案件を選んでください。"), Map.of("caseId", "議題に加える案件")),
                    null)).build();
        }
        Answer answer = calls.call(Service.MEETING, () -> meetings.chooseMeeting(caseId,
                json.createObjectNode().put("meetingId", meetingId)));
        return after(municipality, meetingId, answer, new Change("added", Map.of("meetingId", "議題に加える案件",
                "caseId", "議題に加える案件"), Map.of(), List.of()));
    }

    /**
     * プランに反映する: the minutes' wish, goals, review date and roles' words into the plans they made, later (when
     * planning had not made them in time): read back from meeting-service, so nothing is typed again.
     */
    @POST
    @Path("/plan-details")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response planDetails(@PathParam("municipality") String municipality,
                                @PathParam("meetingId") String meetingId, MultivaluedMap<String, String> form) {
        csrf.check(form.getFirst(Csrf.FIELD));
        JsonNode meeting = reads.meeting(meetingId);
        List<TypedOnce.Pending> pending = typedOnce.complete(meeting, TypedOnce.WAIT);
        if (pending.isEmpty()) {
            return Response.seeOther(URI.create("/" + municipality + "/meetings/" + meetingId + "?done=plans"))
                    .build();
        }
        return Response.status(pending.stream().anyMatch(p -> !p.waiting()) ? 409 : 202)
                .entity(view(municipality, meeting, FormErrors.NONE, pending).data("done", null)).build();
    }

    /**
     * 印刷用の議事録: meeting-service's printed 議事録 passed through with its own Content-Security-Policy (its print
     * styles are its own); the browser prints it, or saves it as PDF.
     */
    @GET
    @Path("/print")
    public Response print(@PathParam("meetingId") String meetingId, @Context HttpServerResponse raw) {
        MeetingReads.requireId(meetingId);
        Response answer;
        try {
            answer = meetings.print(meetingId);
        } catch (ProcessingException e) {
            throw new ServiceUnavailable(Service.MEETING, e);
        }
        try (answer) {
            int status = answer.getStatus();
            if (status == 404 || status == 410) {
                throw new MeetingReads.NotAMeeting();
            }
            if (status >= 500) {
                throw new ServiceUnavailable(Service.MEETING, null);
            }
            if (status >= 300) {
                throw new Refused(status);
            }
            String csp = answer.getHeaderString("Content-Security-Policy");
            if (csp != null) {
                raw.headers().set("Content-Security-Policy", csp); // replaces the console's, for this page only
            }
            return Response.ok(answer.readEntity(String.class), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .build();
        }
    }

    /**
     * A change sent to meeting-service: the note shown after it ({@code ?done=}), the form's labels, and the agencies
     * sent with their names, to name the one a refusal is about ({@code members[2]} → its name).
     */
    private record Change(String done, Map<String, String> labels, Map<String, String> names, List<String> sent) {
    }

    /** After a change: the page again with a note, or with meeting-service's refusal beside the form. */
    private Response after(String municipality, String meetingId, Answer answer, Change change) {
        String done = change.done();
        Map<String, String> labels = change.labels();
        Map<String, String> names = change.names();
        List<String> sent = change.sent();
        if (answer.status() == 404 && "added".equals(done)) {
            return Response.status(404).entity(view(municipality, reads.meeting(meetingId), new FormErrors(
                    Map.of("caseId", "その案件は見つからないか、会議を待っていません。"), labels), null)).build();
        }
        if (answer.status() == 404) {
            throw new MeetingReads.NotAMeeting();
        }
        if (answer.ok()) {
            return Response.seeOther(URI.create("/" + municipality + "/meetings/" + meetingId + "?done=" + done))
                    .build();
        }
        Map<String, String> errors = new HashMap<>();
        answer.fieldErrors().forEach((field, message) -> {
            String list = field.replaceAll("\\[(\\d+)]$", "");
            String said = message;
            if (!list.equals(field)) {
                int i = Integer.parseInt(field.replaceAll("^.*\\[(\\d+)]$", "$1"));
                said = (i < sent.size() ? names.getOrDefault(sent.get(i), sent.get(i)) + "：" : "") + message;
            }
            errors.merge(list.isEmpty() ? "" : list, said, (a, b) -> a + "／" + b);
        });
        return Response.status(answer.status() == 409 ? 409 : answer.status() == 403 ? 403 : 400)
                .entity(view(municipality, reads.meeting(meetingId), new FormErrors(errors, labels), null))
                .build();
    }

    private TemplateInstance view(String municipality, JsonNode meeting, FormErrors errors,
                                  List<TypedOnce.Pending> tried) {
        boolean held = meeting.hasNonNull("heldOn");
        boolean coordinator = staff.isCoordinator();
        MeetingType type = Coded.parse(MeetingType.class, meeting.path("type").asText()).orElse(null);
        boolean caseMeeting = type != null && type.reviewsCases();
        JsonNode waiting = coordinator && !held && caseMeeting ? reads.waiting(meeting.path("type").asText()) : null;
        List<TypedOnce.Pending> pending = List.of();
        boolean planningDown = false;
        try {
            pending = tried != null ? tried : coordinator && held ? typedOnce.pending(meeting) : List.of();
        } catch (ServiceUnavailable e) {
            planningDown = true; // the meeting shows; whether its plans got their details cannot be told now
        }
        Map<String, String> names = reads.agencyNames(municipality);
        return page.data("m", municipality)
                .data("mt", reads.tree(meeting))
                .data("agendaItems", HouseholdItems.of(meeting.path("agenda"), meeting.path("households"),
                        reads::tree))
                .data("reviewItems", HouseholdItems.of(meeting.path("reviews"), meeting.path("households"),
                        reads::tree))
                .data("held", held)
                .data("caseMeeting", caseMeeting)
                .data("confidential", type == MeetingType.SHIEN_KAIGI)
                .data("mayAdoptPlans", type != null && type.mayAdoptPlans())
                .data("agencies", reads.agencies(municipality))
                .data("names", names)
                .data("members", meeting.path("members").isArray() ? reads.tree(meeting.path("members")) : List.of())
                .data("waiting", waiting == null ? null : reads.tree(waiting))
                .data("pending", pending)
                .data("planningDown", planningDown)
                .data("plansCompleted", pending.isEmpty() && !planningDown && coordinator && held
                        && java.util.stream.StreamSupport.stream(meeting.path("reviews").spliterator(), false)
                                .anyMatch(PlanDetails::carriesDetails))
                .data("errors", errors);
    }
}
