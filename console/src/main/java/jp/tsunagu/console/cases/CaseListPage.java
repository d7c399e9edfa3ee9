package jp.tsunagu.console.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.tsunagu.console.clock.ConsoleClock;
import jp.tsunagu.console.services.Answer;
import jp.tsunagu.console.services.IntakeApi;
import jp.tsunagu.console.services.NotVisible;
import jp.tsunagu.console.services.Refused;
import jp.tsunagu.console.services.Service;
import jp.tsunagu.console.services.ServiceCalls;
import jp.tsunagu.console.signin.Municipalities;
import jp.tsunagu.console.view.FormErrors;
import jp.tsunagu.console.web.Ids;
import jp.tsunagu.contract.codes.CaseStatus;
import jp.tsunagu.contract.codes.Coded;
import jp.tsunagu.contract.codes.Concern;
import jp.tsunagu.contract.codes.Field;
import jp.tsunagu.contract.codes.FiscalYear;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.Urgency;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * 案件一覧: the municipality's cases as intake lists them for coordinators, with its filters and pages, possible
 * duplicates marked. The person's name only when she asks for it ({@code withNames}), which intake audits.
 */
@Path("/{municipality}/cases")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class CaseListPage {

    private static final int PAGE = 50;
    private static final int YEARS_SHOWN = 5;

    /** The list's labels, for the error summary of a filter intake refused. */
    static final Map<String, String> LABELS = Map.ofEntries(Map.entry("status", "状況"), Map.entry("track", "会議"),
            Map.entry("field", "分野"), Map.entry("concern", "課題"), Map.entry("area", "地区"),
            Map.entry("agency", "担当機関"), Map.entry("urgency", "緊急度"), Map.entry("overdue", "期限超過"),
            Map.entry("receivedFrom", "受付日（から）"), Map.entry("receivedTo", "受付日（まで）"),
            Map.entry("fiscalYear", "年度"), Map.entry("caseNumber", "受付番号"), Map.entry("cursor", "ページ"),
            Map.entry("withNames", "氏名を表示"));

    private final Template list;
    private final IntakeApi intake;
    private final ServiceCalls calls;
    private final Municipalities municipalities;
    private final ObjectMapper json;

    private final ConsoleClock clock;

    public CaseListPage(@Location("cases.html") Template list, @RestClient IntakeApi intake, ServiceCalls calls,
                        Municipalities municipalities, ObjectMapper json, ConsoleClock clock) {
        this.clock = clock;
        this.list = list;
        this.intake = intake;
        this.calls = calls;
        this.municipalities = municipalities;
        this.json = json;
    }

    @GET
    public Response list(@PathParam("municipality") String municipality, @BeanParam CaseFilter filter,
                         @HeaderParam("Sec-Fetch-Site") String fetchSite) {
        if (filter.names() != null && Ids.fromAnotherSite(fetchSite)) {
            // names are an audited read in her name: another site's link shows the list without them
            return Response.seeOther(URI.create("/" + municipality + "/cases")).build();
        }
        return Response.ok(page(municipality, filter)).build();
    }

    private TemplateInstance page(String municipality, CaseFilter filter) {
        Answer answer = calls.call(Service.INTAKE, () -> intake.cases(filter.toQuery(PAGE)));
        FormErrors errors = FormErrors.NONE;
        JsonNode items = json.createArrayNode();
        String next = null;
        if (answer.status() == 400 || answer.status() == 422) {
            errors = new FormErrors(answer.fieldErrors(), LABELS);
        } else if (answer.status() == 404) {
            throw new NotVisible();
        } else if (!answer.ok()) {
            throw new Refused(answer.status());
        } else {
            items = answer.body().path("items");
            next = answer.body().path("next").asText(null);
            for (JsonNode item : items) {
                if (item instanceof ObjectNode o && o.hasNonNull("agencyId")) {
                    o.put("agencyName", municipalities.agencyName(municipality, o.path("agencyId").asText()));
                }
            }
        }
        return list.data("m", municipality).data("f", filter).data("errors", errors)
                .data("items", json.convertValue(items, Object.class)).data("next", next)
                .data("statuses", Coded.labels(CaseStatus.class)).data("tracks", Coded.labels(MeetingType.class))
                .data("fields", Coded.labels(Field.class)).data("concerns", Coded.labels(Concern.class))
                .data("urgencies", Coded.labels(Urgency.class)).data("years", recentYears())
                .data("agencies", agencies(municipality));
    }

    /** The fiscal years a coordinator usually asks for: this one and the four before, labelled in 令和. */
    private Map<String, String> recentYears() {
        Map<String, String> years = new LinkedHashMap<>();
        FiscalYear now = clock.fiscalYear();
        for (int i = 0; i < YEARS_SHOWN; i++) {
            FiscalYear y = new FiscalYear(now.year() - i);
            years.put(y.label(), y.japaneseLabel());
        }
        return years;
    }

    private Map<String, String> agencies(String municipality) {
        Map<String, String> names = new LinkedHashMap<>();
        municipalities.of(municipality).ifPresent(d -> d.agencies().forEach(a -> names.put(a.id(), a.name())));
        return names;
    }
}
