package jp.tsunagu.meeting.agenda;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.support.audit.Audited;
import jp.tsunagu.support.problem.ApiProblem;
import jp.tsunagu.support.problem.FieldError;
import jp.tsunagu.support.problem.Params;
import jp.tsunagu.support.security.CurrentCaller;
import jp.tsunagu.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.List;

/** Which meeting discusses a case: the coordinator's choice, and the cases waiting for one. */
@Path("/")
@Tag(name = "Agenda", description = "どの会議で検討するか: 議題への追加と会議待ちのケース")
@Produces(MediaType.APPLICATION_JSON)
public class AgendaResource {

    private final AgendaChoices choices;
    private final CurrentCaller caller;

    public AgendaResource(AgendaChoices choices, CurrentCaller caller) {
        this.choices = choices;
        this.caller = caller;
    }

    /** {@code PUT /cases/{caseId}/agenda}'s body. */
    @Schema(name = "AgendaChoice")
    public record Choice(@Schema(required = true, description = "The meeting whose agenda takes the case")
                         String meetingId) {
    }

    @PUT
    @Path("/cases/{caseId}/agenda")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(operationId = "chooseMeeting", summary = "Put a waiting case on a meeting's agenda",
            description = "The coordinator chooses which meeting discusses the case (an escalated case is otherwise "
                    + "queued only on the next regular meeting of its track). The case must be waiting for a "
                    + "meeting; the meeting must review cases, be upcoming (not held, not past) and be of the "
                    + "case's track or of the one its consent fits (重層的支援会議 needs consent; 支援会議 takes a case "
                    + "without it). It leaves the agenda it was on; told as case-queued. The same meeting again "
                    + "changes nothing.")
    @APIResponse(responseCode = "200", description = "The case as it now waits")
    @APIResponse(responseCode = "404", description = "No such case or meeting in the caller's municipality")
    @APIResponse(responseCode = "409", description = "The meeting may not take the case: case-not-waiting, "
            + "meeting-held, meeting-past, wrong-track, no-case-agenda (Japanese with Accept-Language: ja)")
    public Uni<WaitingCase> choose(@PathParam("caseId") String caseId, @RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "adHoc",
                    summary = "Discussed at the ad-hoc 重層的支援会議 of 12 June", value = """
                            {"meetingId":"m-3f9a1c2e5b7d4e6f"}"""))) Choice body) {
        return choices.choose(caller.get(), caseId, body == null ? null : body.meetingId());
    }

    @PUT
    @Path("/households/{householdId}/agenda")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(operationId = "chooseMeetingForHousehold", summary = "Put a household's waiting cases on a meeting's "
            + "agenda as one item",
            description = "Every member case of the household (世帯, as intake linked it) that waits for a review is put "
                    + "on the meeting's agenda, each checked and placed as PUT /cases/{caseId}/agenda does (told as "
                    + "case-queued; one already there stays); members not waiting are left as they are. The meeting "
                    + "shows them as one household item (agenda[].householdId, householdLabel, adjacent), and their "
                    + "reviews in the minutes are written with that householdId. A waiting member the meeting may not "
                    + "take (typically wrong-track: a member without consent at a 重層的支援会議) stays where it waits "
                    + "and is listed in notPlaced with why; the others are still placed. Refused only when no waiting "
                    + "member can be placed; nothing changes then.")
    @APIResponse(responseCode = "200", description = "The household's cases on the meeting's agenda (placed), and the "
            + "waiting members the meeting may not take (notPlaced, each with its problem code and Japanese detail)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation =
                    HouseholdOnAgenda.class), examples = @ExampleObject(name = "oneWithoutConsent", summary = "The "
                    + "mother placed; her son, without consent, waits for a 支援会議", value = """
                    {"placed":[{"caseId":"3b9e6f10-5a2d-4c7b-8e1f-6d4a2c9b0e3f","caseNumber":"R8-000001",
                                "track":"JUUSOU_SHIEN_KAIGI","trackLabel":"重層的支援会議","consent":"GIVEN",
                                "urgency":"ROUTINE","urgencyLabel":"通常","review":"REGULAR",
                                "reviewLabel":"定例の会議で検討",
                                "urgent":false,"queuedOn":"2025-06-02","daysWaiting":3,
                                "meetingId":"m-3f9a1c2e5b7d4e6f","meetingScheduledOn":"2025-06-12",
                                "meetingStartsAt":"14:00","meetingAdHoc":true,"ageBand":"AGE_75_PLUS",
                                "concerns":["ELDER_CARE"]}],
                     "notPlaced":[{"caseId":"9c2e4f1a-7b3d-4e5f-8a6b-1c2d3e4f5a6b","caseNumber":"R8-000007",
                                   "problem":"wrong-track","detail":"ケース R8-000007: 重層的支援会議では検討できません。\
                    本人同意は「同意なし」で、支援会議を待っているケースです"}]}""")))
    @APIResponse(responseCode = "404", description = "No such household or meeting in the caller's municipality")
    @APIResponse(responseCode = "409", description = "household-nothing-waiting (no member waits for a review), or "
            + "no waiting member can be placed: the first member's refusal, meeting-held, meeting-past, wrong-track, "
            + "no-case-agenda (Japanese with Accept-Language: ja)")
    public Uni<HouseholdOnAgenda> chooseForHousehold(@PathParam("householdId") String householdId,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "household", summary = "Both waiting members of 世帯（R8-000001・"
                            + "R8-000007） discussed together at the ad-hoc meeting of 12 June", value = """
                            {"meetingId":"m-3f9a1c2e5b7d4e6f"}"""))) Choice body) {
        return choices.chooseForHousehold(caller.get(), householdId, body == null ? null : body.meetingId());
    }

    @GET
    @Path("/agenda/waiting")
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(operationId = "listWaitingCases", summary = "The cases waiting for a review",
            description = "Every escalated case of the municipality not yet reviewed: those no meeting is chosen for "
                    + "first (meetingId absent), then by the day they were queued; with the meeting each is on, the "
                    + "referral's urgency (urgencyLabel 至急) and the emergency review (reviewLabel 危険・緊急). At "
                    + "most 500. No personal data; the read is audited.")
    @Audited(value = "read-waiting-cases", resource = "agenda/waiting")
    public Uni<List<WaitingCase>> waiting(@QueryParam("track") String track) {
        List<FieldError> errors = new ArrayList<>();
        MeetingType type = Params.code(MeetingType.class, track, "track", false, errors);
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
        return choices.waiting(caller.get(), type);
    }
}
