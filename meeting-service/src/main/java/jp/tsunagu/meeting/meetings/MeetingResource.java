package jp.tsunagu.meeting.meetings;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.tsunagu.contract.codes.Coded;
import jp.tsunagu.contract.codes.FiscalYear;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.meeting.minutes.AmendmentRequest;
import jp.tsunagu.meeting.minutes.MinutesRequest;
import jp.tsunagu.meeting.minutes.MinutesService;
import jp.tsunagu.support.audit.Audited;
import jp.tsunagu.support.clock.BusinessClock;
import jp.tsunagu.support.problem.ApiProblem;
import jp.tsunagu.support.problem.FieldError;
import jp.tsunagu.support.problem.Params;
import jp.tsunagu.support.security.CurrentCaller;
import jp.tsunagu.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

@Path("/meetings")
@Tag(name = "Meetings", description = "重層的支援会議・支援会議・考える会・代表者会議")
@Produces(MediaType.APPLICATION_JSON)
public class MeetingResource {

    private final MeetingService service;
    private final MeetingSchedule schedule;
    private final MinutesService minutes;
    private final CurrentCaller caller;
    private final BusinessClock clock;

    public MeetingResource(MeetingService service, MeetingSchedule schedule, MinutesService minutes,
                           CurrentCaller caller, BusinessClock clock) {
        this.clock = clock;
        this.schedule = schedule;
        this.service = service;
        this.minutes = minutes;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(summary = "Schedule an ad-hoc meeting", description = "When (startsAt, endsAt) and where (place) it "
            + "is held, told to the members invited (meeting-scheduled, members-invited). An ad-hoc meeting takes "
            + "only the cases named in cases (each waiting for a meeting, of this meeting's track: the rules of PUT "
            + "/cases/{caseId}/agenda, 409 otherwise); nothing is written unless every case may join. The same "
            + "Idempotency-Key returns the same meeting.")
    @APIResponse(responseCode = "201", description = "Scheduled")
    @APIResponse(responseCode = "400", description = "A field is missing or invalid (startsAt and place are required)")
    @APIResponse(responseCode = "409", description = "A case named may not join this meeting (not waiting, another "
            + "track, or the meeting is past); the detail says which")
    public Uni<Response> create(@HeaderParam("Idempotency-Key") String idempotencyKey, @RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "adHocShienKaigi",
                    summary = "An ad-hoc 支援会議 (without consent, members bound to confidentiality) for an urgent case",
                    value = """
                            {"type":"SHIEN_KAIGI","scheduledOn":"2025-06-12","startsAt":"14:00","endsAt":"15:00",
                             "place":"久留米市役所 401会議室",
                             "members":["kurume-houkatsu-01","kurume-jiritsu-01"],
                             "cases":["7d1c2a4e-0b6f-4e8a-9c3d-2f5e8a1b4c6d"]}"""))) NewMeeting request) {
        return schedule.create(caller.get(), idempotencyKey, request).map(m -> Response
                .created(URI.create("/meetings/" + m.meetingId())).entity(Map.of("meetingId", m.meetingId())).build());
    }

    @POST
    @Path("/schedule")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(summary = "Generate a fiscal year's regular meetings from the municipality's calendar",
            description = "Body {\"fiscalYear\": \"R6\"} or 2024. Meetings already scheduled are kept.")
    public Uni<List<MeetingView.Summary>> schedule(@RequestBody(required = true, content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "reiwa8",
            summary = "The regular meetings of 令和8年度 (April 2026 to March 2027)", value = """
                    {"fiscalYear":"R8"}"""))) Map<String, String> body) {
        FiscalYear year;
        try {
            year = FiscalYear.parse(body == null ? null : body.get("fiscalYear"));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.validation(List.of(new FieldError("fiscalYear", e.getMessage())));
        }
        return schedule.scheduleYear(caller.get(), year).map(all -> all.stream().map(MeetingView.Summary::of).toList());
    }

    @GET
    @RolesAllowed({Roles.COORDINATOR, Roles.MEETING_MEMBER, Roles.AGENCY})
    @Operation(summary = "Meetings of the caller's municipality between two dates (no agenda, no minutes)")
    public Uni<List<MeetingView.Summary>> list(@QueryParam("from") String from, @QueryParam("to") String to,
                                               @QueryParam("type") String type) {
        LocalDate today = clock.today();
        LocalDate f = Params.date(from, "from", today.minusMonths(3));
        LocalDate t = Params.date(to, "to", today.plusMonths(12));
        MeetingType mt = null;
        if (type != null) {
            mt = Coded.parse(MeetingType.class, type).orElseThrow(() -> ApiProblem.validation(List.of(
                    new FieldError("type", "one of " + String.join(", ", Coded.codes(MeetingType.class))))));
        }
        return service.list(caller.get(), f, t, mt);
    }

    @GET
    @Path("/{meetingId}")
    @RolesAllowed({Roles.COORDINATOR, Roles.MEETING_MEMBER, Roles.AGENCY})
    @Operation(summary = "A meeting with its agenda and, once held, its minutes", description = "The material of a "
            + "支援会議 (and of any case meeting) is for coordinators and the meeting's members only; anyone else gets "
            + "404. Every read and refused attempt is recorded in the audit trail.")
    @Audited(value = "read-meeting", resource = "meeting/{meetingId}")
    public Uni<MeetingView> get(@PathParam("meetingId") String meetingId) {
        return service.view(caller.get(), meetingId);
    }

    @GET
    @Path("/{meetingId}")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({Roles.COORDINATOR, Roles.MEETING_MEMBER, Roles.AGENCY})
    @Operation(operationId = "printMinutes", summary = "The meeting's 議事録, to print (Accept: text/html)",
            description = "A4, in Japanese, 令和 dates, attendees as 氏名（機関名）, cases by 受付番号 in the order "
                    + "discussed, each 訂正 with who made it, why, and what it changed before and after; a 支援会議's "
                    + "minutes are headed with its duty of confidentiality (社会福祉法第106条の6). No script and one "
                    + "<style> block, allowed by its hash in the answer's Content-Security-Policy (a console may "
                    + "forward page and header as they are). Read and audited like the JSON.")
    @APIResponse(responseCode = "200", description = "The page; Content-Security-Policy: default-src 'none'; "
            + "style-src 'sha256-…'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'")
    @Audited(value = "read-meeting", resource = "meeting/{meetingId}")
    public Uni<Response> print(@PathParam("meetingId") String meetingId) {
        String municipality = caller.get().municipality();
        String name = service.municipalityName(municipality);
        return service.view(caller.get(), meetingId).chain(view -> MinutesPage.of(name, view).createUni())
                .map(html -> Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                        .header("Content-Security-Policy", MinutesPage.POLICY).build());
    }

    @PUT
    @Path("/{meetingId}/members")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(summary = "Set the agencies invited to a meeting", description = "Body {\"members\": [agencyId, …]}")
    public Uni<MeetingView> members(@PathParam("meetingId") String meetingId, @RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "twoAgencies",
                    summary = "The 地域包括支援センター and the 生活自立支援センター are invited", value = """
                            {"members":["kurume-houkatsu-01","kurume-jiritsu-01"]}""")))
            Map<String, List<String>> body) {
        return schedule.setMembers(caller.get(), meetingId, body == null ? List.of() : body.get("members"))
                .chain(m -> service.view(caller.get(), meetingId));
    }

    @POST
    @Path("/{meetingId}/minutes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(summary = "Record a meeting's minutes", description = "Each review's outcome becomes an event. What a "
            + "meeting may decide is the contract's ReviewRules (→ 409 saying why): a 支援会議 never adopts a plan "
            + "(PLAN/REPLAN); a 重層的支援会議 only closes (CLOSE) a case whose consent is not GIVEN; a REPLAN needs a "
            + "running plan of its type. Minutes are recorded once (→ 409); a case not on the agenda "
            + "needs a reason and is recorded as an ad-hoc review.")
    @APIResponse(responseCode = "201", description = "Recorded")
    @APIResponse(responseCode = "409", description = "Already held, or the meeting type may not decide this for the "
            + "case's consent, or a REPLAN with no plan to revise")
    @APIResponse(responseCode = "410", description = "The person of the case was erased: no more words about them "
            + "are written (/problems/person-erased)")
    public Uni<Response> minutes(@PathParam("meetingId") String meetingId, @RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "planAndContinue",
                    summary = "Held: one case gets a 多機関協働プラン with its roles, the other is discussed again",
                    value = """
                            {"heldOn":"2025-09-24","startTime":"14:00","endTime":"15:30",
                             "place":"久留米市役所 401会議室","chair":"地域福祉課 調整担当",
                             "attendees":[{"name":"山田 花子","agencyId":"kurume-houkatsu-01"},
                                          {"name":"田中 一郎","agencyId":"kurume-jiritsu-01"},
                                          {"name":"佐藤 次郎","organisation":"久留米市 地域福祉課"}],
                             "notes":"次回までに訪問結果を共有する",
                             "reviews":[
                               {"caseId":"7d1c2a4e-0b6f-4e8a-9c3d-2f5e8a1b4c6d","outcome":"PLAN",
                                "planType":"MULTI_AGENCY",
                                "roles":[{"agencyId":"kurume-jiritsu-01","responsibility":"家計の立て直し"},
                                         {"agencyId":"kurume-houkatsu-01","responsibility":"母の介護サービスの調整"}],
                                "wish":"母と家で暮らし続けたい","goals":["週1回の外出","家計の見通しを立てる"],
                                "reviewOn":"2025-12-24"},
                               {"caseId":"3b9e6f10-5a2d-4c7b-8e1f-6d4a2c9b0e3f","outcome":"CONTINUE",
                                "note":"本人と会えていない。次回も検討する"}]}""")))
            MinutesRequest request) {
        return minutes.recordMinutes(caller.get(), meetingId, request, clock.today())
                .chain(m -> service.view(caller.get(), meetingId))
                .map(view -> Response.status(201).entity(view).build());
    }

    @POST
    @Path("/{meetingId}/minutes/amendments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(operationId = "amendMinutes", summary = "Correct a meeting's minutes (議事録の訂正)",
            description = "With a reason. What the body names replaces what the minutes say, the rest stays; every "
                    + "version is kept (GET /meetings/{meetingId}/minutes/versions). Each review changed becomes a "
                    + "case-review-amended event and the version a minutes-amended event, which the case's status, "
                    + "its plans and the year's figures follow. The day the meeting was held is not corrected; an "
                    + "outcome that made, revised or closed a plan is corrected through the plan (409), and a corrected outcome "
                    + "follows the minutes' rules (ReviewRules, 409).")
    @APIResponse(responseCode = "201", description = "The minutes as corrected; Location names the new version")
    @APIResponse(responseCode = "400", description = "A field is invalid, or the correction changes nothing")
    @APIResponse(responseCode = "404", description = "No such meeting in the caller's municipality")
    @APIResponse(responseCode = "409", description = "No minutes yet, or an outcome that already changed a plan")
    @APIResponse(responseCode = "410", description = "The person of the case was erased: no more words about them "
            + "are written (/problems/person-erased)")
    public Uni<Response> amend(@PathParam("meetingId") String meetingId, @RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "outcomeMisrecorded",
                    summary = "The second case was in fact given a 参加支援プラン", value = """
                            {"reason":"結果の誤記を訂正（継続ではなく参加支援プラン作成）",
                             "reviews":[{"caseId":"3b9e6f10-5a2d-4c7b-8e1f-6d4a2c9b0e3f","outcome":"PLAN",
                                         "planType":"PARTICIPATION","note":"本人の同意を確認した"}]}""")))
            AmendmentRequest request) {
        return minutes.amend(caller.get(), meetingId, request)
                .chain(version -> service.view(caller.get(), meetingId).map(view -> Response.status(201)
                        .location(URI.create("/meetings/" + meetingId + "/minutes/versions#v" + version))
                        .entity(view).build()));
    }

    @GET
    @Path("/{meetingId}/minutes/versions")
    @RolesAllowed({Roles.COORDINATOR, Roles.MEETING_MEMBER, Roles.AGENCY})
    @Operation(operationId = "minutesVersions", summary = "Every version of a meeting's minutes",
            description = "Version 1 is the recording, each correction the next with its reason and the reviews it "
                    + "changed; each version lists every review as it stood then. Read and audited like the meeting.")
    @Audited(value = "read-meeting", resource = "meeting/{meetingId}")
    public Uni<List<MeetingView.Version>> versions(@PathParam("meetingId") String meetingId) {
        return service.versions(caller.get(), meetingId);
    }
}
