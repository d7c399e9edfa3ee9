package jp.tsunagu.console.plans;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import jp.tsunagu.console.clock.ConsoleClock;
import jp.tsunagu.console.services.Answer;
import jp.tsunagu.console.services.IntakeApi;
import jp.tsunagu.console.services.PlanningApi;
import jp.tsunagu.console.services.Service;
import jp.tsunagu.console.services.ServiceCalls;
import jp.tsunagu.console.services.ServiceUnavailable;
import jp.tsunagu.console.signin.Municipalities;
import jp.tsunagu.console.view.FormErrors;
import jp.tsunagu.contract.directory.Agency;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/** The plan page put together: planning's plan (and for 参加支援 its suggestions and placements), intake's 受付番号. */
@ApplicationScoped
public class PlanScreen {

    /** A form sent and refused: which one ({@code revision}, {@code followUp:<placementId>} …), as typed, and why. */
    public record Attempt(String form, Object typed, FormErrors errors) {
        static final Attempt NONE = new Attempt("", null, FormErrors.NONE);

        FormErrors errorsOf(String name) {
            return form.equals(name) ? errors : FormErrors.NONE;
        }

        @SuppressWarnings("unchecked")
        <T> T typedOr(String name, T fresh) {
            return form.equals(name) ? (T) typed : fresh;
        }
    }

    /** An agency a role can name: its id and how the form names it. */
    @TemplateData
    public record AgencyOption(String id, String label) {
    }

    /** A placement with its follow-up form (as typed after a refusal, else blank and dated today). */
    @TemplateData
    public record PlacementView(Object placement, PlanForms.FollowUp form, FormErrors errors, String prefix) {
    }

    /** Every detail a plan version has, in the forms' order. */
    static Set<String> allFields(boolean participation) {
        return participation ? Set.of("wish", "wishTags", "goals", "roles", "reviewOn")
                : Set.of("wish", "goals", "roles", "reviewOn");
    }

    private final Template page;
    private final PlanningApi planning;
    private final IntakeApi intake;
    private final ServiceCalls calls;
    private final Municipalities municipalities;
    private final ObjectMapper json;

    private final ConsoleClock clock;

    public PlanScreen(@Location("plans/plan.html") Template page, @RestClient PlanningApi planning,
                      @RestClient IntakeApi intake, ServiceCalls calls, Municipalities municipalities,
                      ObjectMapper json, ConsoleClock clock) {
        this.clock = clock;
        this.page = page;
        this.planning = planning;
        this.intake = intake;
        this.calls = calls;
        this.municipalities = municipalities;
        this.json = json;
    }

    TemplateInstance render(String municipality, String planId, Attempt attempt) {
        JsonNode plan = calls.read(Service.PLANNING, () -> planning.plan(planId));
        JsonNode versions = plan.path("versions");
        JsonNode current = versions.path(versions.size() - 1);
        String caseId = plan.path("caseId").asText();
        // the 受付番号 people name the case by; the plan still shows if intake does not answer
        Answer status = optional(Service.INTAKE, () -> intake.status(caseId));
        String today = clock.today().toString();
        boolean participation = "PARTICIPATION".equals(plan.path("type").asText());
        boolean active = "ACTIVE".equals(plan.path("status").asText());
        JsonNode household = household(plan);

        List<Object> newestFirst = new ArrayList<>();
        for (int i = versions.size() - 1; i >= 0; i--) {
            newestFirst.add(tree(versions.get(i)));
        }
        TemplateInstance view = page.data("m", municipality)
                .data("planId", planId)
                .data("allFields", allFields(participation))
                .data("plan", tree(plan))
                .data("current", tree(current))
                .data("versions", newestFirst)
                .data("caseNumber", status != null && status.ok() ? status.field("caseNumber").asText(null) : null)
                .data("active", active)
                .data("householdId", plan.path("householdId").asText(null))
                // a household's plan is named by its household as intake labels it (受付番号 in received order)
                .data("householdLabel", household == null ? null : household.path("label").asText(null))
                // a household plan's version holds the household's wish and roles, the subjects their own
                .data("wishLabel", plan.hasNonNull("householdId") ? "世帯の願い" : "本人の希望")
                .data("rolesLabel", plan.hasNonNull("householdId") ? "世帯全体の役割" : "役割")
                .data("subjects", plan.hasNonNull("householdId")
                        ? HouseholdSubjects.of(plan, current, household, json, attempt) : List.of())
                .data("householdWish", HouseholdSubjects.field(plan, current, "householdWish").asText(null))
                .data("householdRoles", HouseholdSubjects.field(plan, current, "householdRoles").isArray()
                        ? tree(HouseholdSubjects.field(plan, current, "householdRoles")) : List.of())
                .data("participation", participation)
                .data("missing", missing(current, participation))
                .data("agencyNames", agencyNames(municipality))
                .data("agencies", agencies(municipality))
                .data("today", today)
                .data("revision", attempt.typedOr("revision",
                        PlanForm.revisionOf(current, UUID.randomUUID().toString(), today)))
                .data("revisionErrors", attempt.errorsOf("revision"))
                .data("details", attempt.typedOr("details",
                        PlanForm.detailsOf(current, UUID.randomUUID().toString())))
                .data("detailsErrors", attempt.errorsOf("details"))
                .data("closure", attempt.typedOr("closure", new PlanForms.Closure(today, "")))
                .data("closureErrors", attempt.errorsOf("closure"))
                .data("placement", attempt.typedOr("placement",
                        new PlanForms.Placement(UUID.randomUUID().toString(), "", today)))
                .data("placementErrors", attempt.errorsOf("placement"));
        if (!participation) {
            return view.data("suggestions", null).data("placements", null).data("tags", List.of())
                    .data("participationUnavailable", false);
        }
        // 参加支援: the ranked resources, the placements made and the catalog's tags for the wish
        Answer suggestions = optional(Service.PLANNING, () -> planning.suggestions(planId));
        Answer placements = optional(Service.PLANNING, () -> planning.placements(planId));
        Answer resources = optional(Service.PLANNING, planning::resources);
        List<PlacementView> placed = new ArrayList<>();
        if (placements != null && placements.ok()) {
            for (JsonNode p : placements.body()) {
                String id = p.path("placementId").asText();
                placed.add(new PlacementView(tree(p), attempt.typedOr("followUp:" + id,
                        new PlanForms.FollowUp(UUID.randomUUID().toString(), id, "", today, "")),
                        attempt.errorsOf("followUp:" + id), "fu" + placed.size() + "-"));
            }
        }
        return view.data("suggestions", suggestions != null && suggestions.ok() ? tree(suggestions.body()) : null)
                .data("placements", placed)
                .data("tags", tags(resources))
                .data("participationUnavailable", suggestions == null || !suggestions.ok()
                        || placements == null || !placements.ok());
    }

