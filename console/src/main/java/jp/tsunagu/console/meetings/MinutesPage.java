package jp.tsunagu.console.meetings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import jp.tsunagu.console.services.CaseQuery;
import jp.tsunagu.console.services.IntakeApi;
import jp.tsunagu.console.services.MeetingApi;
import jp.tsunagu.console.services.Refused;
import jp.tsunagu.console.services.Service;
import jp.tsunagu.console.services.ServiceCalls;
import jp.tsunagu.console.services.ServiceUnavailable;
import jp.tsunagu.console.signin.Csrf;
import jp.tsunagu.console.view.FormErrors;
import jp.tsunagu.contract.codes.Coded;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.PlanType;
import jp.tsunagu.contract.codes.ReviewOutcome;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 議事録: the minutes form (記録), the correction form (訂正, filled with the minutes as they stand, a reason required)
 * and every version with what each correction changed. Sent with the keyboard alone: plain controls, rows added by a
 * button that sends the form back with what was typed (no script needed), meeting-service's refusals beside the
 * fields and what was typed kept. After minutes or a correction that make a plan, the plan gets the minutes' wish,
 * goals and review date in the same step ({@link TypedOnce}).
 */
@Path("/{municipality}/meetings/{meetingId}/minutes")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class MinutesPage {

    private final Template form;
    private final Template versionsPage;
    private final MeetingApi meetings;
    private final IntakeApi intake;
    private final MeetingReads reads;
    private final TypedOnce typedOnce;
    private final ServiceCalls calls;
    private final Csrf csrf;
    private final ObjectMapper json;

    public MinutesPage(@Location("meetings/minutes.html") Template form,
                       @Location("meetings/versions.html") Template versionsPage, @RestClient MeetingApi meetings,
                       @RestClient IntakeApi intake, MeetingReads reads, TypedOnce typedOnce, ServiceCalls calls,
                       Csrf csrf, ObjectMapper json) {
        this.form = form;
        this.versionsPage = versionsPage;
        this.meetings = meetings;
        this.intake = intake;
        this.reads = reads;
        this.typedOnce = typedOnce;
        this.calls = calls;
        this.csrf = csrf;
        this.json = json;
    }

    @GET
    public Response blank(@PathParam("municipality") String municipality, @PathParam("meetingId") String meetingId) {
        JsonNode meeting = reads.meeting(meetingId);
        if (meeting.hasNonNull("heldOn")) {
            return Response.seeOther(URI.create("/" + municipality + "/meetings/" + meetingId + "/minutes/amend"))
                    .build();
        }
        List<String> agenda = meeting.path("agenda").findValuesAsText("caseId");
        MinutesForm blank = MinutesForm.blank(MinutesForm.text(meeting, "scheduledOn"),
                Amendment.clock(MinutesForm.text(meeting, "startsAt")),
                Amendment.clock(MinutesForm.text(meeting, "endsAt")), MinutesForm.text(meeting, "place"), agenda);
        return Response.ok(page(municipality, meeting, Typed.first(blank), RowErrors.NONE, null)).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response record(@PathParam("municipality") String municipality, @PathParam("meetingId") String meetingId,
                           MultivaluedMap<String, String> fields) {
        csrf.check(fields.getFirst(Csrf.FIELD));
        JsonNode meeting = reads.meeting(meetingId);
        MinutesForm typed = MinutesForm.from(fields);
        Map<String, String> notes = MinutesHouseholds.typed(fields);
        if (fields.containsKey("add")) {
            Typed added = Typed.first(typed.withRowAdded(fields.getFirst("add"))).withNotes(notes);
            return Response.ok(page(municipality, meeting, added, RowErrors.NONE, null)
                    .data("focus", typed.firstOfAddedRow(fields.getFirst("add")))).build();
        }
        Typed shown = Typed.first(typed).withNotes(notes);
        Map<String, String> numbers = caseNumbers(meeting);
        Map<String, String> caseIds = new LinkedHashMap<>();
        Map<String, String> unknown = new LinkedHashMap<>();
        for (int i = 0; i < typed.reviews().size(); i++) {
            String number = typed.reviews().get(i).caseNumber().strip();
            if (!number.isEmpty() && !caseIds.containsKey(number)) {
                String caseId;
                try {
                    caseId = caseOf(number);
                } catch (ServiceUnavailable e) {
                    // intake down: the minutes typed stay in the form, said as the other outages are
                    return Response.status(503).entity(page(municipality, meeting, shown,
                            RowErrors.NONE, e.service())).build();
                }
                if (caseId == null) {
                    unknown.put("reviews[" + i + "].caseNumber", "受付番号 " + number + " の案件が見つかりません。");
                } else {
                    caseIds.put(number, caseId);
                    numbers.put(caseId, number);
                }
            }
        }
        if (!unknown.isEmpty()) {
            return Response.status(400).entity(page(municipality, meeting, shown,
                    errors(unknown, typed, numbers, Map.of()), null)).build();
        }
        MinutesHouseholds households = MinutesHouseholds.of(meeting, rowCaseIds(typed), notes);
        Answer answer;
        try {
            ObjectNode request = typed.toRequest(json, caseIds);
            households.addTo(request);
            answer = calls.call(Service.MEETING, () -> meetings.minutes(meetingId, request));
        } catch (ServiceUnavailable e) {
            return Response.status(503).entity(page(municipality, meeting, shown,
                    RowErrors.NONE, e.service())).build();
        }
        if (answer.ok()) {
            typedOnce.complete(answer.body(), TypedOnce.WAIT); // what does not make it in time, the meeting page offers
            return Response.seeOther(URI.create("/" + municipality + "/meetings/" + meetingId + "?done=recorded"))
                    .build();
        }
        return refused(answer, page(municipality, meeting, shown,
                errors(typed.onForm(households.onForm(answer.fieldErrors())), typed, numbers, households.labels()),
                null));
    }

    @GET
    @Path("/amend")
    public Response amendForm(@PathParam("municipality") String municipality,
                              @PathParam("meetingId") String meetingId) {
        JsonNode meeting = reads.meeting(meetingId);
        if (!meeting.hasNonNull("heldOn")) {
            return Response.seeOther(URI.create("/" + municipality + "/meetings/" + meetingId + "/minutes")).build();
        }
        return Response.ok(page(municipality, meeting, Typed.amendment(Amendment.current(meeting), ""),
                RowErrors.NONE, null)).build();
    }

    @POST
    @Path("/amend")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response amend(@PathParam("municipality") String municipality, @PathParam("meetingId") String meetingId,
                          MultivaluedMap<String, String> fields) {
        csrf.check(fields.getFirst(Csrf.FIELD));
        JsonNode meeting = reads.meeting(meetingId);
        MinutesForm edited = MinutesForm.from(fields);
        String reason = MinutesForm.one(fields, "reason");
        if (fields.containsKey("add")) {
            Typed added = Typed.amendment(edited.withRowAdded(fields.getFirst("add")), reason);
            return Response.ok(page(municipality, meeting, added, RowErrors.NONE, null)
                    .data("focus", edited.firstOfAddedRow(fields.getFirst("add")))).build();
        }
        Map<String, String> numbers = caseNumbers(meeting);
        String shown = MinutesForm.one(fields, "version");
        if (!shown.equals(meeting.path("minutesVersion").asText("1"))) {
            // corrected by someone else meanwhile: what she changed would be measured against another version
            return Response.status(409).entity(page(municipality, meeting, Typed.amendment(edited, reason),
                    errors(Map.of("", "この議事録は、画面を開いた後に訂正されています（現在 第"
                            + meeting.path("minutesVersion").asText("1") + "版）。入力した内容を控えてから、訂正の画面を開き直してください。"), edited, numbers,
                            Map.of()), null))
                    .build();
        }
        ObjectNode request = Amendment.request(json, Amendment.current(meeting), edited, reason);
        Answer answer;
        try {
            answer = calls.call(Service.MEETING, () -> meetings.amend(meetingId, request));
        } catch (ServiceUnavailable e) {
            return Response.status(503).entity(page(municipality, meeting, Typed.amendment(edited, reason),
                    RowErrors.NONE, e.service())).build();
        }
        if (answer.ok()) {
            typedOnce.complete(answer.body(), TypedOnce.WAIT);
            return Response.seeOther(URI.create("/" + municipality + "/meetings/" + meetingId + "?done=amended"))
                    .build();
        }
        return refused(answer, page(municipality, meeting, Typed.amendment(edited, reason),
                errors(Amendment.onForm(request, edited, answer.fieldErrors()), edited, numbers, Map.of()), null));
    }

    @GET
    @Path("/versions")
    public TemplateInstance versions(@PathParam("municipality") String municipality,
                                     @PathParam("meetingId") String meetingId) {
        JsonNode meeting = reads.meeting(meetingId);
        Answer answer = calls.call(Service.MEETING, () -> meetings.versions(meetingId));
        if (!answer.ok()) {
            throw answer.status() == 404 ? new MeetingReads.NotAMeeting() : new Refused(answer.status());
        }
        Map<String, String> names = reads.agencyNames(municipality);
        return versionsPage.data("m", municipality)
                .data("mt", reads.tree(meeting))
                .data("confidential", "SHIEN_KAIGI".equals(meeting.path("type").asText()))
                .data("names", names)
                .data("versions", reads.tree(answer.body()));
    }

    private static Response refused(Answer answer, TemplateInstance page) {
        int status = switch (answer.status()) {
            case 403, 409, 410 -> answer.status();
            default -> 400;
        };
        return Response.status(status).entity(page).build();
    }

    /** The errors as the form shows them, case ids in messages written as their 受付番号. */
    private static RowErrors errors(Map<String, String> onForm, MinutesForm typed, Map<String, String> numbers,
                                    Map<String, String> householdLabels) {
        Map<String, String> said = new LinkedHashMap<>();
        onForm.forEach((field, message) -> {
            String m = message;
            for (var n : numbers.entrySet()) {
                m = m.replace(n.getKey(), n.getValue());
            }
            said.put(field, m);
        });
        Map<String, String> labels = new java.util.HashMap<>(typed.labels(numbers));
        labels.putAll(householdLabels);
        return new RowErrors(new FormErrors(said, labels));
    }

    /** The 受付番号 of the cases on the agenda and reviewed, by case id. */
    private static Map<String, String> caseNumbers(JsonNode meeting) {
        Map<String, String> numbers = new LinkedHashMap<>();
        for (String list : List.of("agenda", "reviews")) {
            meeting.path(list).forEach(c -> {
                if (c.hasNonNull("caseNumber")) {
                    numbers.put(c.path("caseId").asText(), c.path("caseNumber").asText());
                }
            });
        }
        return numbers;
    }

    /** The case of a 受付番号 typed for a case not on the agenda (intake, coordinators), or null. */
    private String caseOf(String caseNumber) {
        Answer found = calls.call(Service.INTAKE, () -> intake.cases(CaseQuery.byNumber(caseNumber)));
        JsonNode first = found.ok() ? found.body().path("items").path(0) : null;
        return first == null || first.isMissingNode() ? null : first.path("caseId").asText(null);
    }

    /** Each review row's case id (blank for a row naming its case by a typed 受付番号), in the form's order. */
    private static List<String> rowCaseIds(MinutesForm form) {
        return form.reviews().stream().map(MinutesForm.Review::caseId).toList();
    }

    /**
     * The minutes as typed: a first record, or an amendment (訂正) with its reason; {@code notes} the households'
     * notes typed, by household id.
     */
    private record Typed(MinutesForm form, boolean amend, String reason, Map<String, String> notes) {

        static Typed first(MinutesForm form) {
            return new Typed(form, false, "", Map.of());
        }

        static Typed amendment(MinutesForm form, String reason) {
            return new Typed(form, true, reason, Map.of());
        }

        Typed withNotes(Map<String, String> typed) {
            return new Typed(form, amend, reason, typed);
        }
    }

    private TemplateInstance page(String municipality, JsonNode meeting, Typed typed, RowErrors errors,
                                  Service unavailable) {
        MeetingType type = Coded.parse(MeetingType.class, meeting.path("type").asText()).orElse(null);
        boolean plans = type != null && type.mayAdoptPlans();
        Map<String, String> outcomes = new LinkedHashMap<>();
        for (ReviewOutcome o : ReviewOutcome.values()) {
            if (plans || !o.adoptsPlan()) { // the contract's rule: only a 重層的支援会議 adopts plans
                outcomes.put(o.name(), o.label());
            }
        }
        return form.data("m", municipality)
                .data("mt", reads.tree(meeting))
                .data("form", typed.form())
                .data("households", MinutesHouseholds.of(meeting, rowCaseIds(typed.form()), typed.notes()))
                .data("amend", typed.amend())
                .data("reason", typed.reason())
                .data("errors", errors)
                .data("unavailable", unavailable == null ? null : unavailable.labelJa())
                .data("confidential", type == MeetingType.SHIEN_KAIGI)
                .data("plans", plans)
                .data("outcomes", outcomes)
                .data("planTypes", Coded.labels(PlanType.class))
                .data("agencies", reads.agencies(municipality))
                .data("numbers", caseNumbers(meeting))
                .data("focus", null);
    }
}
