package jp.tsunagu.console.cases;

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
import jp.tsunagu.console.services.IntakeApi;
import jp.tsunagu.console.services.NotVisible;
import jp.tsunagu.console.services.Refused;
import jp.tsunagu.console.services.Service;
import jp.tsunagu.console.services.ServiceCalls;
import jp.tsunagu.console.signin.Csrf;
import jp.tsunagu.console.signin.Municipalities;
import jp.tsunagu.console.view.FormErrors;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.Map;

/**
 * 本人検索: a coordinator finds a person's cases by the kana of the name (the surname alone will do) and, to narrow,
 * the birth date. Sent as a POST so that neither travels in a URL; matching (width, hiragana, 長音, 和暦) is intake's.
 */
@Path("/{municipality}/search")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class PersonSearchPage {

    static final Map<String, String> LABELS = Map.of("nameKana", "ふりがな", "birthDate", "生年月日",
            "withNames", "氏名を表示");

    private final Template page;
    private final IntakeApi intake;
    private final ServiceCalls calls;
    private final Csrf csrf;
    private final Municipalities municipalities;
    private final ObjectMapper json;

    public PersonSearchPage(@Location("search.html") Template page, @RestClient IntakeApi intake, ServiceCalls calls,
                            Csrf csrf, Municipalities municipalities, ObjectMapper json) {
        this.page = page;
        this.intake = intake;
        this.calls = calls;
        this.csrf = csrf;
        this.municipalities = municipalities;
        this.json = json;
    }

    @GET
    public TemplateInstance form(@PathParam("municipality") String municipality) {
        return view(municipality, Typed.NONE, FormErrors.NONE, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response search(@PathParam("municipality") String municipality, MultivaluedMap<String, String> form) {
        csrf.check(form.getFirst(Csrf.FIELD));
        String kana = value(form, "nameKana");
        String birth = value(form, "birthDate");
        boolean names = "on".equals(form.getFirst("names"));
        Typed typed = new Typed(kana, birth, names);
        ObjectNode query = json.createObjectNode().put("nameKana", kana);
        if (!birth.isEmpty()) {
            query.put("birthDate", birth);
        }
        if (names) {
            query.put("withNames", true);
        }
        Answer answer = calls.call(Service.INTAKE, () -> intake.search(query));
        if (answer.status() == 400 || answer.status() == 422) {
            return Response.status(answer.status()).entity(view(municipality, typed,
                    new FormErrors(answer.fieldErrors(), LABELS), null)).build();
        }
        if (answer.status() == 404) {
            throw new NotVisible();
        }
        if (!answer.ok()) {
            throw new Refused(answer.status());
        }
        JsonNode items = answer.body().path("items");
        for (JsonNode item : items) {
            if (item instanceof ObjectNode o && o.hasNonNull("agencyId")) {
                o.put("agencyName", municipalities.agencyName(municipality, o.path("agencyId").asText()));
            }
        }
        return Response.ok(view(municipality, typed, FormErrors.NONE, json.convertValue(items, Object.class)))
                .build();
    }

    /** The search as the coordinator typed it, shown again with its answer. */
    private record Typed(String kana, String birth, boolean names) {
        static final Typed NONE = new Typed("", "", false);
    }

    private TemplateInstance view(String municipality, Typed typed, FormErrors errors, Object items) {
        return page.data("m", municipality).data("nameKana", typed.kana()).data("birthDate", typed.birth())
                .data("names", typed.names()).data("errors", errors).data("items", items)
                .data("searched", items != null);
    }

    private static String value(MultivaluedMap<String, String> form, String name) {
        String v = form.getFirst(name);
        return v == null ? "" : v.strip();
    }
}
