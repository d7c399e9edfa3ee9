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
import jp.tsunagu.console.services.IntakeApi;
import jp.tsunagu.console.services.RoutingApi;
import jp.tsunagu.console.services.Service;
import jp.tsunagu.console.services.ServiceCalls;
import jp.tsunagu.contract.codes.CaseStatus;
import jp.tsunagu.contract.codes.Coded;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The lists an agency worker works from, a page each as the services page them (cursor from {@code next}): 受信箱
 * (routing's inbox), 自機関の紹介一覧 (intake's referrals of her agency) and 担当ケース (intake's caseload).
 */
@Path("/{municipality}")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ListPages {

    /** The inbox's states as routing names them, in the order the tabs show them. */
    private static final Map<String, String> INBOX_TABS = new LinkedHashMap<>();

    static {
        INBOX_TABS.put("awaiting", "回答待ち");
        INBOX_TABS.put("accepted", "受理済み");
        INBOX_TABS.put("declined", "辞退済み");
        INBOX_TABS.put("expired", "期限切れ");
        INBOX_TABS.put("all", "すべて");
    }

    private static final int PAGE = 50;

    private final Template inbox;
    private final Template referrals;
    private final Template caseload;
    private final IntakeApi intake;
    private final RoutingApi routing;
    private final ServiceCalls calls;
    private final ObjectMapper json;

    public ListPages(@Location("inbox.html") Template inbox, @Location("referrals.html") Template referrals,
                     @Location("caseload.html") Template caseload, @RestClient IntakeApi intake,
                     @RestClient RoutingApi routing, ServiceCalls calls, ObjectMapper json) {
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
                                  @QueryParam("cursor") String cursor) {
        String tab = state == null || !INBOX_TABS.containsKey(state) ? "awaiting" : state;
        JsonNode page = calls.read(Service.ROUTING, () -> routing.inbox(tab, "awaiting".equals(tab) ? "due" : null,
                PAGE, blankToNull(cursor)));
        return inbox.data("m", municipality).data("tabs", INBOX_TABS).data("tab", tab)
                .data("items", tree(page.path("items"))).data("next", page.path("next").asText(null));
    }

    @GET
    @Path("/referrals")
    public TemplateInstance referrals(@PathParam("municipality") String municipality,
                                      @QueryParam("status") String status, @QueryParam("cursor") String cursor) {
        String filter = Coded.parse(CaseStatus.class, status).map(Enum::name).orElse(null);
        JsonNode page = calls.read(Service.INTAKE, () -> intake.sentReferrals(filter, PAGE, blankToNull(cursor)));
        return referrals.data("m", municipality).data("statuses", Coded.labels(CaseStatus.class))
                .data("status", filter).data("items", tree(page.path("items")))
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

    private Object tree(JsonNode node) {
        return json.convertValue(node, Object.class);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
