package jp.tsunagu.console.plans;

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
import jp.tsunagu.console.clock.ConsoleClock;
import jp.tsunagu.console.services.Answer;
import jp.tsunagu.console.households.HouseholdIds;
import jp.tsunagu.console.services.IntakeApi;
import jp.tsunagu.console.services.NotVisible;
import jp.tsunagu.console.services.PlanningApi;
import jp.tsunagu.console.services.Service;
import jp.tsunagu.console.services.ServiceCalls;
import jp.tsunagu.console.services.ServiceUnavailable;
import jp.tsunagu.console.signin.Csrf;
import jp.tsunagu.console.signin.SignedIn;
import jp.tsunagu.console.view.FormErrors;
import jp.tsunagu.contract.codes.Coded;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.PlanType;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 世帯のプランを作成: one plan for a household (planning's {@code POST /households/{id}/plans}), its subjects the
 * members chosen, each with 本人の願い and roles, and the household's wish, goals and roles. The members and the
 * meetings they were discussed at come from intake's household view; planning says what is wrong, beside the inputs.
 */
@Path("/{municipality}/households/{householdId}/plans/new")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class HouseholdPlanPage {

    /** planning's plan ids (p-…), as the plan page takes them. */
    private static final Pattern PLAN_ID = Pattern.compile("p-[A-Za-z0-9_-]{1,78}");
    private static final Pattern PLAN_ID_IN_TEXT = Pattern.compile("\\bp-[A-Za-z0-9_-]{1,78}");

    private final Template page;
    private final PlanningApi planning;
    private final IntakeApi intake;
    private final PlanScreen screen;
    private final ServiceCalls calls;
    private final Csrf csrf;
    private final ObjectMapper json;
    private final ConsoleClock clock;
    private final SignedIn staff;

    public HouseholdPlanPage(@Location("plans/household-plan.html") Template page, @RestClient PlanningApi planning,
                             @RestClient IntakeApi intake, PlanScreen screen, ServiceCalls calls,
                             Csrf csrf, ObjectMapper json, ConsoleClock clock, SignedIn staff) {
        this.staff = staff;
        this.page = page;
        this.planning = planning;
        this.intake = intake;
        this.screen = screen;
        this.calls = calls;
        this.csrf = csrf;
        this.json = json;
        this.clock = clock;
    }

    @GET
    public TemplateInstance form(@PathParam("municipality") String municipality,
                                 @PathParam("householdId") String householdId) {
        JsonNode household = household(householdId);
        String existing = openHouseholdPlan(householdPlans(householdId));
        HouseholdPlanForm blank = HouseholdPlanForm.blank(household, UUID.randomUUID().toString(),
                clock.today().toString());
        // 多機関協働プラン is the usual first plan of a household; once it has one, she chooses the type herself
        return view(municipality, household, existing == null ? blank : blank.withoutType(), FormErrors.NONE)
                .data("unavailable", null).data("existingPlan", existing).data("madeAtMeeting", null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@PathParam("municipality") String municipality,
                           @PathParam("householdId") String householdId, MultivaluedMap<String, String> form) {
        csrf.check(form.getFirst(Csrf.FIELD));
        JsonNode household = household(householdId);
        HouseholdPlanForm typed = HouseholdPlanForm.from(form, household);
        Answer answer;
        try {
            answer = calls.call(Service.PLANNING, () -> planning.createForHousehold(householdId,
                    typed.idempotencyKey(), typed.request(json)));
        } catch (ServiceUnavailable e) {
            // nothing typed is lost: the same form and key (a resend makes one plan)
            return Response.status(503).entity(view(municipality, household, typed.withSpareRows(), FormErrors.NONE)
                    .data("unavailable", e.service().labelJa()).data("existingPlan", null)
                    .data("madeAtMeeting", null)).build();
        }
        if (answer.ok()) {
            return Response.seeOther(URI.create("/" + municipality + "/plans/" + answer.field("planId").asText()
                    + "?done=created")).build();
        }
        if (answer.status() == 404) {
            throw new NotVisible();
        }
        FormErrors errors = new FormErrors(typed.onForm(answer.fieldErrors()), typed.labels());
        return Response.status(answer.status() == 409 ? 409 : answer.status() == 403 ? 403 : 400)
                .entity(view(municipality, household, typed.withSpareRows(), errors).data("unavailable", null)
                        .data("existingPlan", null)
                        .data("madeAtMeeting", answer.status() == 409 ? madePlanId(answer.body()) : null))
                .build();
    }

    /** planning's plans of the household; null when planning does not answer (the form still shows). */
    private JsonNode householdPlans(String householdId) {
        try {
            Answer answer = calls.call(Service.PLANNING, () -> planning.ofHousehold(householdId));
            return answer.ok() ? answer.body() : null;
        } catch (ServiceUnavailable e) {
            return null;
        }
    }

    /** The household's open plan made for the household (世帯のプラン), if any: its id. */
    static String openHouseholdPlan(JsonNode plans) {
        if (plans == null) {
            return null;
        }
        for (JsonNode p : plans) {
            if (p.hasNonNull("householdId") && "ACTIVE".equals(p.path("status").asText())) {
                return p.path("planId").asText(null);
            }
        }
        return null;
    }

    /**
     * The plan planning names in its 409 (the meeting made the household's plan already): its {@code planId}
     * extension, else the {@code p-…} its Japanese detail names; null when it names none.
     */
    static String madePlanId(JsonNode problem) {
        if (problem == null) {
            return null;
        }
        String id = problem.path("planId").asText("");
        if (PLAN_ID.matcher(id).matches()) {
            return id;
        }
        Matcher named = PLAN_ID_IN_TEXT.matcher(problem.path("detail").asText(""));
        return named.find() ? named.group() : null;
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

    private TemplateInstance view(String municipality, JsonNode household, HouseholdPlanForm form,
                                  FormErrors errors) {
        return page.data("m", municipality)
                .data("h", json.convertValue(household, Object.class))
                .data("form", form)
                .data("errors", errors)
                .data("types", Coded.labels(PlanType.class))
                .data("meetings", adoptingMeetings(household).stream()
                        .map(mt -> json.convertValue(mt, Object.class)).toList())
                .data("agencies", screen.agencies(municipality));
    }

    /** The meetings the household's members were discussed at that may adopt a plan (重層的支援会議), newest first. */
    static List<JsonNode> adoptingMeetings(JsonNode household) {
        List<JsonNode> found = new ArrayList<>();
        household.path("meetings").forEach(mt -> {
            boolean adopts = Coded.parse(MeetingType.class, mt.path("meetingType").asText())
                    .map(MeetingType::mayAdoptPlans).orElse(false);
            if (adopts) {
                found.add(mt);
            }
        });
        found.sort((a, b) -> b.path("heldOn").asText().compareTo(a.path("heldOn").asText()));
        return found;
    }
}
