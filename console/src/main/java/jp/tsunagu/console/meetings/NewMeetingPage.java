package jp.tsunagu.console.meetings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jp.tsunagu.console.services.Answer;
import jp.tsunagu.console.services.MeetingApi;
import jp.tsunagu.console.services.Service;
import jp.tsunagu.console.services.ServiceCalls;
import jp.tsunagu.console.services.ServiceUnavailable;
import jp.tsunagu.console.signin.Csrf;
import jp.tsunagu.console.view.FormErrors;
import jp.tsunagu.contract.codes.Coded;
import jp.tsunagu.contract.codes.MeetingType;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * 臨時の会議を設定する: an ad-hoc meeting as the coordinator schedules it (type, day, time, place, the agencies
 * invited, the waiting cases it discusses), sent to meeting-service with one idempotency key per form.
 */
@Path("/{municipality}/meetings/new")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class NewMeetingPage {

    static final Map<String, String> LABELS = Map.of("type", "会議の種類", "scheduledOn", "開催日",
            "startsAt", "開始時刻", "endsAt", "終了時刻（予定）", "place", "会場", "members", "招集する機関",
            "cases", "検討する案件");

    private final Template newMeeting;
    private final MeetingApi meetings;
    private final MeetingReads reads;
    private final ServiceCalls calls;
    private final Csrf csrf;
    private final ObjectMapper json;

    public NewMeetingPage(@Location("meetings/new.html") Template newMeeting, @RestClient MeetingApi meetings,
                          MeetingReads reads, ServiceCalls calls, Csrf csrf, ObjectMapper json) {
        this.newMeeting = newMeeting;
        this.meetings = meetings;
        this.reads = reads;
        this.calls = calls;
        this.csrf = csrf;
        this.json = json;
    }

    @GET
    public TemplateInstance newMeeting(@PathParam("municipality") String municipality) {
        return form(municipality, NewMeetingForm.blank(UUID.randomUUID().toString()), FormErrors.NONE, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response schedule(@PathParam("municipality") String municipality, MultivaluedMap<String, String> fields) {
        csrf.check(fields.getFirst(Csrf.FIELD));
        NewMeetingForm form = NewMeetingForm.from(fields);
        Answer answer;
        try {
            answer = calls.call(Service.MEETING, () -> meetings.schedule(form.idempotencyKey(), form.toRequest(json)));
        } catch (ServiceUnavailable e) {
            // nothing typed is lost: the same form, the same key (a resend schedules one meeting)
            return Response.status(503).entity(form(municipality, form, FormErrors.NONE, e.service())).build();
        }
        if (answer.ok()) {
            return Response.seeOther(URI.create("/" + municipality + "/meetings/"
                    + answer.field("meetingId").asText() + "?done=scheduled")).build();
        }
        Map<String, String> names = new HashMap<>(reads.agencyNames(municipality));
        JsonNode waiting = reads.waiting(null);
        if (waiting != null) {
            waiting.forEach(c -> names.put(c.path("caseId").asText(), c.path("caseNumber").asText("受付番号なし")));
        }
        return Response.status(answer.status() == 409 ? 409 : answer.status() == 403 ? 403 : 400)
                .entity(form(municipality, form, new FormErrors(form.onForm(answer.fieldErrors(), names),
                        LABELS), null))
                .build();
    }


    private TemplateInstance form(String municipality, NewMeetingForm form, FormErrors errors, Service unavailable) {
        JsonNode waiting = reads.waiting(null);
        return newMeeting.data("m", municipality)
                .data("form", form)
                .data("errors", errors)
                .data("unavailable", unavailable == null ? null : unavailable.labelJa())
                .data("types", Coded.labels(MeetingType.class))
                .data("agencies", reads.agencies(municipality))
                .data("waiting", waiting == null ? null : reads.tree(waiting));
    }
}