    /**
     * A household plan's household as intake shows it to her (its label, its members' 受付番号); null for a person's
     * plan or when intake does not answer (the plan still shows).
     */
    private JsonNode household(JsonNode plan) {
        String householdId = plan.path("householdId").asText("");
        if (householdId.isEmpty()) {
            return null;
        }
        Answer household = optional(Service.INTAKE, () -> intake.household(householdId));
        return household != null && household.ok() ? household.body() : null;
    }

    /** A part of the page: its answer, or null when its service does not answer (the rest still shows). */
    Answer optional(Service service, Supplier<Response> call) {
        try {
            return calls.call(service, call);
        } catch (ServiceUnavailable e) {
            return null;
        }
    }

    /** Which of the current version's details are still empty (a plan made from a meeting's outcome, say). */
    static Set<String> missing(JsonNode current, boolean participation) {
        Set<String> missing = new LinkedHashSet<>();
        if (current.path("wish").asText("").isBlank()) {
            missing.add("wish");
        }
        if (participation && current.path("wishTags").isEmpty()) {
            missing.add("wishTags");
        }
        if (current.path("goals").isEmpty()) {
            missing.add("goals");
        }
        if (current.path("roles").isEmpty() || rolesLackWords(current)) {
            missing.add("roles");
        }
        if (current.path("reviewOn").asText("").isBlank()) {
            missing.add("reviewOn");
        }
        return missing;
    }

    /** Whether a role of the version has its agency but no words (a meeting's review names the agencies only). */
    static boolean rolesLackWords(JsonNode current) {
        for (JsonNode role : current.path("roles")) {
            if (role.path("responsibility").asText("").isBlank()) {
                return true;
            }
        }
        return false;
    }

    /** The tags of the municipality's resources, in the catalog's order: the words a wish is matched with. */
    static List<String> tags(Answer resources) {
        Set<String> tags = new LinkedHashSet<>();
        if (resources != null && resources.ok()) {
            resources.field("resources").forEach(r -> r.path("tags").forEach(t -> tags.add(t.asText())));
        }
        return List.copyOf(tags);
    }

    Map<String, String> agencyNames(String municipality) {
        Map<String, String> names = new LinkedHashMap<>();
        municipalities.of(municipality).ifPresent(d -> d.agencies().forEach(a -> names.put(a.id(), a.name())));
        return names;
    }

    List<AgencyOption> agencies(String municipality) {
        List<AgencyOption> options = new ArrayList<>();
        municipalities.of(municipality).ifPresent(d -> d.agencies().forEach(a -> options.add(
                new AgencyOption(a.id(), a.name() + roleLabel(a)))));
        return options;
    }

    private static String roleLabel(Agency a) {
        return a.role() == null ? "" : "（" + a.role().label() + "）";
    }

    private Object tree(JsonNode node) {
        return json.convertValue(node, Object.class);
    }
}
