package jp.tsunagu.console.reports;

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
import jp.tsunagu.console.services.NotVisible;
import jp.tsunagu.console.services.ReportingApi;
import jp.tsunagu.console.services.Service;
import jp.tsunagu.console.services.ServiceCalls;
import jp.tsunagu.console.signin.Csrf;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.net.URI;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * 再集計（リプレイ）: reporting rebuilds her municipality's figures from the whole event log, compares every one with
 * the live figures and, when asked, reports the year table under other definitions of 取扱件数 and 作成件数. She
 * starts one, follows its progress and reads the comparison; reporting decides who may and how many at once.
 */
@Path("/{municipality}/reports/replays")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ReplayPage {

    /** The definitions she may choose, as reporting names them, and what each means. */
    static final Map<String, String> CASES_HANDLED = Map.of("REVIEWS", "検討の延べ件数（現在の定義）",
            "DISTINCT_CASES", "実件数（同じケースは年度に1件）");
    static final Map<String, String> MADE = Map.of("CREATED_AND_REVISED", "作成と再プラン（現在の定義）",
            "CREATED_ONLY", "新規作成のみ");

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,80}");

    private final Template list;
    private final Template one;
    private final ReportingApi reporting;
    private final ServiceCalls calls;
    private final Csrf csrf;
    private final ObjectMapper json;

    public ReplayPage(@Location("reports/replays.html") Template list, @Location("reports/replay.html") Template one,
                      @RestClient ReportingApi reporting, ServiceCalls calls, Csrf csrf, ObjectMapper json) {
        this.list = list;
        this.one = one;
        this.reporting = reporting;
        this.calls = calls;
        this.csrf = csrf;
        this.json = json;
    }

    @GET
    public TemplateInstance replays(@PathParam("municipality") String municipality) {
        return page(municipality, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response start(@PathParam("municipality") String municipality, MultivaluedMap<String, String> form) {
        csrf.check(form.getFirst(Csrf.FIELD));
        ObjectNode definitions = json.createObjectNode();
        String casesHandled = form.getFirst("casesHandled");
        String made = form.getFirst("made");
        if (casesHandled != null && !casesHandled.isBlank()) {
            definitions.put("casesHandled", casesHandled);
        }
        if (made != null && !made.isBlank()) {
            definitions.put("made", made);
        }
        Answer answer = calls.call(Service.REPORTING, () -> reporting.startReplay(definitions));
        if (answer.ok()) {
            return Response.seeOther(URI.create("/" + municipality + "/reports/replays/"
                    + answer.field("replayId").asText())).build();
        }
        // 409: one is running (hers or, at the service's limit, another city's); 400: a definition it does not know
        String refusal = answer.status() == 409
                ? "再集計はすでに実行中です（同時に実行できる数に達しています）。終わってからもう一度開始してください。"
                : answer.fieldErrors().values().stream().findFirst().orElse("開始できませんでした。");
        return Response.status(answer.status() == 409 ? 409 : 400).entity(page(municipality, refusal)).build();
    }

    @GET
    @Path("/{replayId}")
    public TemplateInstance replay(@PathParam("municipality") String municipality,
                                   @PathParam("replayId") String replayId) {
        if (!ID.matcher(replayId).matches()) {
            throw new NotVisible();
        }
        JsonNode run = calls.read(Service.REPORTING, () -> reporting.replay(replayId));
        JsonNode other = run.path("figuresUnderDefinitions");
        YearTable.Table chosen = other.isObject() ? YearTable.underOtherDefinitions(Replays.yearsOf(other)) : null;
        YearTable.Table live = null;
        if (chosen != null && !chosen.isEmpty()) {
            // the live table of the same years, to read beside it
            live = YearTable.of(calls.read(Service.REPORTING, () -> reporting.fiscalYears(
                    Replays.firstYear(other), Replays.lastYear(other))));
        }
        return one.data("m", municipality).data("tab", "replays")
                .data("r", json.convertValue(run, Object.class))
                .data("running", Replays.running(run))
                .data("definitions", Replays.definitions(run, CASES_HANDLED, MADE))
                .data("chosen", chosen).data("live", live);
    }

    private TemplateInstance page(String municipality, String refusal) {
        JsonNode runs = calls.read(Service.REPORTING, reporting::replays);
        return list.data("m", municipality).data("tab", "replays")
                .data("runs", Replays.rows(runs, CASES_HANDLED, MADE))
                .data("casesHandled", CASES_HANDLED).data("made", MADE)
                .data("refusal", refusal);
    }
}
