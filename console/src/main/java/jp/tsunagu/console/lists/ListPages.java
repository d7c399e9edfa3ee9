package jp.tsunagu.console.lists;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.tsunagu.console.services.Answer;
import jp.tsunagu.console.services.IntakeApi;
import jp.tsunagu.console.services.ServiceUnavailable;
import jp.tsunagu.console.signin.Municipalities;
import jp.tsunagu.console.view.InboxStates;
import jp.tsunagu.console.services.RoutingApi;
import jp.tsunagu.console.services.Service;
import jp.tsunagu.console.services.ServiceCalls;
import jp.tsunagu.contract.codes.CaseStatus;
import jp.tsunagu.contract.codes.Coded;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The lists an agency worker works from, a page each as the services page them (cursor from {@code next}): 受信箱
 * (routing's inbox), 自機関の紹介一覧 (intake's referrals of her agency) and 担当ケース (intake's caseload).
 */
@Path("/{municipality}")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ListPages {

    /** The inbox's tabs, from the one list of its states. */
    private static final Map<String, String> INBOX_TABS = InboxStates.tabs();

    private static final int PAGE = 50;

    private final Template inbox;
    private final Template referrals;
    private final Template caseload;
    private final IntakeApi intake;
    private final RoutingApi routing;
    private final ServiceCalls calls;
    private final ObjectMapper json;
    private final Municipalities municipalities;

    public ListPages(@Location("inbox.html") Template inbox, @Location("referrals.html") Template referrals,
                     @Location("caseload.html") Template caseload, @RestClient IntakeApi intake,
                     @RestClient RoutingApi routing, ServiceCalls calls, ObjectMapper json,
                     Municipalities municipalities) {
        this.municipalities = municipalities;
        this.inbox = inbox;
        this.referrals = referrals;
        this.caseload = caseload;
        this.intake = intake;
        this.routing = routing;
        this.calls = calls;
        this.json = json;
    }

    @GET
    @Path("/inbox")
    public TemplateInstance inbox(@PathParam("municipality") String municipality, @QueryParam("state") String state,
                                  @QueryParam("cursor") String cursor, @QueryParam("answered") String answered) {
        String tab = state == null || !INBOX_TABS.containsKey(state) ? "awaiting" : state;
        JsonNode page = calls.read(Service.ROUTING, () -> routing.inbox(tab, "awaiting".equals(tab) ? "due" : null,
                PAGE, blankToNull(cursor)));
        return inbox.data("m", municipality).data("tabs", INBOX_TABS).data("tab", tab)
                .data("declined", "declined".equals(answered))
                .data("items", tree(page.path("items"))).data("next", page.path("next").asText(null));
    }

    @GET
    @Path("/referrals")
    public TemplateInstance referrals(@PathParam("municipality") String municipality,
                                      @QueryParam("status") String status, @QueryParam("cursor") String cursor) {
        String filter = Coded.parse(CaseStatus.class, status).map(Enum::name).orElse(null);
        JsonNode page = calls.read(Service.INTAKE, () -> intake.sentReferrals(filter, PAGE, blankToNull(cursor)));
        return referrals.data("m", municipality).data("statuses", Coded.labels(CaseStatus.class))
                .data("status", filter).data("items", named(municipality, page.path("items")))
                .data("declines", declines())
                .data("next", page.path("next").asText(null));
    }

    @GET
    @Path("/caseload")
    public TemplateInstance caseload(@PathParam("municipality") String municipality,
                                     @QueryParam("status") String status, @QueryParam("cursor") String cursor) {
        String filter = Coded.parse(CaseStatus.class, status).map(Enum::name).orElse(null);
        JsonNode page = calls.read(Service.INTAKE, () -> intake.caseload(filter, PAGE, blankToNull(cursor)));
        return caseload.data("m", municipality).data("statuses", Coded.labels(CaseStatus.class))
                .data("status", filter).data("items", tree(page.path("items")))
                .data("next", page.path("next").asText(null));
    }

    /** The items with the directory's name of the agency each names (lists carry only the id). */
    private Object named(String municipality, JsonNode items) {
        for (JsonNode item : items) {
            if (item instanceof ObjectNode o && o.hasNonNull("agencyId") && !o.hasNonNull("agencyName")) {
                o.put("agencyName", municipalities.agencyName(municipality, o.path("agencyId").asText()));
            }
        }
        return tree(items);
    }

    /**
     * Why agencies declined her agency's referrals, by case, from routing's notices to the referrer (the reasons
     * are told to the referrer, and only there); empty when routing cannot say, the list shows without them.
     */
    private Map<String, List<String>> declines() {
        Map<String, List<String>> byCase = new HashMap<>();
        try {
            Answer answer = calls.call(Service.ROUTING, () -> routing.notices("referral-declined", 200, null));
            for (JsonNode n : answer.field("items")) {
                JsonNode data = n.path("data");
                byCase.computeIfAbsent(data.path("caseId").asText(), k -> new ArrayList<>())
                        .add(data.path("reason").asText(""));
            }
        } catch (ServiceUnavailable e) {
            return Map.of();
        }
        return byCase;
    }

    private Object tree(JsonNode node) {
        return json.convertValue(node, Object.class);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
