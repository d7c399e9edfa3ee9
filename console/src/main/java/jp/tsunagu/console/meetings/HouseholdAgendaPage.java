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
import jakarta.ws.rs.core.UriBuilder;
import jp.tsunagu.console.clock.ConsoleClock;
import jp.tsunagu.console.services.Answer;
import jp.tsunagu.console.households.HouseholdIds;
import jp.tsunagu.console.services.IntakeApi;
import jp.tsunagu.console.services.MeetingApi;
import jp.tsunagu.console.services.Service;
import jp.tsunagu.console.services.ServiceCalls;
import jp.tsunagu.console.services.ServiceUnavailable;
import jp.tsunagu.console.signin.Csrf;
import jp.tsunagu.console.signin.SignedIn;
import jp.tsunagu.console.view.FormErrors;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * 会議の議題に追加 (世帯): the coordinator chooses a meeting to come, and meeting-service puts every member case of
 * the household that waits for a review on its agenda as one household item ({@code PUT /households/{id}/agenda}).
 * Which members wait and which meeting may take them is meeting-service's; its refusal is said beside the choice.
 */
@Path("/{municipality}/households/{householdId}/agenda")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class HouseholdAgendaPage {

    /** How far ahead the meetings to choose from are listed. */
    static final int MONTHS_AHEAD = 6;
    static final Map<String, String> LABELS = Map.of("meetingId", "議題に加える会議");

    private final Template page;
    private final MeetingApi meetings;
    private final IntakeApi intake;
    private final MeetingReads reads;
    private final ServiceCalls calls;
    private final Csrf csrf;
    private final ObjectMapper json;
    private final ConsoleClock clock;
    private final SignedIn staff;

    public HouseholdAgendaPage(@Location("meetings/household-agenda.html") Template page,
                               @RestClient MeetingApi meetings, @RestClient IntakeApi intake,
                               MeetingReads reads, ServiceCalls calls, Csrf csrf, ObjectMapper json,
                               ConsoleClock clock, SignedIn staff) {
        this.staff = staff;
        this.page = page;
        this.meetings = meetings;
        this.intake = intake;
        this.reads = reads;
        this.calls = calls;
        this.csrf = csrf;
        this.json = json;
        this.clock = clock;
    }

    @GET
    public TemplateInstance form(@PathParam("municipality") String municipality,
                                 @PathParam("householdId") String householdId) {
        return view(municipality, household(householdId), "", FormErrors.NONE, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response choose(@PathParam("municipality") String municipality,
                           @PathParam("householdId") String householdId, MultivaluedMap<String, String> form) {
        csrf.check(form.getFirst(Csrf.FIELD));
        JsonNode household = household(householdId);
        String meetingId = MinutesForm.one(form, "meetingId").strip();
        if (meetingId.isEmpty()) {
            return Response.status(400).entity(view(municipality, household, meetingId,
                    new FormErrors(Map.of("meetingId", "議題に加える会議を選んでください。"), LABELS), null)).build();
        }
        Answer answer;
        try {
            answer = calls.call(Service.MEETING, () -> meetings.chooseMeetingForHousehold(householdId,
                    json.createObjectNode().put("meetingId", meetingId)));
        } catch (ServiceUnavailable e) {
            return Response.status(503).entity(view(municipality, household, meetingId, FormErrors.NONE,
                    e.service())).build();
        }
        if (answer.ok()) {
            // the meeting page says which members went on the agenda and which not, and why (meeting-service's words)
            HouseholdAgenda.Placement placement = HouseholdAgenda.placement(answer.body(), numbers(household));
            UriBuilder to = UriBuilder.fromPath("/{m}/meetings/{id}").queryParam("done", "household-added");
            placement.placed().forEach(n -> to.queryParam("placed", n));
            placement.notPlaced().forEach(n -> to.queryParam("notPlaced", n));
            return Response.seeOther(to.build(municipality, meetingId)).build();
        }
        return Response.status(status(answer.status())).entity(view(municipality, household, meetingId,
                new FormErrors(onForm(answer.fieldErrors(), numbers(household)), LABELS), null)).build();
    }

    /**
     * meeting-service's refusal on the form: a message naming no field, or naming a member case, is about the meeting
     * chosen (the household has no member waiting, the meeting is held or of another track …); case ids in it are
     * said as their 受付番号.
     */
    static Map<String, String> onForm(Map<String, String> serviceErrors, Map<String, String> caseNumbers) {
        Map<String, String> errors = new LinkedHashMap<>();
        serviceErrors.forEach((field, message) -> {
            String said = message;
            for (var n : caseNumbers.entrySet()) {
                said = said.replace(n.getKey(), n.getValue());
            }
            errors.merge("meetingId", said, (a, b) -> a + "／" + b);
        });
        return errors;
    }

    static int status(int service) {
        return switch (service) {
            case 403, 404, 409 -> service;
            default -> 400;
        };
    }

    /** The members' 受付番号 by case id. */
    static Map<String, String> numbers(JsonNode household) {
        Map<String, String> numbers = new LinkedHashMap<>();
        household.path("members").forEach(m -> {
            if (m.hasNonNull("caseNumber")) {
                numbers.put(m.path("caseId").asText(), m.path("caseNumber").asText());
            }
        });
        return numbers;
    }

    /**
     * The household as intake shows it to her; not hers (or no such household) is the console's 404. Only a
     * coordinator acts for a household (as on the household page): an agency gets the console's 403 page, not a form
     * the service would refuse.
     */
    private JsonNode household(String householdId) {
        HouseholdIds.requireCoordinator(staff.isCoordinator(), householdId);
        return calls.read(Service.INTAKE, () -> intake.household(householdId));
    }

    private TemplateInstance view(String municipality, JsonNode household, String chosen, FormErrors errors,
                                  Service unavailable) {
        LocalDate today = clock.today();
        JsonNode upcoming = null;
        try {
            Answer list = calls.call(Service.MEETING, () -> meetings.meetings(today.toString(),
                    today.plusMonths(MONTHS_AHEAD).toString(), null));
            upcoming = list.ok() ? list.body() : null;
        } catch (ServiceUnavailable e) {
            // said on the page: the meetings cannot be listed now
        }
        JsonNode waiting = reads.waiting(null);
        return page.data("m", municipality)
                .data("h", reads.tree(household))
                .data("meetings", upcoming == null ? null : reads.tree(HouseholdAgenda.choices(upcoming)))
                .data("waiting", waiting == null ? null
                        : reads.tree(HouseholdAgenda.waitingMembers(waiting, household)))
                .data("chosen", chosen)
                .data("errors", errors)
                .data("unavailable", unavailable == null ? null : unavailable.labelJa());
    }
}
